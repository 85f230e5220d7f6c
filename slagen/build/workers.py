"""Rendering in worker processes, each replaced after a bounded number of documents.

WeasyPrint's memory grows by about 0.2 MiB per document in a long-lived process (in its C
libraries), so a worker renders at most ``recycle_after`` documents and exits, and a fresh one
takes its place. Workers are forked from a ``forkserver`` that has imported the renderers once,
so a replacement starts in milliseconds and no worker inherits the parent's state. The parent
hands each worker one task at a time over its own pipe, so it always knows which document a
worker holds: a worker that dies (a crash in a C library, the OOM killer) fails that document
alone, and the build goes on.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

#: Imported once by the fork server, so that workers start with the renderers loaded.
PRELOAD = ["slagen.render", "slagen.render.pdf", "slagen.docx", "slagen.render.goal_chart"]


@dataclass(frozen=True)
class Task:
    """One document to render, with everything the worker needs (it shares no state)."""

    index: int
    cwd: str
    """The folder the paths are relative to (the worker changes into it)."""
    path: str
    style: str
    fmt: str
    period: str
    """The period planned (the worker never works it out again)."""
    templates: str | None
    out_dir: str
    epoch: str | None
    """``SOURCE_DATE_EPOCH`` of the build (the fork server may have started with another)."""
    staged: bool
    """Render into a staging folder inside ``out_dir`` instead of the document's place."""
    text: bytes = b""
    """The agreement's bytes as the build read, hashed and sealed them: the document is
    rendered from these, never from the file read again (it may have changed since)."""
    output: str = ""
    """The document's planned path inside ``out_dir``."""
    facts: tuple[tuple[str, object], ...] = ()
    """The facts the build planned with (:class:`~slagen.build.plan.Facts`, maybe from the
    manifest, which is only a cache): the worker writes nothing when the agreement says otherwise."""


@dataclass(frozen=True)
class Outcome:
    """What became of a task."""

    index: int
    written: str | None
    """The file written (in the staging folder when the task was staged)."""
    sha256: str | None
    errors: tuple[str, ...] = ()
    staging: str | None = None
    """The staging folder of a staged task (the caller removes it)."""
    pid: int = 0
    peak_kib: int | None = None
    """The worker's peak resident memory so far (VmHWM)."""
    seconds: float = 0.0


def peak_kib() -> int | None:
    """This process's peak resident set size in KiB (Linux ``VmHWM``), if known."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_task(task: Task) -> Outcome:
    """Render one document; every error becomes the outcome's messages, never an exception."""
    import hashlib

    from slagen.agreement.load import load_agreement

    from ..errors import AgreementError, SlagenError
    from ..render import RenderOptions, render_loaded
    from ..util.atomic import write_atomic
    from .plan import Facts

    started = time.perf_counter()
    os.chdir(task.cwd)
    if task.epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = task.epoch
    out_dir = Path(task.out_dir)
    errors: tuple[str, ...] = ()
    written = digest = staging = None
    try:
        if task.staged:
            out_dir.mkdir(parents=True, exist_ok=True)
            out_dir = Path(tempfile.mkdtemp(prefix=".slagen-staging-", dir=out_dir))
            staging = str(out_dir)
        loaded = load_agreement(Path(task.path), raw=task.text)
        facts = Facts.of(loaded.agreement).to_json()
        planned = dict(task.facts)
        if facts != planned:
            differ = ", ".join(
                f"{k} {planned.get(k)!r} (the agreement says {facts.get(k)!r})"
                for k in sorted(set(facts) | set(planned))
                if facts.get(k) != planned.get(k)
            )
            raise SlagenError(
                f"the build was planned from facts the agreement does not state ({differ}); "
                "the output folder's manifest is out of date, so nothing was written: build again"
            )
        options = RenderOptions(
            formats=(task.fmt,),
            period=task.period,
            templates=Path(task.templates) if task.templates else None,
            out_dir=out_dir,
        )
        ((path, data),) = render_loaded(loaded, style=task.style, options=options)
        if path != out_dir / task.output:
            raise SlagenError(
                f"it would be written to {path}, not to {out_dir / task.output}; nothing was written"
            )
        write_atomic(path, data)
        written, digest = str(path), hashlib.sha256(data).hexdigest()
    except AgreementError as exc:
        errors = tuple(str(p) for p in exc.problems)
    except SlagenError as exc:
        errors = (f"{task.path}: {task.style} {task.fmt}: {exc.format_message()}",)
    except OSError as exc:  # a full disk, a folder that cannot be written
        errors = (f"{task.path}: {task.style} {task.fmt}: cannot write {out_dir}: {exc.strerror or exc}",)
    except Exception as exc:  # a bug or a library failure: reported, the build goes on
        errors = (f"{task.path}: {task.style} {task.fmt}: render failed: {type(exc).__name__}: {exc}",)
    if errors and staging:
        shutil.rmtree(staging, ignore_errors=True)
        staging = None
    return Outcome(
        task.index, written, digest, errors, staging, os.getpid(), peak_kib(), time.perf_counter() - started
    )


def die_with(parent: int) -> None:
    """End this worker as soon as the build process ``parent`` exits (also on ``kill -9``).

    A thread waits on a pidfd of the build (Linux 5.3+), so a killed build leaves no worker
    rendering on. (The fork server is no help: every worker holds it alive.) Elsewhere a
    worker stops when it next talks to the build.
    """
    import select
    import threading

    try:
        fd = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        return

    def watch() -> None:
        select.select([fd], [], [])
        os._exit(1)

    threading.Thread(target=watch, name="slagen-parent-watch", daemon=True).start()


def _serve(conn: Connection, limit: int, parent: int) -> None:
    """A worker of build process ``parent``: render tasks from ``conn`` until told to stop or
    ``limit`` are done."""
    die_with(parent)
    for _ in range(limit):
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(run_task(task))
        gc.collect()  # rendering collects rarely (slagen.gcpolicy): free its cycles between documents
    conn.close()


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: Task | None = None
    done: int = 0


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    start_fork_server()
    return ctx


def start_fork_server() -> None:
    """Start the fork server (once per process) with a safe ``sys.path``.

    multiprocessing starts it as ``python -c ...``, which puts the working folder first on
    ``sys.path``: any module there named like one the renderers import (``inspect.py`` in an
    untrusted checkout) would be run by every worker. ``PYTHONSAFEPATH`` (``-P``) leaves it out.
    """
    from multiprocessing import forkserver

    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = before


def run_tasks(
    tasks: Iterable[Task], *, workers: int, recycle_after: int, on_outcome: Callable[[Task, Outcome], None]
) -> None:
    """Render ``tasks`` in up to ``workers`` processes, calling ``on_outcome`` as each ends."""
    pending = deque(tasks)
    if not pending:
        return
    ctx = _context()
    slots: list[_Slot] = []

    def start() -> None:
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(child, recycle_after, os.getpid()), daemon=True)
        process.start()
        child.close()
        slot = _Slot(process, parent)
        slots.append(slot)
        give(slot)

    def give(slot: _Slot) -> None:
        slot.task = pending.popleft()
        slot.conn.send(slot.task)

    def retire(slot: _Slot) -> None:
        slots.remove(slot)
        if slot.task is None and slot.done < recycle_after:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        slot.conn.close()
        slot.process.join()

    try:
        while pending or slots:
            while pending and len(slots) < workers:
                start()
            ready = set(wait([s.conn for s in slots] + [s.process.sentinel for s in slots]))
            for slot in list(slots):
                if slot.conn in ready:
                    try:
                        outcome: Outcome = slot.conn.recv()
                    except (EOFError, OSError):
                        outcome = None  # type: ignore[assignment]
                    if outcome is not None:
                        task, slot.task = slot.task, None
                        slot.done += 1
                        assert task is not None
                        on_outcome(task, outcome)
                        if pending and slot.done < recycle_after:
                            give(slot)
                        else:
                            retire(slot)
                        continue
                if slot.conn in ready or slot.process.sentinel in ready:
                    _died(slot, on_outcome)
                    retire(slot)
    finally:
        for slot in slots:
            slot.process.terminate()
            slot.process.join()


def _died(slot: _Slot, on_outcome: Callable[[Task, Outcome], None]) -> None:
    """A worker stopped while it held a task: that task fails."""
    slot.process.join(timeout=5)
    task, slot.task = slot.task, None
    if task is not None:
        code = slot.process.exitcode
        on_outcome(
            task,
            Outcome(
                task.index,
                None,
                None,
                (f"{task.path}: {task.style} {task.fmt}: the worker process stopped (exit code {code})",),
                pid=slot.process.pid or 0,
            ),
        )
