"""The README's transcripts are run, and must print what the README says they print."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def transcripts() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ ...`` line in the README's ```console blocks."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", README, re.DOTALL):
        for chunk in ("\n" + block).split("\n$ ")[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


def test_readme_opens_with_the_two_commands() -> None:
    block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert block is not None
    first, second = block.group(1).strip().splitlines()
    assert first.endswith("launchcal when examples/xiaomi-12s.toml")
    assert second.endswith("python -m pytest")
    assert README.index("```sh") < README.index("```console")
    assert len(transcripts()) >= 20


@pytest.mark.parametrize(("command", "output"), transcripts(), ids=lambda v: v[:70])
def test_transcript(
    command: str,
    output: str,
    monkeypatch: pytest.MonkeyPatch,
    viewer_zone: Callable[[str], None],
) -> None:
    monkeypatch.chdir(ROOT)
    words = shlex.split(command)
    env = {}
    while "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words.pop(0) == "launchcal", "transcripts run launchcal only"
    if "TZ" in env:
        viewer_zone(env.pop("TZ"))
    result = CliRunner().invoke(cli, words, env=env, prog_name="launchcal")
    # A transcript shows what a terminal shows; its last newline is the block's own.
    assert (result.stdout + result.stderr).rstrip("\n") == output.rstrip("\n")


def test_python_example_runs() -> None:
    block = re.search(r"```python\n(.*?)```", README, re.DOTALL)
    assert block is not None
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block.group(1), "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "2022-07-04T14:00:00+03:00 0 False"
    assert lines[1].startswith("Xiaomi 12S series launch starts at 01:00 in Kiritimati")
