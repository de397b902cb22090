"""``launchcal lint``: each rule on a file another tool (or a person) made, nothing on
launchcal's own files, and the exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal import eventfile, ics, lint
from launchcal.cli import cli
from launchcal.event import Calendar, Event
from tests.conftest import DATA, ROOT
from tests.ics_cases import STAMP, hard_calendar, tricky_calendars

CORPUS = DATA / "lint"

# file: every (line, rule) lint must report, in order, and nothing else.
EXPECTED = {
    "add-to-calendar-button.ics": [(8, "missing-vtimezone")],
    "apple-history.ics": [(5, "outlook-several-rules"), (43, "outlook-rdate-list"),
                          (50, "outlook-rdate-list")],
    "byte-folded.ics": [(9, "fold-splits-utf8")],
    "google.ics": [(5, "method-without-organizer")],
    "hand-written.ics": [(1, "bare-newline"), (8, "all-day-end-not-exclusive"),
                         (12, "duplicate-uid")],
    "icalendar-etc-gmt.ics": [(16, "etc-gmt-sign")],
    "icalendar.ics": [(6, "missing-vtimezone"), (13, "floating-time"), (14, "floating-time")],
    "ics-py.ics": [(4, "missing-dtstamp"), (5, "long-line")],
    "launchcal-0.1.ics": [(5, "method-without-organizer"), (12, "icaljs-missed-onset"),
                          (42, "icaljs-missed-onset"), (60, "icaljs-negative-monthday")],
    "old-us-rules.ics": [(24, "vtimezone-disagrees"), (25, "vtimezone-disagrees")],
    "outlook.ics": [],
}  # fmt: skip


def test_the_corpus_is_the_table() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.ics")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_gets_exactly_its_findings(name: str) -> None:
    findings = lint.lint([CORPUS / name])
    assert [(finding.line, finding.rule) for finding in findings] == EXPECTED[name]
    for finding in findings:  # every line says where, what, who goes wrong, and the fix
        assert finding.file == str(CORPUS / name)
        assert finding.what
        assert finding.client
        assert finding.fix


def test_every_rule_has_a_file() -> None:
    rules = {rule for found in EXPECTED.values() for _, rule in found}
    assert rules == set(lint.RULES)


def test_disagreement_names_both_instants() -> None:
    (first, _) = lint.lint([CORPUS / "old-us-rules.ics"])
    assert "2026-03-20T23:00Z (-05:00)" in first.what
    assert "2026-03-20T22:00Z (-04:00)" in first.what


def test_a_vtimezone_reader_lands_where_lint_says() -> None:
    # libical reads the file's VTIMEZONE: it puts the event at the instant lint names first.
    from tests.test_consumers import read_all

    path = CORPUS / "old-us-rules.ics"
    events = read_all("libical", [path])[str(path)]["events"]
    assert events[0]["start"] == "2026-03-20T23:00:00+00:00"


def launchcal_files() -> dict[str, bytes]:
    calendars: dict[str, Calendar] = {
        "example": eventfile.load(ROOT / "examples" / "xiaomi-12s.toml"),
        "feed": eventfile.load(ROOT / "examples" / "launch-season.toml"),
        "hard": hard_calendar(),
        **tricky_calendars(),
    }
    files = {name: ics.to_ics(calendar, stamp=STAMP) for name, calendar in calendars.items()}
    # Zones whose rules take every RRULE shape launchcal writes.
    for zone in ("Asia/Jerusalem", "America/Scoresbysund", "Africa/Cairo", "America/Havana",
                 "Antarctica/Troll", "Europe/Dublin", "America/Nuuk", "Pacific/Apia"):  # fmt: skip
        for month in (1, 7):
            event = Event.at("Launch", dt.datetime(2026, month, 15, 12), zone)
            files[f"{zone} {month}"] = ics.event_ics(event, stamp=STAMP)
    return files


def test_launchcals_own_files_are_clean() -> None:
    found = {
        name: [finding.text() for finding in lint.lint_bytes(data, name)]
        for name, data in launchcal_files().items()
    }
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_golden_files_through_the_cli_exit_0(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["lint", str(DATA / "xiaomi-12s.ics"), str(DATA / "launch-season.ics")]
    )
    assert (result.exit_code, result.output) == (0, "")


def test_missing_vtimezone_exits_1_and_names_it(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "berlin.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:a@b\r\n"
        b"DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20260320T180000\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(
        f"{path}:7: TZID=Europe/Berlin has no VTIMEZONE [missing-vtimezone]; "
    )
    assert result.output.count("\n") == 1


def test_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lint", "--json", str(CORPUS / "google.ics")])
    assert result.exit_code == 1
    (finding,) = json.loads(result.output)
    assert finding["rule"] == "method-without-organizer"
    assert finding["line"] == 5
    assert set(finding) == {"file", "line", "rule", "what", "client", "fix"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read {path}: No such file or directory; check the path"),
        (b"hello\r\n", "{path} is not a calendar file: it does not start with BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\r\nSUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n",
         "{path}:2 is not UTF-8 text; save the file as UTF-8"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
         "{path}: the calendar is not closed (END:VCALENDAR is missing)"),
    ],
)  # fmt: skip
def test_unreadable_input_exits_2_with_one_line(
    runner: CliRunner, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.ics"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 2
    assert result.output == f"Error: {message.format(path=path)}\n"


def test_every_zones_vtimezone_agrees_with_the_tz_database() -> None:
    # lint reads VTIMEZONEs by the letter of RFC 5545 (dateutil expands the RRULEs): a third
    # reader of every zone's VTIMEZONE, which must agree with the database at each event.
    from launchcal import tz

    wrong = []
    for zone in sorted(tz.zone_names() - {"UTC"}):
        events = tuple(
            Event.at(
                "Launch", dt.datetime(2026, month, 15, 12), zone, id=f"m{month}", fold="earlier"
            )
            for month in (1, 7)
        )
        data = ics.to_ics(Calendar(events), stamp=STAMP)
        wrong += [finding.text() for finding in lint.lint_bytes(data, zone)]
    assert wrong == []
