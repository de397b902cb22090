"""``launchcal share``: every channel's message carries the event's own instant, and each one
decodes back to it; plain-text networks stay within their limits as the networks count."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar as IcsCalendar
from twitter_text import parse_tweet

from launchcal import eventfile, places, share
from launchcal.cli import cli
from launchcal.event import Calendar, Event, Status
from tests.conftest import EXAMPLES
from tests.ics_cases import hard_calendar

UTC = dt.UTC
STAMP = dt.datetime(2022, 6, 1, 8, 30, tzinfo=UTC)


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, prog_name="launchcal")
    return result.exit_code, result.stdout, result.stderr


def corpus() -> list[Event]:
    """The examples, the hard calendar cases and far-off offsets, all with known times."""
    events = [
        *eventfile.load(EXAMPLES / "xiaomi-12s.toml").events,
        *eventfile.load(EXAMPLES / "launch-season.toml").events,
        *hard_calendar().events,
    ]
    audience = tuple(
        places.resolve(name) for name in ("Kiritimati", "Pago Pago", "Pacific/Chatham", "Kathmandu")
    )
    for zone, wall in [
        ("Pacific/Chatham", dt.datetime(2026, 4, 5, 2, 45)),
        ("Australia/Lord_Howe", dt.datetime(2026, 10, 4, 2, 30)),
        ("Pacific/Kiritimati", dt.datetime(2026, 1, 1, 0, 0)),
        ("America/Sao_Paulo", dt.datetime(2026, 2, 14, 21, 0)),
    ]:
        name = zone.rsplit("/", 1)[1]
        events.append(Event.at(f"{name} launch", wall, zone, id=name.lower(), fold="later",
                               audience=audience))  # fmt: skip
    return [event for event in events if event.time_known]


CORPUS = corpus()


# --- the transcript the issue names -------------------------------------------------------------


def test_discord_message_for_the_xiaomi_launch() -> None:
    code, out, err = invoke("share", str(EXAMPLES / "xiaomi-12s.toml"), "--to", "discord")
    assert (code, err) == (0, "")
    assert "<t:1656932400:F>" in out
    assert out == (
        "**Xiaomi 12S series launch**\n"
        "<t:1656932400:F> (<t:1656932400:R>)\n"
        "https://www.mi.com/global/\n"
    )


def test_unix_time_is_the_instant_launchcal_when_reports() -> None:
    for path in (EXAMPLES / "xiaomi-12s.toml", EXAMPLES / "launch-season.toml"):
        _, out, _ = invoke("when", str(path), "--json")
        instants = {
            event["id"]: int(dt.datetime.fromisoformat(event["utc"]).timestamp())
            for event in json.loads(out)["events"]
            if event["time_known"]
        }
        for event_id, unix in instants.items():
            _, discord, _ = invoke("share", str(path), "--event", event_id, "--to", "discord")
            _, slack, _ = invoke("share", str(path), "--event", event_id, "--to", "slack")
            assert f"<t:{unix}:F>" in discord
            assert f"<t:{unix}:R>" in discord
            assert f"<!date^{unix}^" in slack


# --- every form decodes back to the instant ------------------------------------------------------

_OWN_TIME = re.compile(
    r"(?P<date>\w{3} \d{1,2} \w{3} \d{4}), (?P<time>\d\d:\d\d) [^\n]*?\(UTC(?P<offset>[+-]\d\d:\d\d), "
)


def from_own_time(text: str) -> dt.datetime:
    """The instant a plain-text form states: its own wall time and UTC offset."""
    found = _OWN_TIME.search(text)
    assert found is not None, text
    wall = dt.datetime.strptime(f"{found['date']} {found['time']}", "%a %d %b %Y %H:%M")
    sign = 1 if found["offset"][0] == "+" else -1
    hours, minutes = map(int, found["offset"][1:].split(":"))
    offset = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return wall.replace(tzinfo=offset).astimezone(UTC)


def from_unix(pattern: str) -> Callable[[str], dt.datetime]:
    """The instant of the message's first timestamp (a second one says where it moved from)."""

    def decode(text: str) -> dt.datetime:
        found = re.search(pattern, text)
        assert found is not None, text
        return dt.datetime.fromtimestamp(int(found[1]), UTC)

    return decode


def from_html(text: str) -> dt.datetime:
    (stamp,) = re.findall(r'<time datetime="([^"]+)">', text)
    assert from_own_time(text) == dt.datetime.fromisoformat(stamp)
    return dt.datetime.fromisoformat(stamp)


DECODERS: dict[share.Channel, Callable[[str], dt.datetime]] = {
    "discord": from_unix(r"<t:(\d+):F> \(<t:\1:R>\)"),
    "slack": from_unix(r"<!date\^(\d+)\^"),
    "telegram": from_own_time,
    "x": from_own_time,
    "mastodon": from_own_time,
    "markdown": from_own_time,
    "text": from_own_time,
    "html": from_html,
}


@pytest.mark.parametrize("channel", list(DECODERS))
@pytest.mark.parametrize("event", CORPUS, ids=lambda e: e.id)
def test_each_form_decodes_back_to_the_instant(event: Event, channel: share.Channel) -> None:
    assert DECODERS[channel](share.message(event, channel)) == event.utc_start


@pytest.mark.parametrize("event", CORPUS, ids=lambda e: e.id)
def test_email_decodes_back_to_the_instant(event: Event) -> None:
    sender = "Launch team <team@example.org>"
    raw = share.email(Calendar((event,)), sender=sender, now=STAMP)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    text = parsed.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    page = parsed.get_body(("html",)).get_content()  # type: ignore[union-attr]
    (attachment,) = list(parsed.iter_attachments())
    calendar = IcsCalendar.from_ical(attachment.get_content())
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART").astimezone(UTC) == event.utc_start
    assert from_own_time(text) == from_html(page) == event.utc_start


# --- the networks' limits -----------------------------------------------------------------------

CITIES = [
    "Nairobi", "London", "New York", "Kolkata", "Sao Paulo", "Tokyo", "Sydney", "Lagos", "Cairo",
    "Mexico City", "Jakarta", "Karachi", "Dhaka", "Manila", "Istanbul", "Moscow", "Tehran",
    "Kathmandu", "Pacific/Chatham", "Kiritimati", "Honolulu", "Anchorage", "Reykjavik", "Lima",
]  # fmt: skip
LINK = "https://example.com/" + "a-very-long-path/" * 12


@pytest.mark.parametrize("title", [
    "Launch", "小米 12S Ultra 发布会 · 徕卡影像 · 全球直播 " * 8, "🚀 Lift-off! " * 40, "x" * 600,
])  # fmt: skip
@pytest.mark.parametrize("channel", ["x", "mastodon", "telegram"])
def test_posts_fit_the_network_and_keep_time_and_link(title: str, channel: share.Channel) -> None:
    event = Event.at(title, dt.datetime(2026, 9, 9, 10), "America/Los_Angeles", url=LINK,
                     audience=tuple(places.resolve(name) for name in CITIES))  # fmt: skip
    post = share.message(event, channel)
    if channel == "x":
        # twitter-text is X's own counting rule set; its `valid` is what X accepts.
        assert parse_tweet(post).valid
    assert share.length(post, channel) <= share.LIMITS[channel]
    assert post.endswith("\n" + LINK)
    assert from_own_time(post) == event.utc_start
    assert post.splitlines()[0].startswith(title.strip()[:1])


def test_x_counts_a_url_as_23_and_wide_characters_as_2() -> None:
    assert share.length(LINK, "x") == 23
    assert share.length("小米", "x") == 4
    assert share.length(LINK + " 小米", "mastodon") == 26


def test_a_short_post_keeps_every_audience_city() -> None:
    _, out, _ = invoke("share", str(EXAMPLES / "xiaomi-12s.toml"), "--to", "x")
    assert out.splitlines()[2] == (
        "Nairobi 14:00 · London 12:00 · New York City 07:00 · Kolkata 16:30 · São Paulo 08:00"
    )


# --- markup is escaped per channel --------------------------------------------------------------

HOSTILE = Event.at("# *Big* <launch> & _more_ | ~now~", dt.datetime(2022, 7, 4, 19),
                   "Asia/Shanghai")  # fmt: skip


def test_discord_and_markdown_escape_their_markup() -> None:
    assert share.message(HOSTILE, "discord").splitlines()[0] == (
        r"**\# \*Big\* \<launch> & \_more\_ \| \~now\~**"
    )
    assert share.message(HOSTILE, "markdown").splitlines()[0] == (
        r"**\# \*Big\* \<launch\> & \_more\_ \| \~now\~**"
    )


def test_slack_and_html_escape_their_markup() -> None:
    assert share.message(HOSTILE, "slack").splitlines()[0] == (
        "*# *Big* &lt;launch&gt; &amp; _more_ | ~now~*"
    )
    assert share.message(HOSTILE, "html").splitlines()[0] == (
        "<p><strong># *Big* &lt;launch&gt; &amp; _more_ | ~now~</strong><br>"
    )


def test_cancelled_is_struck_through_and_a_date_without_time_has_no_timestamp() -> None:
    cancelled = dataclasses.replace(CORPUS[0], status=Status.CANCELLED)
    assert share.message(cancelled, "discord").splitlines()[0] == (
        "~~**Xiaomi 12S series launch (cancelled)**~~"
    )
    (tba,) = [e for e in eventfile.load(EXAMPLES / "launch-season.toml").events if not e.time_known]
    for channel in DECODERS:
        text = share.message(tba, channel)
        assert "<t:" not in text
        assert "<!date" not in text
        assert "Tue 15 Dec 2026 (Asia/Tokyo); the time is not announced yet" in text


def test_locale_gives_cldr_dates_and_zone_names() -> None:
    code, out, _ = invoke(
        "share", str(EXAMPLES / "xiaomi-12s.toml"), "--to", "text", "--locale", "fr"
    )
    assert code == 0
    assert out.splitlines()[1] == (
        "lun. 4 juil. 2022, 19:00 heure normale de la Chine (UTC+08:00, Asia/Shanghai)"
    )
    _, discord, _ = invoke(
        "share", str(EXAMPLES / "xiaomi-12s.toml"), "--to", "discord", "--locale", "fr"
    )
    assert "<t:1656932400:F>" in discord  # the reader's app words it


# --- email --------------------------------------------------------------------------------------


def test_email_is_a_complete_message_with_the_calendar_attached(tmp_path: Path) -> None:
    out = tmp_path / "season.eml"
    env = {"SOURCE_DATE_EPOCH": str(int(STAMP.timestamp()))}
    args = ["share", str(EXAMPLES / "launch-season.toml"), "--to", "email",
            "--from", "Launch team <team@example.org>", "--mail-to", "list@example.org"]  # fmt: skip
    assert invoke(*args, "-o", str(out), env=env) == (0, "", "")
    raw = out.read_bytes()
    again = CliRunner().invoke(cli, args, env=env)
    assert again.stdout_bytes == raw  # the same input, the same bytes
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == "Launch season 2026"
    assert parsed["From"] == "Launch team <team@example.org>"
    assert parsed["To"] == "list@example.org"
    assert parsed["Date"] == "Wed, 01 Jun 2022 08:30:00 +0000"
    assert re.fullmatch(r"<[0-9a-f]{24}@launchcal\.invalid>", parsed["Message-ID"])
    assert parsed.get_content_type() == "multipart/mixed"
    body, attachment = parsed.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in body.iter_parts()] == ["text/plain", "text/html"]
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"
    assert attachment.get_filename() == "calendar.ics"
    data = attachment.get_content()
    assert "METHOD:PUBLISH\r\n" in data
    # RFC 5546 section 3.2.1: every VEVENT of a PUBLISH carries an ORGANIZER (here the sender).
    assert data.count("BEGIN:VEVENT") == data.count("ORGANIZER") == 3
    assert 'ORGANIZER;CN="Launch team":mailto:team@example.org' in data.replace("\r\n ", "")
    # The strictest parser here (allenporter's ical) reads the attachment.
    parsed_calendar = IcsCalendarStream.calendar_from_ics(data)
    assert [e.uid for e in parsed_calendar.events] == [
        "aurora-keynote@launchcal", "berlin-hardware-night@launchcal", "tba-showcase@launchcal",
    ]  # fmt: skip
    assert all(line.isascii() for line in raw.decode("ascii").splitlines())


def test_email_without_a_sender_is_one_error_line() -> None:
    code, out, err = invoke("share", str(EXAMPLES / "xiaomi-12s.toml"), "--to", "email")
    assert (code, out) == (2, "")
    assert err == (
        "Error: an email needs a sender: give --from ADDRESS (the event has no organizer email)\n"
    )


def test_email_sender_defaults_to_the_organizer() -> None:
    season = eventfile.load(EXAMPLES / "launch-season.toml")
    raw = share.email(Calendar((season.get("berlin-hardware-night"),)), now=STAMP)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["From"] == '"Hardware Day e.V." <hello@example.org>'
    assert parsed["Subject"] == (
        "Berlin hardware night on Sun 25 Oct 2026, 02:30 CEST (UTC+02:00, Europe/Berlin)"
    )


def test_the_command_offers_every_channel() -> None:
    from launchcal.commands.share import CHANNEL_NAMES

    assert tuple(CHANNEL_NAMES) == share.CHANNELS


MOVED_FROM = {
    "discord": r"Moved from <t:(\d+):f>",
    "slack": r"Moved from <!date\^(\d+)\^",
}


@pytest.mark.parametrize("channel", list(DECODERS))
def test_a_rescheduled_event_says_where_it_moved_from(channel: share.Channel) -> None:
    calendar = hard_calendar()
    for event_id in ("moved", "moved-twice"):
        event = calendar.get(event_id)
        assert event.previous_start is not None
        text = share.message(event, channel)
        assert DECODERS[channel](text) == event.utc_start
        if channel in MOVED_FROM:
            assert from_unix(MOVED_FROM[channel])(text) == event.previous_start
        else:
            wall = event.previous_start.astimezone(event.start.tzinfo)
            assert f"Moved from {wall:%a} {wall.day} {wall:%b %Y}, {wall:%H:%M} " in text
