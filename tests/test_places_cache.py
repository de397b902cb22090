"""The names earlier runs resolved, kept in the cache folder (launchcal.places._remembered).

Each test runs fresh interpreters on a cache folder of its own: what one run keeps, the next
reads instead of opening the index.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, imported_by, loaded

#: Names of every kind a plain resolve answers from the index: cities picked over namesakes,
#: countries, regions, clock names, abbreviations, codes, qualified names, offsets' neighbours.
NAMES = ["Nairobi", "London", "New York", "Sao Paulo", "china", "Pékin", "Arizona", "ET",
         "Springfield, IL", "EAT", "India time", "Eastern Time", "Bay Area", "SE", "Kenya",
         "Zürich", "NYC", "India Standard Time", "Asia/Calcutta", "UTC+3", "local"]  # fmt: skip

_RESOLVE = (
    "import dataclasses, json, sys\n"
    "from launchcal import places\n"
    "found = {}\n"
    "for name in json.loads(sys.argv[1]):\n"
    "    try:\n"
    "        place = places.resolve(name)\n"
    "    except Exception as error:\n"
    "        found[name] = type(error).__name__\n"
    "    else:\n"
    "        found[name] = [dataclasses.astuple(place), place.picked, place.label]\n"
    "print(json.dumps({'found': found, 'sqlite3': 'sqlite3' in sys.modules}))\n"
)


def _resolve(names: list[str], cache: str) -> dict[str, object]:
    env = {**os.environ, "LAUNCHCAL_CACHE_DIR": cache, "TZ": "Africa/Nairobi"}
    done = subprocess.run(
        [sys.executable, "-c", _RESOLVE, json.dumps(names)],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_run_answers_the_same_without_the_index(tmp_path: Path) -> None:
    uncached = _resolve(NAMES, "")
    first = _resolve(NAMES, str(tmp_path))
    second = _resolve(NAMES, str(tmp_path))
    assert first["found"] == second["found"] == uncached["found"]
    assert first["sqlite3"] is True
    assert second["sqlite3"] is False  # every answer came from the cache folder


def test_errors_are_never_remembered(tmp_path: Path) -> None:
    names = ["Nairobbi", "Springfield", "CST"]
    first = _resolve(names, str(tmp_path))
    assert first["found"] == {
        "Nairobbi": "UnknownPlaceError",
        "Springfield": "AmbiguousPlaceError",
        "CST": "AmbiguousPlaceError",
    }
    assert _resolve(names, str(tmp_path)) == first


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace("Africa/Nairobi", "Asia/Tokyo", 1).split("\n", 1)[1],
        lambda text: "another index\n" + text.split("\n", 1)[1],
        lambda text: text.replace("\tcity\t", "\tvillage\t"),
        lambda text: text.replace("\tKE\t", "\tKE\tfour\t"),
        lambda _: "\udcff",
    ],
    ids=["no-first-line", "made-otherwise", "unknown-kind", "extra-field", "not-utf8"],
)
def test_a_damaged_or_foreign_file_is_not_trusted(tmp_path: Path, damage: object) -> None:
    uncached = _resolve(["Nairobi"], "")
    _resolve(["Nairobi"], str(tmp_path))
    answers = tmp_path / "places" / "answers.tsv"
    text = answers.read_text(encoding="utf-8")
    assert callable(damage)
    answers.write_bytes(damage(text).encode("utf-8", "surrogateescape"))
    assert _resolve(["Nairobi"], str(tmp_path))["found"] == uncached["found"]


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert _resolve(NAMES, str(blocked))["found"] == _resolve(NAMES, "")["found"]


def test_when_opens_no_index_once_its_audience_is_known(tmp_path: Path) -> None:
    env = {**os.environ, "LAUNCHCAL_CACHE_DIR": str(tmp_path)}
    example = str(EXAMPLES / "xiaomi-12s.toml")
    assert "sqlite3" in imported_by("when", example, env=env)
    assert loaded(imported_by("when", example, env=env), "sqlite3") == []


def test_place_fields_are_the_ones_a_line_keeps() -> None:
    # A new field of Place must be written to and read from the answers' lines too.
    from launchcal.places import Place

    assert [field.name for field in dataclasses.fields(Place)] == [
        "name", "zone", "kind", "region", "country", "country_code", "population", "offset",
        "picked",
    ]  # fmt: skip


def test_a_name_utf8_cannot_hold_is_resolved_and_not_remembered(tmp_path: Path) -> None:
    # An argument's undecodable bytes arrive as lone surrogates; before, keeping it raised.
    odd = "Nairobi\udcff"
    first = _resolve([odd, "London"], str(tmp_path))
    second = _resolve([odd, "London"], str(tmp_path))
    assert first["found"] == second["found"] == _resolve([odd, "London"], "")["found"]
    assert first["found"][odd][0][1] == "Africa/Nairobi"  # type: ignore[index]
    kept = (tmp_path / "places" / "answers.tsv").read_text(encoding="utf-8")
    assert "\nLondon\t" in kept
    assert "Nairobi" not in kept
