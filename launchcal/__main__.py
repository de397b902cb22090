"""``python -m launchcal``."""

import os
import signal

# Ctrl-C while the CLI is still importing leaves quietly with 130 (main() takes over after).
signal.signal(signal.SIGINT, lambda _signum, _frame: os._exit(130))

from launchcal.cli import main  # noqa: E402 - after the handler

main(prog_name="launchcal")
