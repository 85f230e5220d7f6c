"""Reading files slagen is pointed at, safely: regular files only, their size checked first.

A path may be a symlink to ``/dev/zero``, a FIFO with no writer, a 600 MB sparse file, a
symlink loop or a name too long for the file system. :func:`read_regular` opens without
blocking, checks the type and size of what it opened, and reads at most the limit plus one
byte; every refusal is a :class:`FileRefused` with a message for the user, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: Largest logo read, in bytes.
MAX_LOGO = 5 * 1024 * 1024


class FileRefused(Exception):
    """A file that was not read, with why (``message``: for the user, without the path)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def why_not(exc: OSError) -> str:
    """An error of opening a file, in words."""
    if exc.errno == errno.ELOOP:
        return "cannot read file: a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "cannot read file: its name is too long"
    return f"cannot read file: {exc.strerror or exc}"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; raise
    :class:`FileRefused` for anything else (checked before reading, without blocking)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(why_not(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(f"expected a regular file, found {_kind(st.st_mode)}")
        if st.st_size > limit:
            raise FileRefused(f"file is {st.st_size} bytes; the limit is {limit}")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise FileRefused(f"file is more than {limit} bytes; the limit is {limit}")
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(why_not(exc)) from None
    finally:
        os.close(fd)


def resolve(path: Path) -> Path | None:
    """``path`` with every symlink followed, or None for a symlink loop or a name too long."""
    try:
        out = path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop
        return None
    try:
        out.stat()
    except OSError as exc:
        return out if exc.errno in (errno.ENOENT, errno.ENOTDIR) else None
    return out


def confined(path: Path, roots: tuple[Path, ...]) -> Path | None:
    """``path`` resolved (symlinks followed), when it is a regular file inside one of ``roots``
    (resolved folders, or single files allowed as such); else None.

    The one rule for what a document may read: the templates it includes and the resources
    it fetches alike.
    """
    found = resolve(path)
    if found is None or not any(found.is_relative_to(root) for root in roots):
        return None
    try:
        regular = stat.S_ISREG(found.stat().st_mode)
    except OSError:
        return None
    return found if regular else None
