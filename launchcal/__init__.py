"""launchcal: one launch event, held as wall time plus an IANA zone, seen from everywhere.

The public API is re-exported here lazily: ``import launchcal`` stays cheap, so the CLI starts
fast, and each name loads its module on first use.
"""

# The first lines to run when the `launchcal` program starts (no `from __future__` import
# here: it is a module import too). Until then a Ctrl-C raises KeyboardInterrupt in the middle
# of an import and prints a traceback; from here it leaves quietly with status 130, the status
# a shell gives Ctrl-C. launchcal.cli.main puts Python's handler back once the command runs,
# so that `countdown --watch` restores the cursor. Importing launchcal elsewhere changes
# nothing. Only built-in modules before the handler: `os` and `signal` cost milliseconds.
#
# The program also collects garbage less often: starting up allocates ~40,000 objects (modules,
# classes, functions) that all stay alive, and Python's default (a collection every 700 new
# objects) collected 28 times in a `launchcal when`, 61 in an `html --page`: 3-9% of it. Collecting
# every 50,000 leaves memory as it was (a 10,000-event .ics peaked at 113 MB, 115 MB before).
import _signal  # type: ignore[import-not-found]
import gc as _gc
import sys

#: The launchcal program's collection thresholds (see above); Python's are (700, 10, 10).
_GC_THRESHOLDS = (50_000, 10, 10)


def _program_starts() -> None:
    """What the `launchcal` program (and ``python -m launchcal``) does before any import."""
    _signal.signal(_signal.SIGINT, lambda _signum, _frame: __import__("os")._exit(130))
    _gc.set_threshold(*_GC_THRESHOLDS)
    if sys.platform != "win32":
        # dateutil (under icalendar) tries its Windows zones module, which imports ctypes (3 ms)
        # before it fails for want of winreg; it fails at once now, with the same ImportError.
        sys.modules.setdefault("dateutil.tz.win", None)  # type: ignore[arg-type]


if sys.argv and sys.argv[0].replace("\\", "/").rpartition("/")[2] == "launchcal":
    _program_starts()

import importlib  # noqa: E402 - after the program's first lines
from typing import TYPE_CHECKING, Any  # noqa: E402

__version__ = "0.1.0"

_EXPORTS = {
    "AmbiguousPlaceError": "launchcal.errors",
    "AmbiguousTimeError": "launchcal.errors",
    "Calendar": "launchcal.event",
    "Countdown": "launchcal.countdown",
    "Event": "launchcal.event",
    "EventFileError": "launchcal.errors",
    "InputError": "launchcal.errors",
    "LaunchcalError": "launchcal.errors",
    "LocalTime": "launchcal.convert",
    "Location": "launchcal.event",
    "NonexistentTimeError": "launchcal.errors",
    "Organizer": "launchcal.event",
    "Place": "launchcal.places",
    "Status": "launchcal.event",
    "UnknownPlaceError": "launchcal.errors",
    "calendar_links": "launchcal.links",
    "check_article": "launchcal.article",
    "check_claim": "launchcal.check",
    "check_text": "launchcal.check",
    "countdowns": "launchcal.countdown",
    "event_ics": "launchcal.ics",
    "find_claims": "launchcal.claims",
    "load": "launchcal.eventfile",
    "loads": "launchcal.eventfile",
    "localize": "launchcal.tz",
    "parse_claim": "launchcal.check",
    "resolve": "launchcal.places",
    "resolve_locale": "launchcal.i18n",
    "see": "launchcal.convert",
    "see_all": "launchcal.convert",
    "to_ics": "launchcal.ics",
    "tz_database": "launchcal.tz",
    "when_data": "launchcal.report",
    "when_text": "launchcal.report",
}
_RENAMED = {"tz_database": "database"}

__all__ = [
    "AmbiguousPlaceError",
    "AmbiguousTimeError",
    "Calendar",
    "Countdown",
    "Event",
    "EventFileError",
    "InputError",
    "LaunchcalError",
    "LocalTime",
    "Location",
    "NonexistentTimeError",
    "Organizer",
    "Place",
    "Status",
    "UnknownPlaceError",
    "__version__",
    "calendar_links",
    "check_article",
    "check_claim",
    "check_text",
    "countdowns",
    "event_ics",
    "find_claims",
    "load",
    "loads",
    "localize",
    "parse_claim",
    "resolve",
    "resolve_locale",
    "see",
    "see_all",
    "to_ics",
    "tz_database",
    "when_data",
    "when_text",
]

if TYPE_CHECKING:
    from launchcal.article import check_article
    from launchcal.check import check_claim, check_text, parse_claim
    from launchcal.claims import find_claims
    from launchcal.convert import LocalTime, see, see_all
    from launchcal.countdown import Countdown, countdowns
    from launchcal.errors import (
        AmbiguousPlaceError,
        AmbiguousTimeError,
        EventFileError,
        InputError,
        LaunchcalError,
        NonexistentTimeError,
        UnknownPlaceError,
    )
    from launchcal.event import Calendar, Event, Location, Organizer, Status
    from launchcal.eventfile import load, loads
    from launchcal.i18n import resolve_locale
    from launchcal.ics import event_ics, to_ics
    from launchcal.links import calendar_links
    from launchcal.places import Place, resolve
    from launchcal.report import when_data, when_text
    from launchcal.tz import database as tz_database
    from launchcal.tz import localize


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'launchcal' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
