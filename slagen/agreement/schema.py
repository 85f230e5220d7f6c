"""The JSON Schema of the agreement format, generated from the model."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from slagen.agreement import calendars, model
from slagen.agreement.fielddocs import field_docs
from slagen.agreement.model import Agreement

SCHEMA_ID = "https://slagen.dev/schema/agreement.schema.json"


def _models() -> dict[str, type[BaseModel]]:
    """The model's classes by name, as the schema's ``$defs`` name them."""
    return {
        name: cls
        for module in (model, calendars)
        for name, cls in vars(module).items()
        if isinstance(cls, type) and issubclass(cls, model.Model) and cls is not model.Model
    }


def _describe(schema: dict[str, Any], cls: type[BaseModel], defs: dict[str, Any]) -> None:
    """Give each property of ``schema`` (the schema of ``cls``) its field's docstring, unless
    it only refers to a definition that already says the same (as pydantic does)."""
    docs = field_docs(cls)
    for name, prop in schema.get("properties", {}).items():
        doc = docs.get(name)
        ref = prop.get("$ref", "").rpartition("/")[2]
        if doc and not (ref and defs.get(ref, {}).get("description") == doc):
            prop.setdefault("description", doc)


def agreement_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for agreement files, each field described by its
    docstring."""
    schema = Agreement.model_json_schema(mode="validation")
    models = _models()
    defs = schema.get("$defs", {})
    _describe(schema, Agreement, defs)
    for name, sub in defs.items():
        _describe(sub, models[name], defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_json() -> str:
    """The schema as stable, indented JSON text."""
    return json.dumps(agreement_schema(), indent=2, sort_keys=True)
