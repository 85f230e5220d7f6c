"""slagen turns service-level agreements written in YAML into contract documents."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .agreement.load import Loaded, load_agreement
    from .agreement.model import Agreement
    from .errors import AgreementError, Problem, SlagenError

# The package's names are imported when first used, so that ``python -m slagen`` can set
# up the process (see :mod:`slagen.__main__`) before the model is built.
_HOMES = {
    "Agreement": "agreement.model",
    "AgreementError": "errors",
    "Loaded": "agreement.load",
    "Problem": "errors",
    "SlagenError": "errors",
    "load_agreement": "agreement.load",
}

__all__ = ["Agreement", "AgreementError", "Loaded", "Problem", "SlagenError", "__version__", "load_agreement"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'slagen' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
