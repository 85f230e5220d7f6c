"""Fewer cyclic garbage collections while slagen lays out documents.

WeasyPrint allocates millions of short-lived objects while it lays out a document, and
CPython's default collector starts a collection every 700 new container objects: on a
50-page agreement that is over 1,100 collections and about an eighth of the CPU time,
scanning objects that reference counting frees anyway. With a first-generation threshold
of 20,000 the same document needs a few dozen collections and the same peak memory
(measured in ``bench/bench_render.py``). Memory that only the cyclic collector can free is
still freed, just in fewer, larger passes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLDS = (20_000, 50, 100)
"""``gc.set_threshold`` values for a batch of rendering work."""


def use_batch_thresholds() -> None:
    """Set :data:`BATCH_THRESHOLDS` for the rest of the process (the CLI's start-up)."""
    gc.set_threshold(*BATCH_THRESHOLDS)


@contextmanager
def batch_collections() -> Iterator[None]:
    """Collect with :data:`BATCH_THRESHOLDS` inside the block, as before after it."""
    before = gc.get_threshold()
    gc.set_threshold(*BATCH_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
