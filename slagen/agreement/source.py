"""Reading agreement YAML safely, keeping where every value was written.

The YAML is *composed* (never constructed): no tag can build an object, and
every scalar stays the text the author wrote. Scalars become ``str`` (or
``None`` for an empty/``null`` plain scalar); the model decides, field by
field, how that text is read. So ``no`` stays ``"no"`` in a text field, ``012``
is never the number 10 and ``1:20`` never 80.

Alongside the plain data a :class:`Source` keeps the line and column of each
key path, so any error found later can point at the line that caused it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's composer is ~10x faster and gives the same nodes and marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader

from slagen.errors import Problem
from slagen.util.files import FileRefused, read_regular
from slagen.util.keypath import KeyPath, format_path
from slagen.util.text import closest, did_you_mean

__all__ = [
    "Path_",
    "Source",
    "closest",
    "describe_scalar",
    "did_you_mean",
    "format_path",
    "parse_source",
    "read_source",
]

#: A key path (see :mod:`slagen.util.keypath`); the name the agreement stage uses.
Path_ = KeyPath

#: Most nodes a document may expand to once aliases are followed. Real
#: agreements have a few thousand; an alias bomb has hundreds of millions.
MAX_NODES = 100_000
#: Largest agreement file read, in bytes.
MAX_BYTES = 5 * 1024 * 1024

#: Most characters aliases may add to a document (the text of every value they repeat, in
#: total). Counting values alone lets one long string aliased many times expand a 1 MB file
#: to gigabytes; real agreements repeat a contact block or a sentence a few times.
MAX_ALIAS_CHARS = 256 * 1024
#: Longest text of one value (a key or a scalar), in characters: a long clause is a few
#: thousand; a document cannot lay out one value of megabytes.
MAX_TEXT = 20_000

#: Deepest nesting of mappings and lists. Real agreements nest about six levels.
MAX_DEPTH = 64

_MAP_TAGS = frozenset({"tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({"tag:yaml.org,2002:seq"})
_NULL = "tag:yaml.org,2002:null"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)


@dataclass
class Source:
    """An agreement file read into plain data, with the position of every key path."""

    file: str
    text: str
    data: Any = None
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path_] = field(default_factory=set)
    """Key paths whose value was refused (a tag): the model's own error there is not repeated."""
    bom: bool = False
    """Whether the file began with a UTF-8 byte-order mark (left out of ``text``)."""
    warnings: list[Problem] = field(default_factory=list)
    """Warnings about the text itself (invisible or reordering characters)."""
    raw: bytes = b""
    """The bytes read: what a document rendered from this source states, stamps and attaches
    (the file is never read again, so a document cannot mix two versions of it)."""

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of ``path``, or of its nearest written ancestor."""
        p = tuple(path)
        while True:
            if key and p in self.key_marks:
                return self.key_marks[p]
            if p in self.marks:
                return self.marks[p]
            if not p:
                return (1, 1)
            p = p[:-1]

    def problem(self, path: Path_, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        """A :class:`Problem` at ``path`` in this file."""
        line, col = self.position(path, key=key)
        return Problem(self.file, line, col, format_path(path), message, severity)


class _Refused(Exception):
    """The document is refused as a whole (too many values, too deep, recursive)."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


class _Frame:
    """An open mapping or sequence while composing."""

    __slots__ = (
        "anchor",
        "data",
        "first_line",
        "is_key",
        "key",
        "key_ok",
        "path",
        "start_chars",
        "start_count",
    )

    def __init__(
        self, data: Any, path: Path_ | None, anchor: str | None, start: tuple[int, int], is_key: bool
    ) -> None:
        self.data = data
        self.path = path  # None: the value is dropped (a duplicate key's), so no marks are kept
        self.anchor = anchor
        self.start_count, self.start_chars = start
        self.is_key = is_key
        self.key: str | None = None  # the key whose value comes next (mappings)
        self.key_ok = True  # False: the next value belongs to a refused key and is dropped
        self.first_line: dict[str, int] = {}


def _tag_ok(tag: str | None, allowed: frozenset[str]) -> bool:
    return tag is None or tag == "!" or tag in allowed


def _mark(ev: Any) -> tuple[int, int]:
    return (ev.start_mark.line + 1, ev.start_mark.column + 1)


class _Composer:
    """Builds plain data straight from the parser's events, without recursion.

    Doing the composing here (instead of ``yaml.compose``) bounds the work: nesting depth
    and the values aliases expand to are counted as the events arrive, so an alias bomb,
    a recursive alias or a 100,000-level nesting is refused after a few hundred events
    (libyaml's own composer recurses in C and crashes the process on deep nesting).
    """

    def __init__(self, src: Source) -> None:
        self.src = src
        self.count = 0
        self.chars = 0
        """Characters of every scalar so far, aliases expanded."""
        self.alias_chars = 0
        """Characters added by aliases."""
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        """Each anchor's value, the values it holds and their characters."""
        self.open_anchors: set[str] = set()

    def _problem(self, ev: Any, path: Path_ | None, message: str) -> None:
        line, col = _mark(ev)
        self.src.problems.append(Problem(self.src.file, line, col, format_path(path or ()), message))

    def _refuse_tag(self, ev: Any, path: Path_ | None) -> None:
        self._problem(ev, path, f"tag {ev.tag!r} is not allowed; write the value as plain text")
        if path is not None:
            self.src.refused.add(path)

    def _count(self, n: int, ev: Any, chars: int = 0) -> None:
        self.count += n
        self.chars += chars
        if self.count > MAX_NODES:
            line, col = _mark(ev)
            raise _Refused(
                line,
                col,
                f"document expands to more than {MAX_NODES:,} values through aliases; "
                "refusing it (an alias bomb?)",
            )

    def _count_alias(self, chars: int, ev: Any) -> None:
        self.alias_chars += chars
        if self.alias_chars > MAX_ALIAS_CHARS:
            line, col = _mark(ev)
            raise _Refused(
                line,
                col,
                f"aliases repeat more than {MAX_ALIAS_CHARS:,} characters of text; refusing it "
                "(an alias bomb?); write the text out or repeat less",
            )

    def _child_path(self) -> Path_ | None:
        """Key path of the value about to be added to the open collection."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.path is None or top.is_key:
            return None
        if isinstance(top.data, list):
            return (*top.path, len(top.data))
        if top.key is None or not top.key_ok:
            return None
        return (*top.path, top.key)

    def _take_key(self, ev: Any, key: Any) -> None:
        """Accept ``key`` (a scalar's text) for the open mapping, or refuse it."""
        top = self.stack[-1]
        if top.is_key or top.path is None:
            top.key, top.key_ok = "", False
            return
        if not isinstance(key, str):
            what = "an empty key" if key is None else "a complex key"
            self._problem(ev, top.path, f"{what} is not supported; write the keys out")
            top.key, top.key_ok = "", False
            return
        line, col = _mark(ev)
        kpath = (*top.path, key)
        if key in top.first_line:
            self.src.problems.append(
                Problem(
                    self.src.file,
                    line,
                    col,
                    format_path(kpath),
                    f"duplicate key {key!r}: first written on line {top.first_line[key]}, "
                    f"again on line {line}; YAML would silently keep only the last",
                )
            )
            top.key, top.key_ok = key, False
            return
        top.first_line[key] = line
        self.src.key_marks[kpath] = (line, col)
        top.key, top.key_ok = key, True

    def _scalar_key(self, ev: Any, plain: bool) -> None:
        """A scalar in key position: a key, or a refused one (tag, merge key, empty)."""
        top = self.stack[-1]
        if ev.tag is not None and ev.tag not in _SCALAR_TAGS and ev.tag != "!":
            self._problem(ev, top.path, f"tag {ev.tag!r} is not allowed; write the value as plain text")
        elif plain and ev.value == "<<":
            self._problem(ev, top.path, "merge key '<<' is not supported; write the keys out")
        elif plain and ev.value in _NULLS:
            self._problem(ev, top.path, "an empty key is not supported; write the keys out")
        else:
            if ev.anchor is not None:
                self.anchors[ev.anchor] = (ev.value, 1, len(ev.value))
            self._take_key(ev, ev.value)
            return
        top.key, top.key_ok = "", False

    def _add(self, value: Any) -> None:
        """Attach a finished value to the open collection."""
        top = self.stack[-1]
        if isinstance(top.data, list):
            top.data.append(value)
            return
        if top.key_ok and top.key is not None and not top.is_key:
            top.data[top.key] = value
        top.key = None
        top.key_ok = True

    def _expecting_key(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and isinstance(top.data, dict) and top.key is None

    def _value(self, ev: Any, value: Any, size: int) -> Any:
        """Place a complete value (scalar or alias); returns it when it is the root."""
        if self._expecting_key():
            self._take_key(ev, value)
            return None
        path = self._child_path()
        if path is not None:
            self.src.marks.setdefault(path, _mark(ev))
        if not self.stack:
            return value
        self._add(value)
        return None

    def compose(self, loader: Any) -> Any:
        """Consume the events of one document; return its data (a dict at the top level)."""
        root: Any = None
        documents = 0
        while True:
            ev = loader.get_event()
            cls = type(ev)
            if cls is yaml.ScalarEvent:
                self._count(1, ev, len(ev.value))
                plain = ev.tag is None and not ev.style
                if len(ev.value) > MAX_TEXT:
                    self._too_long(ev)
                    continue
                if self._expecting_key():
                    self._scalar_key(ev, plain)
                    continue
                if ev.tag is not None and ev.tag not in _SCALAR_TAGS and ev.tag != "!":
                    self._refuse_tag(ev, self._child_path())
                    value = None
                elif (plain or ev.tag == _NULL) and not ev.style and ev.value in _NULLS:
                    value = None
                else:
                    value = ev.value
                if ev.anchor is not None:
                    self.anchors[ev.anchor] = (value, 1, len(ev.value))
                if not self.stack:
                    return self._root(ev, value)
                self._value(ev, value, 1)
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                self._count(1, ev)
                is_map = cls is yaml.MappingStartEvent
                if not self.stack and not is_map:
                    return self._root(ev, [])
                if len(self.stack) >= MAX_DEPTH:
                    line, col = _mark(ev)
                    raise _Refused(line, col, f"values nested more than {MAX_DEPTH} levels deep; refusing it")
                is_key = self._expecting_key()
                path = None if is_key else self._child_path()
                if is_key:
                    self._problem(
                        ev, self.stack[-1].path, "a complex key is not supported; write the keys out"
                    )
                    self.stack[-1].key, self.stack[-1].key_ok = "", False
                if path is not None:
                    self.src.marks.setdefault(path, _mark(ev))
                if not _tag_ok(ev.tag, _MAP_TAGS if is_map else _SEQ_TAGS):
                    self._refuse_tag(ev, path)
                if ev.anchor is not None:
                    self.open_anchors.add(ev.anchor)
                self.stack.append(
                    _Frame({} if is_map else [], path, ev.anchor, (self.count, self.chars), is_key)
                )
                if is_key:  # the key's own content is dropped; its value follows after it ends
                    self.stack[-1].path = None
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = self.stack.pop()
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (
                        frame.data,
                        self.count - frame.start_count,
                        self.chars - frame.start_chars,
                    )
                if not self.stack:
                    root = frame.data
                elif frame.is_key:
                    pass  # the refused key's value comes next and is dropped (key_ok is False)
                else:
                    self._add(frame.data)
            elif cls is yaml.AliasEvent:
                if ev.anchor in self.open_anchors:
                    line, col = _mark(ev)
                    raise _Refused(
                        line,
                        col,
                        f"alias *{ev.anchor} refers to a value that contains it; refusing a recursive document",
                    )
                if ev.anchor not in self.anchors:
                    self._problem(
                        ev, self._child_path(), f"alias *{ev.anchor} refers to no anchor &{ev.anchor}"
                    )
                    if self._expecting_key():  # reported once: as the alias, not also as an empty key
                        self.stack[-1].key, self.stack[-1].key_ok = "", False
                        continue
                    value, size, chars = None, 1, 0
                else:
                    value, size, chars = self.anchors[ev.anchor]
                self._count(size, ev, chars)
                self._count_alias(chars, ev)
                if not self.stack:
                    return self._root(ev, value)
                self._value(ev, value, size)
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._problem(ev, (), "expected one document, found a second one ('---'); split the file")
                    return root
            elif cls is yaml.StreamEndEvent:
                return root

    def _too_long(self, ev: Any) -> None:
        """A scalar longer than :data:`MAX_TEXT`: reported where it starts, and left out."""
        what = f"text of {len(ev.value):,} characters; the limit is {MAX_TEXT:,} (split it or shorten it)"
        if not self.stack:
            line, col = _mark(ev)
            raise _Refused(line, col, what)
        if self._expecting_key():
            self._problem(ev, self.stack[-1].path, f"a key of {what}")
            self.stack[-1].key, self.stack[-1].key_ok = "", False
            return
        path = self._child_path()
        self._problem(ev, path, what)
        if path is not None:
            self.src.refused.add(path)
        self._value(ev, None, 1)

    def _root(self, ev: Any, value: Any) -> None:
        """Report a top level that is not a mapping; the document is not read further."""
        if value is None and type(ev) is yaml.ScalarEvent and ev.value in _NULLS and not ev.style:
            message = "file is empty; expected a mapping of agreement fields"
        else:
            kind = "a list" if isinstance(value, list) else f"the value {describe_scalar(value)}"
            message = f"expected a mapping of agreement fields at the top level, got {kind}"
        line, col = _mark(ev)
        raise _Refused(line, col, message)


def describe_scalar(value: Any) -> str:
    """A scalar found where it does not belong, as named in a message."""
    return "nothing (empty value)" if value is None else repr(value)


#: Characters that reorder the text around them (bidirectional embeddings, overrides,
#: isolates and marks) or that cannot be seen (zero-width ones): in an agreement they can make
#: a document read otherwise than its source (Trojan Source, CVE-2021-42574).
HIDDEN = {
    "\u061c": "ARABIC LETTER MARK",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
_HIDDEN = re.compile("[" + "".join(HIDDEN) + "]")


def hidden_characters(text: str, name: str) -> list[Problem]:
    """A warning at each character of :data:`HIDDEN` in ``text`` (line and column, 1-based)."""
    out = []
    for m in _HIDDEN.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        c = m.group()
        out.append(
            Problem(
                name,
                line,
                col,
                "",
                f"invisible character U+{ord(c):04X} {HIDDEN[c]}: it can reorder or hide the text "
                "around it; the documents isolate it, but remove it unless it is meant",
                "warning",
            )
        )
    return out


def read_source(path: Path | str, display: str | None = None) -> Source:
    """Read ``path`` into a :class:`Source`; problems are collected, never raised."""
    p = Path(path)
    name = display or str(path)
    src = Source(file=name, text="")
    try:
        raw = read_regular(p, MAX_BYTES)
    except FileRefused as exc:
        src.problems.append(Problem(name, 1, 1, "", exc.message))
        return src
    return parse_source(raw, name, src)


def parse_source(raw: bytes, name: str, src: Source | None = None) -> Source:
    """Parse YAML bytes (already read) into a :class:`Source`."""
    src = src or Source(file=name, text="")
    src.raw = raw
    if len(raw) > MAX_BYTES:
        src.problems.append(Problem(name, 1, 1, "", f"file is {len(raw)} bytes; the limit is {MAX_BYTES}"))
        return src
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        src.problems.append(
            Problem(
                name,
                line,
                1,
                "",
                f"file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            )
        )
        return src
    src.bom = text.startswith("\ufeff")
    src.text = text.removeprefix("\ufeff")
    src.warnings.extend(hidden_characters(src.text, name))
    loader = _Loader(src.text)
    try:
        data = _Composer(src).compose(loader)
    except _Refused as exc:
        src.problems.append(Problem(name, exc.line, exc.column, "", exc.message))
        return src
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or ""
        if "maximum nesting depth" in problem:
            # Newer PyYAML scanners stop deep nesting themselves, before the composer's own
            # limit is reached: the same refusal, at the place the scanner stopped.
            message = f"values nested more than {MAX_DEPTH} levels deep; refusing it"
        else:
            message = f"invalid YAML: {problem}"
        src.problems.append(Problem(name, line, col, "", message))
        return src
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml marks every error it raises
        src.problems.append(Problem(name, 1, 1, "", f"invalid YAML: {exc}"))
        return src
    finally:
        loader.dispose()
    if data is None:
        src.problems.append(Problem(name, 1, 1, "", "file is empty; expected a mapping of agreement fields"))
        return src
    src.data = data
    return src
