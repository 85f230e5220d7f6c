"""Where documents go (they are written by :mod:`slagen.util.atomic`)."""

from __future__ import annotations

from pathlib import Path


def output_path(
    out_dir: Path, agreement_id: str, period: str, style: str, ext: str, *, one_style: bool
) -> Path:
    """``<out>/<id>/<id>-<period>.<ext>``, with ``-<style>`` before the extension unless the
    agreement declares only this one style."""
    suffix = "" if one_style else f"-{style}"
    return out_dir / agreement_id / f"{agreement_id}-{period}{suffix}.{ext}"
