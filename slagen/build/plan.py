"""What a build has to produce: each agreement's documents and the content hashes of their inputs.

A document is one agreement in one style and one format for one period. Its *inputs* are
everything its bytes depend on: the agreement's YAML, every template file of the style's search
path, the logo, slagen's version, the versions of the libraries that write the file,
the period, style and format, and ``SOURCE_DATE_EPOCH``. Their hash is the document's *key*:
a document whose key and file are unchanged since the last build is not rendered again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from slagen.agreement.load import validate_source
from slagen.agreement.model import Agreement
from slagen.agreement.period import Period, clip_to_term
from slagen.agreement.source import parse_source
from slagen.agreement.vocabulary import Style

from .. import __version__
from ..errors import Problem, SlagenError
from ..render.environment import search_path
from ..render.output import output_path
from ..render.stamp import git_commit
from ..util.files import FileRefused, confined, read_regular, resolve

STYLES: tuple[str, ...] = typing.get_args(Style)
#: Libraries whose version can change a document's bytes.
ENGINE_PACKAGES = ("weasyprint", "pydyf", "python-docx", "jinja2", "matplotlib")


#: Largest file hashed (an output document, a logo).
MAX_FILE = 1 << 30


def sha256(data: bytes) -> str:
    """The hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def file_sha(path: Path) -> str | None:
    """The hex sha256 of the file at ``path``, or None when there is no such file."""
    try:
        return sha256(read_regular(path, MAX_FILE))
    except FileRefused:
        return None


@functools.cache
def engine() -> dict[str, str]:
    """slagen's version and the versions of the libraries that write the files.

    slagen's own code is identified by its version, not hashed: an edit to an installed copy
    without a new version is not seen (delete the manifest, or ``--force``, to rebuild).
    """
    out = {"slagen": __version__}
    for pkg in ENGINE_PACKAGES:
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


@functools.cache
def _template_files(templates: Path | None) -> tuple[tuple[str, str], ...]:
    """(name, sha256) of every template file, the first of each name along the search path.

    Only files a render may load count (:func:`~slagen.util.files.confined`: a symlink out of
    the folders, a FIFO or a device is never read; rendering refuses it)."""
    found: dict[str, str] = {}
    roots = search_path(templates)
    for root in roots:
        for f in sorted(root.rglob("*")):
            rel = f.relative_to(root).as_posix()
            if any(part.startswith(".") for part in rel.split("/")) or rel in found:
                continue
            real = confined(f, roots)
            if real is not None:
                try:
                    found[rel] = sha256(read_regular(real, MAX_FILE))
                except FileRefused:
                    continue
    return tuple(sorted(found.items()))


def forget_templates() -> None:
    """Hash the template files afresh (once per build: they may change between builds)."""
    _template_files.cache_clear()


def template_hashes(style: str, templates: Path | None) -> dict[str, str]:
    """The template files a style may use (its own folder and the shared ones), with their hashes."""
    others = set(STYLES) - {style}
    return {name: h for name, h in _template_files(templates) if name.split("/")[0] not in others}


@dataclass(frozen=True)
class Facts:
    """What planning needs from a valid agreement; kept in the manifest, so an agreement whose
    YAML did not change is not loaded again."""

    id: str
    period: str
    """The term's current period."""
    start: str
    end: str
    styles: tuple[str, ...]
    formats: tuple[str, ...]
    fully_signed: bool
    logo: str | None

    @classmethod
    def of(cls, a: Agreement) -> Facts:
        """The facts of a loaded agreement."""
        p = a.presentation
        return cls(
            a.id,
            a.term.period,
            a.term.start.isoformat(),
            a.term.end.isoformat(),
            tuple(p.styles),
            tuple(p.formats),
            a.fully_signed,
            p.logo,
        )

    def to_json(self) -> dict[str, Any]:
        """The facts as JSON data."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Facts:
        """Facts read back from :meth:`to_json`; raises on anything malformed."""
        return cls(
            str(data["id"]),
            str(data["period"]),
            str(data["start"]),
            str(data["end"]),
            tuple(str(s) for s in data["styles"]),
            tuple(str(f) for f in data["formats"]),
            bool(data["fully_signed"]),
            None if data["logo"] is None else str(data["logo"]),
        )


@dataclass(frozen=True)
class Doc:
    """One document to have in the output folder."""

    output: str
    """Its path inside the output folder (``<id>/<id>-<period>[-<style>].<fmt>``)."""
    style: str
    fmt: str
    inputs: dict[str, Any]
    key: str
    """sha256 of the inputs."""
    git: str | None = None
    """The git commit printed in the version stamp (None when the file is untracked or changed).
    Kept apart from ``key``: committing a signed-off agreement does not reopen its document."""


@dataclass(frozen=True)
class AgreementPlan:
    """An agreement's documents for one period."""

    file: str
    """The agreement's path as the user named it."""
    path: Path
    text: bytes
    facts: Facts
    period: str
    signed: bool
    """Every signatory has signed off, and the period is the one they signed (the term's)."""
    docs: tuple[Doc, ...]


@dataclass(frozen=True)
class Settings:
    """The options of one build that shape its documents."""

    out_dir: Path
    period: Period | None
    templates: Path | None


def load_facts(path: Path, text: bytes, cached: dict[str, Any] | None) -> tuple[Facts, tuple[Problem, ...]]:
    """The agreement's facts: from the manifest when its text and slagen are unchanged, else by
    checking ``text``, read from ``path`` (raises :class:`~slagen.errors.AgreementError`); and
    any warnings of the check."""
    digest = sha256(text)
    if cached and cached.get("sha256") == digest and cached.get("engine") == engine():
        try:
            return Facts.from_json(cached["facts"]), ()
        except (KeyError, TypeError, ValueError):
            pass
    loaded = validate_source(parse_source(text, str(path)), path)
    return Facts.of(loaded.agreement), loaded.warnings


class PlanError(SlagenError):
    """An agreement that cannot be built as asked (e.g. the period is outside its term)."""


class NotInPeriod(SlagenError):
    """An agreement whose term does not overlap the build's ``--period``: it has no document."""


def _period(facts: Facts, wanted: Period | None) -> str:
    """The label of the period to build: the term's own, or ``wanted`` when the term overlaps it
    (the document is then of ``wanted`` clipped to the term; see :func:`clip_to_term`)."""
    if wanted is None:
        return facts.period
    start, end = date.fromisoformat(facts.start), date.fromisoformat(facts.end)
    if wanted.end < start or wanted.start > end:
        raise NotInPeriod(
            f"its term ({facts.start} to {facts.end}) does not overlap --period {wanted.label} "
            f"({wanted.start} to {wanted.end}): no document for it"
        )
    try:
        clip_to_term(wanted, start, end)
    except ValueError as exc:
        raise PlanError(f"--period: {exc}") from None
    return wanted.label


def plan_agreement(path: Path, text: bytes, facts: Facts, settings: Settings) -> AgreementPlan:
    """The documents ``path`` declares for the build's period, each with its inputs and key."""
    period = _period(facts, settings.period)
    logo = None
    if facts.logo is not None:
        logo = file_sha((resolve(path) or path.absolute()).parent / facts.logo)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or None
    git = git_commit(path)
    docs = []
    for style in facts.styles:
        templates = template_hashes(style, settings.templates)
        for fmt in facts.formats:
            out = output_path(Path(), facts.id, period, style, fmt, one_style=facts.styles == (style,))
            inputs = {
                "agreement": sha256(text),
                "templates": templates,
                "logo": logo,
                "engine": engine(),
                "period": period,
                "style": style,
                "format": fmt,
                "source_date_epoch": epoch,
            }
            key = sha256(json.dumps(inputs, sort_keys=True).encode())
            docs.append(Doc(out.as_posix(), style, fmt, inputs, key, git))
    signed = facts.fully_signed and period == facts.period
    return AgreementPlan(str(path), path, text, facts, period, signed, tuple(docs))


def changed_inputs(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What differs between two documents' inputs, in words, e.g. ``template two-column/style.css``."""
    out: list[str] = []
    if old.get("agreement") != new.get("agreement"):
        out.append("the agreement file")
    old_t, new_t = old.get("templates") or {}, new.get("templates") or {}
    for name in sorted(set(old_t) | set(new_t)):
        if name not in old_t:
            out.append(f"template {name} (added)")
        elif name not in new_t:
            out.append(f"template {name} (removed)")
        elif old_t[name] != new_t[name]:
            out.append(f"template {name}")
    if old.get("logo") != new.get("logo"):
        out.append("the logo")
    old_e, new_e = old.get("engine") or {}, new.get("engine") or {}
    for name in sorted(set(old_e) | set(new_e)):
        if old_e.get(name) != new_e.get(name):
            out.append(f"{name} {old_e.get(name, 'none')} -> {new_e.get(name, 'none')}")
    if old.get("source_date_epoch") != new.get("source_date_epoch"):
        out.append(
            f"SOURCE_DATE_EPOCH {old.get('source_date_epoch') or 'unset'} -> "
            f"{new.get('source_date_epoch') or 'unset'}"
        )
    return out
