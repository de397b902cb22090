"""A Radicale CalDAV server with passwords, for the publishing tests.

Users log in with htpasswd entries hashed with bcrypt (what a real deployment uses); the
default rights let each user own ``/USER/`` and nothing else, so a second user gets 403. The
server runs on a free loopback port and is stopped by its pid.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import bcrypt
import caldav

#: Users and their passwords. bob exists but owns nothing of alice's.
USERS = {"alice": "wonder land 42", "bob": "builder-7"}
#: Radicale refuses request bodies above this size (an event that big is "rejected").
MAX_BODY = 8_000  # below launchcal's 10,000-character text limit, so a long text can exceed it


@dataclass(frozen=True)
class Server:
    """A running Radicale: its base URL, its folder and its process id."""

    url: str
    folder: Path
    pid: int

    def client(self, user: str = "alice") -> caldav.DAVClient:
        return caldav.DAVClient(url=self.url, username=user, password=USERS[user])

    def calendar_url(self, name: str, user: str = "alice") -> str:
        return f"{self.url}{user}/{name}/"

    def make_calendar(self, name: str, user: str = "alice") -> str:
        principal = self.client(user).principal()
        principal.make_calendar(name=name, cal_id=name)
        return self.calendar_url(name, user)

    def log(self) -> str:
        return (self.folder / "radicale.log").read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    """Return once Radicale accepts connections on ``port``; raise (with its log) if it exits
    or is not up within 15 s."""
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log_text = log.read_text(errors="replace")
                raise RuntimeError("Radicale did not start:\n" + log_text) from None
            time.sleep(0.02)


@contextmanager
def radicale(folder: Path, *, tls: tuple[Path, Path] | None = None) -> Iterator[Server]:
    """Start Radicale in ``folder``; with ``tls`` (certificate, key) it speaks HTTPS."""
    users = folder / "users"
    users.write_text(
        "".join(
            f"{name}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()}\n"
            for name, password in USERS.items()
        )
    )
    port = free_port()
    config = folder / "config"
    lines = [
        "[server]",
        f"hosts = 127.0.0.1:{port}",
        f"max_content_length = {MAX_BODY}",
        "[auth]",
        "type = htpasswd",
        f"htpasswd_filename = {users}",
        "htpasswd_encryption = bcrypt",
        "delay = 0",  # Radicale waits ~1 s after each failed login (caldav first asks without)
        "[rights]",
        "type = owner_only",
        "[storage]",
        f"filesystem_folder = {folder / 'collections'}",
        "[web]",
        "type = none",
        "[logging]",
        "level = warning",
    ]
    if tls is not None:
        lines[3:3] = ["ssl = True", f"certificate = {tls[0]}", f"key = {tls[1]}"]
    config.write_text("\n".join(lines) + "\n")
    log = folder / "radicale.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_until_listening(port, process, log)
        scheme = "https" if tls else "http"
        yield Server(f"{scheme}://127.0.0.1:{port}/", folder, process.pid)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
