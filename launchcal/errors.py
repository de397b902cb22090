"""The one exception hierarchy of launchcal.

Every message is written for the person at the keyboard: it names the input that was wrong
and says what to do instead. The CLI prints it as a single ``Error: ...`` line.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousPlaceError",
    "AmbiguousTimeError",
    "EnvironmentSetupError",
    "EventFileError",
    "InputError",
    "LaunchcalError",
    "NonexistentTimeError",
    "OutputError",
    "PlaceError",
    "UnknownPlaceError",
    "WallTimeError",
]


class LaunchcalError(Exception):
    """Base class: anything launchcal raises on purpose."""


class InputError(LaunchcalError, ValueError):
    """Input that launchcal cannot act on: a bad flag value, file or field."""


class EnvironmentSetupError(LaunchcalError):
    """The machine, not the input, is wrong: ``LAUNCHCAL_TZDIR`` or the tz database.

    Not an :class:`InputError`, so that no event file's field takes the blame for it.
    """


class OutputError(LaunchcalError):
    """An output that could not be written (nothing is left half-written)."""


class PlaceError(InputError):
    """A place query that does not name exactly one time zone."""


class UnknownPlaceError(PlaceError):
    """No place matches; ``suggestions`` holds up to three near names."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        from launchcal.messages import message

        self.query = query
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            text = message(
                "unknown place %(place)s; did you mean %(names)s?",
                place=repr(query),
                names=or_list(self.suggestions),
            )
        else:
            text = message(
                "unknown place %(place)s; try a city, a country or an IANA zone such as %(zone)s",
                place=repr(query),
                zone="'Europe/Paris'",
            )
        super().__init__(text)


class AmbiguousPlaceError(PlaceError):
    """Several places with different zones match; ``candidates`` are their descriptions."""

    def __init__(self, query: str, candidates: Sequence[str], hint: str = "") -> None:
        from launchcal.messages import message

        self.query = query
        self.candidates = tuple(candidates)
        listed = _joined(self.candidates)
        if hint:
            text = message(
                "%(place)s is ambiguous: %(candidates)s (%(hint)s)",
                place=repr(query),
                candidates=listed,
                hint=hint,
            )
        else:
            text = message(
                "%(place)s is ambiguous: %(candidates)s", place=repr(query), candidates=listed
            )
        super().__init__(text)


class WallTimeError(InputError):
    """A wall time that a DST change makes nonexistent or ambiguous.

    ``earlier`` and ``later`` are the two instants the wall time could mean;
    the user picks one with ``--fold earlier|later`` (or ``fold = ...`` in a file).
    """

    def __init__(self, problem: str, earlier: str, later: str) -> None:
        self.problem = problem
        self.earlier = earlier
        self.later = later
        super().__init__(self.explain("--fold {}"))

    def explain(self, choice: str) -> str:
        """The message, with ``choice`` (``"--fold {}"`` or ``'fold = "{}"'``) as the remedy."""
        return (
            f"{self.problem}; use {choice.format('earlier')} for {self.earlier} "
            f"or {choice.format('later')} for {self.later}"
        )


class NonexistentTimeError(WallTimeError):
    """The wall time falls in a gap: clocks skipped over it."""


class AmbiguousTimeError(WallTimeError):
    """The wall time occurs twice: clocks went back over it."""


class EventFileError(InputError):
    """A problem in an event file, naming the file, the event, the field and the line."""


def or_list(items: Sequence[str]) -> str:
    """``'Paris' or 'Perth'``, quoted, said with the reader's "or" once the locale is known.

    Examples:
        >>> from launchcal.messages import translated
        >>> choices = or_list(["Paris", "Perth", "Pune"])
        >>> str(choices), translated(choices, "de")
        ("'Paris', 'Perth' or 'Pune'", "'Paris', 'Perth' oder 'Pune'")
    """
    from launchcal.messages import reworded

    quoted = [repr(item) for item in items]
    english = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return reworded(english, lambda locale: _or_words(quoted, locale))


def _joined(items: Sequence[str]) -> str:
    """Candidates one after another, with "; " or the reader's own list punctuation (a
    candidate's description holds commas of its own)."""
    from launchcal.messages import reworded, translated

    return reworded(
        "; ".join(items), lambda locale: "; ".join(translated(i, locale) for i in items)
    )


def _or_words(items: Sequence[str], locale: str) -> str:
    from launchcal import i18n

    return i18n.format_list(items, locale, "or")
