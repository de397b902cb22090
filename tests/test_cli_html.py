"""``launchcal html`` and ``launchcal build`` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from freezegun import freeze_time

from launchcal import eventfile, render, site
from launchcal.cli import cli
from launchcal.event import Event
from tests.conftest import DATA, EXAMPLES, imported_by, loaded

EXAMPLE = EXAMPLES / "xiaomi-12s.toml"
TWO_EVENTS = """
[[event]]
id = "one"
title = "One"
start = 2026-09-09T10:00:00
zone = "America/Los_Angeles"

[[event]]
id = "two"
title = "Two"
start = 2026-09-10T10:00:00
zone = "Europe/Berlin"
"""


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(cli, [str(a) for a in args], prog_name="launchcal")
    return result.exit_code, result.stdout, result.stderr


def example() -> Event:
    return eventfile.load(EXAMPLE).events[0]


def test_html_prints_the_snippet(runner: CliRunner) -> None:
    code, out, err = run(runner, "html", EXAMPLE)
    assert (code, err) == (0, "")
    assert out == (DATA / "widget-xiaomi-12s.html").read_text(encoding="utf-8")


def test_html_by_flags_with_theme_and_locale(runner: CliRunner) -> None:
    code, out, err = run(
        runner, "html", "--start", "2022-07-04 19:00", "--zone", "Asia/Shanghai",
        "--duration", "2h", "--title", "Flags", "--theme", "dark", "--locale", "he",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith(
        '<div class="lcw lcw-te lcw-td" lang="he" dir="rtl" data-s="2022-07-04T11:00:00Z" '
        'data-e="2022-07-04T13:00:00Z"'
    )
    assert '<p class="lcw-h">Flags</p>' in out


def test_html_page_to_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "launch.html"
    with freeze_time("2022-06-01 12:00:00"):
        code, out, err = run(runner, "html", EXAMPLE, "--page", "-o", target)
        expected = render.page(example())
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["launch.html"]


def test_html_no_inline_script_writes_the_script_beside(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "widget.html"
    code, out, err = run(runner, "html", EXAMPLE, "--no-inline-script", "-o", target)
    assert (code, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert '<script src="launchcal-countdown.js" defer></script>' in text
    assert "<script>" not in text
    script = (tmp_path / "launchcal-countdown.js").read_text(encoding="utf-8")
    assert script == render.script() + "\n"


def test_html_template_dir(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "snippet.html").write_text("<p>{{ title }}: {{ own_time }}</p>\n", "utf-8")
    code, out, _ = run(runner, "html", EXAMPLE, "--template-dir", tmp_path)
    assert code == 0
    assert out == "<p>Xiaomi 12S series launch: Mon 4 Jul 2022, 19:00</p>\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--no-inline-script"], "Error: --no-inline-script writes the script beside the HTML; "
         "give -o FILE (see 'launchcal html --help')"),
        (["--locale", "xx"], "Error: Invalid value for '--locale': unknown locale 'xx'; use a "
         "CLDR locale such as 'en', 'fr_CA', 'sw' or 'zh_Hant'"),
        (["--theme", "blue"], "Error: Invalid value for '--theme': 'blue' is not one of 'light', "
         "'dark', 'auto'."),
        (["--template-dir", "/nonexistent"], "Error: Invalid value for '--template-dir': "
         "Directory '/nonexistent' does not exist."),
        (["-o", "/nonexistent/w.html"], "Error: cannot write /nonexistent/w.html: the folder "
         "/nonexistent does not exist"),
    ],
)  # fmt: skip
def test_html_bad_input_is_one_error_line(runner: CliRunner, args: list[str], message: str) -> None:
    code, out, err = run(runner, "html", EXAMPLE, *args)
    assert (code, out, err) == (2, "", message + "\n")


def test_html_broken_template_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "snippet.html").write_text("{{ nope }}", "utf-8")
    target = tmp_path / "out.html"
    code, out, err = run(runner, "html", EXAMPLE, "--template-dir", templates, "-o", target)
    assert (code, out) == (2, "")
    assert err == f"Error: template snippet.html (from {templates}): 'nope' is undefined\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["templates"]


def test_html_is_for_one_event_only(runner: CliRunner, tmp_path: Path) -> None:
    season = tmp_path / "season.toml"
    season.write_text(TWO_EVENTS, "utf-8")
    code, out, err = run(runner, "html", season, "-o", tmp_path / "out")
    assert (code, out) == (2, "")
    assert err == (
        "Error: the widget is for one event; pick it with --event (one, two) "
        "(see 'launchcal html --help')\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["season.toml"]
    code, _, _ = run(runner, "html", season, "--event", "two", "-o", tmp_path / "out")
    assert code == 0


def test_build_of_many_events_is_a_season_site(runner: CliRunner, tmp_path: Path) -> None:
    season = tmp_path / "season.toml"
    season.write_text(TWO_EVENTS, "utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(runner, "build", season, "-o", out_dir)
    assert (code, err) == (0, "")  # no progress bar: stderr is not a terminal
    written = sorted(str(Path(line).relative_to(out_dir)) for line in out.splitlines())
    per_event = ["index.html", "overlay.html", "widget.html"]
    assert written == sorted(
        ["events.json", "feed.ics", "index.html"]
        + [f"{i}/{name}" for i in ("one", "two") for name in [*per_event, f"{i}.ics"]]
    )
    assert "sitemap.xml" not in written  # no base url
    code, _, _ = run(runner, "build", season, "--event", "two", "-o", tmp_path / "single")
    assert code == 0
    assert (tmp_path / "single" / "two.json").exists()  # one event: the one-event folder


def test_build_writes_a_folder_for_a_static_host(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "site" / "launch"
    code, out, err = run(runner, "build", EXAMPLE, "-o", folder)
    assert (code, err) == (0, "")
    names = sorted(p.name for p in folder.iterdir())
    has_ics = render.ics_bytes(example()) is not None
    expected = ["index.html", "widget.html", "xiaomi-12s-launch.json"]
    if has_ics:
        expected.append("xiaomi-12s-launch.ics")
    assert names == sorted(expected)
    assert out.splitlines() == [str(folder / name) for name in _written_order(expected)]
    assert (folder / "widget.html").read_text("utf-8") == render.snippet(example())
    data = json.loads((folder / "xiaomi-12s-launch.json").read_text("utf-8"))
    (entry,) = data["events"]
    assert entry["utc"] == "2022-07-04T11:00:00Z"
    assert entry["location"] == {
        "name": "Online livestream",
        "online": True,
        "url": "https://www.mi.com/global/",
        "address": "",
    }
    assert [t["local"] for t in entry["times"]][:2] == [
        "2022-07-04T14:00:00+03:00",
        "2022-07-04T12:00:00+01:00",
    ]
    assert data == site.event_data(example())


def _written_order(names: list[str]) -> list[str]:
    order = ["index.html", "widget.html", "xiaomi-12s-launch.ics", "xiaomi-12s-launch.json"]
    return [name for name in order if name in names]


def test_build_no_inline_script(runner: CliRunner, tmp_path: Path) -> None:
    code, _, _ = run(runner, "build", EXAMPLE, "-o", tmp_path, "--no-inline-script")
    assert code == 0
    assert (tmp_path / render.SCRIPT_NAME).read_text("utf-8") == render.script() + "\n"
    for name in ("index.html", "widget.html"):
        assert '<script src="launchcal-countdown.js" defer>' in (tmp_path / name).read_text()


def test_build_into_a_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("mine", "utf-8")
    code, out, err = run(runner, "build", EXAMPLE, "-o", target)
    assert (code, out) == (2, "")
    assert err == f"Error: Invalid value for '-o' / '--output': Directory '{target}' is a file.\n"
    assert target.read_text("utf-8") == "mine"


def test_build_library_refuses_a_file(tmp_path: Path) -> None:
    from launchcal.errors import OutputError

    target = tmp_path / "taken"
    target.write_text("mine", "utf-8")
    with pytest.raises(
        OutputError, match=r"cannot build into .*taken: it is a file; give a folder"
    ):
        site.build(example(), target)
    assert target.read_text("utf-8") == "mine"


def test_help_does_not_import_jinja2() -> None:
    assert loaded(imported_by("html", "--help"), "jinja2", "babel", "icalendar") == []
