"""The venv a benchmark times launchcal in, kept in step with ``pyproject.toml``.

Shared by ``bench_cli.py`` and ``bench_scale.py``: a venv made before a runtime dependency was
added would time other code than launchcal's (tomllib where toml-rs now reads big files).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pip_venv(folder: Path, requirement: str, what: str) -> Path:
    """``folder``'s python, with ``requirement`` (``ROOT`` or ``ROOT[extra]``) installed
    editable by pip; installed again whenever ``pyproject.toml`` changed since."""
    python = folder / "bin" / "python"
    stamp = folder / "launchcal-pyproject.sha256"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    made = (folder / "bin" / "launchcal").exists()
    if made and stamp.exists() and stamp.read_text() == wanted:
        return python
    print(f"making {folder} ({what}) ...", file=sys.stderr)
    if not made:
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    install = [str(python), "-m", "pip", "install", "-q", "-e", requirement]
    subprocess.run(install, check=True, stdout=subprocess.DEVNULL)
    stamp.write_text(wanted)
    return python
