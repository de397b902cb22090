"""Size of ``launchcal html``'s output, beside its budgets.

    python benchmarks/bench_html.py

Prints each widget style's size (raw and gzipped) for the example against its gzipped budget:
``text`` and ``compact`` at most 3 KB, ``tiles`` and ``banner`` (with the add-to-calendar menu,
its .ics embedded) at most 4.5 KB; then the page and the overlay, and the widgets the styles
replace. Then the text widget in each language launchcal has a catalog for, against the same
3 KB: written in that one language (``--locale fr`` with ``languages=()``), with English beside
it (``--locale fr``, the default) and with five languages for the viewer's browser to pick
from (``--locale fr,en,sw,zh,ar``). Its speed is in ``benchmarks/bench_cli.py``.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path
from typing import Any

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
    return languages(event) and within


#: The languages a viewer's browser picks among in the third column (the page's first).
PICK = ("en", "sw", "zh", "ar")


def languages(event: Any) -> bool:
    """Print the text widget's gzipped size per page language; whether the one-language
    widget of every language is within the text style's budget."""
    from launchcal import messages, render

    budget = BUDGETS["text"]
    print(f"\n{'text widget, --locale':<22}{'alone':>7}{'+ en':>7}{'+ 4 more':>9}{'budget':>8}")
    worst: tuple[int, str] = (0, "")
    for locale in ("en", *messages.catalog_locales()):
        tag = locale.replace("_", "-")
        alone = _gz(render.snippet(event, render.Options(locale=tag, languages=())))
        english = _gz(render.snippet(event, render.Options(locale=tag)))
        more = tuple(other for other in PICK if other != tag)[:4]
        several = _gz(render.snippet(event, render.Options(locale=tag, languages=more)))
        worst = max(worst, (alone, tag))
        verdict = "within" if alone <= budget else "OVER"
        print(f"{tag:<22}{alone:>7}{english:>7}{several:>9}{budget:>8} {verdict}")
    print(f"largest one-language widget: {worst[1]}, {worst[0]} bytes = "
          f"{worst[0] / budget:.2f} x the {budget}-byte budget")  # fmt: skip
    return worst[0] <= budget


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    ok = sizes(EXAMPLE)
    print("every style within its budget" if ok else "a style is OVER its budget")
    print("speed: python benchmarks/bench_cli.py (html and html --page against python -c pass)")


if __name__ == "__main__":
    main()
