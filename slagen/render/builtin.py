"""Where the built-in templates are, however slagen was installed.

The repository keeps them at its top level (``templates/``); the wheel and the sdist carry
them inside the package as ``slagen/templates`` (hatchling's ``force-include``). They are
found with :mod:`importlib.resources`:

- **installed from a wheel**: ``slagen/templates`` is a folder of the installed package;
- **zipped** (a zipapp, or a zip on ``sys.path``): the same folder inside the archive is
  copied once per process into a private temporary folder, because WeasyPrint and the
  template loader read real files;
- **a source checkout** (an editable install, or ``python -m slagen`` in the repository):
  the package has no ``templates`` folder, and the repository's top-level ``templates/``
  beside it is used, so an edited template shows at once.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_PACKAGE = "slagen"


@functools.cache
def builtin_templates() -> Path:
    """The folder of the built-in templates (it need not exist: a broken install is reported
    by the render that looks a template up, naming this folder)."""
    packaged = files(_PACKAGE) / "templates"
    if packaged.is_dir():
        if isinstance(packaged, Path):
            return packaged
        return _extracted(packaged)
    return Path(str(files(_PACKAGE))).resolve().parent / "templates"


def _extracted(tree: Traversable) -> Path:
    """A real copy of ``tree`` (a folder inside a zip), removed when the process ends."""
    root = Path(tempfile.mkdtemp(prefix="slagen-templates-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    _copy(tree, root / "templates")
    return root / "templates"


def _copy(tree: Traversable, dest: Path) -> None:
    dest.mkdir()
    for item in tree.iterdir():
        if item.is_dir():
            _copy(item, dest / item.name)
        else:
            (dest / item.name).write_bytes(item.read_bytes())
