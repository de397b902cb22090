"""The widget and page as text: golden snippet, size budget, escaping, JSON-LD, templates."""

from __future__ import annotations

import datetime as dt
import gzip
import html.parser
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from launchcal import cache, eventfile, render
from launchcal.errors import InputError
from launchcal.event import Event, Location, Organizer, Status
from tests.conftest import DATA, EXAMPLES, ROOT

HOSTILE = "</script><script>alert(1)</script>"
GOLDEN = DATA / "widget-xiaomi-12s.html"


def example() -> Event:
    return eventfile.load(EXAMPLES / "xiaomi-12s.toml").events[0]


def launch(title: str = "Launch", **fields: object) -> Event:
    return Event.at(
        title, dt.datetime(2022, 7, 4, 19), "Asia/Shanghai", duration=dt.timedelta(hours=2),
        **fields,
    )  # fmt: skip


class _Scripts(html.parser.HTMLParser):
    """Collects each <script> element's type and text, as a browser's parser splits them."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[str, str]] = []
        self._type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._type = dict(attrs).get("type") or "text/javascript"
            self.scripts.append((self._type, ""))

    def handle_data(self, data: str) -> None:
        if self._type is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._type = None


def scripts(document: str) -> list[tuple[str, str]]:
    parser = _Scripts()
    parser.feed(document)
    return parser.scripts


# --- the snippet -------------------------------------------------------------------------------


def test_snippet_matches_golden_file() -> None:
    # To update after a deliberate change: write render.snippet(example()) to the golden file
    # and review the diff.
    assert render.snippet(example()) == GOLDEN.read_text(encoding="utf-8")


def test_snippet_is_one_root_element_with_one_script() -> None:
    text = render.snippet(example())
    assert text.startswith('<div class="lcw lcw-te lcw-ta" ')
    assert text.rstrip().endswith("</div>")
    assert text.count("<script") == 1
    assert text.count("<style>") == 1
    assert '<time datetime="2022-07-04T11:00:00Z"><bdi>Mon 4 Jul 2022, 19:00</bdi></time>' in text
    assert 'data-s="2022-07-04T11:00:00Z" data-e="2022-07-04T13:00:00Z"' in text


def test_example_snippet_is_at_most_3_kb_gzipped() -> None:
    # benchmarks/bench_html.py prints the same figure beside its budget.
    size = len(gzip.compress(render.snippet(example()).encode("utf-8"), compresslevel=9))
    assert size <= 3 * 1024


def test_no_external_references() -> None:
    for document in (render.snippet(example()), render.page(example())):
        # Links a reader may click are fine; nothing is loaded from elsewhere.
        assert not re.search(r"""\b(src|srcset|href)=["']?(https?:)?//""", _strip_anchors(document))
        assert "@import" not in document
        assert "url(" not in document


def _strip_anchors(document: str) -> str:
    return re.sub(r"<a [^>]*>", "", document)


@pytest.mark.parametrize(
    ("theme", "present", "absent"),
    [
        ("light", "lcw-tl", ["prefers-color-scheme", ".lcw-td{"]),
        ("dark", ".lcw-td{", ["prefers-color-scheme"]),
        ("auto", "@media (prefers-color-scheme:dark){.lcw-ta{", [".lcw-td{"]),
    ],
)
def test_theme_css(theme: render.Theme, present: str, absent: list[str]) -> None:
    text = render.snippet(example(), render.Options(theme=theme))
    assert present in text
    for snippet_text in absent:
        assert snippet_text not in text


def test_locale_sets_lang_dir_and_data() -> None:
    text = render.snippet(example(), render.Options(locale="ar-EG"))
    assert 'lang="ar-EG" dir="rtl"' in text
    assert 'data-l="ar-EG"' in text
    assert 'lang="de" dir="ltr"' in render.snippet(example(), render.Options(locale="de"))
    assert "lang=" not in render.snippet(example()).split(">", 1)[0]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en-GB", ("en-GB", False)), ("en_GB", ("en-GB", False)), ("he", ("he", True)),
     ("fa-IR", ("fa-IR", True)), ("zh-Hant-TW", ("zh-Hant-TW", False))],
)  # fmt: skip
def test_parse_locale(tag: str, expected: tuple[str, bool]) -> None:
    assert render.parse_locale(tag) == expected


@pytest.mark.parametrize("tag", ["xx", "english", "", "en GB", "de-<b>"])
def test_parse_locale_rejects(tag: str) -> None:
    with pytest.raises(InputError, match=r"^unknown locale '.*'; (did you mean|use a CLDR locale)"):
        render.parse_locale(tag)


def test_unknown_theme_is_refused() -> None:
    with pytest.raises(InputError, match="unknown theme 'blue'; use light, dark or auto"):
        render.Options(theme="blue")  # type: ignore[arg-type]


def test_time_to_be_announced_has_no_countdown() -> None:
    event = Event(title="Showcase", start=dt.datetime(2026, 12, 15, tzinfo=_tokyo()),
                  zone="Asia/Tokyo", time_known=False)  # fmt: skip
    text = render.snippet(event)
    assert "data-s=" not in text
    assert (
        '<time datetime="2026-12-15"><bdi>Tue 15 Dec 2026, time to be announced</bdi></time>'
        in text
    )
    assert "<ul" not in text


def _tokyo() -> dt.tzinfo:
    from launchcal import tz

    return tz.zone("Asia/Tokyo")


@pytest.mark.parametrize(
    ("status", "words", "counts"),
    [
        (Status.CANCELLED, "Cancelled", False),
        (Status.POSTPONED, "Postponed: the new date is not known yet", False),
        (Status.RESCHEDULED, "Rescheduled (was Sun 3 Jul 2022, 19:00)", True),
    ],
)
def test_status_line(status: Status, words: str, counts: bool) -> None:
    previous = dt.datetime(2022, 7, 3, 11, tzinfo=dt.UTC)
    event = launch(status=status, previous_start=previous)
    text = render.snippet(event)
    key = "" if status is Status.RESCHEDULED else f' data-k="{status.value}"'
    assert f'<p class="lcw-s"{key}>{words}</p>' in text
    assert ("data-s=" in text) is counts


def test_external_script_variant() -> None:
    result = render.html(example(), render.Options(inline_script=False))
    assert f'<script src="{render.SCRIPT_NAME}" defer></script>' in result.html
    assert result.script is not None
    assert result.script == render.script() + "\n"
    assert "(() => {" in result.script
    assert render.html(example()).script is None


def test_script_is_stripped_of_comments() -> None:
    code = render.script()
    assert "//" not in code
    assert not any(line != line.strip() for line in code.splitlines())


# --- escaping and links --------------------------------------------------------------------------


def test_hostile_title_is_escaped_in_snippet_and_page() -> None:
    event = launch(description=HOSTILE, url="https://example.com/?a=1&b=<2>")
    for document in (render.snippet(Event.at(HOSTILE, dt.datetime(2022, 7, 4, 19),
                                             "Asia/Shanghai")),
                     render.page(Event.at(HOSTILE, dt.datetime(2022, 7, 4, 19), "Asia/Shanghai",
                                          description=HOSTILE)),
                     render.page(event)):  # fmt: skip
        assert "<script>alert" not in document
        found = scripts(document)
        # Only our own scripts, each whole: the JSON-LD block and the widget's script.
        assert [kind for kind, _ in found] in (
            ["text/javascript"],
            ["application/ld+json", "text/javascript"],
        )
        for kind, text in found:
            if kind == "application/ld+json":
                data = json.loads(text)
                assert data["name"] in (HOSTILE, "Launch")
                assert "<" not in text
    title = render.page(Event.at(HOSTILE, dt.datetime(2022, 7, 4, 19), "Asia/Shanghai"))
    escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<title>{escaped}</title>" in title
    assert f"<h1>{escaped}</h1>" in title
    assert f'<meta property="og:title" content="{escaped}">' in title


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://example.com/", True), ("http://example.com/a?b=c", True),
     ("mailto:hello@example.org", True), ("HTTPS://EXAMPLE.COM", True),
     ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
     ("data:text/html,<script>", False), ("vbscript:x", False), ("//example.com", False),
     ("/relative", False), ("https://exa mple.com", False), ("java\tscript:alert(1)", False),
     ("", False), (None, False)],
)  # fmt: skip
def test_only_http_and_mailto_are_linked(url: str | None, linked: bool) -> None:
    assert (render.safe_url(url) is not None) is linked


def test_a_bad_url_that_slipped_past_the_model_is_not_linked() -> None:
    event = launch(organizer=Organizer(name="Org", url="https://example.com/"))
    # The model refuses such URLs; force one in to prove the page does not trust it either.
    object.__setattr__(event, "url", "javascript:alert(1)")
    object.__setattr__(event.organizer, "url", "javascript:alert(2)")
    document = render.page(event)
    assert "javascript:" not in document
    assert "<dd>Org</dd>" in document


def test_page_links_location_organizer_and_email() -> None:
    event = launch(
        url="https://example.com/launch",
        location=Location(name="Hall <A>", address="1 Main St"),
        organizer=Organizer(name="Org & Co", email="hi@example.org", url="https://example.org/"),
    )
    document = render.page(event)
    assert "<dd>Hall &lt;A&gt;, 1 Main St</dd>" in document
    assert (
        '<dd><a href="https://example.org/">Org &amp; Co</a> '
        '(<a href="mailto:hi@example.org" data-k="email">email</a>)</dd>'
    ) in document
    assert '<a href="https://example.com/launch">https://example.com/launch</a>' in document


# --- the page ------------------------------------------------------------------------------------


def ld(document: str) -> dict[str, object]:
    (text,) = [text for kind, text in scripts(document) if kind == "application/ld+json"]
    data: dict[str, object] = json.loads(text)
    return data


def test_json_ld_of_online_example() -> None:
    data = ld(render.page(example()))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Xiaomi 12S series launch",
        "startDate": "2022-07-04T19:00:00+08:00",
        "endDate": "2022-07-04T21:00:00+08:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "description": example().description,
        "url": "https://www.mi.com/global/",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": "https://www.mi.com/global/"},
        "organizer": {"@type": "Organization", "name": "Xiaomi", "url": "https://www.mi.com/"},
    }


def test_json_ld_rescheduled_offline_and_mixed() -> None:
    previous = dt.datetime(2022, 7, 1, 19, tzinfo=_shanghai())
    moved = render.json_ld(launch(status=Status.RESCHEDULED, previous_start=previous,
                                  location=Location(name="Hall", address="1 Main St")))  # fmt: skip
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"] == "2022-07-01T19:00:00+08:00"
    assert moved["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    hall = {"@type": "Place", "name": "Hall",
            "address": {"@type": "PostalAddress", "streetAddress": "1 Main St"}}  # fmt: skip
    assert moved["location"] == hall
    mixed = render.json_ld(
        launch(location=Location(name="Hall", online=True, url="https://x.example/live",
                                 address="1 Main St"))
    )  # fmt: skip
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert mixed["location"] == [
        {"@type": "VirtualLocation", "url": "https://x.example/live"},
        hall,
    ]
    cancelled = render.json_ld(launch(status=Status.CANCELLED))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert "location" not in cancelled


def _shanghai() -> dt.tzinfo:
    from launchcal import tz

    return tz.zone("Asia/Shanghai")


def test_page_has_opengraph_table_and_night_marks() -> None:
    event = eventfile.loads(
        'title = "Night owl launch"\nstart = 2022-07-04T19:00:00\nzone = "Asia/Shanghai"\n'
        'audience = ["Pacific/Kiritimati", "America/Los_Angeles", "Africa/Nairobi"]\n'
    ).events[0]
    document = render.page(event)
    summary = "Night owl launch: Mon 4 Jul 2022, 19:00 CST (UTC+08:00), Asia/Shanghai"
    assert f'<meta property="og:description" content="{summary}">' in document
    assert '<meta property="og:title" content="Night owl launch">' in document
    rows = re.findall(r"<tr( class=\"lcp-n\")?><th scope=\"row\">([^<]+)</th><td>(.*?)</td>",
                      document)  # fmt: skip
    assert [(bool(night), place) for night, place, _ in rows] == [
        (True, "Pacific/Kiritimati"),
        (True, "America/Los_Angeles"),
        (False, "Africa/Nairobi"),
    ]
    assert rows[0][2].startswith(
        '<time datetime="2022-07-05T01:00:00+14:00"><b><bdi>01:00</bdi></b> <span>Tue 5 Jul 2022</span>'
        '</time> <span class="lcp-m" data-k="night">night</span><svg class="lcp-s"'
    )
    # The day strip: night shaded (00:00-07:00), the start at 01:00, the date shift in words.
    assert 'aria-label="Pacific/Kiritimati: 01:00 Tue 5 Jul 2022, next day"' in rows[0][2]
    assert '<rect class="lcp-sn" x="0" width="70" height="24"/>' in rows[0][2]
    assert '<rect class="lcp-sm" x="10.0" width="3"' in rows[0][2]
    assert rows[0][2].endswith('<span class="lcp-m">next day</span>')
    assert document.startswith('<!doctype html>\n<html lang="en" dir="ltr">')


# --- templates -----------------------------------------------------------------------------------


def test_templates_are_found_beside_the_package_in_a_checkout() -> None:
    (folder,) = render.template_dirs()
    assert folder == ROOT / "templates"
    assert (folder / "snippet.html").is_file()


def test_templates_inside_the_package_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A wheel ships them as launchcal/templates (pyproject force-include).
    package = tmp_path / "launchcal"
    shutil.copytree(ROOT / "templates", package / "templates")
    monkeypatch.setattr(render, "__file__", str(package / "render.py"))
    assert render.template_dirs() == [package / "templates"]


def test_environment_is_safe_by_default() -> None:
    import jinja2

    env = render._environment(None)
    assert env.undefined is jinja2.StrictUndefined
    assert env.autoescape("snippet.html") is True  # type: ignore[operator]
    names = [p.name for p in (ROOT / "templates").iterdir()]
    assert all(name.endswith(".html") for name in names if name != "countdown.js")


def test_user_template_dir_overrides_some_templates(tmp_path: Path) -> None:
    (tmp_path / "snippet.html").write_text(
        '<div class="mine">{{ title }} {% include "widget-style.html" %}</div>\n', encoding="utf-8"
    )
    text = render.snippet(launch(title="A <b>"), render.Options(template_dir=tmp_path))
    assert text.startswith('<div class="mine">A &lt;b&gt; .lcw{')


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ nope }}", "template snippet.html (from {dir}): 'nope' is undefined"),
        ("{% if %}", "template {dir}/snippet.html, line 1: Expected an expression, got 'end of "
         "statement block'"),
        ('{% include "gone.html" %}', "template gone.html is missing from {dir}"),
    ],
)  # fmt: skip
def test_broken_user_template_is_one_clear_error(
    tmp_path: Path, template: str, message: str
) -> None:
    (tmp_path / "snippet.html").write_text(template, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        render.snippet(launch(), render.Options(template_dir=tmp_path))
    assert str(caught.value) == message.format(dir=tmp_path)


def test_user_script_must_not_end_the_script_element(tmp_path: Path) -> None:
    (tmp_path / "countdown.js").write_text("alert('</script>')\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("countdown.js must not contain '</script'")):
        render.snippet(launch(), render.Options(template_dir=tmp_path))


@pytest.fixture
def template_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, and environments made afresh before and after."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LAUNCHCAL_CACHE_DIR", str(folder))
    render._environment.cache_clear()
    yield folder / "templates"
    render._environment.cache_clear()


def test_compiled_templates_are_loaded_from_the_cache(
    template_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2

    # The embedded .ics is stamped with the clock: the same second for both renders.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1656892800")
    first = render.page(example(), render.Options())
    assert sorted(template_cache.glob("__jinja2_*.cache"))
    render._environment.cache_clear()  # as a new process starts

    def no_compiling(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled a template the cache holds")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compiling)
    assert render.page(example(), render.Options()) == first


def test_a_changed_template_is_compiled_again(template_cache: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "snippet.html").write_text("<p>one {{ title }}</p>\n", encoding="utf-8")
    assert render.snippet(launch(), render.Options(template_dir=mine)) == "<p>one Launch</p>\n"
    render._environment.cache_clear()
    (mine / "snippet.html").write_text("<p>two {{ title }}</p>\n", encoding="utf-8")
    assert render.snippet(launch(), render.Options(template_dir=mine)) == "<p>two Launch</p>\n"


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = render.snippet(launch(), render.Options())
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("", encoding="utf-8")
    for folder in (str(in_the_way), ""):  # not a folder; no cache at all
        monkeypatch.setenv("LAUNCHCAL_CACHE_DIR", folder)
        render._environment.cache_clear()
        assert render._environment(None).bytecode_cache is None
        assert render.snippet(launch(), render.Options()) == expected
    render._environment.cache_clear()


def test_a_damaged_cache_entry_is_compiled_again(template_cache: Path) -> None:
    expected = render.snippet(launch(), render.Options())
    for entry in template_cache.glob("__jinja2_*.cache"):
        entry.write_bytes(entry.read_bytes()[:40])
    render._environment.cache_clear()
    assert render.snippet(launch(), render.Options()) == expected


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LAUNCHCAL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "launchcal"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "launchcal"


def test_missing_template_dir() -> None:
    with pytest.raises(InputError, match="template folder /nonexistent does not exist"):
        render.template_dirs(Path("/nonexistent"))


def test_safe_url_refuses_exactly_white_space_and_control_characters() -> None:
    """The pattern behind safe_url stops at every character str.isspace() or a control code
    would, and at no other (all of Unicode)."""
    refused = {
        c for c in map(chr, range(0x110000)) if not render.safe_url(f"https://a.example/{c}")
    }
    assert refused == {c for c in map(chr, range(0x110000)) if c.isspace() or ord(c) < 32}
    assert {"\u00a0", "\u3000"} <= refused
    assert "\x7f" not in refused
