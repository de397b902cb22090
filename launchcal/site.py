"""``launchcal build``: one folder, ready for any static host, with everything about one event.

``index.html`` (the event page), ``widget.html`` (the snippet to embed), ``<id>.ics`` (the
download the page links to), ``<id>.json`` (the event and its audience's clocks) and, with
``--no-inline-script``, the widget's script.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from launchcal import render, report
from launchcal.event import Event
from launchcal.files import write_folder

__all__ = ["PAGE_NAME", "WIDGET_NAME", "build", "event_data"]

PAGE_NAME = "index.html"
WIDGET_NAME = "widget.html"


def event_data(event: Event) -> dict[str, Any]:
    """The JSON of ``launchcal when --json`` for the audience, plus what the page shows."""
    data = report.when_data([event], list(event.audience))
    entry = data["events"][0]
    location = event.location
    organizer = event.organizer
    entry.update(
        {
            "previous_start": None
            if event.previous_start is None
            else event.previous_start.isoformat(),
            "url": event.url,
            "description": event.description,
            "location": None
            if location is None
            else {
                "name": location.name,
                "online": location.online,
                "url": location.url,
                "address": location.address,
            },
            "organizer": None
            if organizer is None
            else {"name": organizer.name, "email": organizer.email, "url": organizer.url},
        }
    )
    return data


def build(
    event: Event,
    directory: str | Path,
    options: render.Options | None = None,
    *,
    stamp: dt.datetime | None = None,
    inputs: Iterable[str | Path] = (),
) -> list[Path]:
    """Render everything first, then write the folder all at once; return the paths written.

    ``inputs`` (the event file) are never overwritten or swapped away.

    Raises:
        OutputError: ``directory`` is a file, holds other files or an input, or cannot be
            written; nothing has changed then (see :func:`launchcal.files.write_folder`).
    """
    options = options or render.Options()
    ics_name = f"{event.id}.ics"
    outputs: dict[str, str | bytes] = {}
    page = render.html(event, options, whole_page=True, ics_href=ics_name)
    outputs[PAGE_NAME] = page.html
    outputs[WIDGET_NAME] = render.snippet(event, options)
    outputs[ics_name] = render.ics_bytes(event, stamp=stamp)
    outputs[f"{event.id}.json"] = json.dumps(event_data(event), indent=2, ensure_ascii=False) + "\n"
    if page.script is not None:
        outputs[render.SCRIPT_NAME] = page.script
    return write_folder(directory, outputs, inputs=inputs)
