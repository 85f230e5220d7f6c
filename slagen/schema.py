"""The JSON Schema of the agreement format, generated from the model."""

from __future__ import annotations

import json
from typing import Any

from .model import Agreement

SCHEMA_ID = "https://slagen.dev/schema/agreement.schema.json"


def agreement_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for agreement files."""
    schema = Agreement.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_json() -> str:
    """The schema as stable, indented JSON text."""
    return json.dumps(agreement_schema(), indent=2, sort_keys=True)
