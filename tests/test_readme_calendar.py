"""The README's "Calendar files and links" section runs as written.

Its ```console transcripts run in ``test_readme.py`` with the others; this file runs the rest:
the commands that write files (in a scratch folder), the .ics transcript (whose lines end in
CRLF) and the Python example.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal.cli import cli
from tests.conftest import ROOT, readme_blocks

HEADING = "## Calendar files and links"


def blocks(kind: str) -> list[str]:
    """This section's fenced blocks of this kind ("" for a plain ``` block)."""
    return readme_blocks(HEADING, kind)


def run(line: str) -> tuple[list[str], str, str]:
    """Run one ``[NAME=VALUE ...] launchcal ...`` line; (arguments, stdout, stderr)."""
    words = shlex.split(line)
    env = {}
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words.pop(0) == "launchcal"
    result = CliRunner().invoke(cli, words, env=env, prog_name="launchcal")
    assert result.exit_code == 0, result.stderr
    # result.stdout turns CRLF into LF: read the bytes a terminal would get.
    return words, result.stdout_bytes.decode("utf-8"), result.stderr


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_commands_that_write_files(scratch: Path) -> None:
    (commands,) = blocks("sh")
    for line in commands.splitlines():
        words, out, err = run(line)
        assert (out, err) == ("", "")
        written = (scratch / words[words.index("-o") + 1]).read_bytes()
        assert written.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_ics_transcript() -> None:
    (block,) = blocks("")
    command, _, expected = block.partition("\n")
    assert command.startswith("$ ")
    _, out, err = run(command[2:])
    assert err == ""
    assert out == expected.replace("\n", "\r\n")


def test_python_example(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (code,) = blocks("python")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    feed, urls = namespace["feed"], namespace["urls"]
    assert isinstance(feed, bytes)
    assert feed.count(b"BEGIN:VEVENT") == 3
    assert isinstance(urls, dict)
    assert list(urls) == ["google", "outlook", "office365", "yahoo"]
    assert namespace["cut"] == {}
