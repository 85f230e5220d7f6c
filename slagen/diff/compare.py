"""Two versions of one agreement compared: the terms that changed and the targets that moved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from slagen.agreement.load import Loaded
from slagen.agreement.model import Agreement

from ..errors import AgreementError, Problem
from ..targets import TargetError, TargetSet
from ..util.text import plural
from .calendar import CalendarChange, diff_calendar, full_targets
from .terms import TermChange, diff_terms, plain

Status = Literal["modified", "added", "removed"]

HUNDRED = Decimal(100)
#: The relative change of a target is shown in percent, to one decimal place.
PERCENT_STEP = Decimal("0.1")
PERCENT_ROUNDING = "percent, rounded half away from zero to one decimal place"


class DiffError(AgreementError):
    """An agreement version that does not validate; ``slagen diff`` exits 2 (1 means changes)."""

    exit_code = 2


@dataclass(frozen=True)
class TargetValue:
    """A computed target of one version, as documents show it."""

    label: str
    value: Decimal
    unit: str
    per: str | None
    goal: str | None = None
    """The goal whose total over the period this is; ``None`` for a computed target."""


@dataclass(frozen=True)
class TargetChange:
    """A computed target that moved (or appeared, or went away) between two versions."""

    name: str
    label: str
    unit: str
    per: str | None
    old: Decimal | None
    new: Decimal | None
    goal: str | None = None
    """The goal whose total over the period this is; ``None`` for a computed target."""

    @property
    def title(self) -> str:
        """What a reader sees, e.g. ``Leads needed per month``."""
        return f"{self.label} per {self.per}" if self.per else self.label

    @property
    def percent(self) -> Decimal | None:
        """Relative change in percent (see :data:`PERCENT_ROUNDING`); None without a base."""
        if self.old is None or self.new is None or self.old == 0:
            return None
        pct = (self.new - self.old) / abs(self.old) * HUNDRED
        return pct.quantize(PERCENT_STEP, rounding=ROUND_HALF_UP)


@dataclass
class AgreementDiff:
    """What changed in one agreement file."""

    file: str
    old_name: str | None
    new_name: str | None
    id: str
    title: str
    status: Status
    terms: list[TermChange] = field(default_factory=list)
    targets: list[TargetChange] = field(default_factory=list)
    calendar: list[CalendarChange] = field(default_factory=list)
    """Holidays of the period added or removed, deliveries moved (see :mod:`.calendar`)."""
    versions: tuple[Loaded | None, Loaded | None] = field(default=(None, None), repr=False, compare=False)
    """The two versions compared (None: the file did not exist), for a redline to render."""
    target_sets: tuple[TargetSet | None, TargetSet | None] = field(
        default=(None, None), repr=False, compare=False
    )
    """Each version's targets for the period (None: not computed), for a redline to word its
    targets as each version's document does."""

    @property
    def changed(self) -> bool:
        """Whether anything a reader would see changed."""
        return self.status != "modified" or bool(self.terms)


@dataclass
class DiffReport:
    """Every agreement compared by one ``slagen diff``."""

    old_label: str
    new_label: str
    new_revision: str | None = None
    """The git revision the new versions were read from; ``None`` for a file or the working tree."""
    agreements: list[AgreementDiff] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    """Files whose text changed but whose terms did not (comments, layout, quoting)."""
    compared: list[AgreementDiff] = field(default_factory=list, repr=False, compare=False)
    """Every agreement compared, changed or not (a redline is made of each)."""

    @property
    def changed(self) -> bool:
        """Whether any agreement changed."""
        return any(a.changed for a in self.agreements)

    @property
    def summary(self) -> str:
        """One line for the end of the run, e.g. ``2 agreements changed (HEAD -> working tree)``."""
        n = len(self.agreements)
        what = f"{plural(n, 'agreement')} changed" if n else "no agreement changed"
        if self.unchanged:
            k = len(self.unchanged)
            what += f"; {plural(k, 'file')} changed in layout or comments only"
        return f"{what} ({self.old_label} -> {self.new_label})"


def period_targets(loaded: Loaded) -> TargetSet:
    """The period's targets, with those of the holiday calendars; raise :class:`DiffError`."""
    try:
        return full_targets(loaded)
    except TargetError as exc:
        raise DiffError([loaded.source.problem(exc.path, exc.message)]) from None


def target_values(loaded: Loaded) -> dict[str, TargetValue]:
    """Every computed target of an agreement, plus each accruing goal's total over the period."""
    return values_of(loaded.agreement, period_targets(loaded))


def values_of(a: Agreement, ts: TargetSet) -> dict[str, TargetValue]:
    """The values of ``ts``, plus each accruing goal's total over its period, by name."""
    out = {name: TargetValue(c.title(), c.value, c.unit, c.per) for name, c in ts.values.items()}
    return out | goal_totals(a, ts)


def goal_totals(a: Agreement, ts: TargetSet) -> dict[str, TargetValue]:
    """Each accruing goal's total over the period of ``ts``, by name (``goals.<id>.period_total``)."""
    metrics = {g.id: g.metric for g in a.goals}
    out = {}
    for goal_id, gt in ts.goals.items():
        if gt.period_total is not None:
            label = f"{metrics.get(goal_id, goal_id)}, total over {ts.period.label}"
            out[f"goals.{goal_id}.period_total"] = TargetValue(label, gt.period_total, gt.unit, None, goal_id)
    return out


def diff_targets(old: dict[str, TargetValue], new: dict[str, TargetValue]) -> list[TargetChange]:
    """The targets whose value differs, in the new version's order, then the removed ones."""
    out: list[TargetChange] = []
    for name in list(new) + [n for n in old if n not in new]:
        before, after = old.get(name), new.get(name)
        if before is not None and after is not None and before.value == after.value:
            continue
        shown = after or before
        assert shown is not None
        out.append(
            TargetChange(
                name,
                shown.label,
                shown.unit,
                shown.per,
                before.value if before else None,
                after.value if after else None,
                shown.goal,
            )
        )
    return out


def compare(file: str, old: Loaded | None, new: Loaded | None) -> AgreementDiff:
    """Compare two versions of the agreement in ``file`` (None: the file did not exist)."""
    shown = new or old
    assert shown is not None
    status: Status = "added" if old is None else "removed" if new is None else "modified"
    diff = AgreementDiff(
        file,
        old.source.file if old else None,
        new.source.file if new else None,
        shown.agreement.id,
        shown.agreement.title,
        status,
        versions=(old, new),
    )
    if old is not None and new is not None:
        diff.terms = diff_terms(plain(old.agreement), plain(new.agreement))
        if not diff.terms:
            return diff
    old_ts = period_targets(old) if old else None
    new_ts = period_targets(new) if new else None
    diff.targets = diff_targets(
        values_of(old.agreement, old_ts) if old and old_ts else {},
        values_of(new.agreement, new_ts) if new and new_ts else {},
    )
    diff.target_sets = (old_ts, new_ts)
    if old and new and old_ts and new_ts:
        diff.calendar = diff_calendar(old.agreement, old_ts, new.agreement, new_ts)
    return diff


def gather(problems: list[Problem], load: Callable[..., Loaded], *args: Any) -> Loaded | None:
    """Call ``load(*args)``; on a :class:`AgreementError` add its problems and return None."""
    try:
        return load(*args)
    except AgreementError as exc:
        problems.extend(exc.problems)
        return None
