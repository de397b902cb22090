"""``launchcal lint``: what in anyone's calendar file makes real clients misplace or drop events.

Any .ics file, whoever wrote it (Google and Outlook exports, add-to-calendar buttons, icalendar,
ics-py, a text editor), is read line by line, keeping the line numbers a person needs to fix it:
icalendar unfolds and repairs before anyone can see where a line was broken. Each finding names
the file and line, what is wrong, which clients go wrong and how, and the fix.

The checks are the ones real clients trip over (measured with ical.js, libical, Outlook's
documented model and the parsers in the test suite): a TZID without a VTIMEZONE, a VTIMEZONE
that disagrees with the tz database at the event's own instants, observance shapes ical.js or
Outlook misread, floating times, ``Etc/GMT+N`` read with the wrong sign, an all-day DTEND that
is not exclusive, lines over 75 octets or folded inside a UTF-8 character, METHOD without
ORGANIZER, duplicate UIDs, a missing DTSTAMP and bare LF line ends.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dateutil.rrule import rrulestr

from launchcal import tz
from launchcal.errors import InputError

__all__ = ["RULES", "Finding", "lint", "lint_bytes"]

#: Every rule a finding can name.
RULES = (
    "all-day-end-not-exclusive", "bare-newline", "duplicate-uid", "etc-gmt-sign",
    "floating-time", "fold-splits-utf8", "icaljs-missed-onset", "icaljs-negative-monthday",
    "long-line", "method-without-organizer", "missing-dtstamp", "missing-vtimezone",
    "outlook-rdate-list", "outlook-several-rules", "vtimezone-disagrees",
)  # fmt: skip

_MAX_OCTETS = 75
_ETC_GMT = re.compile(r"(?:.*/)?Etc/GMT([+-])(\d{1,2})", re.IGNORECASE)
_NAME = re.compile(r"[A-Za-z0-9-]+")
_DATE_TIME = re.compile(r"(\d{8})T(\d{6})(Z?)")
_OFFSET = re.compile(r"([+-])(\d\d)(\d\d)(\d\d)?")
_TIMES = ("DTSTART", "DTEND", "RECURRENCE-ID", "DUE")
# Who reads a VTIMEZONE and who its own tz database, for a TZID they know (DOMAIN notes).
_CAMPS = (
    "ical.js (Thunderbird), libical (Evolution), khal and vobject (Radicale) follow the "
    "VTIMEZONE; Google, calcurse, KCalendarCore, icalendar and ical follow their own tz database"
)


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, what it is, who goes wrong, and the fix."""

    file: str
    line: int
    rule: str
    what: str
    client: str
    fix: str

    def text(self) -> str:
        """The finding as ``launchcal lint`` prints it: one line."""
        return f"{self.file}:{self.line}: {self.what} [{self.rule}]; {self.client}; fix: {self.fix}"

    def as_dict(self) -> dict[str, str | int]:
        """The finding as ``launchcal lint --json`` prints it."""
        return asdict(self)


def lint(paths: Sequence[str | Path]) -> list[Finding]:
    """The findings for every file, in order.

    Raises:
        InputError: a file cannot be read, is not UTF-8 or is not a calendar.
    """
    findings: list[Finding] = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise InputError(
                f"cannot read {path}: {error.strerror or error}; check the path"
            ) from None
        findings.extend(lint_bytes(data, str(path)))
    return findings


def lint_bytes(data: bytes, name: str = "-") -> list[Finding]:
    """The findings for one file's bytes (``name`` is what the findings call the file).

    Examples:
        >>> text = (b"BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nPRODID:x\\r\\nBEGIN:VEVENT\\r\\n"
        ...         b"UID:1\\r\\nDTSTAMP:20260101T000000Z\\r\\n"
        ...         b"DTSTART;TZID=Europe/Berlin:20260320T180000\\r\\n"
        ...         b"END:VEVENT\\r\\nEND:VCALENDAR\\r\\n")
        >>> [finding.rule for finding in lint_bytes(text)]
        ['missing-vtimezone']
    """
    physical = _physical_lines(data, name)
    findings = list(_line_findings(physical, name))
    root = _parse(_unfold(physical, name), name)
    findings.extend(_Checker(name, root).findings())
    return sorted(findings, key=lambda finding: finding.line)


# --- reading: physical lines, unfolding, components ----------------------------------------


@dataclass(frozen=True)
class _Physical:
    number: int
    content: bytes
    crlf: bool


def _physical_lines(data: bytes, name: str) -> list[_Physical]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    pieces = data.split(b"\n")
    # The last line may end without any line break (ics-py writes none): that is not a bare LF.
    last = pieces.pop()
    lines = [
        _Physical(number, piece.removesuffix(b"\r"), piece.endswith(b"\r"))
        for number, piece in enumerate(pieces, 1)
    ]
    if last:
        lines.append(_Physical(len(lines) + 1, last.removesuffix(b"\r"), True))
    if not lines or lines[0].content.strip().upper() != b"BEGIN:VCALENDAR":
        raise InputError(f"{name} is not a calendar file: it does not start with BEGIN:VCALENDAR")
    return lines


def _line_findings(lines: Sequence[_Physical], name: str) -> Iterator[Finding]:
    bare = [line.number for line in lines if not line.crlf]
    if bare:
        yield Finding(
            name, bare[0], "bare-newline",
            f"{len(bare)} of {len(lines)} lines end in a bare LF, not CRLF",
            "RFC 5545 requires CRLF; the parsers tested here accept LF, but a strict reader "
            "(or a mail gateway that rewrites line ends) may not",
            "write every line end as CRLF (\\r\\n)",
        )  # fmt: skip
    long = [line for line in lines if len(line.content) > _MAX_OCTETS]
    if long:
        yield Finding(
            name, long[0].number, "long-line",
            f"{len(long)} lines are longer than 75 octets (the first has {len(long[0].content)})",
            "RFC 5545 section 3.1 limits lines to 75 octets; some clients cut or reject "
            "longer ones",
            "fold long lines at 75 octets (CRLF and a space), between UTF-8 characters",
        )  # fmt: skip
    for line, following in itertools.pairwise(lines):
        if following.content[:1] not in (b" ", b"\t"):
            continue
        try:
            line.content.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.reason == "unexpected end of data":
                yield Finding(
                    name, line.number, "fold-splits-utf8",
                    "the line is folded inside a UTF-8 character",
                    "parsers that decode each line before unfolding (Outlook, many "
                    "web clients) show replacement characters or reject the file",
                    "fold by octets but only between whole UTF-8 characters",
                )  # fmt: skip


@dataclass
class _Line:
    number: int
    name: str
    params: dict[str, str]
    value: str


@dataclass
class _Component:
    name: str
    line: int
    props: list[_Line] = field(default_factory=list)
    children: list[_Component] = field(default_factory=list)

    def get(self, name: str) -> _Line | None:
        return next((prop for prop in self.props if prop.name == name), None)

    def all(self, name: str) -> list[_Line]:
        return [prop for prop in self.props if prop.name == name]

    def walk(self, name: str) -> Iterator[_Component]:
        for child in self.children:
            if child.name == name:
                yield child
            yield from child.walk(name)


def _unfold(lines: Sequence[_Physical], name: str) -> Iterator[tuple[int, str]]:
    number, buffer = 0, b""
    for line in lines:
        if line.content[:1] in (b" ", b"\t") and number:
            buffer += line.content[1:]
            continue
        if number and buffer.strip():
            yield number, _decode(buffer, number, name)
        number, buffer = line.number, line.content
    if number and buffer.strip():
        yield number, _decode(buffer, number, name)


def _decode(content: bytes, number: int, name: str) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{name}:{number} is not UTF-8 text; save the file as UTF-8") from None


def _content_line(number: int, text: str, name: str) -> _Line:
    match = _NAME.match(text)
    if match is None:
        raise InputError(f"{name}:{number}: {text[:40]!r} is not an iCalendar content line")
    params: dict[str, str] = {}
    position, quoted, start = match.end(), False, match.end()
    while position < len(text):
        char = text[position]
        if char == '"':
            quoted = not quoted
        elif not quoted and char in ";:":
            if position > start:
                key, _, value = text[start + 1 : position].partition("=")
                params[key.upper()] = value.strip('"')
            start = position
            if char == ":":
                break
        position += 1
    else:
        raise InputError(f"{name}:{number}: {text[:40]!r} has no ':' before its value")
    return _Line(number, match[0].upper(), params, text[position + 1 :])


def _parse(lines: Iterable[tuple[int, str]], name: str) -> _Component:
    stack: list[_Component] = []
    root: _Component | None = None
    for number, text in lines:
        line = _content_line(number, text, name)
        if line.name == "BEGIN":
            component = _Component(line.value.strip().upper(), number)
            if stack:
                stack[-1].children.append(component)
            elif root is None:
                root = component
            stack.append(component)
        elif line.name == "END":
            if not stack or stack[-1].name != line.value.strip().upper():
                raise InputError(f"{name}:{number}: END:{line.value} does not close a BEGIN")
            stack.pop()
        elif stack:
            stack[-1].props.append(line)
    if root is None or stack:
        raise InputError(f"{name}: the calendar is not closed (END:VCALENDAR is missing)")
    return root


# --- values --------------------------------------------------------------------------------


def _date_time(value: str) -> tuple[dt.datetime, bool] | None:
    """A DATE-TIME value as a naive datetime and whether it is UTC."""
    match = _DATE_TIME.fullmatch(value.strip())
    if match is None:
        return None
    return dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S"), bool(match[3])


def _date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def _offset(value: str) -> dt.timedelta | None:
    match = _OFFSET.fullmatch(value.strip())
    if match is None:
        return None
    size = dt.timedelta(hours=int(match[2]), minutes=int(match[3]), seconds=int(match[4] or 0))
    return -size if match[1] == "-" else size


def _utc_text(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M}Z"


# --- a VTIMEZONE read by the letter of RFC 5545 ----------------------------------------------


@dataclass(frozen=True)
class _Onset:
    utc: dt.datetime
    before: dt.timedelta
    after: dt.timedelta


def _onsets(vtimezone: _Component, until: int) -> list[_Onset]:
    found: list[_Onset] = []
    for observance in vtimezone.children:
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        start_line, before_line, after_line = (
            observance.get(key) for key in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO")
        )
        if start_line is None or before_line is None or after_line is None:
            continue
        start, before, after = (
            _date_time(start_line.value), _offset(before_line.value), _offset(after_line.value)
        )  # fmt: skip
        if start is None or before is None or after is None:
            continue
        walls = {start[0]}
        for rdate in observance.all("RDATE"):
            for value in rdate.value.split(","):
                parsed = _date_time(value)
                if parsed is not None:
                    walls.add(parsed[0])
        for rrule in observance.all("RRULE"):
            # UNTIL in UTC beside a floating DTSTART: read it as wall time, a few hours at most.
            rule = re.sub(r"(UNTIL=\d{8}T\d{6})Z", r"\1", rrule.value)
            try:
                recurrence = rrulestr(rule, dtstart=start[0])
            except (ValueError, TypeError):
                continue
            for wall in recurrence:
                if wall.year > until:
                    break
                walls.add(wall)
        found.extend(_Onset(wall - before, before, after) for wall in walls)
    return sorted(found, key=lambda onset: onset.utc)


def _offset_at(onsets: Sequence[_Onset], instant: dt.datetime) -> dt.timedelta:
    current = onsets[0].before
    for onset in onsets:
        if onset.utc > instant:
            break
        current = onset.after
    return current


def _vtimezone_offset(onsets: Sequence[_Onset], wall: dt.datetime) -> dt.timedelta | None:
    """The offset the VTIMEZONE gives a wall time: the earlier of two (RFC 5545 section
    3.3.5), the one before the change for a time the clocks skip."""
    if not onsets:
        return None
    candidates = sorted({onset.after for onset in onsets} | {onsets[0].before}, reverse=True)
    for offset in candidates:
        if _offset_at(onsets, wall - offset) == offset:
            return offset
    for onset in onsets:
        if onset.utc + onset.before <= wall < onset.utc + onset.after:
            return onset.before
    return None


# --- the checks ------------------------------------------------------------------------------


class _Checker:
    def __init__(self, name: str, root: _Component) -> None:
        self.name = name
        self.root = root
        self.zones = {
            (prop.value.strip()): component
            for component in root.walk("VTIMEZONE")
            if (prop := component.get("TZID")) is not None
        }
        self.events = list(root.walk("VEVENT"))

    def finding(self, line: int, rule: str, what: str, client: str, fix: str) -> Finding:
        assert rule in RULES, rule
        return Finding(self.name, line, rule, what, client, fix)

    def findings(self) -> Iterator[Finding]:
        yield from self._method()
        yield from self._uids()
        reported: set[str] = set()
        for event in self.events:
            if event.get("DTSTAMP") is None:
                yield self.finding(
                    event.line, "missing-dtstamp", "the VEVENT has no DTSTAMP",
                    "RFC 5545 requires it; readers make one up (ical takes the time it reads "
                    "the file), so no client can tell which copy of an updated event is newer",
                    "add DTSTAMP with the UTC time the file was written",
                )  # fmt: skip
            yield from self._all_day(event)
            for prop in event.props:
                if prop.name in _TIMES:
                    yield from self._time(prop, reported)
        for tzid, vtimezone in self.zones.items():
            yield from self._shapes(tzid, vtimezone)

    def _method(self) -> Iterator[Finding]:
        method = self.root.get("METHOD")
        if method is None:
            return
        missing = [event for event in self.events if event.get("ORGANIZER") is None]
        if missing:
            yield self.finding(
                method.number, "method-without-organizer",
                f"METHOD:{method.value} but {len(missing)} of {len(self.events)} events have "
                "no ORGANIZER",
                "RFC 5546 section 3.2 requires ORGANIZER in an iTIP message; libical "
                "(Evolution) fails the file's restriction check",
                "remove METHOD (a file to import or subscribe to needs none) or add ORGANIZER",
            )  # fmt: skip

    def _uids(self) -> Iterator[Finding]:
        seen: dict[str, int] = {}
        for event in self.events:
            uid = event.get("UID")
            if uid is None or event.get("RECURRENCE-ID") is not None:
                continue
            if uid.value in seen:
                yield self.finding(
                    uid.number, "duplicate-uid",
                    f"UID {uid.value} is also the UID of the event on line {seen[uid.value]}",
                    "a UID names one event: importing clients keep only one of the two, and a "
                    "CalDAV server refuses the second",
                    "give every event its own UID",
                )  # fmt: skip
            else:
                seen[uid.value] = uid.number

    def _all_day(self, event: _Component) -> Iterator[Finding]:
        start, end = event.get("DTSTART"), event.get("DTEND")
        if start is None or end is None:
            return
        first, last = _date(start.value), _date(end.value)
        if first is not None and last is not None and last <= first:
            yield self.finding(
                end.number, "all-day-end-not-exclusive",
                f"the all-day DTEND {last} is not after DTSTART {first}",
                "DTEND of a date is exclusive (RFC 5545 section 3.6.1), so the event lasts no "
                "day at all: clients drop it or each stretch it their own way",
                f"write DTEND;VALUE=DATE:{first + dt.timedelta(days=1):%Y%m%d}, the day after "
                "the last day",
            )  # fmt: skip

    def _time(self, prop: _Line, reported: set[str]) -> Iterator[Finding]:
        parsed = _date_time(prop.value)
        if parsed is None:
            return
        wall, is_utc = parsed
        tzid = prop.params.get("TZID")
        if is_utc:
            return
        if tzid is None:
            yield self.finding(
                prop.number, "floating-time",
                f"{prop.name} {wall:%Y-%m-%d %H:%M} has no zone (floating time)",
                "every client shows it at that wall time in the reader's own zone: a "
                "different instant for each reader",
                "add TZID with a VTIMEZONE, or write the time in UTC with a Z",
            )  # fmt: skip
            return
        etc = _ETC_GMT.fullmatch(tzid)
        if etc is not None and tzid not in reported:
            reported.add(tzid)
            real = f"UTC{'-' if etc[1] == '+' else '+'}{int(etc[2]):02d}:00"
            yield self.finding(
                prop.number, "etc-gmt-sign",
                f"TZID={tzid} is {real}: POSIX signs are the reverse of what the name seems "
                "to say",
                "people and some generators read it the other way round; Google Calendar "
                "rejects Etc/GMT zones in links and imports",
                "use the place's own zone (e.g. Europe/Moscow for UTC+03:00) or UTC",
            )  # fmt: skip
        vtimezone = self.zones.get(tzid)
        if vtimezone is None:
            if tzid not in reported:
                reported.add(tzid)
                yield self.finding(
                    prop.number, "missing-vtimezone", f"TZID={tzid} has no VTIMEZONE",
                    "Outlook shows an error or shifts the event; ical.js with no zone "
                    "service of its own (web clients) reads the wall time as UTC; clients "
                    "without that zone name guess",
                    f"add a VTIMEZONE for {tzid} (launchcal ics writes one) or write the time "
                    "in UTC",
                )  # fmt: skip
            return
        yield from self._disagreement(prop, tzid, vtimezone, wall)

    def _disagreement(
        self, prop: _Line, tzid: str, vtimezone: _Component, wall: dt.datetime
    ) -> Iterator[Finding]:
        zone = tz.canonical_zone(tzid)
        if zone is None:
            return  # a Windows or made-up name: there is no database entry to compare with
        ours = _vtimezone_offset(_onsets(vtimezone, wall.year + 1), wall)
        if ours is None:
            return
        theirs = wall.replace(tzinfo=tz.zone(zone)).utcoffset()
        if theirs is None or theirs == ours:
            return
        database = tz.database().version
        yield self.finding(
            prop.number, "vtimezone-disagrees",
            f"{prop.name} {wall:%Y-%m-%d %H:%M} {tzid}: the file's VTIMEZONE puts it at "
            f"{_utc_text(wall - ours)} ({tz.format_offset(ours)}), the tz database "
            f"({database}) at {_utc_text(wall - theirs)} ({tz.format_offset(theirs)})",
            _CAMPS + ": they show it at different times",
            f"regenerate the VTIMEZONE for {tzid} from a current tz database, or write the "
            "time in UTC",
        )  # fmt: skip

    def _shapes(self, tzid: str, vtimezone: _Component) -> Iterator[Finding]:
        with_rules: dict[str, int] = {}
        for observance in vtimezone.children:
            if observance.name not in ("STANDARD", "DAYLIGHT"):
                continue
            start = observance.get("DTSTART")
            rdates = [v.strip() for prop in observance.all("RDATE") for v in prop.value.split(",")]
            rrules = observance.all("RRULE")
            if rrules:
                with_rules[observance.name] = with_rules.get(observance.name, 0) + 1
            if start is not None and rdates and not rrules and start.value.strip() not in rdates:
                yield self.finding(
                    observance.line, "icaljs-missed-onset",
                    f"the {observance.name} observance of {tzid} starts at DTSTART "
                    f"{start.value.strip()} but does not list it as an RDATE",
                    "ical.js (Thunderbird) counts DTSTART only in an observance with neither "
                    "RDATE nor RRULE: events before its next onset are read with the wrong "
                    "offset, often as UTC",
                    "repeat DTSTART as the observance's first RDATE",
                )  # fmt: skip
            for rrule in rrules:
                if "BYDAY=" in rrule.value and re.search(r"BYMONTHDAY=[^;]*-", rrule.value):
                    yield self.finding(
                        rrule.number, "icaljs-negative-monthday",
                        f"RRULE {rrule.value} combines BYDAY with a negative BYMONTHDAY",
                        "ical.js (Thunderbird) finds no date for such a rule, so the change "
                        "never happens there",
                        "count the days from the start of the month (e.g. BYMONTHDAY=23,...,29"
                        " in March)",
                    )  # fmt: skip
            for prop in observance.all("RDATE"):
                if "," in prop.value:
                    yield self.finding(
                        prop.number, "outlook-rdate-list",
                        "RDATE lists several dates in one property",
                        "Outlook keeps one yearly STANDARD/DAYLIGHT rule ([MS-STANOICAL]) and "
                        "vobject (Radicale) reads only the first date of a list",
                        "write one RDATE per date, or one RRULE per kind",
                    )  # fmt: skip
        several = {kind: count for kind, count in with_rules.items() if count > 1}
        if several:
            kinds = " and ".join(f"{count} {kind}" for kind, count in sorted(several.items()))
            yield self.finding(
                vtimezone.line, "outlook-several-rules",
                f"the VTIMEZONE of {tzid} has {kinds} observances with an RRULE",
                "Outlook keeps one yearly STANDARD/DAYLIGHT pair ([MS-STANOICAL]) and may "
                "apply the wrong one",
                "keep only the rules in force for the file's events: one STANDARD and one "
                "DAYLIGHT",
            )  # fmt: skip
