"""``python -m launchcal``."""

import launchcal

# Ctrl-C while the CLI is still importing leaves quietly with 130 (main() takes over after);
# garbage is collected as the `launchcal` program does.
launchcal._program_starts()

from launchcal.cli import main  # noqa: E402 - after the handler

main(prog_name="launchcal")
