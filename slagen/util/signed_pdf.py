"""Whether a file is a PDF that carries digital signatures, read without a PDF library.

Every PDF signature dictionary has a ``/ByteRange`` array, and an empty signature field has
none, so its presence tells a signed PDF from slagen's unsigned output. ``slagen build`` and
``slagen render`` ask it before replacing a file, cheaply enough to ask for every output.
"""

from __future__ import annotations

import re
from pathlib import Path

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[")


def carries_signatures(path: Path) -> bool:
    """Whether the file at ``path`` is a PDF holding a signature; ``False`` when there is none."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False
    return data.startswith(b"%PDF-") and _BYTE_RANGE.search(data) is not None
