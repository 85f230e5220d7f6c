"""A PDF as ``slagen sign`` and ``slagen verify`` read it: bytes, attachment, build facts."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slagen.agreement.model import Agreement
from slagen.errors import SlagenError, UsageError
from slagen.render.pdf_finish import BUILD_KEY


class DocumentError(SlagenError):
    """A file that is not a readable PDF, or lacks what slagen put in it (exit code 1)."""


@dataclass(frozen=True)
class Opened:
    """A PDF read into memory with pyHanko's reader."""

    path: Path
    data: bytes
    reader: Any
    """A :class:`pyhanko.pdf_utils.reader.PdfFileReader` over :attr:`data`."""


def open_pdf(path: Path) -> Opened:
    """Read ``path`` as a PDF; raise :class:`UsageError` when it is missing and
    :class:`DocumentError` when it is not a PDF or is damaged."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.startswith(b"%PDF-"):
        raise DocumentError(f"{path}: not a PDF (it does not start with %PDF-)")
    if b"%%EOF" not in data[-1024:]:
        raise DocumentError(f"{path}: the PDF is truncated (no %%EOF marker at its end)")
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        reader.root  # noqa: B018 - reading the catalog finds a broken cross-reference table
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise DocumentError(f"{path}: the PDF cannot be read ({exc})") from None
    return Opened(path, data, reader)


def _name_tree(node: Any) -> list[tuple[str, Any]]:
    """The (name, value) pairs of a PDF name tree, leaves in order."""
    out: list[tuple[str, Any]] = []
    names = node.get("/Names")
    if names is not None:
        items = list(names)
        out.extend((str(items[i]), items[i + 1]) for i in range(0, len(items) - 1, 2))
    for kid in node.get("/Kids", ()):
        out.extend(_name_tree(kid.get_object()))
    return out


def attachments(doc: Opened) -> dict[str, bytes]:
    """The embedded files of the PDF, by file name."""
    try:
        tree = doc.reader.root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return {}
    out: dict[str, bytes] = {}
    for name, value in _name_tree(tree.get_object()):
        spec = value.get_object()
        stream = spec.get("/EF", {}).get("/F")
        if stream is not None:
            out[str(spec.get("/UF", spec.get("/F", name)))] = stream.get_object().data
    return out


def build_facts(doc: Opened) -> dict[str, str]:
    """The build facts slagen kept in the PDF (empty for a PDF slagen did not make)."""
    facts = doc.reader.root.get("/" + BUILD_KEY)
    if facts is None:
        return {}
    return {str(k).lstrip("/"): str(v) for k, v in facts.get_object().items()}


@dataclass(frozen=True)
class Source:
    """The agreement attached to a PDF."""

    name: str
    data: bytes
    agreement: Agreement
    """Its terms, checked against the model (its meaning is what its commit built)."""


def attached_source(doc: Opened) -> Source:
    """The agreement YAML attached to the PDF, read with the model; raise
    :class:`DocumentError` when the PDF has none or it does not fit the model."""
    from pydantic import ValidationError

    from slagen.agreement.load import structural_problems
    from slagen.agreement.source import parse_source

    files = attachments(doc)
    wanted = build_facts(doc).get("Source")
    yaml = {n: d for n, d in files.items() if n.endswith((".yaml", ".yml"))}
    if wanted in yaml:
        name = wanted
    elif len(yaml) == 1:
        (name,) = yaml
    else:
        found = ", ".join(sorted(files)) or "none"
        raise DocumentError(
            f"{doc.path}: no agreement YAML is attached to the PDF (attachments: {found}); "
            "slagen render attaches it"
        )
    src = parse_source(yaml[name], f"{doc.path} (attached {name})")
    problems = list(src.problems)
    agreement = None
    if src.data is not None:
        try:
            agreement = Agreement.model_validate(src.data)
        except ValidationError as exc:
            problems += structural_problems(src, exc)
    if agreement is None or problems:
        lines = "\n".join(str(p) for p in problems)
        raise DocumentError(f"{doc.path}: the attached {name} is not a valid agreement:\n{lines}")
    return Source(name, yaml[name], agreement)
