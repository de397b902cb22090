"""Size of ``launchcal html``'s output, beside its target.

    python benchmarks/bench_html.py

Prints the example's snippet and page sizes (raw and gzipped) against the 3 KB gzipped budget
of the snippet, and the widgets it replaces. Its speed is in ``benchmarks/bench_cli.py``.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xiaomi-12s.toml"
BUDGET = 3 * 1024
# Published sizes of the alternatives the issue names (before gzip, without their CSS).
OTHERS = {"flipdown (JS)": 10 * 1024, "pqina Tick (JS)": 64 * 1024}


def _gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


def sizes(path: Path) -> None:
    from launchcal import eventfile, render

    event = eventfile.load(path).events[0]
    snippet = render.snippet(event)
    page = render.page(event)
    script = render.script()
    print(f"{'output':<28}{'bytes':>8}{'gzip -9':>9}")
    for name, text in (("snippet (whole)", snippet), ("  of which script", script),
                       ("page (--page)", page)):  # fmt: skip
        print(f"{name:<28}{len(text.encode()):>8}{_gz(text):>9}")
    size = _gz(snippet)
    verdict = "within" if size <= BUDGET else "OVER"
    print(f"snippet gzipped: {size} B = {size / BUDGET:.2f} x the 3 KB budget ({verdict})")
    for name, other in OTHERS.items():
        print(
            f"  {name} {other // 1024} KB before gzip = {other / len(snippet):.1f} x this snippet"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    sizes(EXAMPLE)
    print("speed: python benchmarks/bench_cli.py (html and html --page against python -c pass)")


if __name__ == "__main__":
    main()
