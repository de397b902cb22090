"""``python -m launchcal``."""

from launchcal.cli import main

main(prog_name="launchcal")
