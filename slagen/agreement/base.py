"""The base class of every part of an agreement (kept apart so clause modules can share it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base of every part of an agreement: unknown keys are errors, values immutable.

    ``defer_build``: a class's validator is built when first used, so loading an agreement
    builds the one of :class:`Agreement` (nested classes included) instead of one per class.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True, defer_build=True)
