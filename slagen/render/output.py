"""Where documents go, and writing them atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def output_path(
    out_dir: Path, agreement_id: str, period: str, style: str, ext: str, *, one_style: bool
) -> Path:
    """``<out>/<id>/<id>-<period>.<ext>``, with ``-<style>`` before the extension unless the
    agreement declares only this one style."""
    suffix = "" if one_style else f"-{style}"
    return out_dir / agreement_id / f"{agreement_id}-{period}{suffix}.{ext}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader sees the old file or the new one, never half of one; a failure leaves any
    earlier file untouched and no temporary file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
