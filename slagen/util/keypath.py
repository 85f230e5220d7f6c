"""Key paths: where a value sits in a document, as data and as users read it."""

from __future__ import annotations

#: A key path: mapping keys and list indexes from the top of the document, e.g.
#: ``("goals", 2, "target")``.
KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath) -> str:
    """Render a key path the way users read it: ``goals[2].target``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
