"""``slagen init``: a new agreement that passes ``check``, with a comment on each field."""

from __future__ import annotations

from pathlib import Path


def write_scaffold(path: Path, *, kind: str, style: str) -> None:
    """Write a commented starter agreement of ``kind`` in ``style`` to ``path``."""
    raise NotImplementedError("being written")
