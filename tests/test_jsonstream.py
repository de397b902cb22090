"""launchcal.jsonstream writes the text of json.dumps(indent=2, ensure_ascii=False), in pieces."""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from launchcal import eventfile, jsonstream, links, recurrence, report
from launchcal import places as places_module
from launchcal.cli import cli
from launchcal.jsonstream import Members, dumps, iter_json
from tests.conftest import EXAMPLES


def reference(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


# Any text: quotes, backslashes, controls, newlines, C1 controls, bidi marks, astral characters
# and lone surrogates (what a file read with surrogateescape holds).
texts = st.text(st.characters(codec=None, exclude_categories=()), max_size=12) | st.sampled_from(
    ["", '"', "\\", "\n", "\u2028", "\x00", "\ud800", "é", "上海", "🚀", "\x9b"]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | texts
)
keys = texts | st.integers(-5, 5) | st.floats(allow_nan=False, width=16) | st.booleans() | st.none()
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(keys, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=250, deadline=None)
@given(documents)
def test_the_text_is_json_dumps_indent_2(data: Any) -> None:
    assert dumps(data) == reference(data)


def lazy(data: Any, choices: st.DataObject) -> Any:
    """The same document with some of its lists as iterators and objects as Members."""
    if isinstance(data, dict):
        members = [(key, lazy(value, choices)) for key, value in data.items()]
        if all(isinstance(key, str) for key in data) and choices.draw(st.booleans()):
            return Members(iter(members))
        return dict(members)
    if isinstance(data, list | tuple):
        items = [lazy(item, choices) for item in data]
        return iter(items) if choices.draw(st.booleans()) else items
    return data


@settings(max_examples=200, deadline=None)
@given(documents, st.data())
def test_iterators_and_members_read_as_lists_and_objects(data: Any, choices: st.DataObject) -> None:
    assert "".join(iter_json(lazy(data, choices))) == reference(data)


def test_a_document_of_events_is_written_an_event_at_a_time() -> None:
    made: list[int] = []

    def events() -> Iterator[dict[str, Any]]:
        for number in range(3):
            made.append(number)
            yield {"id": f"e{number}", "times": [{"place": "Nairobi", "night": False}]}

    written = []
    for chunk in iter_json({"tzdata": "2026a", "events": events()}):
        written.append((chunk, len(made)))
    text = "".join(chunk for chunk, _ in written)
    assert text == reference({"tzdata": "2026a", "events": list(events())})
    # Each event's text came out when it alone had been made, before the next one.
    for number in range(3):
        (made_then,) = [count for chunk, count in written if f'"id": "e{number}"' in chunk]
        assert made_then == number + 1


def test_members_are_written_as_they_come() -> None:
    made: list[str] = []

    def pairs() -> Iterator[tuple[str, dict[str, str]]]:
        for key in ("a", "b"):
            made.append(key)
            yield key, {"google": f"https://example.com/{key}"}

    chunks = iter_json(Members(pairs()))
    seen = [(chunk, list(made)) for chunk in chunks]
    assert "".join(chunk for chunk, _ in seen) == reference(
        {"a": {"google": "https://example.com/a"}, "b": {"google": "https://example.com/b"}}
    )
    assert [made for chunk, made in seen if "example.com/a" in chunk] == [["a"]]


def test_empty_lazy_containers() -> None:
    assert dumps({"events": iter(()), "links": Members(())}) == reference(
        {"events": [], "links": {}}
    )
    assert dumps(iter(())) == "[]"


class Kind(enum.Enum):
    CITY = "city"


class Shade(enum.StrEnum):
    NIGHT = "night"


class Shift(enum.IntEnum):
    NEXT = 1


def test_subclasses_of_json_types_are_written_as_json_dumps_writes_them() -> None:
    data = {
        "shade": Shade.NIGHT,
        "shift": Shift.NEXT,
        "ordered": OrderedDict([("b", [Shift.NEXT]), ("a", Shade.NIGHT)]),
        Shift.NEXT: [Shade.NIGHT, (1, 2.5)],
    }
    assert dumps(data) == reference(data)


def test_a_string_that_reads_like_the_hole_marker_is_kept() -> None:
    marker = "\udfff launchcal nested value \udfff"
    data = {"a": marker, "b": [marker, {"c": marker}], marker: [[], {}]}
    assert dumps(data) == reference(data)


@pytest.mark.parametrize("value", [{1, 2}, b"bytes", object(), Kind.CITY])
def test_what_json_cannot_hold_is_a_type_error(value: object) -> None:
    for data in (value, [value], {"a": value}, {"a": [value]}, [{"a": 1}, value]):
        with pytest.raises(TypeError):
            reference(data)
        with pytest.raises(TypeError):
            dumps(data)


def test_keys_json_refuses_are_a_type_error() -> None:
    for data in ({(1, 2): 1}, {"a": {(1,): [1]}}):
        with pytest.raises(TypeError, match="keys must be"):
            reference(data)
        with pytest.raises(TypeError, match="keys must be"):
            dumps(data)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_without_the_c_encoder_the_text_is_the_same(data: Any) -> None:
    saved, flat = jsonstream._json_encoder.c_make_encoder, list(jsonstream._FLAT)
    try:
        jsonstream._json_encoder.c_make_encoder = None
        jsonstream._FLAT.clear()
        assert dumps(data) == reference(data)
    finally:
        jsonstream._json_encoder.c_make_encoder = saved
        jsonstream._FLAT[:] = flat


# --- the commands that stream ----------------------------------------------------------------

NOW = "2026-06-01T00:00:00Z"
CITIES = ["Nairobi", "London", "Tokyo", "Sao Paulo", "Kathmandu", "Chatham Islands", "上海"]
ZONES = ["Asia/Shanghai", "America/New_York", "Pacific/Chatham", "UTC", "Asia/Kolkata"]


def season_file(count: int) -> str:
    """A season of varied launches: zones, audiences, statuses, all-day, text to escape."""
    rows = ['[calendar]\nname = "Streamed «season»"\n']
    for number in range(count):
        start = f"2026-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        if number % 5:
            start += f"T{number % 24:02d}:{number % 4 * 15:02d}:00"
        audience = ", ".join(f'"{CITIES[(number + k) % len(CITIES)]}"' for k in range(number % 4))
        rows.append(
            f'[[event]]\nid = "e{number}"\ntitle = "Launch {number}: \\"quoted\\" \\\\ día 🚀"\n'
            f'start = {start}\nzone = "{ZONES[number % len(ZONES)]}"\nfold = "earlier"\n'
            f"audience = [{audience}]\n"
            + ('status = "cancelled"\n' if number % 7 == 3 else "")
            + (f'duration = "{number % 5 + 1}h"\n' if number % 3 else "")
            + (f'description = "Line one\\nline {number} \\t tab"\n' if number % 2 else "")
        )
    return "\n".join(rows)


def examples_and_a_season(folder: Path) -> list[Path]:
    season = folder / "season.toml"
    season.write_text(season_file(60), encoding="utf-8")
    return [*sorted(EXAMPLES.glob("*.toml")), season]


def test_when_json_is_json_dumps_of_the_when_data(tmp_path: Path, runner: CliRunner) -> None:
    now = dt.datetime.fromisoformat(NOW)
    for path in examples_and_a_season(tmp_path):
        every_zone = [["--in", "all"]] if path.name == "xiaomi-12s.toml" else []
        for places in [[], ["--in", "Lima"], *every_zone]:
            result = runner.invoke(cli, ["when", str(path), "--json", "--now", NOW, *places])
            assert result.exit_code == 0, (path, result.output)
            events = eventfile.load(path).events
            if places == ["--in", "all"]:
                data = report.when_data(events, report.all_zones())
            else:
                shown = [places_module.resolve(p) for p in places[1:]] or None
                data = report.when_data(events, shown, now=now)
            assert result.stdout == reference(data) + "\n", path


def test_links_json_is_json_dumps_of_the_links(tmp_path: Path, runner: CliRunner) -> None:
    for path in examples_and_a_season(tmp_path):
        result = runner.invoke(cli, ["links", str(path), "--json"])
        assert result.exit_code == 0, (path, result.output)
        parts = [p for event in eventfile.load(path).events for p in recurrence.parts(event)]
        data = {part.id: links.links(part) for part in parts}
        expected = data[parts[0].id] if len(parts) == 1 else data
        assert result.stdout == reference(expected) + "\n", path
