"""Writing files whole or not at all: temporary files beside them, then renames.

One rule for the mode of a written file: a file that already exists keeps its
permissions; a new one gets ``0o666`` less the umask, as :func:`open` would give it
(a temporary file alone would leave it readable by its owner only).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode(path: Path) -> int:
    """The mode ``path`` gets when written: its own if it exists, else ``0o666`` less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _write_temporary(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` (synced, with the mode ``path``
    will have; its folder made if missing) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return Path(tmp)


class Staged:
    """Files written to temporaries beside their targets, to be renamed into place together."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []
        self.written: list[Path] = []
        """The targets renamed into place by :meth:`commit`."""

    def add(self, path: Path, data: bytes) -> None:
        """Write ``data`` to a temporary file that :meth:`commit` will rename to ``path``."""
        self._pending.append((_write_temporary(path, data), path))

    def commit(self) -> list[Path]:
        """Rename every temporary file to its target; return the targets in the order added.

        A target that a rename cannot replace (a folder) is found before any rename, so it
        fails the whole commit with :class:`IsADirectoryError` and no target is touched.
        """
        done: list[Path] = []
        try:
            for _, path in self._pending:
                if path.is_dir():
                    raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(path))
            while self._pending:
                tmp, path = self._pending[0]
                os.replace(tmp, path)
                self._pending.pop(0)
                done.append(path)
                self.written.append(path)
        finally:
            self.discard()
        return done

    def discard(self) -> None:
        """Delete the temporary files not yet renamed."""
        for tmp, _ in self._pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._pending.clear()


@contextlib.contextmanager
def all_or_nothing() -> Iterator[Staged]:
    """Stage files, and rename them all into place when the block ends without an error.

    When the block raises, every staged temporary file is deleted and no target is touched,
    so a render of several documents writes all of them or none.
    """
    staged = Staged()
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise
    staged.commit()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder and a rename.

    A reader sees the old file or the new one, never half of one; a failure leaves any
    earlier file untouched and no temporary file behind. The mode follows the module's rule.
    """
    with all_or_nothing() as staged:
        staged.add(path, data)
