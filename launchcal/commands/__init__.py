"""The commands of ``launchcal``, one module each, loaded when a command runs."""
