"""JSON text, written as it is produced: the text of ``json.dumps(data, indent=2)``, faster.

``launchcal when --json`` over 100,000 events is a 200 MB document. :func:`json.dumps` with an
indent runs the pure-Python encoder (the C one only writes compact text) and keeps every piece
in one list before joining, so the command held the data, the pieces and the text at once.
Here an array given as an iterator (a generator of events) or an object given as
:class:`Members` is written one item at a time, so only one item's data and text live at once,
and each container goes through the C encoder in one call, with the newline and indentation of
its depth as the item separator and its nested containers left as holes that their own text
(one level deeper) fills. That splice is exact because a newline in JSON text is only ever
layout (a string's own newlines are escaped as ``\\n``).

For dicts, lists, tuples, strings, numbers, booleans and None the text is the same as
``json.dumps(data, indent=2, ensure_ascii=False)`` (a test compares the two over a broad
generated set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from json import encoder as _json_encoder
from typing import Any, NoReturn

__all__ = ["Members", "dumps", "iter_json"]

_INDENT = "  "
_encode_string: Callable[[str], str] = _json_encoder.encode_basestring  # C when built


@dataclass(frozen=True)
class Members:
    """A JSON object whose ``(key, value)`` members are produced as it is written.

    The producer's keys should be distinct, as a dict's are: they are written as they come.
    """

    pairs: Iterable[tuple[str, Any]]


_LAZY = (Iterator, Members)
_PLAIN = frozenset({str, int, float, bool, type(None)})  # exact types the C encoder writes as is


def _not_serializable(value: object) -> NoReturn:
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


_HOLE = object()  # stands for a nested container while its parent is encoded
# What a hole's text is while its parent is encoded. Should a string of the data read the
# same (a lone surrogate is unlikely, not impossible), the holes do not add up and the
# parent is written member by member instead.
_HOLE_MARK = "\udfff launchcal nested value \udfff"


def _hole(value: object) -> str:
    if value is _HOLE:
        return _HOLE_MARK
    _not_serializable(value)


_HOLE_TEXT = _encode_string(_HOLE_MARK)


def _flat_encoder(level: int) -> Callable[[Any], str]:
    """Encode a non-empty container of scalars (and holes) at indent ``level`` in one call."""
    opening, closing = "\n" + _INDENT * (level + 1), "\n" + _INDENT * level
    make = getattr(_json_encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator (another interpreter): the same text, slower
        import json

        pure = json.JSONEncoder(ensure_ascii=False, indent=2, check_circular=False, default=_hole)
        return lambda value: pure.encode(value).replace("\n", closing)
    compact = make(None, _hole, _encode_string, None, ": ", "," + opening,
                   False, False, True)  # fmt: skip

    def encode(value: Any) -> str:
        text = "".join(compact(value, 0))
        return text[0] + opening + text[1:-1] + closing + text[-1]

    return encode


_FLAT: list[Callable[[Any], str]] = []


def _flat(level: int) -> Callable[[Any], str]:
    while len(_FLAT) <= level:
        _FLAT.append(_flat_encoder(len(_FLAT)))
    return _FLAT[level]


def _scalar(value: object) -> str:
    """A string, number, boolean or None as json.dumps writes it."""
    if isinstance(value, str):
        return _encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    _not_serializable(value)


def _key(key: object) -> str:
    """A member's name as json.dumps writes it: a number, boolean or None as its text."""
    if isinstance(key, str):
        return _encode_string(key)
    if isinstance(key, int | float) or key is None:  # bool is an int
        return _encode_string(_scalar(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _encode(value: Any, level: int) -> str:
    """The whole text of ``value`` at indent ``level``.

    A container goes through the C encoder once, its nested containers standing in as holes
    (a marker string) that their own text, one level deeper, then fills.
    """
    kind = type(value)
    if kind in _PLAIN:
        return _scalar(value)
    if kind is not dict and kind is not list:
        if isinstance(value, Members):
            value = dict(value.pairs)
        elif isinstance(value, Iterator):
            value = list(value)
        elif not isinstance(value, dict | list | tuple):
            return _scalar(value)
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    shallow: dict[Any, Any] | list[Any]
    if isinstance(value, dict):
        holes = [item for item in value.values() if type(item) not in _PLAIN]
        shallow = {k: v if type(v) in _PLAIN else _HOLE for k, v in value.items()}
    else:
        holes = [item for item in value if type(item) not in _PLAIN]
        shallow = [item if type(item) in _PLAIN else _HOLE for item in value]
    text = _flat(level)(shallow if holes else value)
    if not holes:
        return text
    parts = text.split(_HOLE_TEXT)
    if len(parts) != len(holes) + 1:  # a string of the data reads like the marker
        return _one_by_one(value, level)
    pieces = [parts[0]]
    for hole, part in zip(holes, parts[1:], strict=True):
        pieces += (_encode(hole, level + 1), part)
    return "".join(pieces)


def _one_by_one(value: dict[Any, Any] | list[Any] | tuple[Any, ...], level: int) -> str:
    inner = "\n" + _INDENT * (level + 1)
    if isinstance(value, dict):
        members = [f"{_key(key)}: {_encode(item, level + 1)}" for key, item in value.items()]
        return "{" + inner + ("," + inner).join(members) + "\n" + _INDENT * level + "}"
    items = [_encode(item, level + 1) for item in value]
    return "[" + inner + ("," + inner).join(items) + "\n" + _INDENT * level + "]"


def _holds_lazy(values: Iterable[object]) -> bool:
    return any(type(item) not in _PLAIN and isinstance(item, _LAZY) for item in values)


def _chunks(value: object, level: int) -> Iterator[str]:
    """Write ``value`` a member at a time if it is lazy or holds a lazy value, else at once."""
    items: Iterable[tuple[str, object]]
    kind = type(value)
    if kind in _PLAIN:
        yield _scalar(value)
        return
    if isinstance(value, Members):
        items = ((f"{_key(key)}: ", item) for key, item in value.pairs)
    elif isinstance(value, dict) and _holds_lazy(value.values()):
        items = ((f"{_key(key)}: ", item) for key, item in value.items())
    elif isinstance(value, Iterator) or (isinstance(value, list | tuple) and _holds_lazy(value)):
        items = (("", item) for item in value)
    else:
        yield _encode(value, level)
        return
    opening, closing = ("{", "}") if isinstance(value, dict | Members) else ("[", "]")
    inner = "\n" + _INDENT * (level + 1)
    first = True
    for prefix, item in items:
        yield (opening if first else ",") + inner + prefix
        first = False
        yield from _chunks(item, level + 1)
    yield opening + closing if first else "\n" + _INDENT * level + closing


def iter_json(data: Any) -> Iterator[str]:
    """``json.dumps(data, indent=2, ensure_ascii=False)`` in pieces, written as made.

    An iterator stands for an array and :class:`Members` for an object. One that is the
    document, or a value of an object or array written piece by piece, is read one item at a
    time, each item written before the next is made; deeper ones are read whole.

    Raises:
        TypeError: ``data`` holds a value JSON has no type for (as :func:`json.dumps` would).

    Examples:
        >>> "".join(iter_json({"events": (n for n in range(2)), "empty": {}}))
        '{\\n  "events": [\\n    0,\\n    1\\n  ],\\n  "empty": {}\\n}'
    """
    return _chunks(data, 0)


def dumps(data: Any) -> str:
    """The whole text at once: :func:`iter_json` joined.

    Examples:
        >>> import json
        >>> clock = {"place": "Nairobi", "night": False, "day_shift": -1}
        >>> dumps([clock]) == json.dumps([clock], indent=2, ensure_ascii=False)
        True
    """
    return "".join(iter_json(data))
