"""The bad-input corpus: every broken event file and flag set, against every command that reads it.

Each case must end with exit status 2 and exactly the one ``Error:`` line recorded in
``tests/data/bad/expected.json``, no traceback, and the folder it ran in unchanged (nothing
written, nothing half-written). ``files/`` holds the event files, ``flags.json`` the flag sets;
``LAUNCHCAL_REGENERATE_BAD=1`` rewrites the expectations from the ``when`` command (review the
diff: every line must read as a message a person can act on).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal.cli import cli
from tests.conftest import DATA, ROOT

BAD = DATA / "bad"
FILES = sorted((BAD / "files").glob("*.toml"))
FLAGS: dict[str, list[str]] = json.loads((BAD / "flags.json").read_text(encoding="utf-8"))
EXPECTED_PATH = BAD / "expected.json"
EXPECTED: dict[str, dict[str, object]] = (
    json.loads(EXPECTED_PATH.read_text(encoding="utf-8")) if EXPECTED_PATH.exists() else {}
)
GOOD = 'id = "e"\ntitle = "T"\nstart = 2022-07-04T19:00:00\nzone = "Asia/Shanghai"\n'

#: Every command that reads an event, with what it needs beside the event to run.
COMMANDS: dict[str, list[str]] = {
    "when": [],
    "check": ["--claim", "around 3am in Nairobi"],
    "countdown": [],
    "ics": ["-o", "out.ics"],
    "links": [],
    "html": ["-o", "out.html"],
    "build": ["-o", "site"],
}
CASES = [f"files/{path.name}" for path in FILES] + [f"flags/{name}" for name in FLAGS]


def _prepare(folder: Path, case: str) -> list[str]:
    """Lay the case out in ``folder`` (beside a good ev.toml); the arguments that run it."""
    (folder / "ev.toml").write_text(GOOD, encoding="utf-8")
    kind, _, name = case.partition("/")
    if kind == "files":
        shutil.copyfile(BAD / "files" / name, folder / name)
        return [name]
    return list(FLAGS[name])


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    found: dict[str, tuple[int, bytes | None]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(folder))] = (
            info.st_mode,
            path.read_bytes() if path.is_file() else None,
        )
    return found


def _run(folder: Path, command: str, args: list[str]) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, [command, *args, *COMMANDS[command]], prog_name="launchcal")
    return result.exit_code, result.stderr, result.exception


def test_the_corpus_is_large_and_every_case_has_an_expectation() -> None:
    assert len(CASES) >= 150
    assert sorted(EXPECTED) == sorted(CASES)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_error_line_and_changes_nothing(
    case: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = _prepare(tmp_path, case)
    before = _snapshot(tmp_path)
    code, stderr, exception = _run(tmp_path, command, args)
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    expected = EXPECTED[case]
    assert code == expected["exit"]
    message = str(expected["message"]).replace("{command}", command)
    assert stderr.splitlines() == [message]
    assert message.startswith("Error: ")
    assert _snapshot(tmp_path) == before


def test_an_event_file_over_128_mb_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.toml"
    big.write_text(GOOD + "description = '" + "x" * (128 * 2**20) + "'\n", encoding="utf-8")
    for command in COMMANDS:
        code, stderr, _ = _run(tmp_path, command, ["big.toml"])
        assert code == 2
        assert stderr.splitlines() == [
            "Error: big.toml: larger than 128 MB, which no event file needs; is it the right file?"
        ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.toml"]


@pytest.mark.parametrize(
    "case", ["files/binary.toml", "files/title-escape-hide.toml", "flags/title-not-utf8"]
)
def test_a_real_process_prints_no_traceback(case: str, tmp_path: Path) -> None:
    args = _prepare(tmp_path, case)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # A lone surrogate in argv is how Python hands over bytes that are not UTF-8.
    argv = [os.fsencode(arg) for arg in [sys.executable, "-m", "launchcal", "ics", *args]]
    done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, check=False)
    assert done.returncode == 2
    lines = done.stderr.decode("utf-8", "replace").splitlines()
    assert len(lines) == 1
    assert lines[0] == str(EXPECTED[case]["message"]).replace("{command}", "ics")


def regenerate() -> None:  # pragma: no cover - run by hand, then review the diff
    import tempfile

    expected: dict[str, dict[str, object]] = {}
    for case in CASES:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            cwd = Path.cwd()
            os.chdir(folder)
            try:
                code, stderr, _ = _run(folder, "when", _prepare(folder, case))
            finally:
                os.chdir(cwd)
        message = stderr.rstrip("\n").replace("launchcal when", "launchcal {command}")
        expected[case] = {"exit": code, "message": message}
    text = json.dumps(expected, indent=1, ensure_ascii=False) + "\n"
    EXPECTED_PATH.write_text(text, encoding="utf-8")


if __name__ == "__main__" and os.environ.get("LAUNCHCAL_REGENERATE_BAD") == "1":
    regenerate()
