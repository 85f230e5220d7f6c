"""A persistent cache of compiled templates, so a new process does not compile them again.

Compiling the templates is most of the HTML step of a fresh ``slagen render`` (about 0.1 s
of CPU for a style). Jinja keeps the compiled code of each template in a file named after
the template's path and checked against a hash of its source, so an edited template (a
built-in one or a user's ``--templates``) is compiled afresh.

The cache lives in ``$SLAGEN_CACHE_DIR`` (set it empty to turn the cache off), else in
``$XDG_CACHE_HOME/slagen`` or ``~/.cache/slagen``, in a folder per Jinja, Python and slagen
version. Compiled code is only read from a folder that belongs to the user and that nobody
else may write to; a cache that cannot be created or written only costs the time it
would have saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .. import __version__

#: The version of the environment's compile options (1: the bidirectional isolation finalizer;
#: 2: every loop's iterable counted by the sandbox's step budget; 3: every ``~`` checked, the
#: finalizer counting printed characters).
COMPILED = 3


def cache_dir() -> Path | None:
    """The folder of this process's compiled templates, or ``None`` when caching is off."""
    configured = os.environ.get("SLAGEN_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "slagen"
    # COMPILED: how slagen's environment compiles (the finalizer is compiled into the code):
    # raised whenever that changes, so no code compiled another way is read.
    versions = f"jinja2 {jinja2.__version__}; python {sys.version}; slagen {__version__}; compiled {COMPILED}"
    return base / f"templates-{hashlib.sha256(versions.encode()).hexdigest()[:12]}"


class _Cache(FileSystemBytecodeCache):
    """Jinja's file cache, but a file that cannot be written is only a miss next time."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """The cache for :func:`slagen.render.environment.make_environment`, or ``None`` when it
    is off or its folder is unusable (not the user's, writable by others, not creatable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None
    return _Cache(str(folder), "%s.jinja")
