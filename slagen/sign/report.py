"""``slagen verify``'s verdict as text for people or JSON for CI."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .verify import Verification


def as_data(v: Verification) -> dict[str, Any]:
    """The verdict as JSON-ready data (stable keys)."""
    return {
        "file": str(v.path),
        "agreement": v.agreement,
        "ok": v.ok,
        "signatures": [dataclasses.asdict(s) for s in v.signatures],
        "source": {
            "name": v.source.name,
            "sha256": v.source.digest,
            "stamp": v.source.stamp,
            "printed_stamp": v.source.printed,
            "rebuild": v.source.rebuild.status,
            "rebuild_detail": v.source.rebuild.detail or v.source.rebuild.problem,
        },
        "signed": list(v.signed),
        "unsigned": list(v.unsigned),
        "problems": list(v.problems),
    }


def text(v: Verification) -> str:
    """The verdict for a terminal: each signature, the source, the signatories, each problem."""
    lines = [f"{v.path}: {v.agreement}"]
    if not v.signatures:
        lines.append("  no signatures")
    for i, s in enumerate(v.signatures, 1):
        level = "PAdES B-T" if s.timestamped else "B-B"
        lines.append(f"  signature {i} in {s.field}: {s.signer} (issued by {s.issuer}), {level}")
        lines.append(f"    signed: {s.time or 'no time given'}")
        lines.append(f"    integrity: {'intact' if s.intact else 'BROKEN'}")
        lines.append(f"    certificate: {s.trust}")
        lines.append(f"    changed after it: {s.later}")
    src = v.source
    lines.append(f"  source: {src.name} sha256:{src.digest}; stamp: {src.stamp or 'none recorded'}")
    if src.printed is not None:
        lines.append(f"    printed stamp: {src.printed}")
    r = src.rebuild
    lines.append(f"    rebuild: {r.status}" + (f" ({r.detail})" if r.detail else ""))
    lines.append(f"  signed by: {', '.join(v.signed) or 'nobody'}")
    lines.append(f"  not signed by: {', '.join(v.unsigned) or 'nobody'}")
    if v.ok:
        lines.append("OK: every check holds")
    else:
        lines.extend(f"problem: {p}" for p in v.problems)
        n = len(v.problems)
        lines.append(f"{n} problem{'s' if n != 1 else ''}")
    return "\n".join(lines) + "\n"


def render(v: Verification, fmt: str) -> str:
    """``text`` or ``json``."""
    if fmt == "json":
        return json.dumps(as_data(v), indent=2, sort_keys=True) + "\n"
    return text(v)
