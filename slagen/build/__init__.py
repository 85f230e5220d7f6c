"""``slagen build``: every agreement of a folder in every style and format it declares.

:mod:`.plan` lists the documents and hashes their inputs, :mod:`.manifest` remembers what
each output was built from, :mod:`.guard` keeps signed-off periods final, :mod:`.workers`
renders in recycled processes and :mod:`.progress` reports; :mod:`.run` ties them together.
"""

from __future__ import annotations

from .progress import Progress
from .run import RECYCLE_AFTER, BuildFailed, BuildReport, build_folder

__all__ = ["RECYCLE_AFTER", "BuildFailed", "BuildReport", "Progress", "build_folder"]
