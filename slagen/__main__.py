"""The ``slagen`` command (also ``python -m slagen``).

The collector's thresholds are set before anything else is imported: the command is a
batch job that allocates many short-lived objects from its first import on (see
:mod:`slagen.gcpolicy`).
"""

from __future__ import annotations


def main() -> None:  # pragma: no cover - console entry point
    """Entry point of the ``slagen`` console script."""
    from .gcpolicy import use_batch_thresholds

    use_batch_thresholds()
    from .cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
