"""slagen turns service-level agreements written in YAML into contract documents."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import AgreementError, Problem, SlagenError
from .load import Loaded, load_agreement
from .model import Agreement

__all__ = ["Agreement", "AgreementError", "Loaded", "Problem", "SlagenError", "__version__", "load_agreement"]
