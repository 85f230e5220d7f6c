"""Reading an actuals file (YAML sections, or one CSV with a ``record`` column) into rows.

A row is a section name, the text of each of its cells, and where each cell was
written. Types are read afterwards (:mod:`slagen.tracking.parse`), the same way
for both formats, so a bad value gives the same message in either.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from slagen.agreement.fields import describe
from slagen.agreement.period import EXPECTED
from slagen.agreement.source import MAX_BYTES, parse_source
from slagen.errors import Problem
from slagen.tracking.records import SECTIONS, ActualsError, Where
from slagen.tracking.specs import SPECS
from slagen.util.files import FileRefused, read_regular
from slagen.util.keypath import format_path
from slagen.util.text import did_you_mean


@dataclass(frozen=True)
class Row:
    """One record as written: its section and the text of each cell (None when empty)."""

    section: str
    values: dict[str, str | None]
    where: Where


@dataclass(frozen=True)
class RawActuals:
    """An actuals file read into rows, before their values are typed."""

    file: str
    agreement: str | None
    agreement_where: Where | None
    rows: list[Row]
    problems: list[Problem]
    """Problems of layout (unknown sections and columns, rows that are not records)."""
    covers: str | None = None
    """The text of the file's ``covers`` period (the days it measures), when it gives one."""
    covers_where: Where | None = None


def hint(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for a close match, else the list of choices."""
    return did_you_mean(word, choices) or f" (expected one of: {', '.join(choices)})"


def read_raw(path: Path, display: str | None = None) -> RawActuals:
    """Read ``path`` (``.csv``, or YAML otherwise) into rows; raise :class:`ActualsError`."""
    name = display or str(path)
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileRefused as exc:
        raise ActualsError([Problem(name, 1, 1, "", exc.message)]) from None
    if path.suffix.lower() == ".csv":
        return _read_csv(raw, name)
    return _read_yaml(raw, name)


def _read_yaml(raw: bytes, name: str) -> RawActuals:
    src = parse_source(raw, name)
    if src.problems:
        raise ActualsError(
            Problem(
                p.file, p.line, p.column, p.path, p.message.replace("agreement fields", "actuals sections")
            )
            for p in src.problems
        )
    data = src.data
    problems: list[Problem] = []
    rows: list[Row] = []
    agreement, agreement_where = None, None
    covers, covers_where = None, None

    def where(path: tuple[str | int, ...], cells: tuple[tuple[str, int, int], ...] = ()) -> Where:
        line, col = src.position(path)
        return Where(name, line, col, format_path(path), cells)

    for key, value in data.items():
        if key == "agreement":
            agreement_where = where(("agreement",))
            if not isinstance(value, str):
                problems.append(
                    agreement_where.problem(None, f"expected an agreement id, got {describe(value)}")
                )
            agreement = value if isinstance(value, str) else None
            continue
        if key == "covers":
            covers_where = where(("covers",))
            if not isinstance(value, str):
                problems.append(covers_where.problem(None, f"expected {EXPECTED}, got {describe(value)}"))
            covers = value if isinstance(value, str) else None
            continue
        if key not in SECTIONS:
            line, col = src.position((key,), key=True)
            problems.append(
                Problem(
                    name,
                    line,
                    col,
                    key,
                    f"unknown section {key!r}{hint(key, ('agreement', 'covers', *SECTIONS))}",
                )
            )
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(where((key,)).problem(None, f"expected a list of records, got {describe(value)}"))
            continue
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                problems.append(
                    where((key, i)).problem(None, f"expected a mapping of fields, got {describe(item)}")
                )
                continue
            cells = []
            values: dict[str, str | None] = {}
            complete = True
            for field_name, cell in item.items():
                line, col = src.position((key, i, field_name))
                cells.append((field_name, line, col))
                if isinstance(cell, (dict, list)):
                    problems.append(
                        Problem(
                            name,
                            line,
                            col,
                            format_path((key, i, field_name)),
                            f"expected a single value, got {describe(cell)}",
                        )
                    )
                    complete = False
                    continue
                values[field_name] = cell
            if complete:
                rows.append(Row(key, values, where((key, i), tuple(cells))))
    return RawActuals(name, agreement, agreement_where, rows, problems, covers, covers_where)


def _cell_columns(line: str) -> list[int]:
    """1-based columns where each cell of a one-line CSV record starts."""
    starts, pos, n = [1], 0, len(line)
    while pos < n:
        if line[pos] == '"':
            pos += 1
            while pos < n and not (line[pos] == '"' and (pos + 1 >= n or line[pos + 1] != '"')):
                pos += 2 if line[pos] == '"' else 1
            pos += 1
        while pos < n and line[pos] != ",":
            pos += 1
        if pos < n:
            starts.append(pos + 2)
        pos += 1
    return starts


def _read_csv(raw: bytes, name: str) -> RawActuals:
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ActualsError(
            [Problem(name, line, 1, "", f"file is not UTF-8 text (byte at offset {exc.start})")]
        ) from None
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ActualsError(
            [Problem(name, 1, 1, "", "file is empty; expected a header row with a 'record' column")]
        ) from None
    header = [h.strip() for h in header]
    head_cols = _cell_columns(lines[0]) if lines else [1]
    if "record" not in header:
        raise ActualsError(
            [Problem(name, 1, 1, "", f"expected a 'record' column in the header, got {', '.join(header)}")]
        )
    known = sorted({f for spec in SPECS.values() for f in spec} | {"record"})
    problems = [
        Problem(
            name, 1, head_cols[j] if j < len(head_cols) else 1, h, f"unknown column {h!r}{hint(h, known)}"
        )
        for j, h in enumerate(header)
        if h not in known
    ]
    rows: list[Row] = []
    covers: str | None = None
    covers_where: Where | None = None
    start = reader.line_num + 1
    for cells in reader:
        line = start
        start = reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        one_line = reader.line_num == line
        cols = _cell_columns(lines[line - 1]) if one_line else [1] * len(cells)

        def col(j: int, cols: list[int] = cols) -> int:
            return cols[j] if j < len(cols) else 1

        if len(cells) > len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    col(len(header)),
                    "",
                    f"expected {len(header)} cells as in the header, got {len(cells)}",
                )
            )
            continue
        record = cells[header.index("record")].strip()
        if record == "covers":
            # the days the file measures: its period cell (a YAML file's top-level ``covers``)
            j = header.index("period") if "period" in header else header.index("record")
            here = Where(name, line, col(j), "covers")
            if covers_where is not None:
                problems.append(
                    here.problem(None, f"covers is given twice (first on line {covers_where.line})")
                )
                continue
            covers_where = here
            covers = cells[j].strip() if "period" in header and j < len(cells) else ""
            continue
        if record not in SECTIONS:
            j = header.index("record")
            problems.append(
                Problem(
                    name,
                    line,
                    col(j),
                    "record",
                    f"unknown record {record!r}{hint(record, ('covers', *SECTIONS))}",
                )
            )
            continue
        values: dict[str, str | None] = {}
        placed = []
        for j, h in enumerate(header):
            if h == "record" or j >= len(cells):
                continue
            text_value = cells[j].strip()
            placed.append((h, line, col(j)))
            if text_value and h not in SPECS[record]:
                problems.append(
                    Problem(
                        name,
                        line,
                        col(j),
                        f"{record}.{h}",
                        f"column {h!r} is not used by {record!r} records; leave it empty",
                    )
                )
                continue
            if h in SPECS[record]:
                values[h] = text_value or None
        rows.append(Row(record, values, Where(name, line, 1, record, tuple(placed))))
    return RawActuals(name, None, None, rows, problems, covers, covers_where)
