"""Whole event files from hypothesis: every field, any TOML type, plausible and absurd values.

Whatever the file holds, every command either works (exit 0) or says what is wrong in one
``Error:`` line with exit 2, raises nothing, and leaves the folder as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from launchcal.cli import cli
from launchcal.eventfile import CALENDAR_FIELDS, EVENT_FIELDS

COMMANDS: dict[str, list[str]] = {
    "when": [],
    "check": ["--claim", "around 3am in Nairobi"],
    "countdown": ["--now", "2022-07-01T00:00:00+00:00"],
    "ics": ["-o", "out.ics"],
    "links": [],
    "html": ["-o", "out.html"],
    "build": ["-o", "site"],
}

# --- TOML values of every type ----------------------------------------------------------

texts = st.text(max_size=30) | st.sampled_from(
    ["", " ", "online", "x" * 10_001, "T\x1b[8m", "\u202eT", "A\u0000B", "Nairobi", "UTC"]
)
datetimes = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
aware = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))),
    datetimes,
    st.integers(-1439, 1439),
)
scalars = (
    texts
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.dates()
    | datetimes
    | aware
    | st.times()
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)

# --- values that get past the type checks, so the deeper rules are reached too -------------

durations = st.from_regex(r"\A(0|1|15|90|366|367|9999999)(s|m|h|d|w)\Z") | st.from_regex(
    r"\AP(\d{1,12}W)?(\d{1,3}D)?(T\d{1,3}H)?\Z"
)
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "id": st.from_regex(r"\A[a-z0-9][a-z0-9._@-]{0,20}\Z") | st.just("a" * 201),
    "title": st.sampled_from(["Launch", "Xiaomi 12S", "发布会 🚀", "  "]),
    "start": datetimes | st.dates() | st.sampled_from(["2022-07-04 19:00", "20220704"]),
    "end": datetimes | st.sampled_from(["2022-07-04 21:00"]),
    "zone": st.sampled_from(
        ["Asia/Shanghai", "Europe/London", "America/New_York", "UTC", "Nairobi", "China"]
    ),
    "duration": durations,
    "fold": st.sampled_from(["earlier", "later"]),
    "url": st.sampled_from(["https://example.com/launch", "http://x", "javascript:alert(1)"]),
    "image": st.sampled_from(["https://example.com/launch.png", "ftp://x/y.png", "data:,x"]),
    "replay_url": st.sampled_from(["https://example.com/replay", "ftp://x", "javascript:x"]),
    "location": st.sampled_from(["online", "Hall 1"])
    | st.fixed_dictionaries({"name": texts}, optional={"online": st.booleans(), "url": texts}),
    "description": texts,
    "organizer": st.fixed_dictionaries({"name": texts}, optional={"email": texts, "url": texts}),
    "status": st.sampled_from(["scheduled", "postponed", "cancelled", "rescheduled"]),
    "previous_start": datetimes,
    "sequence": st.integers(-1, 2**40),
    "audience": st.lists(
        st.sampled_from(["Nairobi", "London", "Tokyo", "Mars/Olympus"]), max_size=3
    ),
    "reminders": st.lists(durations, max_size=3),
    "rrule": st.sampled_from(
        [
            "FREQ=WEEKLY;COUNT=3",
            "FREQ=DAILY",
            "FREQ=MONTHLY;UNTIL=20230101T000000Z",
            "FREQ=WEEKLY;UNTIL=20230101T000000",
            "COUNT=2",
            "FREQ=YEARLY;COUNT=99999",
        ]
    ),
    "exdate": st.lists(datetimes, max_size=2),
    "rolling": st.booleans(),
    "markets": st.lists(
        st.sampled_from(["London", "Nairobi", "Kiritimati", "Nowhere"]), max_size=3
    ),
    "sessions": st.lists(
        st.fixed_dictionaries(
            {"title": texts, "start": datetimes},
            optional={
                "zone": st.sampled_from(["UTC", "Asia/Tokyo", "Atlantis"]),
                "duration": durations,
            },
        ),
        max_size=2,
    ),
    "name": texts,
    "refresh": durations,
}


def field_value(key: str) -> st.SearchStrategy[Any]:
    return (PLAUSIBLE[key] | anything) if key in PLAUSIBLE else anything


def event_table() -> st.SearchStrategy[dict[str, Any]]:
    # Mostly plausible required fields, so that most files reach the rules beyond them.
    main = ("title", "start", "zone")
    required = {key: PLAUSIBLE[key] | PLAUSIBLE[key] | anything for key in main}
    optional = {key: field_value(key) for key in EVENT_FIELDS if key not in main}
    return st.fixed_dictionaries(required, optional=optional).flatmap(
        lambda table: st.dictionaries(st.sampled_from(["titel", "colour", "start "]), anything,
                                      max_size=1).map(lambda extra: {**table, **extra})
    )  # fmt: skip


def plausible_table() -> st.SearchStrategy[dict[str, Any]]:
    """Every field of the right type: the values, not the types, are what is odd."""
    main = ("title", "start", "zone")
    return st.fixed_dictionaries(
        {key: PLAUSIBLE[key] for key in main},
        optional={key: PLAUSIBLE[key] for key in EVENT_FIELDS if key not in main},
    )


whole_files = st.one_of(
    event_table(),
    plausible_table(),
    plausible_table(),
    st.fixed_dictionaries({"event": st.lists(plausible_table(), min_size=1, max_size=3)}),
    st.fixed_dictionaries(
        {"event": st.lists(event_table(), min_size=0, max_size=3)},
        optional={
            "calendar": st.fixed_dictionaries(
                {}, optional={key: field_value(key) for key in CALENDAR_FIELDS}
            )
        },
    ),
)


# --- a small TOML writer (the test reads TOML back with the standard library) --------------


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        # JSON strings are TOML basic strings, but for DEL (which TOML wants escaped).
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_value(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def toml_file(data: dict[str, Any]) -> str:
    lines = []
    tables = []
    for key, value in data.items():
        if key == "event" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
            tables.extend(("[[event]]", table) for table in value)
        elif key == "calendar" and isinstance(value, dict):
            tables.insert(0, ("[calendar]", value))
        else:
            lines.append(f"{toml_value(key)} = {toml_value(value)}")
    for header, table in tables:
        lines.append(header)
        lines.extend(f"{toml_value(k)} = {toml_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


@settings(
    max_examples=int(os.environ.get("LAUNCHCAL_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=whole_files, command=st.sampled_from(list(COMMANDS)))
def test_any_event_file_works_or_is_one_error_line(data: dict[str, Any], command: str) -> None:
    text = toml_file(data)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "ev.toml").write_text(text, encoding="utf-8")
        cwd = Path.cwd()
        os.chdir(folder)
        try:
            before = snapshot(folder)
            result = CliRunner().invoke(
                cli, [command, "ev.toml", *COMMANDS[command]], prog_name="launchcal"
            )
            after = snapshot(folder)
        finally:
            os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        text[:2000],
        result.exception,
    )
    event(f"exit {result.exit_code}")  # --hypothesis-show-statistics: how many get through
    allowed = {0, 1, 2} if command == "check" else {0, 2}  # check: 1 = the claim is wrong
    assert result.exit_code in allowed, (text[:2000], result.stderr)
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (text[:2000], result.stderr)
        assert re.match(r"Error: \S", lines[0])
        assert after == before
    else:
        assert "Traceback" not in result.stderr
