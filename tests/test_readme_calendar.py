"""The README's "Calendar files and links" section: every transcript and the Python example run
as written and print what the README shows."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal.cli import cli
from tests.conftest import DATA, ROOT

HEADING = "## Calendar files and links"


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(HEADING)
    end = text.find("\n## ", start + len(HEADING))
    return text[start : end if end != -1 else None]


def transcripts() -> list[tuple[str, list[str]]]:
    """(command line, expected output lines) for every "$ " line of the section's blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"^```\n(.*?)^```$", section(), re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return found


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder with the example files (IANA-zone copies until the place index lands)."""
    (tmp_path / "examples").mkdir()
    for name in ("xiaomi-12s.toml", "launch-season.toml"):
        shutil.copy(DATA / name, tmp_path / "examples" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_section_has_transcripts() -> None:
    commands = [command for command, _ in transcripts()]
    assert len(commands) == 5
    assert all(shlex.split(c)[-1] != "launchcal" for c in commands)


@pytest.mark.parametrize(("command", "expected"), transcripts(), ids=lambda v: str(v)[:60])
def test_transcript(examples: Path, command: str, expected: list[str]) -> None:
    words = shlex.split(command)
    env = {}
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words[0] == "launchcal"
    result = CliRunner().invoke(cli, words[1:], env=env, prog_name="launchcal")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.replace("\r\n", "\n").splitlines() == expected
    if "-o" in words:
        assert (
            (examples / words[words.index("-o") + 1])
            .read_bytes()
            .startswith(b"BEGIN:VCALENDAR\r\n")
        )


def test_python_example(examples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (code,) = re.findall(r"^```python\n(.*?)^```$", section(), re.MULTILINE | re.DOTALL)
    namespace: dict[str, object] = {}
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    exec(compile(code, "README.md", "exec"), namespace)
    feed, urls = namespace["feed"], namespace["urls"]
    assert isinstance(feed, bytes)
    assert feed.count(b"BEGIN:VEVENT") == 3
    assert isinstance(urls, dict)
    assert list(urls) == ["google", "outlook", "office365", "yahoo"]
    assert namespace["cut"] == {}
