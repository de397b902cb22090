"""launchcal's own sentences in the reader's language: gettext catalogs made with babel.

CLDR (through :mod:`launchcal.i18n`) gives the pieces every language names the same way: dates,
times, numbers, units, zone and city names. The sentences around them ("Launch starts at 14:00
in Nairobi: ...") are launchcal's own, written once in English in the code and translated in one
gettext catalog per language, ``launchcal/locale/<locale>/LC_MESSAGES/launchcal.po`` (domain
:data:`DOMAIN`). Each message is a whole sentence with named placeholders, so a translator can
put the words in the order their language needs; plurals follow the CLDR rules babel writes
into each catalog's ``Plural-Forms`` header.

How a module marks and translates a message::

    from launchcal import messages

    say = messages.words(locale)                  # one object per locale, cached
    say.gettext("%(title)s starts at %(time)s", title=..., time=...)
    say.ngettext("%(count)d day later", "%(count)d days later", n)
    say.pgettext("column", "Place")               # a context tells equal English words apart
    LABEL = messages.N_("Add to calendar")         # marked now, translated later
    say.gettext(LABEL)
    raise InputError(messages.message("cannot read %(text)s", text=...))  # said again by the
                                                  # CLI in the reader's language

``scripts/catalogs.py`` extracts the marked messages (babel's default keywords, plus ``N_`` and
``message``), updates every catalog and compiles the ``.mo`` files the wheel carries; a test fails
while any catalog lacks a message, has a fuzzy one or breaks a placeholder. A page or widget
carries its words as :func:`launchcal.render.words` gives them: one dict per shipped language.

English is the source language: its ``words`` object reads no catalog and imports neither
gettext nor babel, so ``launchcal when`` in English costs nothing extra.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

__all__ = [
    "DEFAULT_TITLE",
    "DOMAIN",
    "FOLDER",
    "FSI",
    "N_",
    "PDI",
    "Words",
    "catalog_for",
    "catalog_locales",
    "event_title",
    "message",
    "quoted",
    "reworded",
    "titled",
    "translated",
    "words",
]

#: The gettext domain: every catalog is ``<locale>/LC_MESSAGES/launchcal.po``.
DOMAIN = "launchcal"
#: Where the catalogs live, inside the package so that the wheel carries them.
FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
#: Unicode FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: a time, number or Latin title set
#: inside right-to-left text keeps its own order ("14:00" does not become "00:14").
FSI, PDI = "\u2068", "\u2069"


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for the marker
    """Mark ``message`` for the catalogs without translating it yet (a module-level label)."""
    return message


class Words:
    """launchcal's sentences in one locale; values are put into the translated pattern.

    Placeholders are ``%(name)s`` (``%(count)d`` for plurals). In a right-to-left locale each
    value is wrapped in Unicode isolates, so times, offsets, numbers and Latin-script names
    stay readable in a terminal that lays out the sentence right to left.
    """

    def __init__(
        self,
        locale: str,
        catalog: str | None,
        translations: gettext.NullTranslations | None,
        rtl: bool,
    ) -> None:
        self.locale = locale
        #: The shipped catalog that answers for ``locale`` (``None``: English, the source).
        self.catalog = catalog
        #: Whether the locale's script runs right to left.
        self.rtl = rtl
        self._translations = translations

    def isolate(self, text: str) -> str:
        """``text`` wrapped in isolates in a right-to-left locale, as it is elsewhere."""
        return f"{FSI}{text}{PDI}" if self.rtl and text else text

    def _fill(self, pattern: str, values: Mapping[str, object]) -> str:
        if not values:
            return pattern
        if self.rtl:
            values = {k: self.isolate(v) if isinstance(v, str) else v for k, v in values.items()}
        return pattern % values

    def gettext(self, message: str, /, **values: object) -> str:
        """``message`` in this locale, with ``values`` put into its placeholders.

        Examples:
            >>> words("fr").gettext("same day")
            'le même jour'
            >>> words("en").gettext("%(zone)s (your zone)", zone="Africa/Nairobi")
            'Africa/Nairobi (your zone)'
        """
        found = message if self._translations is None else self._translations.gettext(message)
        return self._fill(found, values)

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The plural form CLDR's rules pick for ``count``; ``count`` is a value too.

        Examples:
            >>> words("ru").ngettext("%(count)d day later", "%(count)d days later", 5)
            'на 5 дней позже'
        """
        if self._translations is None:
            found = singular if count == 1 else plural
        else:
            found = self._translations.ngettext(singular, plural, count)
        return self._fill(found, {"count": count, **values})

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """``message`` as meant in ``context`` (a table heading, a state, ...).

        Examples:
            >>> words("de").pgettext("column", "Place")
            'Ort'
        """
        if self._translations is None:
            return self._fill(message, values)
        return self._fill(self._translations.pgettext(context, message), values)

    def clocked(self, clock: bool, context: str, message: str, /, **values: object) -> str:
        """``message`` about a time somewhere, as meant in ``context`` when the place is a clock
        (``clock``: "Eastern Time", "PDT", "UTC+3"); else as it is. English says both "at 07:00
        in Nairobi" and "at 07:00 in Eastern Time"; French says "à 07:00 à Nairobi" but "à
        07:00, heure de l’Est". scripts/catalogs.py extracts both messages from one call.

        Examples:
            >>> say = words("fr")
            >>> message = "right: it starts at %(time)s in %(place)s, %(day)s"
            >>> say.clocked(True, "on a clock", message, time="07:00", place="PDT", day="…")
            'vrai : l’événement commence à 07:00 (PDT), …'
        """
        if clock:
            return self.pgettext(context, message, **values)
        return self.gettext(message, **values)


def _is_english(locale: str) -> bool:
    return locale == "en" or locale.startswith("en_")


@cache
def catalog_locales() -> tuple[str, ...]:
    """The locales launchcal ships a catalog for (English, the source language, is not one)."""
    if not os.path.isdir(FOLDER):
        return ()
    return tuple(
        sorted(
            name
            for name in os.listdir(FOLDER)
            if os.path.isfile(os.path.join(FOLDER, name, "LC_MESSAGES", DOMAIN + ".mo"))
        )
    )


def _candidates(locale: str) -> list[str]:
    """``zh_Hant_TW`` -> ``zh_Hant_TW``, ``zh_Hant``; ``fr_CA`` -> ``fr_CA``, ``fr``.

    The bare language is a candidate only when the locale's script is the language's usual
    one: Traditional Chinese never falls back to the (Simplified) ``zh`` catalog.
    """
    parts = locale.split("_")
    found = ["_".join(parts[:i]) for i in range(len(parts), 0, -1)]
    script = next((p for p in parts[1:] if len(p) == 4 and p.istitle()), None)
    if script is not None:
        from babel.core import get_global

        usual = str(get_global("likely_subtags").get(parts[0], "")).split("_")
        if script not in usual:
            found = [c for c in found if script in c.split("_")]
    return found


@cache
def catalog_for(locale: str) -> str | None:
    """The shipped catalog that serves ``locale``, or ``None`` (English, or none ships).

    Examples:
        >>> catalog_for("fr_CA"), catalog_for("zh_Hant_TW"), catalog_for("zh_Hans_CN")
        ('fr', 'zh_Hant', 'zh')
        >>> catalog_for("en_GB") is None
        True
    """
    if _is_english(locale):
        return None
    shipped = set(catalog_locales())
    return next((c for c in _candidates(locale) if c in shipped), None)


@cache
def words(locale: str) -> Words:
    """launchcal's sentences for ``locale`` (a CLDR identifier); English where none ships."""
    catalog = catalog_for(locale)
    if catalog is None:
        return Words(locale, None, None, rtl=False if _is_english(locale) else _rtl(locale))
    import gettext

    path = os.path.join(FOLDER, catalog, "LC_MESSAGES", DOMAIN + ".mo")
    with open(path, "rb") as file:
        translations = gettext.GNUTranslations(file)
    return Words(locale, catalog, translations, rtl=_rtl(locale))


def _rtl(locale: str) -> bool:
    from launchcal import i18n

    return i18n.is_rtl(locale)


class Message(str):
    """An English message that remembers its pattern and values, to be said again in another
    language later: a ``LaunchcalError`` is raised before anyone knows the reader's locale.

    Examples:
        >>> error = message("%(text)s is not a date and time; %(hint)s", text="'soon'",
        ...                 hint=message("same day"))
        >>> str(error)
        "'soon' is not a date and time; same day"
        >>> translated(error, "de")
        "'soon' ist kein Datum mit Uhrzeit; am selben Tag"
    """

    template: str
    values: dict[str, object]


def message(template: str, /, **values: object) -> Message:
    """The English ``template`` filled with ``values``, keeping both for :func:`translated`.

    Mark the call's template like any other message: ``message`` is one of the keywords
    ``scripts/catalogs.py`` extracts.
    """
    found = Message(template % values if values else template)
    found.template = template
    found.values = values
    return found


class Reworded(str):
    """A value of a :class:`Message` in English that another language says in its own words
    (a date: "3 March" is "3 mars"), made when the reader's locale is known."""

    reword: Callable[[str], str]


def reworded(english: str, reword: Callable[[str], str]) -> Reworded:
    """``english``, said by ``reword(locale)`` when its message is translated.

    Examples:
        >>> error = message("no %(what)s", what=reworded("day", lambda locale: locale.upper()))
        >>> str(error), translated(error, "fr")
        ('no day', 'no FR')
    """
    found = Reworded(english)
    found.reword = reword
    return found


def translated(text: str, locale: str) -> str:
    """``text`` in ``locale`` when it is a :class:`Message` (its values translated too)."""
    if isinstance(text, Reworded) and catalog_for(locale) is not None:
        return text.reword(locale)
    if not isinstance(text, Message) or catalog_for(locale) is None:
        return str(text)
    values = {k: translated(v, locale) if isinstance(v, str) else v for k, v in text.values.items()}
    return words(locale).gettext(text.template, **values)


#: The title of an event given on the command line without ``--title``: the data keeps the
#: English, and output says it in the reader's language (see :func:`event_title`).
DEFAULT_TITLE = N_("The event")


def event_title(title: str, locale: str) -> str:
    """The title as given, or the default title in the reader's language.

    Examples:
        >>> event_title("The event", "fr"), event_title("Launch", "fr")
        ('L’événement', 'Launch')
    """
    return words(locale).gettext(DEFAULT_TITLE) if title == DEFAULT_TITLE else title


#: An event's status as a reader sees it beside the title, keyed by ``Status.value``.
_STATUS = {
    "cancelled": N_("cancelled"),
    "postponed": N_("postponed"),
    "rescheduled": N_("rescheduled"),
}


def titled(title: str, status: str, locale: str) -> str:
    """``Launch (cancelled)``: the title with a status other than ``scheduled`` beside it.

    Examples:
        >>> titled("Launch", "postponed", "es"), titled("Launch", "scheduled", "es")
        ('Launch (aplazado)', 'Launch')
    """
    title = event_title(title, locale)
    if status not in _STATUS:
        return title
    say = words(locale)
    label = say.gettext(_STATUS[status])
    return say.gettext("%(title)s (%(status)s)", title=title, status=label)


def quoted(text: str, locale: str) -> str:
    """``text`` in the reader's quotation marks: 'a', «a», „a“, 「a」 (English: straight ').

    Examples:
        >>> quoted("around 3am", "en"), quoted("around 3am", "fr"), quoted("around 3am", "de")
        ("'around 3am'", '« around 3am »', '„around 3am“')
    """
    # NOTE: the quotation marks your language puts around words quoted from an article.
    return words(locale).pgettext("quotation", "'%(text)s'", text=text)
