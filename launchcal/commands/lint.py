"""`launchcal lint`: what in any calendar file makes real clients misplace or drop events."""

from __future__ import annotations

import sys
from typing import Any

import click

from launchcal.cli import echo_json, short_help


@click.command("lint", short_help=short_help("lint"))
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def lint_command(**params: Any) -> None:
    """Check calendar files from any tool: exit 0 if clean, 1 on findings, 2 if unreadable.

    One line per finding: file, line, what is wrong, which clients go wrong, the fix.

    \b
      launchcal lint export.ics
      launchcal lint --json *.ics
    """
    from launchcal import lint

    findings = lint.lint(params["files"])
    if params["as_json"]:
        echo_json([finding.as_dict() for finding in findings])
    else:
        for finding in findings:
            click.echo(finding.text())
    if findings:
        sys.exit(1)
