"""``launchcal publish`` against a real CalDAV server (Radicale, bcrypt passwords), checked by
real subscribers: vdirsyncer syncing the calendar down and khal listing it, and the server's
own time-range search (a 201 alone proves little: see tests/test_consumers.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import caldav
import pytest
from click.testing import CliRunner, Result

from launchcal import eventfile, publish
from launchcal.cli import cli
from launchcal.errors import InputError
from tests.conftest import EXAMPLES
from tests.radicale_server import MAX_BODY, USERS, Server, free_port, radicale

UTC = dt.UTC
ALICE = USERS["alice"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        yield running


@pytest.fixture
def season(tmp_path: Path) -> Path:
    """A copy of the season example that a test may edit."""
    path = tmp_path / "season.toml"
    shutil.copyfile(EXAMPLES / "launch-season.toml", path)
    return path


_names = iter(range(10_000))


@pytest.fixture
def calendar_url(server: Server) -> str:
    """A fresh, empty calendar of alice's."""
    return server.make_calendar(f"launches-{next(_names)}")


def run(*args: str, password: str | None = ALICE, home: Path | None = None) -> Result:
    env = {publish.PASSWORD_VARIABLE: password} if password is not None else {}
    if home is not None:
        env["HOME"] = str(home)
    return CliRunner().invoke(cli, ["publish", *args], env=env, prog_name="launchcal")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def entries(url: str, user: str = "alice") -> dict[str, caldav.Event]:
    client = caldav.DAVClient(url=url, username=user, password=USERS[user])
    found = client.calendar(url=url).search(event=True)
    uids = [str(item.icalendar_component["UID"]) for item in found]
    assert len(uids) == len(set(uids)), f"a UID is on the server twice: {uids}"
    return dict(zip(uids, found, strict=True))


def in_range(url: str, start: dt.datetime, end: dt.datetime) -> list[str]:
    """UIDs the *server* files in [start, end) (post_filter=False: no client-side filter)."""
    client = caldav.DAVClient(url=url, username="alice", password=ALICE)
    hits = client.calendar(url=url).search(start=start, end=end, event=True, post_filter=False)
    return sorted(str(hit.icalendar_component["UID"]) for hit in hits)


def error_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


# --- the whole story: publish, reschedule, cancel, publish again ------------------------------

AURORA_OLD = dt.datetime(2026, 9, 9, 17, 0, tzinfo=UTC)  # 10:00 PDT
AURORA_NEW = dt.datetime(2026, 9, 10, 16, 0, tzinfo=UTC)  # 09:00 PDT the next day
MINUTE = dt.timedelta(minutes=1)


def reschedule_and_cancel(path: Path) -> None:
    edit(
        path,
        "start = 2026-09-09T10:00:00",
        'start = 2026-09-10T09:00:00\nstatus = "rescheduled"\nprevious_start = 2026-09-09T10:00:00',
    )
    edit(path, 'fold = "earlier"', 'fold = "earlier"\nstatus = "cancelled"')


def vdirsyncer_and_khal(tmp_path: Path, url: str) -> tuple[list[str], dict[str, str]]:
    """Sync the calendar with vdirsyncer, list it with khal (UTC): (khal lines, files)."""
    local = tmp_path / "local"
    local.mkdir()
    (tmp_path / "status").mkdir()
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path / "status"}/"\n\n'
        '[pair launch]\na = "server"\nb = "local"\ncollections = null\n'
        'conflict_resolution = "a wins"\n\n'
        f'[storage server]\ntype = "caldav"\nurl = "{url}"\nusername = "alice"\n'
        f'password = "{ALICE}"\n\n'
        f'[storage local]\ntype = "filesystem"\npath = "{local}/"\nfileext = ".ics"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path), "TZ": "UTC"}
    vdirsyncer = [sys.executable, "-m", "vdirsyncer", "-c", str(config)]
    for step in ("discover", "sync"):
        done = subprocess.run([*vdirsyncer, step], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    khal_config = tmp_path / "khal.conf"
    khal_config.write_text(
        f"[calendars]\n[[launch]]\npath = {local}\ntype = calendar\n"
        f"[sqlite]\npath = {tmp_path}/khal.db\n[locale]\ntimeformat = %H:%M\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
        "longdatetimeformat = %Y-%m-%d %H:%M\n",
        encoding="utf-8",
    )
    listed = subprocess.run(
        [sys.executable, "-m", "khal", "-c", str(khal_config), "list", "--day-format", "",
         "--format", "{start} {title} {status}", "2026-09-01", "2026-12-31"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    files = {path.name: path.read_text(encoding="utf-8") for path in local.glob("*.ics")}
    return [line.rstrip() for line in listed.stdout.splitlines()], files


def test_publish_reschedule_cancel_and_publish_again(
    season: Path, calendar_url: str, tmp_path: Path
) -> None:
    first = run(str(season), "--caldav", calendar_url, "--user", "alice")
    assert first.exit_code == 0, first.stderr
    assert first.stderr == ""  # not a terminal: no progress bar
    assert first.stdout.splitlines()[0] == f"Published to {calendar_url}: 3 create"
    assert sorted(entries(calendar_url)) == [
        "aurora-keynote@launchcal", "berlin-hardware-night@launchcal", "tba-showcase@launchcal",
    ]  # fmt: skip
    assert in_range(calendar_url, AURORA_OLD, AURORA_OLD + MINUTE) == ["aurora-keynote@launchcal"]

    reschedule_and_cancel(season)
    before = {uid: item.etag for uid, item in entries(calendar_url).items()}
    dry = run(str(season), "--caldav", calendar_url, "--user", "alice", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        f"Plan for {calendar_url} (dry run: nothing was changed)",
        "Action     Event                  Title                  Why",
        "update     aurora-keynote         Aurora keynote         changed since last published; SEQUENCE 1",
        "cancel     berlin-hardware-night  Berlin hardware night  cancelled; STATUS:CANCELLED, SEQUENCE 1",
        "unchanged  tba-showcase           Winter showcase        already as in the file",
    ]
    assert {uid: item.etag for uid, item in entries(calendar_url).items()} == before

    second = run(str(season), "--caldav", calendar_url, "--user", "alice")
    assert second.exit_code == 0, second.stderr
    assert second.stdout.splitlines()[0] == (
        f"Published to {calendar_url}: 1 update, 1 cancel, 1 unchanged"
    )

    # The server's own time-range search: the keynote at its new instant only, once.
    assert in_range(calendar_url, AURORA_NEW, AURORA_NEW + MINUTE) == ["aurora-keynote@launchcal"]
    assert in_range(calendar_url, AURORA_OLD, AURORA_OLD + MINUTE) == []
    # The cancelled night stays where it was, now marked cancelled (02:30 CEST = 00:30Z).
    berlin_start = dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert in_range(calendar_url, berlin_start, berlin_start + MINUTE) == [
        "berlin-hardware-night@launchcal"
    ]
    now = entries(calendar_url)
    assert len(now) == 3
    berlin = now["berlin-hardware-night@launchcal"].icalendar_component
    assert (str(berlin["STATUS"]), int(berlin["SEQUENCE"])) == ("CANCELLED", 1)
    assert int(now["aurora-keynote@launchcal"].icalendar_component["SEQUENCE"]) == 1

    # A real subscriber: vdirsyncer syncs it down, khal lists one keynote at the new time.
    lines, files = vdirsyncer_and_khal(tmp_path, calendar_url)
    assert lines == [
        "2026-09-10 16:00 Aurora keynote CONFIRMED",
        "2026-10-25 00:30 Berlin hardware night CANCELLED",
        "2026-12-15 Winter showcase TENTATIVE",
    ]
    assert len(files) == 3
    assert all(text.count("BEGIN:VEVENT") == 1 for text in files.values())

    # Publishing the same file again changes nothing.
    third = run(str(season), "--caldav", calendar_url, "--user", "alice")
    assert third.stdout.splitlines()[0] == f"Published to {calendar_url}: 3 unchanged"
    assert {uid: item.etag for uid, item in entries(calendar_url).items()} == {
        uid: item.etag for uid, item in now.items()
    }


def test_sequence_grows_past_the_servers_even_when_the_file_keeps_its_own(
    season: Path, calendar_url: str
) -> None:
    login = publish.Credentials("alice", ALICE)
    calendar = eventfile.load(season)
    list(publish.apply(publish.plan(calendar, calendar_url, login)))
    for hours in (1, 2):
        aurora = calendar.events[0]
        moved = dataclasses.replace(
            aurora, start=aurora.start + dt.timedelta(hours=hours), end=None
        )
        changed = dataclasses.replace(calendar, events=(moved, *calendar.events[1:]))
        plan = publish.plan(changed, calendar_url, login)
        assert (plan.changes[0].action, plan.changes[0].sequence) == (publish.Action.UPDATE, hours)
        list(publish.apply(plan))
    stored = entries(calendar_url)["aurora-keynote@launchcal"].icalendar_component
    assert int(stored["SEQUENCE"]) == 2


# --- what launchcal leaves alone, and what --prune removes -----------------------------------


FOREIGN = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//someone else//EN\r
BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20260101T000000Z\r
DTSTART:20260909T170000Z\r
DTEND:20260909T180000Z\r
SUMMARY:Written by hand\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_entries_it_did_not_create_are_left_alone_even_with_prune(
    season: Path, calendar_url: str, server: Server
) -> None:
    target = server.client().calendar(url=calendar_url)
    target.save_event(FOREIGN.format(uid="team-lunch@example.org"))
    target.save_event(FOREIGN.format(uid="aurora-keynote@launchcal"))
    result = run(str(season), "--caldav", calendar_url, "--user", "alice", "--prune")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"^foreign +aurora-keynote ", result.stdout, re.MULTILINE)
    found = entries(calendar_url)
    assert str(found["aurora-keynote@launchcal"].icalendar_component["SUMMARY"]) == (
        "Written by hand"
    )
    assert "team-lunch@example.org" in found


def test_an_event_removed_from_the_file_is_kept_unless_pruned(
    season: Path, calendar_url: str
) -> None:
    assert run(str(season), "--caldav", calendar_url, "--user", "alice").exit_code == 0
    one = ["--caldav", calendar_url, "--user", "alice", "--event", "aurora-keynote"]
    kept = run(str(season), *one)
    assert kept.stdout.splitlines()[0].endswith(": 1 unchanged, 2 keep")
    assert len(entries(calendar_url)) == 3
    pruned = run(str(season), *one, "--prune")
    assert pruned.stdout.splitlines()[0].endswith(": 1 unchanged, 2 delete")
    assert sorted(entries(calendar_url)) == ["aurora-keynote@launchcal"]


def test_an_edit_made_on_the_server_meanwhile_is_not_overwritten(
    season: Path, calendar_url: str
) -> None:
    login = publish.Credentials("alice", ALICE)
    calendar = eventfile.load(season)
    list(publish.apply(publish.plan(calendar, calendar_url, login)))
    moved = dataclasses.replace(calendar.events[0], title="Aurora keynote (new time)")
    plan = publish.plan(dataclasses.replace(calendar, events=(moved,)), calendar_url, login)
    # Someone edits the entry in their calendar app after launchcal read it.
    theirs = entries(calendar_url)["aurora-keynote@launchcal"]
    theirs.icalendar_component["SUMMARY"] = "Edited on the server"
    theirs.save(increase_seqno=False)
    with pytest.raises(publish.PublishError, match="changed on the server") as raised:
        list(publish.apply(plan))
    assert str(raised.value).endswith("already sent: nothing")
    stored = entries(calendar_url)["aurora-keynote@launchcal"].icalendar_component
    assert str(stored["SUMMARY"]) == "Edited on the server"


# --- errors: one line, exit 2, the password never shown ---------------------------------------


def test_wrong_password_is_one_error_line_without_the_password(
    season: Path, calendar_url: str
) -> None:
    wrong = "hunter2-not-it"
    result = run(str(season), "--caldav", calendar_url, "--user", "alice", password=wrong)
    line = error_line(result)
    assert line == (
        f"Error: {calendar_url} refused the login (user 'alice', 401 Unauthorized): "
        "check --user and LAUNCHCAL_CALDAV_PASSWORD or ~/.netrc"
    )
    assert wrong not in result.output
    assert entries(calendar_url) == {}


def test_a_user_without_rights_gets_403_and_an_error_line(season: Path, calendar_url: str) -> None:
    result = run(str(season), "--caldav", calendar_url, "--user", "bob", password=USERS["bob"])
    assert error_line(result) == (
        f"Error: {calendar_url}: user 'bob' may not use this calendar (403 Forbidden)"
    )
    assert USERS["bob"] not in result.output


def test_no_such_calendar_lists_the_ones_the_server_has(season: Path, server: Server) -> None:
    url = server.make_calendar("listed")
    missing = server.calendar_url("launchs")
    line = error_line(run(str(season), "--caldav", missing, "--user", "alice"))
    assert line.startswith(f"Error: no calendar at {missing} (404 Not Found); the server lists: ")
    assert url in line
    assert line.endswith("(give one with --caldav)")


def test_unreachable_server(season: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/alice/launches/"
    assert error_line(run(str(season), "--caldav", url, "--user", "alice")) == (
        f"Error: cannot reach {url}: Connection refused; check the address and the network"
    )


def test_a_rejected_event_names_the_server_reason_and_what_was_sent(
    season: Path, calendar_url: str
) -> None:
    huge = "x" * (MAX_BODY + 1000)
    edit(
        season,
        'id = "berlin-hardware-night"',
        f'id = "berlin-hardware-night"\ndescription = "{huge}"',
    )
    line = error_line(run(str(season), "--caldav", calendar_url, "--user", "alice"))
    assert re.fullmatch(
        r"Error: create berlin-hardware-night: the server refused it \(413 [^)]*\); "
        r"already sent: create aurora-keynote",
        line,
    ), line
    assert sorted(entries(calendar_url)) == ["aurora-keynote@launchcal"]


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if shutil.which("openssl") is None:
        reason = "openssl is not installed: cannot make a self-signed certificate"
        if os.environ.get("LAUNCHCAL_REQUIRE_TOOLS") == "1":
            pytest.fail(f"LAUNCHCAL_REQUIRE_TOOLS=1 but {reason}", pytrace=False)
        pytest.skip(f"{reason} (CI sets LAUNCHCAL_REQUIRE_TOOLS=1)")
    folder = tmp_path_factory.mktemp("radicale-tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    with radicale(folder, tls=(cert, key)) as running:
        yield running


def test_tls_failure_is_one_error_line(season: Path, tls_server: Server) -> None:
    url = tls_server.calendar_url("launches")
    assert error_line(run(str(season), "--caldav", url, "--user", "alice")) == (
        f"Error: TLS failure talking to {url}: certificate verify failed"
    )


# --- credentials --------------------------------------------------------------------------------


def test_password_from_netrc(season: Path, calendar_url: str, tmp_path: Path) -> None:
    netrc = tmp_path / ".netrc"
    netrc.write_text(f'machine 127.0.0.1 login alice password "{ALICE}"\n')
    netrc.chmod(0o600)
    result = run(str(season), "--caldav", calendar_url, password=None, home=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert len(entries(calendar_url)) == 3


@pytest.mark.parametrize(
    ("url", "user", "environ", "message"),
    [
        ("https://alice:secret@dav.example.org/c/", None, {},
         "https://dav.example.org/c/: give the user with --user and the password in "
         "LAUNCHCAL_CALDAV_PASSWORD or ~/.netrc, not in the URL"),
        ("https://dav.example.org/c/", None, {"LAUNCHCAL_CALDAV_PASSWORD": "secret"},
         "LAUNCHCAL_CALDAV_PASSWORD is set: give the user name with --user"),
        ("https://dav.example.org/c/", "alice", {},
         "no password for user 'alice': set LAUNCHCAL_CALDAV_PASSWORD, or add "
         "'machine dav.example.org login alice password ...' to ~/.netrc"),
    ],
)  # fmt: skip
def test_credentials_refused(
    url: str, user: str | None, environ: dict[str, str], message: str, tmp_path: Path
) -> None:
    with pytest.raises(InputError) as raised:
        publish.credentials(url, user, environ=environ, netrc_file=tmp_path / "none")
    assert str(raised.value) == message
    assert "secret" not in str(raised.value)


def test_a_broken_netrc_is_named_without_quoting_it(tmp_path: Path) -> None:
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine dav.example.org login alice s3cret-word\n")  # "password" left out
    with pytest.raises(
        InputError, match=r"\.netrc line \d+ cannot be read; fix that line"
    ) as raised:
        publish.credentials("https://dav.example.org/c/", None, environ={}, netrc_file=netrc)
    assert "s3cret" not in str(raised.value)


def test_no_login_at_all_when_nothing_is_given(tmp_path: Path) -> None:
    assert (
        publish.credentials("https://dav.example.org/", None, environ={}, netrc_file=tmp_path / "x")
        is None
    )
    assert repr(publish.Credentials("alice", "secret")) == "Credentials(user='alice')"


# --- the progress bar: on a terminal only -------------------------------------------------------


def test_a_terminal_gets_a_progress_bar_and_a_pipe_does_not(season: Path, server: Server) -> None:
    import pexpect

    launchcal = str(Path(sys.executable).with_name("launchcal"))
    env = {**os.environ, publish.PASSWORD_VARIABLE: ALICE}
    url = server.make_calendar(f"launches-{next(_names)}")
    child = pexpect.spawn(
        launchcal, ["publish", str(season), "--caldav", url, "--user", "alice"],
        env=env, encoding="utf-8", timeout=60, dimensions=(24, 120),
    )  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = child.before
    assert "Publishing" in shown
    assert f"Published to {url}: 3 create" in shown

    url = server.make_calendar(f"launches-{next(_names)}")
    piped = subprocess.run(
        [launchcal, "publish", str(season), "--caldav", url, "--user", "alice"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert piped.stderr == ""
    assert piped.stdout.startswith(f"Published to {url}: 3 create\n")


def test_an_entry_created_on_the_server_meanwhile_is_not_overwritten(
    season: Path, calendar_url: str, server: Server
) -> None:
    login = publish.Credentials("alice", ALICE)
    plan = publish.plan(eventfile.load(season), calendar_url, login)
    assert [c.action for c in plan.changes] == [publish.Action.CREATE] * 3
    # Another client puts an entry with the first event's UID there after launchcal looked.
    target = server.client().calendar(url=calendar_url)
    target.save_event(FOREIGN.format(uid="aurora-keynote@launchcal"))
    with pytest.raises(publish.PublishError, match="changed on the server") as raised:
        list(publish.apply(plan))
    assert str(raised.value).startswith("create aurora-keynote: ")
    stored = entries(calendar_url)["aurora-keynote@launchcal"].icalendar_component
    assert str(stored["SUMMARY"]) == "Written by hand"


@pytest.mark.parametrize(
    ("url", "line"),
    [
        ("dav.example.org/cal/", "Error: Invalid value for '--caldav': 'dav.example.org/cal/' is not "
         "a CalDAV URL; did you mean 'https://dav.example.org/cal/'?"),
        ("ftp://dav.example.org/cal/", "Error: Invalid value for '--caldav': "
         "'ftp://dav.example.org/cal/' is not a CalDAV URL; give the calendar's http:// or "
         "https:// address"),
        ("http://[::1/cal/", "Error: Invalid value for '--caldav': 'http://[::1/cal/' is not a "
         "CalDAV URL; give the calendar's http:// or https:// address"),
        ("https://alice:s3cret@dav.example.org:8443/cal/", "Error: https://dav.example.org:8443/cal/: "
         "give the user with --user and the password in LAUNCHCAL_CALDAV_PASSWORD or ~/.netrc, "
         "not in the URL"),
    ],
)  # fmt: skip
def test_bad_urls_are_refused_before_any_request(season: Path, url: str, line: str) -> None:
    result = run(str(season), "--caldav", url, password=None, home=season.parent)
    assert error_line(result) == line
    assert "s3cret" not in result.output


def test_a_series_is_one_entry_and_each_market_its_own(calendar_url: str, tmp_path: Path) -> None:
    from launchcal import recurrence
    from tests.test_consumers import NODE, _missing, unavailable

    for name in ("weekly-stream", "midnight-release"):
        done = run(str(EXAMPLES / f"{name}.toml"), "--caldav", calendar_url, "--user", "alice")
        assert done.exit_code == 0, done.stderr
    found = entries(calendar_url)
    assert len(found) == 1 + 13
    at = dt.datetime(2027, 1, 29, 11, tzinfo=dt.UTC)
    assert in_range(calendar_url, at, at + MINUTE) == ["nightfall-album-pago-pago@launchcal"]
    # Radicale expands the RRULE on the server for a time-range search; the winter weeks are
    # found there, and the skipped week is not. (Its expansion goes through vobject, which
    # attaches a pytz zone to each occurrence and so keeps the first one's UTC offset all
    # summer: no client-side query is tested against it.)
    at = dt.datetime(2026, 2, 3, 18, tzinfo=dt.UTC)
    assert in_range(calendar_url, at, at + MINUTE) == ["studio-live@launchcal"]
    at = dt.datetime(2026, 12, 29, 18, tzinfo=dt.UTC)
    assert in_range(calendar_url, at, at + MINUTE) == []
    # The entry as the server hands it back, expanded by ical.js: every week at its instant.
    reason = _missing("ical.js")
    if reason is not None:
        unavailable(reason)
    path = tmp_path / "served.ics"
    path.write_text(found["studio-live@launchcal"].data, encoding="utf-8")
    done = subprocess.run(
        ["node", str(NODE / "expand-ics.mjs"), str(path)], capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    show = eventfile.load(EXAMPLES / "weekly-stream.toml").events[0]
    want = [o.utc_start.isoformat() for o in recurrence.all_occurrences(show)]
    assert json.loads(done.stdout)[str(path)]["studio-live@launchcal"] == want


def test_without_the_caldav_extra_publish_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, season: Path
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "caldav.davclient", None)  # as if not installed
    url = "http://127.0.0.1:9/alice/launches/"
    line = error_line(run(str(season), "--caldav", url, "--user", "alice"))
    assert line == "Error: publishing needs the caldav package: pip install 'launchcal[publish]'"
