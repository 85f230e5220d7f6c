"""Progress of a build on stderr: a bar on a terminal, one plain line per document otherwise."""

from __future__ import annotations

import sys
from typing import Any

import click


class Progress:
    """Reports each finished document; ``tty`` chooses the bar over plain lines."""

    def __init__(self, *, tty: bool) -> None:
        self.tty = tty
        self._bar: Any = None
        self._total = 0
        self._done = 0

    def start(self, total: int) -> None:
        """``total`` documents are about to be rendered."""
        self._total, self._done = total, 0
        if self.tty and total:
            self._bar = click.progressbar(
                length=total,
                label="rendering",
                file=sys.stderr,
                show_eta=True,
                show_pos=True,
            )
            self._bar.__enter__()

    def step(self, line: str) -> None:
        """One document is done; ``line`` says which and how (``rendered output/...``)."""
        self._done += 1
        if self._bar is not None:
            self._bar.update(1)
        else:
            width = len(str(self._total))
            click.echo(f"[{self._done:>{width}}/{self._total}] {line}", err=True)

    def close(self) -> None:
        """The rendering is over (the bar is finished and its line ended)."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
