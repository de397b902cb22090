"""Size of ``launchcal html``'s output, beside its budgets.

    python benchmarks/bench_html.py

Prints each widget style's size (raw and gzipped) for the example against its gzipped budget:
``text`` and ``compact`` at most 3 KB, ``tiles`` and ``banner`` (with the add-to-calendar menu,
its .ics embedded) at most 4.5 KB; then the page and the overlay, and the widgets the styles
replace. Its speed is in ``benchmarks/bench_cli.py``.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xiaomi-12s.toml"
#: Gzipped budget of each style, in bytes (the menu is on by default in tiles and banner).
BUDGETS = {"text": 3 * 1024, "compact": 3 * 1024, "tiles": 4608, "banner": 4608}
# Published sizes of the alternatives the issue names (before gzip, without their CSS).
OTHERS = {"flipdown (JS)": 10 * 1024, "pqina Tick (JS)": 64 * 1024}


def _gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


def sizes(path: Path) -> bool:
    """Print the table; whether every style is within its budget."""
    from launchcal import eventfile, render

    event = eventfile.load(path).events[0]
    print(f"{'output':<30}{'bytes':>8}{'gzip -9':>9}{'budget':>8}{'ratio':>7}")
    within = True
    smallest = None
    for style, budget in BUDGETS.items():
        options = render.Options(style=style)  # type: ignore[arg-type]
        text = render.snippet(event, options)
        size = _gz(text)
        within = within and size <= budget
        menu = " + menu" if options.with_menu else ""
        verdict = "within" if size <= budget else "OVER"
        print(
            f"{'--style ' + style + menu:<30}{len(text.encode()):>8}{size:>9}{budget:>8}"
            f"{size / budget:>7.2f} {verdict}"
        )
        smallest = len(text) if smallest is None else min(smallest, len(text))
    others = (
        ("  of which script", render.script()),
        ("page (--page)", render.page(event)),
        ("overlay (--overlay)", render.overlay(event)),
    )
    for name, text in others:
        print(f"{name:<30}{len(text.encode()):>8}{_gz(text):>9}")
    assert smallest is not None
    for name, other in OTHERS.items():
        print(f"  {name} {other // 1024} KB before gzip = {other / smallest:.1f} x the text style")
    return within


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    ok = sizes(EXAMPLE)
    print("every style within its budget" if ok else "a style is OVER its budget")
    print("speed: python benchmarks/bench_cli.py (html and html --page against python -c pass)")


if __name__ == "__main__":
    main()
