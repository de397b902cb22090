"""The reading corpora under ``tests/data/reading/`` and how a reading is scored against them.

Shared by ``tests/test_reading_corpus.py`` (every line asserted) and
``benchmarks/bench_reading.py`` (accuracy and speed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from launchcal import tz
from launchcal.event import Event

DATA = Path(__file__).resolve().parent / "data" / "reading"

#: The events the claims corpus is checked against (scripts/make_claims_corpus.py reads it too).
EVENTS = {
    "xiaomi": ("2022-07-04 19:00", "Asia/Shanghai"),
    "wwdc": ("2023-06-05 10:00", "America/Los_Angeles"),
    "unpacked": ("2023-02-01 10:00", "America/Los_Angeles"),
    "direct": ("2023-09-14 07:00", "America/Los_Angeles"),
    "sydney": ("2024-01-16 09:00", "Australia/Sydney"),
    "berlin": ("2024-10-27 20:30", "Europe/Berlin"),
    "keynote": ("2024-03-12 10:00", "America/New_York"),
}
#: The day the article corpus is read on (a weekday picks the latest fitting year up to next).
TODAY = dt.date(2026, 12, 1)
#: Instants at which two zones must agree to count as the same clock.
INSTANTS = tuple(dt.datetime(y, m, 15, 12, tzinfo=dt.UTC) for y in (2022, 2024) for m in (1, 7))

Reading = tuple[str, str, str, bool]  # claimed HH:MM, actual HH:MM, actual offset, right


def event(name: str) -> Event:
    wall, zone = EVENTS[name]
    return Event.at(name, dt.datetime.fromisoformat(wall), zone)


@dataclass(frozen=True)
class ClaimCase:
    event: str
    text: str
    readings: tuple[Reading, ...]


def claim_cases() -> list[ClaimCase]:
    cases = []
    for raw in (DATA / "claims.tsv").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        name, text, spec = raw.split("\t")
        readings = []
        for item in spec.split(";"):
            claimed, rest = item.split(">")
            actual, rest = rest.split("@")
            offset, verdict = rest.split("=")
            readings.append((claimed, actual, offset, verdict == "right"))
        cases.append(ClaimCase(name, text, tuple(readings)))
    return cases


@dataclass(frozen=True)
class PlaceCase:
    query: str
    #: A zone, "ambiguous", "unknown", "error" or "offset:+HH:MM".
    expected: str
    listed: tuple[str, ...]


def place_cases() -> list[PlaceCase]:
    cases = []
    for raw in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        query, expected, listed = raw.split("\t")
        cases.append(PlaceCase(query, expected, tuple(z for z in listed.split(",") if z)))
    return cases


def same_clock(a: str, b: str) -> bool:
    """Whether two zones show the same offsets (Europe/Warsaw and Europe/Paris do)."""
    return all(
        i.astimezone(tz.zone(a)).utcoffset() == i.astimezone(tz.zone(b)).utcoffset()
        for i in INSTANTS
    )


@dataclass(frozen=True)
class ArticleCase:
    id: str
    text: str
    #: "YYYY-MM-DD HH:MM ZONE", or "" when an error is expected.
    event: str
    error: str
    published: dt.date | None
    findings: tuple[tuple[str, bool], ...]


def article_cases() -> list[ArticleCase]:
    text = (DATA / "articles.txt").read_text(encoding="utf-8")
    cases = []
    for block in text.split("\n=== ")[1:]:
        head, _, body = block.partition("\n---\n")
        lines = head.splitlines()
        fields: dict[str, str] = {}
        findings = []
        for entry in lines[1:]:
            key, _, value = entry.partition(": ")
            if key in ("right", "wrong"):
                findings.append((value, key == "right"))
            else:
                fields[key] = value
        published = fields.get("published")
        cases.append(
            ArticleCase(
                id=lines[0],
                text=body,
                event=fields.get("event", ""),
                error=fields.get("error", ""),
                published=dt.date.fromisoformat(published) if published else None,
                findings=tuple(findings),
            )
        )
    return cases


# --- scoring: shared by the test and the benchmark -------------------------------------------


def claim_outcome(case: ClaimCase) -> tuple[Reading, ...] | str:
    """What launchcal reads and judges, in the corpus's terms (or the error's words)."""
    from launchcal.check import check_text
    from launchcal.errors import LaunchcalError

    try:
        verdicts = check_text(event(case.event), case.text)
    except LaunchcalError as error:
        return str(error)
    return tuple(
        (
            f"{v.claim.time:%H:%M}",
            f"{v.actual.local:%H:%M}",
            tz.format_offset(v.actual.local.utcoffset()),
            v.right,
        )
        for v in verdicts
    )


def place_outcome(case: PlaceCase) -> tuple[bool, bool, str]:
    """``(as expected, a silent wrong pick, what happened)``."""
    from launchcal import places
    from launchcal.errors import AmbiguousPlaceError, LaunchcalError, UnknownPlaceError

    try:
        place = places.resolve(case.query)
    except AmbiguousPlaceError as error:
        listed = all(zone in str(error) for zone in case.listed)
        return case.expected == "ambiguous" and listed, False, str(error)
    except UnknownPlaceError as error:
        return case.expected == "unknown", False, str(error)
    except LaunchcalError as error:
        return case.expected == "error", False, str(error)
    said = place.describe()
    if case.expected.startswith("offset:"):
        offset = place.offset
        good = (
            offset is not None
            and tz.format_offset(dt.timedelta(seconds=offset)) == case.expected[7:]
        )
        return good, not good, said
    if case.expected in ("ambiguous", "unknown", "error"):
        return False, True, said
    good = same_clock(place.zone, case.expected)
    return good, not good, said


def article_outcome(case: ArticleCase) -> tuple[bool, str]:
    """``(as expected, what happened)``."""
    from launchcal.article import check_article
    from launchcal.errors import LaunchcalError

    try:
        result = check_article(case.text, published=case.published, today=TODAY)
    except LaunchcalError as error:
        return bool(case.error) and case.error in str(error), f"error: {error}"
    start = result.event.start
    said = f"{start:%Y-%m-%d %H:%M} {result.event.zone}: " + "; ".join(
        f"{v.claim.text!r} {'right' if v.right else 'wrong'}" for v in result.verdicts
    )
    if case.error:
        return False, said
    date, time, zone = case.event.split()
    expected = dt.datetime.fromisoformat(f"{date} {time}").replace(tzinfo=tz.zone(zone))
    found = sorted((v.claim.text, v.right) for v in result.verdicts)
    wanted = sorted(case.findings)
    matches = len(found) == len(wanted) and all(
        w_text in f_text and w_right == f_right
        for (f_text, f_right), (w_text, w_right) in zip(found, wanted, strict=True)
    )
    return start == expected and same_clock(result.event.zone, zone) and matches, said
