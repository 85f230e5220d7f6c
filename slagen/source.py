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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's composer is ~10x faster and gives the same nodes and marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader

from .errors import Problem

Path_ = tuple[str | int, ...]

#: Most nodes a document may expand to once aliases are followed. Real
#: agreements have a few thousand; an alias bomb has hundreds of millions.
MAX_NODES = 100_000
#: Largest agreement file read, in bytes.
MAX_BYTES = 5 * 1024 * 1024

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


def format_path(path: Path_) -> str:
    """Render a key path the way users read it: ``goals[2].target``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Source:
    """An agreement file read into plain data, with the position of every key path."""

    file: str
    text: str
    data: Any = None
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

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


class _TooBig(Exception):
    pass


class _Walker:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.count = 0

    def walk(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig
        src = self.src
        src.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                src.problems.append(src.problem(path, f"tag {node.tag!r} is not allowed"))
            out: dict[str, Any] = {}
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
                    what = "merge key '<<'" if key_node.tag == _MERGE else "a complex key"
                    src.problems.append(src.problem(path, f"{what} is not supported; write the keys out"))
                    continue
                key = key_node.value
                kpath = (*path, key)
                kline = key_node.start_mark.line + 1
                if key in first_line:
                    src.problems.append(
                        Problem(
                            src.file,
                            kline,
                            key_node.start_mark.column + 1,
                            format_path(kpath),
                            f"duplicate key {key!r}: first written on line {first_line[key]}, "
                            f"again on line {kline}; YAML would silently keep only the last",
                        )
                    )
                    continue
                first_line[key] = kline
                src.key_marks[kpath] = (kline, key_node.start_mark.column + 1)
                out[key] = self.walk(value_node, kpath)
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                src.problems.append(src.problem(path, f"tag {node.tag!r} is not allowed"))
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag not in _SCALAR_TAGS:
            src.problems.append(src.problem(path, f"tag {node.tag!r} is not allowed"))
            return None
        if node.tag == _NULL and not node.style:
            return None
        return node.value


def read_source(path: Path | str, display: str | None = None) -> Source:
    """Read ``path`` into a :class:`Source`; problems are collected, never raised."""
    p = Path(path)
    name = display or str(path)
    src = Source(file=name, text="")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        src.problems.append(Problem(name, 1, 1, "", f"cannot read file: {exc.strerror}"))
        return src
    return parse_source(raw, name, src)


def parse_source(raw: bytes, name: str, src: Source | None = None) -> Source:
    """Parse YAML bytes (already read) into a :class:`Source`."""
    src = src or Source(file=name, text="")
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
    src.text = text.removeprefix("\ufeff")
    try:
        node = yaml.compose(src.text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        src.problems.append(Problem(name, line, col, "", f"invalid YAML: {exc.problem or exc.context}"))
        return src
    except yaml.YAMLError as exc:
        src.problems.append(Problem(name, 1, 1, "", f"invalid YAML: {exc}"))
        return src
    if node is None:
        src.problems.append(Problem(name, 1, 1, "", "file is empty; expected a mapping of agreement fields"))
        return src
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else f"the value {node.value!r}"
        src.problems.append(
            Problem(
                name,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                "",
                f"expected a mapping of agreement fields at the top level, got {kind}",
            )
        )
        return src
    try:
        src.data = _Walker(src).walk(node, ())
    except _TooBig:
        src.problems.append(
            Problem(
                name,
                1,
                1,
                "",
                f"document expands to more than {MAX_NODES:,} values through "
                "aliases; refusing it (an alias bomb?)",
            )
        )
        src.data = None
    return src
