"""The redline's first page: what changed, as ``slagen diff`` says it, with links to the places."""

from __future__ import annotations

from collections.abc import Sequence

from ..diff.compare import AgreementDiff
from ..diff.terms import canonical
from ..docx.tree import Element
from ..i18n import N_, gettext, pgettext
from .compare import Change
from .targets import target_rows

#: The kinds of change the summary names, each a word of the catalogues: a marked place's
#: (changed, inserted, deleted; a chart, a picture that has no words to strike, "changed chart")
#: and a term's (changed, added, removed).
KINDS = frozenset(
    {N_("changed"), N_("changed chart"), N_("inserted"), N_("deleted"), N_("added"), N_("removed")}
)
_EXCERPT = 90


def _el(tag: str, children: Sequence[Element | str] | str = "", **attrs: str) -> Element:
    kids: list[Element | str] = [children] if isinstance(children, str) else list(children)
    return Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}, 0, kids)


def _kind(kind: str) -> str:
    """A kind of change in the document's language."""
    if kind not in KINDS:
        raise ValueError(f"no word for a change of kind {kind!r}")
    return gettext(kind)


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _table(head: list[str], rows: list[list[Element | str]]) -> Element:
    return _el(
        "table",
        [
            _el("thead", [_el("tr", [_el("th", h) for h in head])]),
            _el("tbody", [_el("tr", [_el("td", [c]) for c in row]) for row in rows]),
        ],
    )


def _shown(value: object) -> str:
    return value if isinstance(value, str) else canonical(value)


def summary_page(
    diff: AgreementDiff, changes: list[Change], old_stamp: str, new_stamp: str, old_label: str, new_label: str
) -> Element:
    """The summary section: both versions' stamps, the moved targets, the changed terms, and
    every marked place of the document with a link to it (its page number in the PDF)."""
    kids: list[Element | str] = [
        _el("h2", gettext("Redline: changes in this version"), class_="unnumbered"),
        _el(
            "p",
            gettext("Old version: {old} ({old_stamp}). New version: {new} ({new_stamp}).").format(
                old=old_label, old_stamp=old_stamp, new=new_label, new_stamp=new_stamp
            ),
        ),
        _el(
            "p",
            gettext(
                "Inserted words are underlined, deleted words struck through; a bar in the margin "
                "marks each changed block. The document that follows is the new version."
            ),
        ),
    ]
    if not changes:
        none = gettext("No change: the two versions render the same document.")
        kids.append(_el("p", [_el("strong", none)]))
        return _el("section", kids, class_="rl-summary rl-none")
    if diff.targets:
        rows: list[list[Element | str]] = [[*row] for row in target_rows(diff)]
        head = [pgettext("redline", "target"), pgettext("redline", "old"), pgettext("redline", "new")]
        kids += [
            _el("h3", gettext("Targets that move")),
            _table([*head, pgettext("redline", "change")], rows),
        ]
    terms = [c for c in diff.terms if c.kind in ("changed", "added", "removed")]
    if terms:
        rows = [
            [
                c.path,
                _kind(c.kind),
                _excerpt(_shown(c.old)) if c.old is not None else "—",
                _excerpt(_shown(c.new)) if c.new is not None else "—",
            ]
            for c in terms
        ]
        head = [pgettext("redline", "term"), pgettext("redline", "change")]
        kids += [
            _el("h3", gettext("Terms")),
            _table([*head, pgettext("redline", "old"), pgettext("redline", "new")], rows),
        ]
    items = []
    for c in changes:
        gone, came = c.words
        if c.kind == "changed" and not (gone or came):  # a picture whose words stayed
            what = _excerpt(c.new) or c.tag
        elif c.kind == "changed":
            nothing = gettext("(nothing)")
            what = f"{gone or nothing} → {came or nothing}: {_excerpt(c.new)}"
        else:
            what = _excerpt(came or gone) or c.tag
        kind = "changed chart" if c.kind == "changed" and c.tag == "img" else c.kind
        link = _el("a", f"{_kind(kind)}: {what}", href=f"#{c.anchor}", class_="rl-link")
        items.append(_el("li", [link]))
    kids += [_el("h3", gettext("Marked places ({count})").format(count=len(changes))), _el("ol", items)]
    return _el("section", kids, class_="rl-summary")
