"""Extract, update, compile and check launchcal's message catalogs, with babel's catalog tools.

    python scripts/catalogs.py            # all three steps below, then the check
    python scripts/catalogs.py extract    # launchcal/**.py -> launchcal/locale/launchcal.pot
    python scripts/catalogs.py update     # the .pot's messages into every .po (new ones empty)
    python scripts/catalogs.py compile    # every .po -> its .mo (what launchcal reads)
    python scripts/catalogs.py check      # exit 1 on a missing, fuzzy or broken translation
    python scripts/catalogs.py init LOCALE ...   # start a catalog (Plural-Forms from CLDR)

Messages are marked in the code with babel's default keywords (``gettext``, ``ngettext``,
``pgettext``, ``N_``: see launchcal/messages.py). The files are written without dates or
versions that change on every run, so a catalog changes in git only when its messages do.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "launchcal"
FOLDER = PACKAGE / "locale"
DOMAIN = "launchcal"
TEMPLATE = FOLDER / f"{DOMAIN}.pot"
#: The context of launchcal.messages.Words.clocked's messages about a time on a clock.
CLOCKED = "on a clock"
HEADER = "# launchcal's own words. Edit the .po files; scripts/catalogs.py writes the rest."


#: Headers babel fills with the clock or its own version: left out, so files change only with
#: their messages (and a .mo compiled today equals one compiled last month).
UNSTABLE = ("POT-Creation-Date", "PO-Revision-Date", "Generated-By")


class _StableCatalog(Catalog):  # type: ignore[misc]
    @property
    def mime_headers(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in super().mime_headers if k not in UNSTABLE]


def _catalog(locale: str | None = None) -> Catalog:
    return _StableCatalog(
        locale=locale,
        domain=DOMAIN,
        project="launchcal",
        version="2",
        msgid_bugs_address="the launchcal issue tracker",
        last_translator="The launchcal developers",
        language_team="The launchcal developers",
        copyright_holder="The launchcal developers",
        header_comment=HEADER,
        fuzzy=False,
    )


def _write(catalog: Catalog, path: Path) -> None:
    """Write a .po/.pot without the dates babel would otherwise refresh on every run."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, omit_header=False, ignore_obsolete=True)
    lines = [
        line
        for line in out.getvalue().decode().splitlines(keepends=True)
        if not line.startswith(tuple(f'"{name}:' for name in UNSTABLE))
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")


def po_files() -> list[Path]:
    """Every catalog, one per locale."""
    return sorted(FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def marked() -> Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]:
    """Every message marked in launchcal/: file, line, message, comments and context."""
    # Words.clocked(clock, context, message): the message in its context and without one.
    keywords = {**DEFAULT_KEYWORDS, "N_": None, "message": None, "clocked": ((2, "c"), 3)}
    for filename, line, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=keywords, comment_tags=("NOTE:",)
    ):
        for own in [context, *([None] if context == CLOCKED else [])]:
            yield filename, line, message, comments, own


def extract() -> Catalog:
    """The messages marked in launchcal/, with the file and line each comes from."""
    template = _catalog()
    for filename, line, message, comments, context in marked():
        template.add(
            message, locations=[(f"launchcal/{filename}", line)], auto_comments=comments,
            context=context,
        )  # fmt: skip
    _write(template, TEMPLATE)
    return template


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        catalog = read_po(file, locale=locale)
    catalog.__class__ = _StableCatalog
    return catalog


def update() -> None:
    """Bring every catalog to the template's messages (babel marks near matches fuzzy)."""
    template = read(TEMPLATE)
    for path in po_files():
        locale = path.parent.parent.name
        catalog = read(path, locale)
        catalog.update(template, no_fuzzy_matching=False)
        _write(catalog, path)


def init(locales: list[str]) -> None:
    """Start catalogs; babel writes each one's Plural-Forms from CLDR's plural rules."""
    template = read(TEMPLATE)
    for locale in locales:
        path = FOLDER / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.exists():
            sys.exit(f"{path} exists already")
        catalog = _catalog(locale)
        catalog.update(template)
        _write(catalog, path)


def compiled(path: Path) -> bytes:
    """The .mo bytes of a .po (fuzzy entries left out, as gettext expects)."""
    out = io.BytesIO()
    write_mo(out, read(path, path.parent.parent.name), use_fuzzy=False)
    return out.getvalue()


def compile_all() -> None:
    for path in po_files():
        path.with_suffix(".mo").write_bytes(compiled(path))


def problems(path: Path) -> list[str]:
    """What keeps a catalog from being complete: missing, fuzzy or placeholder-breaking."""
    catalog = read(path, path.parent.parent.name)
    found = []
    if catalog.fuzzy:
        found.append("the catalog header is fuzzy")
    for message in catalog:
        if not message.id:
            continue
        name = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"missing: {name!r}")
        if message.fuzzy:
            found.append(f"fuzzy: {name!r}")
        found.extend(f"{name!r}: {error}" for error in message.check(catalog))
    return found


def check() -> int:
    template = {m.id for m in read(TEMPLATE) if m.id}
    bad = 0
    for path in po_files():
        catalog = read(path, path.parent.parent.name)
        own = {m.id for m in catalog if m.id}
        issues = problems(path)
        issues += [f"not in the catalog: {m!r}" for m in template - own]
        if path.with_suffix(".mo").read_bytes() != compiled(path):
            issues.append("the .mo is not the compiled .po: run scripts/catalogs.py compile")
        locale = path.parent.parent.name
        print(f"{locale:8} {len(own)} messages" + (f", {len(issues)} problems" if issues else ""))
        for issue in issues:
            print(f"    {issue}")
        bad += bool(issues)
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step", nargs="?", default="all",
        choices=["all", "extract", "update", "compile", "check", "init"],
    )  # fmt: skip
    parser.add_argument("locales", nargs="*", help="for init: the locales to start")
    args = parser.parse_args()
    if args.step in ("all", "extract"):
        extract()
    if args.step == "init":
        init(args.locales)
    if args.step in ("all", "update"):
        update()
    if args.step in ("all", "compile"):
        compile_all()
    if args.step in ("all", "check"):
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
