"""Countdown states, words and the terminal loop, all at a fixed "now"."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from launchcal import countdown as counting
from launchcal.errors import InputError
from launchcal.event import Event, Status
from launchcal.places import Place

UTC = dt.UTC
NAIROBI = Place("Nairobi", "Africa/Nairobi", "city")
LAUNCH = Event.at(
    "Xiaomi 12S series launch",
    dt.datetime(2022, 7, 4, 19),
    "Asia/Shanghai",
    duration=dt.timedelta(hours=2),
)
START = LAUNCH.utc_start  # 2022-07-04 11:00Z
END = START + dt.timedelta(hours=2)


def at(delta: dt.timedelta, base: dt.datetime = START) -> dt.datetime:
    return base + delta


def count(
    event: Event = LAUNCH,
    now: dt.datetime = START,
    locale: str = "en",
    precision: int = 3,
    viewer: Place = NAIROBI,
) -> counting.Countdown:
    return counting.countdown(event, now=now, locale=locale, precision=precision, viewer=viewer)


SECOND = dt.timedelta(seconds=1)
MINUTE = dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("now", "state", "seconds", "text"),
    [
        (
            dt.datetime(2022, 7, 1, 14, 48, tzinfo=dt.timezone(dt.timedelta(hours=8))),
            "upcoming",
            274320,
            "Xiaomi 12S series launch starts in 3 days, 4 hours and 12 minutes "
            "(Mon 4 Jul 2022, 14:00 in Nairobi)",
        ),
        (
            START - 61 * SECOND,
            "upcoming",
            61,
            "Xiaomi 12S series launch starts in 1 minute and 1 second (Mon 4 Jul 2022, 14:00 in "
            "Nairobi)",
        ),
        (
            START - SECOND,
            "upcoming",
            1,
            "Xiaomi 12S series launch starts in less than a minute "
            "(Mon 4 Jul 2022, 14:00 in Nairobi)",
        ),
        # Half a second before: still upcoming, and seconds are floored (not rounded up).
        (
            START - SECOND / 2,
            "upcoming",
            0,
            "Xiaomi 12S series launch starts in less than a minute "
            "(Mon 4 Jul 2022, 14:00 in Nairobi)",
        ),
        (
            START,
            "live",
            0,
            "Xiaomi 12S series launch is live now, started less than a minute ago, ends in 2 hours",
        ),
        (
            START + 20 * MINUTE,
            "live",
            -1200,
            "Xiaomi 12S series launch is live now, started 20 minutes ago, "
            "ends in 1 hour and 40 minutes",
        ),
        # 20 min 59.9 s in: both phrases floored, so it never says it ends sooner than it does.
        (
            START + 20 * MINUTE + 59.9 * SECOND,
            "live",
            -1260,
            "Xiaomi 12S series launch is live now, started 20 minutes and 59 seconds ago, "
            "ends in 1 hour and 39 minutes",
        ),
        (
            END - SECOND,
            "live",
            -7199,
            "Xiaomi 12S series launch is live now, started 1 hour, "
            "59 minutes and 59 seconds ago, ends in less than a minute",
        ),
        (END, "ended", -7200, "Xiaomi 12S series launch ended less than a minute ago"),
        (
            END + 2 * dt.timedelta(days=1),
            "ended",
            -180000,
            "Xiaomi 12S series launch ended 2 days ago",
        ),
    ],
)
def test_states_at_fixed_now(now: dt.datetime, state: str, seconds: int, text: str) -> None:
    found = count(now=now)
    assert (found.state, found.seconds, found.text) == (state, seconds, text)


def test_event_without_end_has_started() -> None:
    event = Event.at("Stream", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai")
    found = count(event, now=START + 3 * dt.timedelta(hours=1) + 5 * MINUTE)
    assert (found.state, found.seconds) == ("started", -11100)
    assert found.text == "Stream started 3 hours and 5 minutes ago"
    assert count(event, now=START - SECOND).state == "upcoming"


@pytest.mark.parametrize(
    ("precision", "text"),
    [
        (1, "starts in 3 days "),
        (2, "starts in 3 days and 4 hours "),
        (3, "starts in 3 days, 4 hours and 12 minutes "),
        (4, "starts in 3 days, 4 hours, 12 minutes and 5 seconds "),
    ],
)
def test_precision(precision: int, text: str) -> None:
    now = START - dt.timedelta(days=3, hours=4, minutes=12, seconds=5, milliseconds=300)
    found = count(now=now, precision=precision)
    assert found.text == f"Xiaomi 12S series launch {text}(Mon 4 Jul 2022, 14:00 in Nairobi)"
    assert found.seconds == 274325


def test_precision_zero_is_refused() -> None:
    with pytest.raises(InputError, match="precision must be 1 or more"):
        count(precision=0)


def test_naive_now_is_refused() -> None:
    with pytest.raises(InputError, match="now must carry its time zone"):
        count(now=dt.datetime(2022, 7, 1))


# --- across a DST change in the viewer's zone ----------------------------------------------

LONDON = Place("London", "Europe/London", "city")
# 10:00 in London on Sat 28 Mar 2026 (GMT), launch at 10:00 on Sun 29 Mar (BST):
# the wall clocks say 24 hours apart, but only 23 hours pass.
SPRING_LAUNCH = Event.at("Spring launch", dt.datetime(2026, 3, 29, 10), "Europe/London")
SPRING_NOW = dt.datetime(2026, 3, 28, 10, tzinfo=UTC)


def test_real_elapsed_time_across_spring_forward() -> None:
    found = count(SPRING_LAUNCH, now=SPRING_NOW, viewer=LONDON)
    assert found.seconds == 23 * 3600
    assert found.text == "Spring launch starts in 23 hours (Sun 29 Mar 2026, 10:00 in London)"
    assert found.note == (
        "Note: clocks in Europe/London go forward 1 hour on Sun 29 Mar 2026 (GMT to BST), "
        "before the launch."
    )
    assert found.clock_change is not None
    assert found.clock_change.shift == dt.timedelta(hours=1)


def test_real_elapsed_time_across_fall_back() -> None:
    event = Event.at("Autumn launch", dt.datetime(2026, 11, 1, 12), "America/New_York")
    viewer = Place("New York", "America/New_York", "city")
    now = dt.datetime(2026, 10, 31, 12, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    found = count(event, now=now, viewer=viewer)
    assert found.seconds == 25 * 3600
    assert found.text.startswith("Autumn launch starts in 1 day and 1 hour (")
    assert found.note == (
        "Note: clocks in America/New_York go back 1 hour on Sun 1 Nov 2026 (EDT to EST), "
        "before the launch."
    )


def test_no_note_without_a_change_or_after_the_start() -> None:
    assert count(SPRING_LAUNCH, now=SPRING_NOW, viewer=NAIROBI).note == ""
    assert count(SPRING_LAUNCH, now=SPRING_NOW + dt.timedelta(days=2), viewer=LONDON).note == ""
    # There and back again (a whole summer): the wall clocks agree, nothing to say.
    summer = Event.at("Next spring", dt.datetime(2027, 3, 1, 10), "Europe/London")
    assert count(summer, now=dt.datetime(2026, 3, 1, tzinfo=UTC), viewer=LONDON).note == ""


def test_note_in_other_languages() -> None:
    found = count(SPRING_LAUNCH, now=SPRING_NOW, viewer=LONDON, locale="sw")
    assert found.note == (
        "Kumbuka: kabla ya tukio kuanza, saa za London zitasogezwa mbele saa 1 mnamo Jumapili, 29 Mac 2026 (Saa za Greenwich → Saa za Majira ya Joto za Uingereza)."
    )


# --- seven languages, words from CLDR ------------------------------------------------------

NOW = dt.datetime(2022, 7, 1, 14, 48, tzinfo=dt.timezone(dt.timedelta(hours=8)))
LIVE = START + 20 * MINUTE
ENDED = END + dt.timedelta(days=2)

# launchcal's sentence for each state, from its catalog, with CLDR's pieces inside: the relative
# time ("dans 3 jours, 4 heures et 12 minutes", "3天4小时12分钟后"), the date and short time.
# Right to left: each value is isolated (FSI ... PDI) so titles, times and numbers stay whole.
LANGUAGES = {
    "ar": (
        "يبدأ \u2068Xiaomi 12S series launch\u2069 \u2068خلال 3 أيام، و4 ساعات، و12 دقيقة\u2069 (\u2068\u2068الاثنين، 4 يوليو 2022\u2069، \u20682:00 م\u2069 بتوقيت \u2068نيروبي\u2069\u2069)",
        "يُبث \u2068Xiaomi 12S series launch\u2069 مباشرةً الآن: بدأ \u2068قبل 20 دقيقة\u2069 وينتهي \u2068خلال ساعة واحدة و40 دقيقة\u2069",
        "انتهى \u2068Xiaomi 12S series launch\u2069 \u2068قبل يومين\u2069",
    ),
    "de": (
        "Xiaomi 12S series launch beginnt in 3 Tagen, 4 Stunden und 12 Minuten (Mo., 4. Juli 2022, 14:00 Uhr in Nairobi)",
        "Xiaomi 12S series launch läuft jetzt: begann vor 20 Minuten, endet in 1 Stunde, 40 Minuten",
        "Xiaomi 12S series launch endete vor 2 Tagen",
    ),
    "fr": (
        "Xiaomi 12S series launch commence dans 3\xa0jours, 4\xa0heures et 12 minutes (lun. 4 juil. 2022, 14:00 à Nairobi)",
        "Xiaomi 12S series launch est en direct : a commencé il y a 20 minutes, se termine dans 1\xa0heure et 40 minutes",
        "Xiaomi 12S series launch s’est terminé il y a 2 jours",
    ),
    "hi": (
        "Xiaomi 12S series launch 3 दिन, 4 घंटे और 12 मिनट में शुरू होगा (नैरोबी के समय के अनुसार सोम, 4 जुल॰ 2022, 2:00 pm)",
        "Xiaomi 12S series launch अभी लाइव है: 20 मिनट पहले शुरू हुआ, 1 घंटा और 40 मिनट में समाप्त होगा",
        "Xiaomi 12S series launch 2 दिन पहले समाप्त हुआ",
    ),
    "sw": (
        "Tukio «Xiaomi 12S series launch» litaanza baada ya siku 3, saa 4 na dakika 12 (Jumatatu, 4 Jul 2022, saa 14:00, Nairobi)",
        "Tukio «Xiaomi 12S series launch» linaendelea sasa hivi: lilianza dakika 20 zilizopita, litaisha baada ya saa 1 na dakika 40",
        "Tukio «Xiaomi 12S series launch» liliisha siku 2 zilizopita",
    ),
    "zh": (
        "Xiaomi 12S series launch将于3天4小时12分钟后开始（内罗毕时间2022年7月4日周一 14:00）",
        "Xiaomi 12S series launch正在直播：20分钟前开始，1小时40分钟后结束",
        "Xiaomi 12S series launch已于2天前结束",
    ),
}


@pytest.mark.parametrize(("locale", "texts"), sorted(LANGUAGES.items()))
def test_languages(locale: str, texts: tuple[str, str, str]) -> None:
    found = [count(now=now, locale=locale).text for now in (NOW, LIVE, ENDED)]
    assert tuple(found) == texts


def test_english_variants_keep_the_sentences() -> None:
    assert count(now=NOW, locale="en_GB").text == count(now=NOW, locale="en").text


def test_status_and_date_only() -> None:
    postponed = Event.at(
        "Winter showcase", dt.datetime(2026, 12, 15), "Asia/Tokyo", status=Status.POSTPONED
    )
    assert count(postponed, now=dt.datetime(2026, 12, 1, tzinfo=UTC)).text == (
        "Winter showcase (postponed) starts in 13 days and 15 hours (Mon 14 Dec 2026, 18:00 in "
        "Nairobi)"
    )
    tba = Event(
        title="Winter showcase",
        start=postponed.start,
        zone="Asia/Tokyo",
        time_known=False,
    )
    assert count(tba, now=dt.datetime(2026, 12, 1, tzinfo=UTC)).text == (
        "Winter showcase starts in 13 days (Tue 15 Dec 2026 in Asia/Tokyo, time to be announced)"
    )


# --- several events -------------------------------------------------------------------------

FIRST = Event.at("First", dt.datetime(2026, 9, 9, 10), "America/Los_Angeles",
                 duration=dt.timedelta(hours=1))  # fmt: skip
SECOND_EVENT = Event.at("Second", dt.datetime(2026, 10, 25, 10), "Europe/Berlin")
THIRD = Event.at("Third", dt.datetime(2026, 12, 15, 10), "Asia/Tokyo",
                 duration=dt.timedelta(hours=1))  # fmt: skip
SEASON = [THIRD, FIRST, SECOND_EVENT]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 9, 1, tzinfo=UTC), ["First"]),
        (FIRST.utc_start + dt.timedelta(minutes=30), ["First"]),  # live counts as not ended
        (FIRST.utc_start + dt.timedelta(hours=1), ["Second"]),
        # Second has no end: once it started, the next upcoming one is shown.
        (SECOND_EVENT.utc_start + dt.timedelta(hours=1), ["Third"]),
        (dt.datetime(2027, 1, 1, tzinfo=UTC), ["Third"]),  # all over: the most recent
    ],
)
def test_choose_next_not_ended(now: dt.datetime, expected: list[str]) -> None:
    assert [e.title for e in counting.choose(SEASON, now)] == expected


def test_choose_all_in_start_order() -> None:
    now = dt.datetime(2026, 9, 1, tzinfo=UTC)
    assert [e.title for e in counting.choose(SEASON, now, all_events=True)] == [
        "First",
        "Second",
        "Third",
    ]
    found = counting.countdowns(SEASON, now=now, locale="en", all_events=True, viewer=NAIROBI)
    assert [c.state for c in found] == ["upcoming"] * 3
    assert counting.countdown_data(found)["now"] == "2026-09-01T00:00:00Z"


# --- --now -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("2022-07-01T14:48:00+08:00", "UTC", "2022-07-01T14:48:00+08:00"),
        ("2022-07-01T06:48Z", "UTC", "2022-07-01T06:48:00+00:00"),
        ("2022-07-01 14:48", "Africa/Nairobi", "2022-07-01T14:48:00+03:00"),
        ("20220701T144800", "Asia/Shanghai", "2022-07-01T14:48:00+08:00"),
        ("2022-07-01", "Africa/Nairobi", "2022-07-01T00:00:00+03:00"),
        ("2022-W26-5 14:48", "UTC", "2022-07-01T14:48:00+00:00"),
        # free forms go through pendulum (dateutil underneath)
        ("July 1 2022 2:48pm", "Africa/Nairobi", "2022-07-01T14:48:00+03:00"),
        ("1 Jul 2022 14:48", "UTC", "2022-07-01T14:48:00+00:00"),
        ("2022/07/01 14:48", "UTC", "2022-07-01T14:48:00+00:00"),
        ("Fri, 01 Jul 2022 06:48:00 GMT", "Asia/Tokyo", "2022-07-01T06:48:00+00:00"),
        ("13/07/2022 10:00", "UTC", "2022-07-13T10:00:00+00:00"),  # only one order possible
        ("2022-182T14:48", "UTC", "2022-07-01T14:48:00+00:00"),
    ],
)
def test_parse_now(text: str, zone: str, expected: str) -> None:
    assert counting.parse_now(text, zone).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "zone", "message"),
    [
        (
            "yesterdayish",
            "UTC",
            "cannot read 'yesterdayish' as a date and time; write it like '2022-07-01 14:48' "
            "or '2022-07-01T14:48:00+08:00'",
        ),
        (
            "01/07/2022 14:48",
            "UTC",
            "'01/07/2022 14:48' could mean either order of day and month; write it like "
            "'2022-07-01 14:48' or '2022-07-01T14:48:00+08:00'",
        ),
        (
            "2022-07-01 14:48 PDT",
            "UTC",
            "cannot read '2022-07-01 14:48 PDT' as a date and time; write it like "
            "'2022-07-01 14:48' or '2022-07-01T14:48:00+08:00'",
        ),
        (
            "2026-03-29 01:30",
            "Europe/London",
            "2026-03-29 01:30 in Europe/London does not exist: the clocks go forward from "
            "GMT to BST over it; write '2026-03-29T00:30:00+00:00' or "
            "'2026-03-29T02:30:00+01:00'",
        ),
        (
            "2026-11-01 01:30",
            "America/New_York",
            "2026-11-01 01:30 in America/New_York happens twice as the clocks go back; write "
            "'2026-11-01T01:30:00-04:00' or '2026-11-01T01:30:00-05:00'",
        ),
    ],
)
def test_parse_now_refuses_guesses(text: str, zone: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        counting.parse_now(text, zone)
    assert str(caught.value) == message


# --- the terminal loop, with a fake clock ------------------------------------------------------


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal wide enough for whole lines (the loop cuts lines to the terminal's width)."""
    monkeypatch.setenv("COLUMNS", "200")


class FakeClock:
    """time.time and time.sleep for the loop: sleeping moves the clock, nothing waits."""

    def __init__(self, start: float) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def run_watch(now: dt.datetime, *, interactive: bool, color: bool = False) -> tuple[str, FakeClock]:
    clock = FakeClock(1_000_000.25)
    out = io.StringIO()
    counting.watch(
        LAUNCH,
        out,
        now=now,
        locale="en",
        viewer=NAIROBI,
        interactive=interactive,
        color=color,
        clock=clock.time,
        sleep=clock.sleep,
    )
    return out.getvalue(), clock


def test_watch_in_a_terminal_redraws_one_line_and_stops_when_live() -> None:
    text, clock = run_watch(START - 2.5 * SECOND, interactive=True)
    soon = (
        "Xiaomi 12S series launch starts in less than a minute (Mon 4 Jul 2022, 14:00 in Nairobi)"
    )
    live = "Xiaomi 12S series launch is live now, started less than a minute ago, ends in 2 hours"
    assert text == ("\x1b[?25l" + f"\r\x1b[2K{soon}" * 3 + f"\r\x1b[2K{live}" + "\x1b[?25h\n")
    # Frames at 2.5, 1.5 and 0.5 s before the start (mid-second), then at the start itself.
    assert clock.sleeps == [1, 1, 0.5]


def test_watch_colours_only_when_asked() -> None:
    text, _ = run_watch(START - SECOND / 2, interactive=True, color=True)
    assert "\x1b[1m" in text
    assert "\x1b[1;32mXiaomi 12S series launch is live now" in text


def test_watch_without_a_terminal_prints_a_line_a_minute() -> None:
    text, clock = run_watch(START - 150 * SECOND, interactive=False)
    assert "\x1b" not in text
    assert text.splitlines() == [
        "Xiaomi 12S series launch starts in 2 minutes and 30 seconds (Mon 4 Jul 2022, 14:00 in "
        "Nairobi)",
        "Xiaomi 12S series launch starts in 1 minute and 29 seconds (Mon 4 Jul 2022, 14:00 in "
        "Nairobi)",
        "Xiaomi 12S series launch starts in less than a minute (Mon 4 Jul 2022, 14:00 in Nairobi)",
        "Xiaomi 12S series launch is live now, started less than a minute ago, ends in 2 hours",
    ]
    # Half a second to the mid-second phase, 149 whole seconds, half a second to the start.
    assert clock.sleeps == [0.5, *[1.0] * 149, 0.5]


def test_watch_on_an_event_already_live_says_so_once() -> None:
    text, clock = run_watch(LIVE, interactive=False)
    assert text == (
        "Xiaomi 12S series launch is live now, started 20 minutes ago, ends in 1 hour and 40 minutes\n"
    )
    assert clock.sleeps == []


def test_watch_ctrl_c_restores_the_cursor() -> None:
    out = io.StringIO()

    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # passed on: the CLI exits 130
        counting.watch(LAUNCH, out, now=NOW, locale="en", viewer=NAIROBI, interactive=True,
                       color=False, sleep=interrupt)  # fmt: skip
    assert out.getvalue().startswith("\x1b[?25l\r\x1b[2KXiaomi 12S series launch starts in 3 days")
    assert out.getvalue().endswith("\x1b[?25h\n")


def test_watch_prints_the_clock_change_note_first() -> None:
    out = io.StringIO()

    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        counting.watch(SPRING_LAUNCH, out, now=SPRING_NOW, locale="en", viewer=LONDON,
                       interactive=False, sleep=interrupt)  # fmt: skip
    assert out.getvalue().splitlines() == [
        "Note: clocks in Europe/London go forward 1 hour on Sun 29 Mar 2026 (GMT to BST), "
        "before the launch.",
        "Spring launch starts in 23 hours (Sun 29 Mar 2026, 10:00 in London)",
    ]


@pytest.mark.parametrize(
    ("text", "columns", "expected"),
    [
        ("starts in 3 days", 40, "starts in 3 days"),
        ("starts in 3 days", 10, "starts in…"),
        ("3天4小时12分钟后", 8, "3天4小…"),
    ],
)
def test_fit_to_the_terminal(text: str, columns: int, expected: str) -> None:
    assert counting._fit(text, columns) == expected


def test_watch_cuts_the_line_to_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "41")
    text, _ = run_watch(START - SECOND / 2, interactive=True)
    assert "\r\x1b[2KXiaomi 12S series launch starts in less…" in text
