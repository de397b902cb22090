"""Publishing to a CalDAV calendar: make the server hold exactly the file's events.

The only module that talks to a server, through the :mod:`caldav` client (discovery, reports,
conditional PUT and DELETE). Publishing is two steps, so that nothing is half-done by surprise:

1. :func:`plan` reads the calendar (one REPORT) and decides, per event, ``create``, ``update``,
   ``cancel`` or ``unchanged``; launchcal's own entries that the file no longer has are ``keep``,
   or ``delete`` with ``prune``. Nothing is written; ``--dry-run`` stops here.
2. :func:`apply` sends the changes one by one and yields each one done. Every write is
   conditional: a create carries ``If-None-Match: *`` and an update or delete ``If-Match`` with
   the ETag read in step 1, so an edit made on the server in between is never overwritten.

An entry is launchcal's when it carries ``X-LAUNCHCAL-DIGEST``: a digest of what launchcal
wrote, which also tells a changed event from an unchanged one (servers re-serialize what they
store, so their bytes cannot be compared with ours). Entries without it are left alone, even
when their UID is one of the file's. A change goes out over the same UID with ``SEQUENCE``
raised past the server's (RFC 5546 section 2.1.4), so clients move the entry they have.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import logging
import netrc
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from launchcal import ics
from launchcal.errors import InputError, LaunchcalError
from launchcal.event import Calendar, Event, Status

if TYPE_CHECKING:
    from caldav.davclient import DAVClient

__all__ = [
    "DIGEST_PROPERTY",
    "NOTES",
    "PASSWORD_VARIABLE",
    "Action",
    "Change",
    "Credentials",
    "Plan",
    "PublishError",
    "apply",
    "calendar_url",
    "credentials",
    "digest",
    "entry",
    "plan",
]

#: Where the password comes from (never the command line).
PASSWORD_VARIABLE = "LAUNCHCAL_CALDAV_PASSWORD"  # noqa: S105 - a variable's name
#: The property that marks an entry as launchcal's and fingerprints what it wrote.
DIGEST_PROPERTY = "X-LAUNCHCAL-DIGEST"
#: A fixed DTSTAMP for the digest, so that the digest depends on the event alone.
_DIGEST_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_TIMEOUT = 30

# caldav logs failed requests (with bodies) as warnings; with no handler configured, Python
# would print them on stderr. launchcal reports each failure once, as one line.
logging.getLogger("caldav").addHandler(logging.NullHandler())


class PublishError(LaunchcalError):
    """The server refused, could not be reached, or changed under us; nothing more was sent."""


class Action(enum.StrEnum):
    """What publishing does to one entry."""

    CREATE = "create"
    UPDATE = "update"
    CANCEL = "cancel"
    UNCHANGED = "unchanged"
    KEEP = "keep"
    DELETE = "delete"
    FOREIGN = "foreign"

    @property
    def writes(self) -> bool:
        """Whether the action sends anything to the server."""
        return self in (Action.CREATE, Action.UPDATE, Action.CANCEL, Action.DELETE)


#: The note each action gets in a plan (one place for every sentence, ready for gettext).
NOTES = {
    Action.CREATE: "new on the server",
    Action.UPDATE: "changed since last published; SEQUENCE {sequence}",
    Action.CANCEL: "cancelled; STATUS:CANCELLED, SEQUENCE {sequence}",
    Action.UNCHANGED: "already as in the file",
    Action.KEEP: "published before, not in the file; --prune deletes it",
    Action.DELETE: "published before, not in the file",
    Action.FOREIGN: "same UID on the server, not published by launchcal; left alone",
}


@dataclass(frozen=True)
class Change:
    """One entry of a plan: the event (``None`` for an entry the file no longer has)."""

    action: Action
    uid: str
    title: str
    event: Event | None = None
    sequence: int = 0
    #: The server object to update or delete (a caldav ``Event`` with its ETag), if any.
    remote: Any = None

    @property
    def name(self) -> str:
        """The event id, or the UID of an entry the file does not have."""
        return self.event.id if self.event is not None else self.uid

    @property
    def note(self) -> str:
        """Why this action, in a few words."""
        return NOTES[self.action].format(sequence=self.sequence)


@dataclass(frozen=True)
class Plan:
    """What publishing the file would do, entry by entry, and where."""

    url: str
    changes: tuple[Change, ...]
    #: The caldav calendar the changes go to.
    target: Any = None
    stamp: dt.datetime | None = None

    @property
    def writes(self) -> tuple[Change, ...]:
        """The changes that send something."""
        return tuple(change for change in self.changes if change.action.writes)

    def counts(self) -> dict[Action, int]:
        """How many entries get each action, in the order of :class:`Action`."""
        found = dict.fromkeys(Action, 0)
        for change in self.changes:
            found[change.action] += 1
        return {action: count for action, count in found.items() if count}


@dataclass(frozen=True)
class Credentials:
    """A user name and password for the server (the password is never shown)."""

    user: str
    password: str = dataclasses.field(repr=False)


def calendar_url(text: str) -> str:
    """The calendar's URL, checked: ``http`` or ``https``, with a host.

    Examples:
        >>> calendar_url("https://dav.example.org/alice/launches/")
        'https://dav.example.org/alice/launches/'
        >>> calendar_url("dav.example.org/alice/launches/")
        Traceback (most recent call last):
        ...
        launchcal.errors.InputError: 'dav.example.org/alice/launches/' is not a CalDAV URL; \
did you mean 'https://dav.example.org/alice/launches/'?
    """
    url = text.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        hint = (
            f"did you mean 'https://{url}'?"
            if parts is not None and not parts.scheme and "." in url.split("/")[0]
            else "give the calendar's http:// or https:// address"
        )
        raise InputError(f"{_safe_url(url)!r} is not a CalDAV URL; {hint}")
    return url


def credentials(
    url: str,
    user: str | None,
    *,
    environ: Mapping[str, str] | None = None,
    netrc_file: Path | None = None,
) -> Credentials | None:
    """The login for ``url``: ``user`` with ``$LAUNCHCAL_CALDAV_PASSWORD``, else ``~/.netrc``.

    ``None`` means no login at all (a server open to anyone). A password in the URL is refused,
    since a command line is seen by every process on the machine and kept in shell history.

    Raises:
        InputError: the URL holds a password, a password is set without a user, a user has
            no password anywhere, or ``~/.netrc`` cannot be read.
    """
    environ = os.environ if environ is None else environ
    parts = urlsplit(url)
    if parts.password is not None or parts.username is not None:
        raise InputError(
            f"{_safe_url(url)}: give the user with --user and the password in "
            f"{PASSWORD_VARIABLE} or ~/.netrc, not in the URL"
        )
    password = environ.get(PASSWORD_VARIABLE)
    if password:
        if not user:
            raise InputError(f"{PASSWORD_VARIABLE} is set: give the user name with --user")
        return Credentials(user, password)
    found = _netrc_login(parts.hostname or "", netrc_file)
    if found is not None and (user is None or found[0] == user):
        return Credentials(*found)
    if user:
        raise InputError(
            f"no password for user {user!r}: set {PASSWORD_VARIABLE}, or add "
            f"'machine {parts.hostname} login {user} password ...' to ~/.netrc"
        )
    return None


def _netrc_login(host: str, path: Path | None) -> tuple[str, str] | None:
    path = Path.home() / ".netrc" if path is None else path
    if not host or not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as error:
        # Its message can quote a token from the file, which may be a password: say where only.
        raise InputError(f"{path} line {error.lineno} cannot be read; fix that line") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    if entry is None or not entry[0] or not entry[2]:
        return None
    return entry[0], entry[2]


def digest(event: Event) -> str:
    """A fingerprint of the entry launchcal writes for ``event`` (without its DTSTAMP).

    Examples:
        >>> from launchcal.event import Event
        >>> e = Event.at("Launch", dt.datetime(2022, 7, 4, 19), "Asia/Shanghai", id="launch")
        >>> digest(e) == digest(e), digest(e) == digest(dataclasses.replace(e, title="Other"))
        (True, False)
    """
    return hashlib.sha256(ics.event_ics(event, stamp=_DIGEST_STAMP)).hexdigest()[:32]


def entry(event: Event, sequence: int, stamp: dt.datetime | None = None) -> str:
    """The calendar object for one event: launchcal's ``.ics`` with the digest added."""
    data = ics.event_ics(dataclasses.replace(event, sequence=sequence), stamp=stamp)
    mark = f"{DIGEST_PROPERTY}:{digest(event)}\r\n".encode("ascii")
    # One VEVENT per object (RFC 4791 section 4.1): the digest goes at its end.
    return data.replace(b"END:VEVENT\r\n", mark + b"END:VEVENT\r\n", 1).decode("utf-8")


# --- reading the server -----------------------------------------------------------------------


def plan(
    calendar: Calendar,
    url: str,
    login: Credentials | None,
    *,
    prune: bool = False,
    stamp: dt.datetime | None = None,
) -> Plan:
    """Read the calendar at ``url`` and decide what publishing ``calendar`` does there.

    Raises:
        PublishError: the login is refused, the calendar does not exist (the message lists the
            ones the server has), the server cannot be reached or TLS fails.
    """
    target = _client(url, login).calendar(url=url)  # type: ignore[no-untyped-call]
    with _reporting(url, login):
        remote = {_uid(item): item for item in target.search(event=True)}
    # A CalDAV resource holds one UID (RFC 4791 section 4.1): each session or market is its
    # own entry; a series is one entry with its RRULE.
    from launchcal import recurrence

    entries = [part for event in calendar.events for part in recurrence.parts(event)]
    changes = [_change(event, remote.pop(ics.uid(event), None)) for event in entries]
    for uid, item in remote.items():
        if _digest_of(item) is not None:
            action = Action.DELETE if prune else Action.KEEP
            changes.append(Change(action, uid, _summary(item), remote=item))
    return Plan(url, tuple(changes), target, stamp)


def _change(event: Event, item: Any) -> Change:
    uid = ics.uid(event)
    own = ics.sequence(event)
    if item is None:
        return Change(Action.CREATE, uid, event.title, event, own)
    found = _digest_of(item)
    if found is None:
        return Change(Action.FOREIGN, uid, event.title, event, remote=item)
    server_sequence = int(item.icalendar_component.get("SEQUENCE", 0))
    if found == digest(event):
        return Change(Action.UNCHANGED, uid, event.title, event, server_sequence, item)
    sequence = max(own, server_sequence + 1)
    cancelled = str(item.icalendar_component.get("STATUS", "")).upper() == "CANCELLED"
    action = Action.CANCEL if event.status is Status.CANCELLED and not cancelled else Action.UPDATE
    return Change(action, uid, event.title, event, sequence, item)


def _uid(item: Any) -> str:
    return str(item.icalendar_component.get("UID", ""))


def _summary(item: Any) -> str:
    return str(item.icalendar_component.get("SUMMARY", ""))


def _digest_of(item: Any) -> str | None:
    value = item.icalendar_component.get(DIGEST_PROPERTY)
    return None if value is None else str(value)


# --- writing ----------------------------------------------------------------------------------


def apply(plan: Plan) -> Iterator[Change]:
    """Send the plan's changes in order, yielding each one once the server has it.

    Raises:
        PublishError: on the first change the server refuses (or an edit made on the server
            since :func:`plan` read it); the message names the events already sent.
    """
    from caldav.calendarobjectresource import Event as DavEvent

    sent: list[Change] = []
    for change in plan.writes:
        with _reporting(plan.url, None, change=change, sent=sent):
            if change.action is Action.DELETE:
                change.remote.delete(if_match=True)
            elif change.action is Action.CREATE:
                assert change.event is not None
                name = quote(change.uid, safe="@-._~") + ".ics"
                item = DavEvent(
                    client=plan.target.client,
                    url=plan.target.url.join(name),
                    data=entry(change.event, change.sequence, plan.stamp),
                    parent=plan.target,
                )
                item.save(no_overwrite=True, increase_seqno=False)
            else:
                assert change.event is not None
                change.remote.data = entry(change.event, change.sequence, plan.stamp)
                change.remote.save(increase_seqno=False, precondition="etag")
        sent.append(change)
        yield change


@contextlib.contextmanager
def _reporting(
    url: str,
    login: Credentials | None,
    *,
    change: Change | None = None,
    sent: Sequence[Change] = (),
) -> Iterator[None]:
    """Turn what caldav and the HTTP library raise into one :class:`PublishError` line."""
    try:
        yield
    except LaunchcalError:
        raise
    except Exception as error:
        message = _message(error, url, login, change)
        if message is None:
            raise
        if change is not None:
            done = ", ".join(f"{c.action.value} {c.name}" for c in sent) or "nothing"
            message += f"; already sent: {done}"
        raise PublishError(message) from None


def _message(
    error: Exception, url: str, login: Credentials | None, change: Change | None
) -> str | None:
    from caldav.lib import error as dav
    from caldav.lib.http_sync import requests

    shown = _safe_url(url)
    what = f"{change.action.value} {change.name}: " if change else ""
    if isinstance(error, requests.exceptions.SSLError):
        return f"{what}TLS failure talking to {shown}: {_reason(error)}"
    if isinstance(error, requests.exceptions.ConnectionError | requests.exceptions.Timeout):
        return f"{what}cannot reach {shown}: {_reason(error)}; check the address and the network"
    if not isinstance(error, dav.DAVError):
        return None
    status = error.status
    if isinstance(error, dav.ETagMismatchError | dav.ConsistencyError) or status == 412:
        return (
            f"{what}the entry changed on the server since launchcal read it; nothing was "
            "overwritten: run publish again to see the new plan"
        )
    if status == 401:
        who = f"user {login.user!r}" if login else "no login"
        return (
            f"{shown} refused the login ({who}, 401 Unauthorized): check --user and "
            f"{PASSWORD_VARIABLE} or ~/.netrc"
        )
    if status == 403 and change is None:
        who = f"user {login.user!r}" if login else "an anonymous user"
        return f"{shown}: {who} may not use this calendar (403 Forbidden)"
    if isinstance(error, dav.NotFoundError) or status == 404:
        return f"no calendar at {shown} (404 Not Found); {_listing(url, login)}"
    code = f"{status} " if status else ""
    return f"{what}the server refused it ({code}{_server_reason(error)})"


def _listing(url: str, login: Credentials | None) -> str:
    """The calendars the user's principal lists, for a "did you mean"."""
    root = urlsplit(url)._replace(path="/", query="", fragment="").geturl()
    try:
        principal = _client(root, login).principal()  # type: ignore[no-untyped-call]
        found = [str(calendar.url) for calendar in principal.calendars()]
    except Exception:  # best effort: the 404 is the error being reported
        found = []
    if not found:
        return "the server lists no calendars for this login"
    return "the server lists: " + ", ".join(found) + " (give one with --caldav)"


def _client(url: str, login: Credentials | None) -> DAVClient:
    try:
        from caldav.davclient import DAVClient
    except ImportError:
        # An extra, not a dependency: caldav's HTTP stack (urllib3-future) installs a .pth
        # file that costs every Python start in the environment ~20 ms.
        raise InputError(
            "publishing needs the caldav package: pip install 'launchcal[publish]'"
        ) from None

    return DAVClient(
        url=url,
        username=login.user if login else None,
        password=login.password if login else None,
        timeout=_TIMEOUT,
    )


#: What the HTTP library's long messages mean, in a few words.
_CAUSES = (
    ("certificate verify failed", "certificate verify failed"),
    ("Connection refused", "Connection refused"),
    ("timed out", "timed out"),
    ("NameResolutionError", "no such host"),
    ("Name or service not known", "no such host"),
)


def _reason(error: BaseException) -> str:
    """The innermost cause's words, without the URL and object dumps around it."""
    while error.__context__ is not None and error.args and not isinstance(error.args[0], str):
        error = error.__context__
    text = str(error.args[0]) if error.args else type(error).__name__
    described = str(error).casefold()
    for marker, words in _CAUSES:
        if marker.casefold() in described:
            return words
    return " ".join(text.split())[:200]


def _server_reason(error: Any) -> str:
    """The server's own reason: the status line's words, then the first line of its body."""
    reason = str(getattr(error, "reason", "") or "")
    first, _, rest = reason.partition("\n")
    words = " ".join(first.split()[1:]) or "no reason"
    body = " ".join(rest.split())
    return f"{words}: {body[:200]}" if body and body != "None" else words


def _safe_url(url: str) -> str:
    """The URL as it may be shown: without any user name or password."""
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        port = parts.port
    except ValueError:
        return url.rpartition("@")[2]
    host = parts.hostname or ""
    return parts._replace(netloc=f"{host}:{port}" if port else host).geturl()
