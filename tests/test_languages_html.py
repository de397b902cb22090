"""The widget, page and site in the reader's language: what the server writes (the no-JavaScript
text, ``lang`` and ``dir``), what it ships for the browser to pick from, and ``build --locales``.
The browser's side is in tests/test_browser.py."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from launchcal import eventfile, messages, render, site
from launchcal.errors import InputError
from launchcal.event import Event
from tests.conftest import EXAMPLES
from tests.test_cli_html import TWO_EVENTS, run

EXAMPLE = EXAMPLES / "xiaomi-12s.toml"
STAMP = dt.datetime(2022, 7, 1, tzinfo=dt.UTC)


def example() -> Event:
    return eventfile.load(EXAMPLE).events[0]


class _Head(html.parser.HTMLParser):
    """The ``<html>`` attributes, the alternates, the headings and every ``data-k`` text."""

    def __init__(self) -> None:
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.alternates: dict[str, str] = {}
        self.keyed: dict[str, str] = {}
        self._key: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.root = found
        if tag == "link" and found.get("rel") == "alternate":
            self.alternates[str(found["hreflang"])] = str(found["href"])
        self._key = found.get("data-k")

    def handle_data(self, data: str) -> None:
        if self._key is not None:
            self.keyed.setdefault(self._key, data)
            self._key = None


def _read(text: str) -> _Head:
    parser = _Head()
    parser.feed(text)
    return parser


def _shipped(text: str) -> dict[str, dict[str, str]]:
    found = re.search(r"data-i='([^']*)'", text)
    assert found is not None
    return json.loads(html.unescape(found.group(1)))  # type: ignore[no-any-return]


# --- what ships -------------------------------------------------------------------------------


def test_one_language_ships_english_beside_it_unless_told() -> None:
    assert render.Options().shipped == ()
    assert render.Options(locale="fr").shipped == ("fr", "en")
    assert render.Options(locale="fr", languages=()).shipped == ("fr",)
    assert render.Options(locale="fr", languages=("sw", "zh")).shipped == ("fr", "sw", "zh")
    # The same catalog twice is one language: fr-CA reads fr's words; English beside en-GB.
    assert render.Options(locale="fr", languages=("fr-CA",)).shipped == ("fr",)
    assert render.Options(locale="en-GB").shipped == ("en-GB",)


def test_parse_locales() -> None:
    assert render.parse_locales("fr,sw,zh") == ("fr", "sw", "zh")
    assert render.parse_locales("ar-EG, fr, ar-EG") == ("ar-EG", "fr")
    with pytest.raises(InputError, match="empty item; write it like fr,sw,zh"):
        render.parse_locales("fr,,sw")
    with pytest.raises(InputError, match="xx"):
        render.parse_locales("fr,xx-nope")


def test_the_snippet_carries_each_other_languages_words() -> None:
    text = render.snippet(example(), render.Options(locale="fr", languages=("sw", "ar")))
    shipped = _shipped(text)
    assert list(shipped) == ["fr", "sw", "ar"]
    assert shipped["fr"] == {}  # the page's own words are in the markup
    assert shipped["sw"]["v"] == "Moja kwa moja sasa"
    assert shipped["ar"]["dir"] == "rtl"
    assert shipped["ar"]["w"] == "يبدأ بعد %(time)s"
    # Only the words this widget shows: no menu, no replay link here.
    assert "add" not in shipped["sw"]
    assert "replay" not in shipped["sw"]
    assert 'data-w="Commence dans %(time)s"' in text
    # One language: nothing to pick, nothing shipped.
    assert "data-i=" not in render.snippet(example(), render.Options(locale="fr", languages=()))
    assert "data-i=" not in render.snippet(example())


def test_a_page_and_a_snippet_ship_their_servers_times_and_places_in_each_language() -> None:
    """The start, its zone and the audience cities, as the server writes them in each other
    language, for a page and a snippet; a season's index (many widgets, one set of words)
    leaves them in the page's own."""
    page = render.page(example(), render.Options(locale="fr", languages=("zh",)), stamp=STAMP)
    zh = _shipped(page)["zh"]
    assert (zh["_m"], zh["_p1"], zh["_n1"]) == (
        "2022年7月4日周一 19:00",
        "伦敦，英国",
        "英国夏令时间",
    )
    assert "_t1" not in zh  # 12:00 in both: the page's stays
    assert '<th scope="row" data-k="_p1">Londres, Royaume-Uni</th>' in page
    snippet = render.snippet(example(), render.Options(locale="fr", languages=("zh", "sw")))
    zh, sw = _shipped(snippet)["zh"], _shipped(snippet)["sw"]
    assert (zh["_m"], zh["_p1"], zh["_a1"]) == (
        "2022年7月4日周一 19:00",
        "伦敦，英国",
        "2022年7月4日周一 12:00",
    )
    assert '<span data-k="_p1">Londres, Royaume-Uni</span>' in snippet
    assert '<bdi data-k="_m">lun. 4 juil. 2022, 19:00</bdi>' in snippet
    # A line a language says as the page does ("Nairobi") is not shipped again: the script
    # leaves the page's.
    assert "_p0" not in sw
    assert sw["_p1"] == "London, Ufalme wa Muungano"
    # One language: nothing shipped, no keys.
    alone = render.snippet(example(), render.Options(locale="fr", languages=()))
    assert 'data-k="_' not in alone
    calendar = eventfile.load(EXAMPLES / "launch-season.toml")
    index = "".join(render.season_index(
        calendar, render.Options(locale="fr", languages=("zh",)),
        hrefs={e.id: e.id for e in calendar.events}, feed_href="feed.ics",
    ))  # fmt: skip
    assert not any(key.startswith("_") for key in _shipped(index)["zh"])


def test_every_shipped_word_is_translated_with_its_placeholders() -> None:
    english = render.words("en")
    for locale in messages.catalog_locales():
        said = render.words(locale)
        assert said.keys() == english.keys()
        for key, text in said.items():
            assert sorted(re.findall(r"%\(\w+\)s", text)) == sorted(
                re.findall(r"%\(\w+\)s", english[key])
            ), (
                locale,
                key,
            )
            # A word left in English is a missing translation, not a choice, except the
            # brand names and words that other languages borrow as they are.
            if text == english[key] and key not in ("online", "sessions", "minutes", "email"):
                assert key in ("google", "yahoo") or locale in ("fil",), (locale, key, text)


# --- the page's own language, written by the server -------------------------------------------


def test_the_page_without_javascript_is_in_its_language() -> None:
    text = render.page(example(), render.Options(locale="fr"), stamp=STAMP)
    head = _read(text)
    assert (head.root["lang"], head.root["dir"]) == ("fr", "ltr")
    assert head.keyed["around"] == "Dans le monde"
    assert head.keyed["add_yours"] == "Ajouter à votre agenda"
    assert head.keyed["google"] == "Google Agenda"
    assert '<th scope="row" data-k="_p1">Londres, Royaume-Uni</th>' in text
    assert "heure normale de la Chine" in text
    assert '<bdi data-k="_m">lun. 4 juil. 2022, 19:00</bdi>' in text


@pytest.mark.parametrize(
    ("locale", "written"), [("zh", "下午7:00"), ("en", "7:00 PM"), ("ko", "오후 7:00")]
)
def test_a_twelve_hour_page_uses_the_locales_own_day_periods(locale: str, written: str) -> None:
    text = render.page(example(), render.Options(locale=locale, clock=12), stamp=STAMP)
    assert written in text


@pytest.mark.parametrize("locale", ["ar", "fa", "he", "ur"])
def test_right_to_left_pages_isolate_times_and_offsets(locale: str) -> None:
    text = render.page(example(), render.Options(locale=locale), stamp=STAMP)
    head = _read(text)
    assert (head.root["lang"], head.root["dir"]) == (locale, "rtl")
    assert '<div class="lcw lcw-te lcw-ta" lang="' + locale + '" dir="rtl"' in text
    assert re.search(r'<td><time datetime="[^"]+"><b><bdi data-k="_t0">', text)
    assert re.search(r'<span class="lcp-o">\(<bdi data-k="_o0">[^<]+</bdi>\)</span>', text)
    # Inside a sentence, the offset is set in Unicode isolates.
    assert f"{messages.FSI}Asia/Shanghai{messages.PDI}" in text


def test_the_season_index_speaks_the_languages_too() -> None:
    calendar = eventfile.load(EXAMPLES / "launch-season.toml")
    options = render.Options(locale="sw", languages=("fr",))
    text = "".join(render.season_index(
        calendar, options, hrefs={e.id: e.id for e in calendar.events}, feed_href="feed.ics",
        now=dt.datetime(2026, 9, 30, tzinfo=dt.UTC),
    ))  # fmt: skip
    head = _read(text)
    assert head.root["lang"] == "sw"
    assert head.keyed["download_feed"] == "Pakua mlisho (.ics)"
    assert _shipped(text)["fr"]["upcoming"] == "À venir"


# --- build --locales --------------------------------------------------------------------------


def _built(folder: Path) -> dict[str, _Head]:
    return {
        str(path.relative_to(folder).parent): _read(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("index.html"))
    }


def test_build_writes_a_page_per_language_linking_the_same_set(tmp_path: Path) -> None:
    options = render.Options(locale="fr", languages=("sw", "zh", "ar"))
    site.build(example(), tmp_path / "out", options, stamp=STAMP, per_language=True)
    pages = _built(tmp_path / "out")
    assert sorted(pages) == [".", "ar", "fr", "sw", "zh"]
    base = "https://example.com/x/"
    resolved = {}
    for where, head in pages.items():
        here = base if where == "." else f"{base}{where}/"
        resolved[where] = {tag: urljoin(here, href) for tag, href in head.alternates.items()}
        language = "fr" if where == "." else where
        assert head.root["lang"] == language
        assert head.root["dir"] == ("rtl" if language == "ar" else "ltr")
        assert head.keyed["around"] == render.words(language)["around"]
        assert head.keyed["languages"] == render.words(language)["languages"]
    # Every page lists the same alternates, each language's page and the x-default (the root,
    # whose widget picks the viewer's language among them); each language page is one language.
    first = resolved["."]
    assert all(found == first for found in resolved.values())
    assert first == {
        "fr": f"{base}fr/", "sw": f"{base}sw/", "zh": f"{base}zh/", "ar": f"{base}ar/",
        "x-default": base,
    }  # fmt: skip
    assert list(_shipped((tmp_path / "out" / "index.html").read_text())) == ["fr", "sw", "zh", "ar"]
    sw = (tmp_path / "out" / "sw" / "index.html").read_text()
    assert "data-i=" not in sw
    assert 'href="../xiaomi-12s-launch.ics"' in sw
    assert '<a href="../zh/" hreflang="zh" lang="zh">中文</a>' in sw


def test_build_with_a_base_url_links_absolute_alternates(tmp_path: Path) -> None:
    options = render.Options(locale="fr", languages=("sw",), base_url="https://example.com/l")
    site.build(example(), tmp_path / "out", options, stamp=STAMP, per_language=True)
    sw = _read((tmp_path / "out" / "sw" / "index.html").read_text())
    assert sw.alternates == {
        "fr": "https://example.com/l/fr/", "sw": "https://example.com/l/sw/",
        "x-default": "https://example.com/l/",
    }  # fmt: skip
    assert (
        '<link rel="canonical" href="https://example.com/l/sw/">'
        in (tmp_path / "out" / "sw" / "index.html").read_text()
    )


def test_cli_build_locales(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, stdout, err = run(runner, "build", EXAMPLE, "-o", out, "--locales", "fr,sw,zh")
    assert (code, err) == (0, "")
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.html")) == [
        "fr/index.html", "index.html", "sw/index.html", "widget.html", "zh/index.html",
    ]  # fmt: skip
    assert f"{out / 'sw' / 'index.html'}" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--locales", "fr"], "--locales needs two languages or more"),
        (["--locales", "fr,sw", "--locale", "fr"], "give --locale or --locales, not both"),
        (["--locales", "fr,,sw"], "has an empty item"),
    ],
)
def test_cli_build_locales_errors(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    code, _, err = run(runner, "build", EXAMPLE, "-o", tmp_path / "site", *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 or err.startswith("Usage")
    assert not (tmp_path / "site").exists()


def _season_hrefs(folder: Path) -> dict[str, dict[str, str]]:
    """Every page's alternates, resolved to site paths (``fr/e/``), by the page's folder."""
    base = "https://example.com/x/"
    found = {}
    for where, head in _built(folder).items():
        here = base if where == "." else f"{base}{where}/"
        found[where] = {
            tag: urljoin(here, href).removeprefix(base) for tag, href in head.alternates.items()
        }
    return found


def test_build_a_season_per_language(tmp_path: Path) -> None:
    season = eventfile.load(EXAMPLES / "launch-season.toml")
    ids = [event.id for event in season.events]
    options = render.Options(locale="fr", languages=("sw", "zh", "ar"))
    written = site.build_season(season, tmp_path / "out", options, stamp=STAMP, now=STAMP,
                                per_language=True)  # fmt: skip
    out = tmp_path / "out"
    tags = ["fr", "sw", "zh", "ar"]
    pages = sorted(str(p.relative_to(out).parent) for p in out.rglob("index.html"))
    assert pages == sorted([".", *ids, *tags, *(f"{t}/{i}" for t in tags for i in ids)])
    assert len(written) == len(set(written)) == sum(1 for p in out.rglob("*") if p.is_file())
    # One hreflang set per page: the index's in every language, each event's likewise; each
    # page is in its set, the x-default the page outside the language folders.
    hrefs = _season_hrefs(out)
    for path in ["", *(f"{i}/" for i in ids)]:
        expected = {**{t: f"{t}/{path}" for t in tags}, "x-default": path}
        for where in [path.rstrip("/") or ".", *(f"{t}/{path}".rstrip("/") for t in tags)]:
            assert hrefs[where] == expected, where
    heads = _built(out)
    for tag in tags:
        index = heads[tag]
        assert (index.root["lang"], index.keyed["languages"]) == (
            tag,
            render.words(tag)["languages"],
        )
        assert index.keyed["upcoming"] == render.words(tag)["upcoming"]
        event_page = heads[f"{tag}/berlin-hardware-night"]
        assert event_page.root["lang"] == tag
        assert event_page.root["dir"] == ("rtl" if tag == "ar" else "ltr")
        assert event_page.keyed["around"] == render.words(tag)["around"]
    # The language pages link the season's own .ics files and feed, and each other's events.
    sw = (out / "sw" / "berlin-hardware-night" / "index.html").read_text("utf-8")
    assert 'href="../../berlin-hardware-night/berlin-hardware-night.ics"' in sw
    assert "data-i=" not in sw
    zh_index = (out / "zh" / "index.html").read_text("utf-8")
    assert 'href="../feed.ics"' in zh_index
    assert 'href="berlin-hardware-night/"' in zh_index
    # The root pages ship every language for the viewer's browser to pick from.
    assert list(_shipped((out / "aurora-keynote" / "index.html").read_text())) == tags


def test_a_season_per_language_with_a_base_url_and_a_linked_script(tmp_path: Path) -> None:
    season = eventfile.load(EXAMPLES / "launch-season.toml")
    base = "https://example.com/l/"
    options = render.Options(locale="fr", languages=("sw",), inline_script=False)
    files = site.season_files(season, options, base_url=base, stamp=STAMP, now=STAMP,
                              per_language=True)  # fmt: skip
    page = _read(files["sw/aurora-keynote/index.html"].decode())
    assert page.alternates == {
        "fr": f"{base}fr/aurora-keynote/", "sw": f"{base}sw/aurora-keynote/",
        "x-default": f"{base}aurora-keynote/",
    }  # fmt: skip
    # Each page its own canonical URL, in the set of its alternates.
    for name, url in [
        ("sw/aurora-keynote/index.html", f"{base}sw/aurora-keynote/"),
        ("aurora-keynote/index.html", f"{base}aurora-keynote/"),
    ]:
        assert f'<link rel="canonical" href="{url}">' in files[name].decode()
    # Every page's script is one the site has, and the sitemap lists every page.
    for name in ["index.html", "sw/index.html", "sw/aurora-keynote/index.html"]:
        found = re.search(r'<script src="([^"]+)"', files[name].decode())
        assert found is not None
        assert urljoin(name, found.group(1)) in files, name
    sitemap = files["sitemap.xml"].decode()
    assert f"<loc>{base}sw/</loc>" in sitemap
    assert f"<loc>{base}fr/tba-showcase/</loc>" in sitemap


def test_a_season_event_whose_id_is_a_language_folder_is_refused(tmp_path: Path) -> None:
    season = eventfile.loads(TWO_EVENTS.replace('id = "two"', 'id = "SW"'))
    options = render.Options(locale="fr", languages=("sw",))
    with pytest.raises(InputError, match=r"event id 'SW' is also the folder of the 'sw' pages"):
        site.build_season(season, tmp_path / "out", options, per_language=True)
    assert not (tmp_path / "out").exists()


def test_cli_build_locales_for_a_season(runner: CliRunner, tmp_path: Path) -> None:
    events = tmp_path / "two.toml"
    events.write_text(TWO_EVENTS, encoding="utf-8")
    out = tmp_path / "site"
    code, stdout, err = run(runner, "build", events, "-o", out, "--locales", "fr,sw,zh")
    assert (code, err) == (0, "")
    assert f"{out / 'zh' / 'two' / 'index.html'}" in stdout.splitlines()
    assert (out / "fr" / "index.html").is_file()
    # A rebuild replaces the folder it wrote, two levels of folders deep.
    code, _, err = run(runner, "build", events, "-o", out, "--locales", "fr,sw,zh")
    assert (code, err) == (0, "")
    (out / "sw" / "one" / "notes.md").write_text("mine", "utf-8")
    code, _, err = run(runner, "build", events, "-o", out, "--locales", "fr,sw,zh")
    assert code == 2
    assert "it holds the file 'sw/one/notes.md'" in err
    assert (out / "sw" / "one" / "notes.md").read_text("utf-8") == "mine"


def test_cli_html_locale_list(runner: CliRunner) -> None:
    code, out, err = run(runner, "html", EXAMPLE, "--locale", "fr,sw,zh")
    assert (code, err) == (0, "")
    assert out.startswith('<div class="lcw lcw-te lcw-ta" lang="fr" dir="ltr"')
    assert list(_shipped(out)) == ["fr", "sw", "zh"]
    code, out, err = run(runner, "html", EXAMPLE, "--locale", "ar")
    assert list(_shipped(out)) == ["ar", "en"]


def test_the_readme_lists_every_language_shipped() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Languages\n", 1)[1].split("\n## ", 1)[0]
    listed = section.split("each catalog complete:", 1)[1].split(". A regional", 1)[0]
    codes = re.findall(r"\(`([A-Za-z_]+)`\)", listed)
    assert sorted(codes) == sorted(messages.catalog_locales())
    assert f"in English and in {len(codes)} more languages" in section
