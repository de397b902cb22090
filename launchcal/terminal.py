"""Text for a terminal: nothing from an event file or a flag may drive the terminal itself.

An event title is data, but a terminal obeys control sequences wherever they appear: ``ESC[8m``
hides the rest of a line (a fake time can stand in for the real one), OSC sequences set the
window title or write to the clipboard, and bidi overrides reorder what is shown. Every command
that prints event text passes it through :func:`safe`, piped or not (a pipe often ends in
``less -R`` or a log viewer that obeys them too).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["safe", "safe_json"]


@cache
def _unsafe() -> re.Pattern[str]:
    """C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-character CSI), bidi
    embeddings/overrides/isolates, and lone surrogates (bytes that were not UTF-8).

    Compiled on first need (0.5 ms): text that :func:`_printable` clears never needs it.
    """
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _printable(text: str) -> bool:
    """True when no character of ``text`` can be unsafe: every unsafe one is a control (Cc),
    a format character (Cf) or a surrogate (Cs), none of which :meth:`str.isprintable` passes
    (it also refuses characters that are safe, such as a no-break space: those take the
    pattern's way)."""
    return text.replace("\n", "").replace("\t", "").isprintable()


_OPEN_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI; U+2069 (PDI) closes them
_CLOSE_ISOLATE = "\u2069"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _balanced_isolates(text: str) -> set[int]:
    """Positions of the bidi isolates that open and close in pairs within their line.

    Right-to-left output wraps each time, number and name in FSI ... PDI (Unicode's own
    advice, UAX #9) so they read in order; a pair reorders only what it holds. An isolate
    left open (or a stray PDI) would reorder the rest of the line, so those are escaped.
    """
    kept: set[int] = set()
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in _OPEN_ISOLATES:
            opened.append(index)
        elif char == _CLOSE_ISOLATE and opened:
            kept.update((opened.pop(), index))
        elif char == "\n":
            opened.clear()
    return kept


def safe(text: str) -> str:
    r"""``text`` with every character that could act on the terminal written as an escape.

    Bidi isolates that pair up within a line stay (they are how right-to-left output keeps
    times and numbers readable); every other bidi control is escaped.

    Examples:
        >>> safe("Launch\x1b[8m 03:00")
        'Launch\\x1b[8m 03:00'
        >>> safe("Tab\tand\nnewline stay; \u202eoverride does not")
        'Tab\tand\nnewline stay; \\u202eoverride does not'
        >>> safe("\u2068٢:٠٠\u2069 kept, \u2067 left open is not")
        '\u2068٢:٠٠\u2069 kept, \\u2067 left open is not'
    """
    if _printable(text) or not _unsafe().search(text):
        return text
    kept = _balanced_isolates(text) if _CLOSE_ISOLATE in text else set()
    return _unsafe().sub(lambda m: m.group() if m.start() in kept else _escape(m), text)


def safe_json(text: str) -> str:
    r"""JSON text with those characters as ``\uXXXX`` escapes: the same data, inert on a terminal.

    :func:`json.dumps` with ``ensure_ascii=False`` already escapes C0 controls, but not C1
    controls or bidi overrides.

    Examples:
        >>> safe_json('{"title": "A\u009b8mB"}')
        '{"title": "A\\u009b8mB"}'
    """
    if _printable(text):
        return text
    return _unsafe().sub(lambda match: f"\\u{ord(match.group()):04x}", text)
