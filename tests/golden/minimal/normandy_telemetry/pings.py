# Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen generate`:
# a copy of codegen/runtime/pings.py, the same for every spec.
# Do not edit: change codegen/runtime/pings.py, then run `make generate`.
"""Reading Firefox's pings: Normandy's records in them, checked, with where
each came from. The standard library only; ``normandy_telemetry.beam`` runs
it on Apache Beam, and anything else can call it as it is.

Two kinds of ping carry Normandy's telemetry, told apart by their shape (the
ping's type is in the URL it was posted to, not in its body):

- a **Glean events ping** has an array ``events`` of event objects
  ``{"category", "name", "timestamp", "extra"}``;
- a **legacy event ping** has ``payload.events``, which maps each process to
  its records ``[timestamp, category, method, object, value, extra]``.

Of their records, those in Normandy's category are events
(:func:`~normandy_telemetry.validate_glean.is_valid_glean_event`,
:func:`~normandy_telemetry.validate.is_valid_event`), Normandy's uptake
events are uptake reports, and every other category is counted. Whatever is
not valid becomes a :class:`DeadLetter` that holds it exactly as it came and
says where it came from (:class:`Origin`). What this module decodes itself is
judged by :func:`~normandy_telemetry.validate_glean.is_valid_decoded_glean_event`
and :func:`~normandy_telemetry.validate.is_valid_decoded_record`: the same
verdicts, sooner, since JSON's keys need no reading of their type.

Files are read whole, one JSON document a line, gzip or not (told by the
gzip header, whatever the name): :func:`check_file` reads one and says what
it held (:class:`Tally`), never stopping at a bad line, and reports a file it
could not read to its end (not gzip, truncated, corrupt) as a dead letter of
kind ``file`` after everything it read before.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress, count
from operator import not_
from typing import IO, Any, Final, NamedTuple

from normandy_telemetry.catalog import CATEGORY, GLEAN_EVENTS
from normandy_telemetry.errors import FieldError
from normandy_telemetry.reading import json_kind
from normandy_telemetry.uptake import UPTAKE_EVENT
from normandy_telemetry.validate import (
    is_valid_decoded_record,
    is_valid_event,
    iter_event_errors,
    uptake_source,
)
from normandy_telemetry.validate_glean import (
    is_valid_decoded_glean_event,
    is_valid_glean_event,
    is_valid_uptake_record,
    iter_glean_event_errors,
    uptake_record_errors,
)

KINDS: Final = ("line", "file", "ping", "event", "uptake")
"""What a dead letter was taken for: a line that is not UTF-8 or JSON; a file
that could not be read to its end; something that is not a ping, or an item
of a ping's events that is not an event; a Normandy event, or an uptake
event, that the spec does not allow."""

GLEAN: Final = "glean"
LEGACY: Final = "legacy"

_to_json: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
"""JSON text, UTF-8 kept (one encoder for all: ``json.dumps`` makes one a call)."""
_to_ascii_json: Final = json.JSONEncoder(ensure_ascii=True, allow_nan=False).encode


def _json_line_encoder() -> Callable[[Any], str]:
    """JSON text of a value decoded from JSON, as fast as the ``json`` module
    can make it: its C encoder, made once (``JSONEncoder.encode`` makes one
    per call), without the checks decoded JSON cannot need (cycles, objects
    from outside JSON)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the C accelerator
        return _to_json
    chunks = make(
        None,
        None,
        json.encoder.encode_basestring,
        None,
        ": ",
        ", ",
        False,
        False,
        False,
    )
    join = "".join
    return lambda value: join(chunks(value, 0))


line_of: Final = _json_line_encoder()
"""One line of JSON of a value that came from JSON (a valid record)."""


_EVENT_CATEGORIES: Final = frozenset(
    [CATEGORY, *(category for category, _ in GLEAN_EVENTS)]
)
_UPTAKE_CATEGORY: Final = UPTAKE_EVENT.category if UPTAKE_EVENT else None
_UPTAKE_NAME: Final = UPTAKE_EVENT.glean_name if UPTAKE_EVENT else None
_UPTAKE_PAIR: Final = (
    [UPTAKE_EVENT.method, UPTAKE_EVENT.object] if UPTAKE_EVENT else None
)

NOT_A_PING: Final = (
    "not an event ping: neither a Glean events ping (an array 'events')"
    " nor a legacy event ping (an object 'payload.events')"
)
NOT_RECORDS: Final = "must be an array of event records"
NOT_A_RECORD: Final = (
    "not an event record [timestamp, category, method, object, value, extra]"
    " with a category"
)
NOT_AN_EVENT: Final = (
    "not a Glean event object {category, name, timestamp, extra} with a category"
)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from; what is not known is ``None``."""

    file: str | None = None
    """The file it was read from."""
    line: int | None = None
    """The line of that file, from 1."""
    ping: str | None = None
    """The ping's id: a legacy ping's ``id``; a Glean ping carries none in
    its body (it is in the URL it was posted to), unless ingestion added a
    ``document_id``."""
    process: str | None = None
    """The process whose records held it (legacy pings)."""
    index: int | None = None
    """Its position in the ping's array of events (from 0)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "ping": self.ping,
            "process": self.process,
            "index": self.index,
        }


NOWHERE: Final = Origin()


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """An input that is not what the spec allows, why, and where it came from."""

    kind: str
    """What the input was taken for: one of :data:`KINDS`."""
    record: Any
    """The input, unchanged: the record as the ping held it, the line, the ping."""
    errors: tuple[tuple[str, str], ...]
    """Every problem as ``(path, message)``, as the validators give them."""
    origin: Origin = NOWHERE
    """Where it came from."""

    def to_json(self) -> str:
        """One line of JSON: ``{"kind", "errors": [{"path", "message"}],
        "record", "origin": {"file", "line", "ping", "process", "index"}}``.
        A record that JSON cannot hold (bytes that are not UTF-8, objects from
        outside JSON) is written as text; one that UTF-8 cannot hold (a lone
        surrogate) with ``\\u`` escapes."""
        errors = [{"path": path, "message": text} for path, text in self.errors]
        document = {
            "kind": self.kind,
            "errors": errors,
            "record": self.record,
            "origin": self.origin.to_dict(),
        }
        return encode(document, lambda: {**document, "record": as_text(self.record)})


def encode(document: Any, fallback: Callable[[], Any] | None = None) -> str:
    """``document`` as one line of JSON that UTF-8 can hold: escaped where it
    holds a lone surrogate; ``fallback()`` where JSON cannot hold it (or the
    document's own objects raise while they are read)."""
    try:
        text = line_of(document)
    except Exception:
        if fallback is None:
            raise
        return encode(fallback())
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _to_ascii_json(document)
    return text


def as_text(record: object) -> str:
    if isinstance(record, (bytes, bytearray)):
        return bytes(record).decode("utf-8", "backslashreplace")
    try:
        return repr(record)
    except Exception:  # the object's own __repr__ raised
        return f"<{type(record).__name__}>"


def pairs(errors: Iterable[FieldError]) -> tuple[tuple[str, str], ...]:
    return tuple((error.path, error.message) for error in errors)


# -- lines ----------------------------------------------------------------------

_SURROGATE: Final = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


BLANK: Final[Any] = object()
"""What :func:`line_document` gives for a blank line (the document ``null``
is ``None``)."""


def line_document(line: bytes | str) -> tuple[Any, str | None]:
    """``(document, None)``; ``(BLANK, None)`` for a line of JSON's white space
    only (spaces, tabs, a carriage return: NDJSON skips it; a record separator
    or a no-break space is no JSON and makes a dead letter); ``(None, why not)`` for a line
    that is not UTF-8, not JSON, or JSON that UTF-8 cannot write back (a lone
    surrogate)."""
    if type(line) is bytes:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, f"not UTF-8: {exc.reason} at byte {exc.start}"
    elif isinstance(line, str):
        text = str(line)
        if not text.isascii():  # a str may hold what no UTF-8 file can
            found = _LONE.search(text)
            if found:
                return None, _lone_message(found.group())
    else:
        return None, f"not a line of text but {type(line).__name__}"
    try:
        if text.startswith("\ufeff"):
            return None, (
                "not JSON: the line starts with a byte-order mark (U+FEFF), which"
                " JSON does not allow; save the file as UTF-8 without one"
            )
        document = _DECODE(text)
    except _OutOfRange as exc:
        return None, f"not JSON that can be written back: {exc}"
    except ValueError as exc:
        if not text.strip(" \t\r\n"):
            return BLANK, None
        if str(exc).startswith("Exceeds the limit"):  # Python's, not JSON's
            return None, (
                f"not JSON that can be read: a number of more than"
                f" {sys.get_int_max_str_digits():,} digits"
            )
        return None, f"not JSON: {exc}"
    except RecursionError:
        return None, "not JSON that can be read: nested too deep"
    if "\\" in text and _SURROGATE.search(text):  # one byte: memchr, not a search
        problem = _lone_surrogate(document)
        if problem is not None:
            return None, problem
    return document, None


def parse_line(line: bytes | str) -> tuple[Any, str | None]:
    """:func:`line_document`, with a blank line as ``(None, None)`` like the
    document ``null``: ``is_blank(line)`` tells them apart (``null`` is a
    ping of neither kind)."""
    document, problem = line_document(line)
    return (None, problem) if document is BLANK else (document, problem)


def is_blank(line: bytes | str) -> bool:
    """Whether ``line`` holds nothing but white space (NDJSON skips it), as
    :func:`line_document` reads it."""
    return line_document(line)[0] is BLANK


def line_letter(line: bytes | str, problem: str, where: Origin) -> DeadLetter:
    """The dead letter of a line that holds no document, with the line as text."""
    record = line.decode("utf-8", "backslashreplace") if type(line) is bytes else line
    return DeadLetter("line", record, (("", problem),), where)


_LONE: Final = re.compile("[\ud800-\udfff]")
"""A surrogate code point in decoded text: JSON decodes a pair of escapes into
one character, so any left is half a pair."""


def _lone_message(character: str) -> str:
    return f"not Unicode: a lone surrogate \\u{ord(character):04x}, which UTF-8 cannot hold"


def _lone_surrogate(document: Any) -> str | None:
    """The lone surrogate in a decoded document's keys or strings, if any:
    read without recursion and without writing the document again (whose
    numbers or nesting JSON may not write back)."""
    stack = [document]
    while stack:
        item = stack.pop()
        if type(item) is str:
            texts: Iterable[str] = (item,)
        elif type(item) is dict:
            texts = item.keys()
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
            continue
        else:
            continue
        for text in texts:
            found = _LONE.search(text)
            if found:
                return _lone_message(found.group())
    return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


class _OutOfRange(ValueError):
    """A number JSON holds but a double does not: no JSON writer can write it back."""


def _finite(text: str) -> float:
    value = float(text)
    if value - value != 0:  # infinity: 1e400
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise _OutOfRange(f"the number {shown} is beyond the range of a double")
    return value


_DECODE: Final = json.JSONDecoder(
    parse_constant=_no_constant, parse_float=_finite
).decode
"""``json.loads(text, parse_constant=..., parse_float=...)`` without a new
decoder for every line (``json.loads`` makes one whenever it is given an
option). A float beyond a double's range makes the line a dead letter whole,
as it came: read as infinity, no output could write it."""


# -- pings ----------------------------------------------------------------------

EVENT: Final = "event"
UPTAKE: Final = "uptake"
OTHER: Final = "other"
BAD: Final = "bad"


@dataclass(frozen=True, slots=True)
class Found:
    """A record found in a ping, as it came, routed by its category."""

    route: str
    """``event`` (Normandy's category), ``uptake`` (Normandy's uptake event),
    ``other`` (any other category) or ``bad`` (not an event record)."""
    record: Any
    origin: Origin
    problem: tuple[str, str] | None = None
    """For ``bad``: ``(path, message)``."""


def ping_format(ping: Any) -> str | None:
    """``glean``, ``legacy`` or ``None``: what kind of event ping ``ping`` is."""
    if type(ping) is not dict:
        return None
    if type(ping.get("events")) is list:
        return GLEAN
    payload = ping.get("payload")
    if type(payload) is dict and type(payload.get("events")) is dict:
        return LEGACY
    return None


def ping_problem(ping: Any) -> tuple[str, str]:
    """``(path, message)``: why ``ping`` is not an event ping of either kind."""
    if type(ping) is not dict:
        return "", f"a ping is an object, not {json_kind(ping)}"
    if "events" in ping:
        kind = json_kind(ping["events"])
        return "events", f"must be an array of Glean event objects, not {kind}"
    payload = ping.get("payload")
    if type(payload) is dict and "events" in payload:
        kind = json_kind(payload["events"])
        return (
            "payload.events",
            f"must be an object that maps each process to its records, not {kind}",
        )
    if payload is not None and type(payload) is not dict:
        return "payload", f"must be an object, not {json_kind(payload)}"
    return "", NOT_A_PING


def ping_id(ping: dict[str, Any], kind: str) -> str | None:
    found = ping.get("id" if kind == LEGACY else "document_id")
    return found if type(found) is str else None


def route_glean(event: Any) -> str:
    """Where a Glean event goes: the uptake event first, as a spec may put it
    in a category of Normandy's events."""
    if type(event) is not dict:
        return BAD
    category = event.get("category")
    if type(category) is not str:
        return BAD
    if category == _UPTAKE_CATEGORY and event.get("name") == _UPTAKE_NAME:
        return UPTAKE
    if category in _EVENT_CATEGORIES:
        return EVENT
    return OTHER


def route_legacy(record: Any) -> str:
    """Where a legacy record goes: the uptake event first, as :func:`route_glean`."""
    if type(record) is not list or len(record) < 2:
        return BAD
    category = record[1]
    if type(category) is not str:
        return BAD
    if category == _UPTAKE_CATEGORY and record[2:4] == _UPTAKE_PAIR:
        return UPTAKE
    if category == CATEGORY:
        return EVENT
    return OTHER


def read_ping(ping: Any, where: Origin = NOWHERE) -> Iterator[Found]:
    """Every record of ``ping``, routed, with its origin; ``where`` says
    where the ping itself came from (file and line). A ping of neither kind,
    or a process whose records are not an array, is one ``bad`` item."""
    kind = ping_format(ping)
    if kind is None:
        yield Found(BAD, ping, where, ping_problem(ping))
        return
    base = Origin(where.file, where.line, ping_id(ping, kind))
    if kind == GLEAN:
        for index, event in enumerate(ping["events"]):
            route = route_glean(event)
            origin = Origin(base.file, base.line, base.ping, None, index)
            problem = (f"events[{index}]", NOT_AN_EVENT) if route == BAD else None
            yield Found(route, event, origin, problem)
        return
    for process, records in ping["payload"]["events"].items():
        path = f"payload.events.{process}"
        name = process if type(process) is str else None
        if type(records) is not list:
            origin = Origin(base.file, base.line, base.ping, name)
            yield Found(BAD, records, origin, (path, NOT_RECORDS))
            continue
        for index, record in enumerate(records):
            route = route_legacy(record)
            origin = Origin(base.file, base.line, base.ping, name, index)
            problem = (f"{path}[{index}]", NOT_A_RECORD) if route == BAD else None
            yield Found(route, record, origin, problem)


def _glean_shaped(record: Any) -> bool:
    """Whether ``record`` is judged as a Glean event object: a mapping with
    no ``method`` that has a ``name`` or no ``object`` either. A Glean event
    that lost its name (``{"category": "normandy"}`` in an events ping) is
    told so, not that it lacks a legacy event's method and object; a legacy
    record is a list, and a mapping event with an ``object`` keeps its shape."""
    return (
        type(record) is dict
        and "method" not in record
        and ("name" in record or "object" not in record)
    )


def event_errors(record: Any) -> tuple[tuple[str, str], ...]:
    """The problems of a Normandy event in either kind of ping."""
    if _glean_shaped(record):
        return pairs(iter_glean_event_errors(record))
    return pairs(iter_event_errors(record))


def is_valid_record(record: Any) -> bool:
    """Whether a Normandy event, a Glean event object or a legacy record (or
    a mapping), is one the spec allows."""
    if _glean_shaped(record):
        return is_valid_glean_event(record)
    return is_valid_event(record)


def uptake_found(record: Any) -> tuple[str, str] | None:
    """``(kind of source, status)`` for a valid uptake event in either shape,
    else ``None``; its problems are not listed (:func:`uptake_report`)."""
    if type(record) is dict:
        if not is_valid_glean_event(record):
            return None
        source, status = record["extra"]["source"], record["extra"]["value"]
    else:
        if not is_valid_uptake_record(record):
            return None
        source, status = record[5]["source"], record[4]
    owner = uptake_source(source)
    assert owner is not None  # the uptake validators found it
    return owner.name, status


def uptake_report(
    record: Any,
) -> tuple[tuple[str, str] | None, tuple[tuple[str, str], ...]]:
    """``((kind of source, status), ())`` for a valid uptake event in either
    shape, else ``(None, its problems)``."""
    found = uptake_found(record)
    return (found, ()) if found is not None else (None, uptake_problems(record))


def uptake_problems(record: Any) -> tuple[tuple[str, str], ...]:
    """Every problem of an uptake event in either shape (none if it is valid)."""
    if type(record) is dict:
        return pairs(iter_glean_event_errors(record))
    return pairs(uptake_record_errors(record))


# -- files ----------------------------------------------------------------------

GZIP_MAGIC: Final = b"\x1f\x8b"
CHUNK: Final = 1 << 20
_PIECE: Final = 1 << 16


class FileFault(Exception):
    """A file could not be read to its end: ``message``, after ``line`` lines;
    ``partial`` is the last line, cut short, if any."""

    def __init__(self, message: str, line: int, partial: bytes = b"") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.partial = partial


def read_lines(raw: IO[bytes], name: str) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` for every line of ``raw``, gzip-compressed or not
    (told by the gzip header; a name ending in ``.gz`` must have one).
    Raises :class:`FileFault` where the file stops making sense, after every
    line before that point."""
    try:
        first = raw.read(CHUNK)
    except OSError as exc:
        raise FileFault(f"could not be read: {exc}", 0) from None
    if first[:2] == GZIP_MAGIC:
        chunks = _gunzip(first, raw)
    elif name.endswith(".gz"):
        raise FileFault(
            "not gzip: the name ends in .gz, but the file has no gzip header", 0
        )
    else:
        chunks = _plain(first, raw)
    number = 0
    rest = b""
    try:
        for chunk in chunks:
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()
            for line in lines:
                number += 1
                yield number, line
    except FileFault as fault:
        raise FileFault(fault.message, number, rest) from None
    except OSError as exc:
        raise FileFault(f"could not be read: {exc}", number, rest) from None
    if rest:
        yield number + 1, rest


def _plain(first: bytes, raw: IO[bytes]) -> Iterator[bytes]:
    chunk = first
    while chunk:
        yield chunk
        chunk = raw.read(CHUNK)


def _gunzip(first: bytes, raw: IO[bytes]) -> Iterator[bytes]:
    """The decompressed bytes of every gzip member in turn (gzip allows
    several, one after another, and NUL padding after the last), each one's
    CRC and length checked."""
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    pending = first
    read = len(first)
    padding = False
    while True:
        if not pending:
            pending = raw.read(CHUNK)
            if not pending:
                break
            read += len(pending)
        if inflate.eof or padding:
            if padding or not pending.strip(b"\x00"):
                if pending.strip(b"\x00"):
                    raise FileFault("not gzip after the end of the gzip stream", 0)
                padding = True
                pending = b""
                continue
            while len(pending) < 2:
                more = raw.read(CHUNK)
                if not more:
                    break
                read += len(more)
                pending += more
            if pending[:2] != GZIP_MAGIC:
                raise FileFault("not gzip after the end of the gzip stream", 0)
            inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        piece, pending = pending[:_PIECE], pending[_PIECE:]
        try:  # a piece at a time, so a fault loses only the lines decoded with it
            data = inflate.decompress(piece)
        except zlib.error as exc:
            raise FileFault(f"corrupt gzip data: {exc}", 0) from None
        if inflate.eof:
            pending = inflate.unused_data + pending
        if data:
            yield data
    if not inflate.eof:
        raise FileFault(
            f"truncated: the gzip stream ends early, after {read} bytes of the file", 0
        )


class Failure(NamedTuple):
    """A file that could not be read to its end, and why."""

    file: str
    error: str


@dataclass(slots=True)
class Tally:
    """What files held: counts, uptake reports per kind of source and status,
    other categories, and the files that could not be read to their end."""

    files: int = 0
    lines: int = 0
    blank_lines: int = 0
    """Of ``lines``, those of JSON white space only, which NDJSON skips: every
    other line is a ping or a dead letter of kind ``line``."""
    pings: Counter[str] = field(default_factory=Counter)
    """By kind: ``glean``, ``legacy``."""
    valid_events: int = 0
    dead_letters: Counter[str] = field(default_factory=Counter)
    """By kind (:data:`KINDS`)."""
    uptake: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Valid uptake reports by (kind of source, status)."""
    other: Counter[str] = field(default_factory=Counter)
    """Records of other categories, by category."""
    failed: list[Failure] = field(default_factory=list)
    """(file, why) for every file not read to its end."""

    def add(self, other: Tally) -> None:
        self.files += other.files
        self.lines += other.lines
        self.blank_lines += other.blank_lines
        self.pings.update(other.pings)
        self.valid_events += other.valid_events
        self.dead_letters.update(other.dead_letters)
        self.uptake.update(other.uptake)
        self.other.update(other.other)
        self.failed += other.failed

    def summary(self) -> dict[str, Any]:
        """The tally as JSON (what the program writes to ``summary.json``)."""
        return {
            "files": self.files,
            "files_failed": [{"file": f, "error": e} for f, e in sorted(self.failed)],
            "lines": self.lines,
            "blank_lines": self.blank_lines,
            "pings": {kind: self.pings[kind] for kind in (GLEAN, LEGACY)},
            "valid_events": self.valid_events,
            "dead_letters": sum(self.dead_letters.values()),
            "dead_letters_by_kind": {k: self.dead_letters[k] for k in sorted(KINDS)},
            "uptake_reports": sum(self.uptake.values()),
            "other_events": sum(self.other.values()),
        }


class _Checker:
    """Checks the lines of one file, writing valid events and dead letters
    as it goes (a few thousand lines at a time), and tallying the rest. A
    writer that is ``None`` is not written to: without ``write_valid`` valid
    events are only counted; without ``write_dead`` so are dead letters,
    whose problems are then never listed."""

    def __init__(
        self,
        file: str | None,
        write_valid: Callable[[str], object] | None,
        write_dead: Callable[[str], object] | None,
    ) -> None:
        self.file = file
        self.write_valid = write_valid
        self.write_dead = write_dead
        self.valid: list[str] = []
        self.dead: list[str] = []
        self.tally = Tally(files=1)

    def flush(self) -> None:
        if self.valid and self.write_valid is not None:
            self.write_valid("\n".join(self.valid) + "\n")
            self.valid.clear()
        if self.dead and self.write_dead is not None:
            self.write_dead("\n".join(self.dead) + "\n")
            self.dead.clear()

    def letter(self, letter: DeadLetter) -> None:
        self.tally.dead_letters[letter.kind] += 1
        if self.write_dead is not None:
            self.dead.append(letter.to_json())

    def line(self, number: int, line: bytes | str) -> None:
        """Everything one line holds."""
        tally = self.tally
        tally.lines += 1
        ping, problem = line_document(line)
        if problem is not None:
            self.letter(line_letter(line, problem, Origin(self.file, number)))
            return
        if ping is BLANK:
            tally.blank_lines += 1
            return  # the document null goes on, as no ping
        kind = ping_format(ping)
        if kind is None:
            where = Origin(self.file, number)
            self.letter(DeadLetter("ping", ping, (ping_problem(ping),), where))
            return
        tally.pings[kind] += 1
        if kind == GLEAN:
            self._records(ping["events"], ping, kind, number, None, "events")
            return
        for process, records in ping["payload"]["events"].items():
            at = f"payload.events.{process}"
            if type(records) is list:
                self._records(records, ping, kind, number, process, at)
            else:
                errors = ((at, NOT_RECORDS),)
                self._dead("ping", records, errors, ping, kind, number, process, None)

    def _records(
        self,
        records: list[Any],
        ping: dict[str, Any],
        kind: str,
        number: int,
        process: Any,
        at: str,
    ) -> None:
        """One array of records (events) of a ping: the valid Normandy events
        found and written at the speed of ``map``, the rest routed one by one."""
        glean = kind == GLEAN
        is_valid = is_valid_decoded_glean_event if glean else is_valid_decoded_record
        verdicts = [*map(is_valid, records)]
        valid = verdicts.count(True)
        if valid:
            self.tally.valid_events += valid
            if self.write_valid is not None:
                self.valid.extend(map(line_of, compress(records, verdicts)))
            if valid == len(records):
                return
        route = route_glean if glean else route_legacy
        for index in compress(count(), map(not_, verdicts)):
            record = records[index]
            found = route(record)
            if found == OTHER:
                self.tally.other[record["category"] if glean else record[1]] += 1
            elif found == EVENT:
                self._event(record, ping, kind, number, process, index)
            elif found == UPTAKE:
                self._uptake(record, ping, kind, number, process, index)
            else:
                problem = NOT_AN_EVENT if glean else NOT_A_RECORD
                errors = ((f"{at}[{index}]", problem),)
                self._dead("ping", record, errors, ping, kind, number, process, index)

    def _event(
        self,
        record: Any,
        ping: dict[str, Any],
        kind: str,
        number: int,
        process: Any,
        index: int,
    ) -> None:
        """An invalid Normandy event: a dead letter with its problems."""
        if self.write_dead is None:
            self.tally.dead_letters[EVENT] += 1
            return
        errors = (
            event_errors(record) if kind == GLEAN else pairs(iter_event_errors(record))
        )
        self._dead(EVENT, record, errors, ping, kind, number, process, index)

    def _uptake(
        self,
        record: Any,
        ping: dict[str, Any],
        kind: str,
        number: int,
        process: Any,
        index: int,
    ) -> None:
        """An uptake event: a report counted, or a dead letter with its problems."""
        report = uptake_found(record)
        if report is not None:
            self.tally.uptake[report] += 1
        elif self.write_dead is None:
            self.tally.dead_letters[UPTAKE] += 1
        else:
            errors = uptake_problems(record)
            self._dead(UPTAKE, record, errors, ping, kind, number, process, index)

    def _dead(
        self,
        letter_kind: str,
        record: Any,
        errors: tuple[tuple[str, str], ...],
        ping: dict[str, Any],
        kind: str,
        number: int,
        process: Any,
        index: int | None,
    ) -> None:
        name = process if type(process) is str else None
        origin = Origin(self.file, number, ping_id(ping, kind), name, index)
        self.letter(DeadLetter(letter_kind, record, errors, origin))


def check_lines(
    lines: Iterable[tuple[int, bytes | str]],
    write_valid: Callable[[str], object] | None,
    write_dead: Callable[[str], object] | None,
    file: str | None = None,
    every: int = 2000,
) -> Tally:
    """Check numbered lines, one JSON document each: write the valid Normandy
    events and the dead letters as lines of JSON (many at a time, each text
    ending in a newline), and return what they held. With a writer ``None``,
    what it would have been given is only counted."""
    checker = _Checker(file, write_valid, write_dead)
    count = 0
    for number, line in lines:
        checker.line(number, line)
        count += 1
        if count == every:
            checker.flush()
            count = 0
    checker.flush()
    return checker.tally


def check_file(
    raw: IO[bytes],
    name: str,
    write_valid: Callable[[str], object],
    write_dead: Callable[[str], object],
) -> Tally:
    """:func:`check_lines` over the lines of the file ``raw`` (named ``name``);
    a file that cannot be read to its end adds a dead letter of kind ``file``
    (its record the last line, cut short, if any) after all it could read."""
    checker = _Checker(name, write_valid, write_dead)
    count = 0
    try:
        for number, line in read_lines(raw, name):
            checker.line(number, line)
            count += 1
            if count == 2000:
                checker.flush()
                count = 0
    except FileFault as fault:
        partial = fault.partial.decode("utf-8", "backslashreplace") or None
        origin = Origin(name, fault.line + 1 if partial else fault.line or None)
        checker.letter(DeadLetter("file", partial, (("", fault.message),), origin))
        checker.tally.failed.append(Failure(name, fault.message))
    checker.flush()
    return checker.tally
