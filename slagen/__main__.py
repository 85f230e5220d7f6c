"""``python -m slagen``: the same as the ``slagen`` command."""

from .cli import main

main()
