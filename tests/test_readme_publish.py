"""The README's "Publishing and sharing" section runs as written.

Its ```session transcripts go to a real Radicale (bcrypt passwords) started for this module: the
README's ``127.0.0.1:5232`` (Radicale's usual port) becomes the server's free port. Between the
first and second block the file is edited as the README says. Its ```console transcripts run in
``test_readme.py`` with the others; the ```sh line (an email written to a file) runs here.
"""

from __future__ import annotations

import email
import email.policy
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal.cli import cli
from tests.conftest import ROOT, readme_blocks
from tests.radicale_server import USERS, Server, radicale
from tests.test_publish import reschedule_and_cancel

HEADING = "## Publishing and sharing"
README_HOST = "127.0.0.1:5232"


def blocks(kind: str) -> list[str]:
    """This section's fenced blocks of this kind ("" for a plain ``` block)."""
    return readme_blocks(HEADING, kind)


def run(line: str, env: dict[str, str]) -> tuple[list[str], int, str]:
    """Run one ``[NAME=VALUE ...] launchcal ...`` line: (arguments, exit code, what it shows)."""
    words = shlex.split(line)
    env = dict(env)
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words.pop(0) == "launchcal"
    result = CliRunner().invoke(cli, words, env=env, prog_name="launchcal")
    return words, result.exit_code, result.stdout + result.stderr


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with radicale(tmp_path_factory.mktemp("radicale")) as running:
        running.make_calendar("launches")
        yield running


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_publish_transcripts_against_radicale(server: Server, scratch: Path) -> None:
    host = server.url.removeprefix("http://").rstrip("/")
    env = {"LAUNCHCAL_CALDAV_PASSWORD": USERS["alice"]}
    sessions = blocks("session")
    assert len(sessions) == 3
    for index, block in enumerate(sessions):
        if index == 1:
            reschedule_and_cancel(scratch / "examples" / "launch-season.toml")
        for chunk in ("\n" + block).split("\n$ ")[1:]:
            command, _, expected = chunk.partition("\n")
            _, code, shown = run(command.replace(README_HOST, host), env)
            assert shown.replace(host, README_HOST).rstrip("\n") == expected.rstrip("\n")
            assert code == (2 if expected.startswith("Error: ") else 0)
            assert USERS["alice"] not in shown


def test_email_command_writes_a_message(scratch: Path) -> None:
    (commands,) = blocks("sh")
    (line,) = commands.splitlines()
    words, code, shown = run(line, {})
    assert (code, shown) == (0, "")
    written = scratch / words[words.index("-o") + 1]
    parsed = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
    (attachment,) = list(parsed.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"
