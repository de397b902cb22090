"""The README's "Countdowns and languages" transcripts, run as written."""

from __future__ import annotations

import shlex
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from launchcal.cli import cli
from tests.conftest import ROOT


def transcripts() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Countdowns and languages", 1)[1].split("\n## ", 1)[0]
    found: list[tuple[str, str]] = []
    for block in section.split("```\n")[1::2]:
        for chunk in block.split("$ ")[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


def test_the_section_has_transcripts() -> None:
    assert len(transcripts()) == 9


@pytest.mark.parametrize(("command", "output"), transcripts())
def test_readme_transcript(
    runner: CliRunner, viewer_zone: Callable[[str], None], command: str, output: str
) -> None:
    words = shlex.split(command)
    env = {}
    while "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words.pop(0) == "launchcal"
    if "TZ" in env:
        viewer_zone(env.pop("TZ"))
    result = runner.invoke(cli, words, env=env)
    assert result.stdout + result.stderr == output
