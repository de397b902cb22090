"""A fixed sample of the full sweep (``python -m launchcal.verify`` runs every zone)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from launchcal import tz, verify

pytestmark = pytest.mark.skipif(
    shutil.which("zdump") is None or shutil.which("date") is None,
    reason="GNU date and zdump (Debian's libc-bin and coreutils) are not installed",
)

SAMPLE = [
    "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia",
    "Pacific/Kiritimati", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu",
    "Africa/Monrovia", "America/Vancouver", "Europe/Dublin", "Africa/Casablanca",
    "America/Sao_Paulo", "Asia/Tehran", "Antarctica/Troll", "America/Godthab", "Asia/Gaza",
    "Europe/Moscow", "Australia/Adelaide", "America/Santiago",
]  # fmt: skip


def test_sample_agrees_with_gnu_date() -> None:
    report = verify.sweep(SAMPLE)
    assert report.mismatches == []
    assert report.zones == len(SAMPLE)
    assert report.transitions > 1000
    assert report.instants >= 5 * report.transitions - 10
    assert report.gaps > 400
    assert report.folds > 400
    assert report.lines()[-1] == "mismatches        0"


def test_transitions_match_known_changes() -> None:
    changes = verify.transitions(["America/New_York", "Asia/Kathmandu"])
    kathmandu = changes["Asia/Kathmandu"]
    assert [(c.before, c.after) for c in kathmandu] == [(19800, 20700)]  # +05:30 -> +05:45 in 1986
    spring_2026 = dt.datetime(2026, 3, 8, 7, tzinfo=dt.UTC).timestamp()
    assert (
        verify.Transition("America/New_York", int(spring_2026), -18000, -14400)
        in changes["America/New_York"]
    )


def test_a_guessing_localize_would_be_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    def guess(wall: dt.datetime, zone: str, fold: tz.Fold | None = None) -> dt.datetime:
        return wall.replace(tzinfo=tz.zone(zone), fold=1)  # what pendulum's default does

    monkeypatch.setattr(verify.tz, "localize", guess)
    report = verify.sweep(["Europe/London"])
    assert report.mismatches
    assert "without asking" in report.mismatches[0]


def test_a_wrong_conversion_would_be_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = verify._ours
    monkeypatch.setattr(
        verify, "_ours", lambda zone, instant: real(zone, instant + (3600 if instant % 7 else 0))
    )
    assert verify.sweep(["Europe/London"]).mismatches


def test_main_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert verify.main(["Asia/Kathmandu"]) == 0
    out = capsys.readouterr().out
    assert "zones             1" in out
    assert "mismatches        0" in out
