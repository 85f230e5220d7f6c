"""`slagen schema`: the committed schema matches the model, accepts every example, rejects broken ones."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, ROOT, example_data, run

SCHEMA_FILE = ROOT / "schema" / "agreement.schema.json"
MODELINE = "# yaml-language-server: $schema=../schema/agreement.schema.json"


def as_editor_sees_it(data: Any) -> Any:
    """YAML data as a YAML 1.2 editor reads it: dates are strings, not date objects."""
    return json.loads(json.dumps(data, default=str))


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_the_committed_schema_is_what_slagen_schema_prints() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "schema/agreement.schema.json drifted from the model: run `slagen schema > schema/agreement.schema.json`"
    )


def test_field_docstrings_become_descriptions() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["kind"]["description"] == "customer, internal or multi-level."
    assert schema["$defs"]["Goal"]["properties"]["owner"]["description"] == (
        "The person (by id) responsible for the goal."
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_carries_the_modeline_and_is_accepted(
    path: Any, validator: jsonschema.protocols.Validator
) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    errors = [e.message for e in validator.iter_errors(as_editor_sees_it(yaml.safe_load(text)))]
    assert errors == []


def _messages(error: Any) -> list[str]:
    """The message of a schema error and of the errors under it (``anyOf`` branches)."""
    return [error.message] + [m for sub in error.context or () for m in _messages(sub)]


def _broken(change: Any) -> Any:
    data = as_editor_sees_it(example_data("paper-supplier"))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["term"].update(reporting_intervl="month"), "Additional properties are not allowed"),
        (lambda d: d["term"].pop("end"), "'end' is a required property"),
        (lambda d: d.update(goals=5), "5 is not of type 'array'"),
        (lambda d: d["term"].update(reporting_interval="montly"), "'montly' is not one of"),
        (lambda d: d["goals"][0]["target"].update(computed="funnel.leads_needed"), "is valid under each of"),
        (lambda d: d["goals"][0].update(target={}), "is not valid under any of the given schemas"),
        (lambda d: d["missed_goals"].update(diagnosed_by=[]), "[] should be non-empty"),
        (lambda d: d["parties"][0]["people"][0].update(email="oliver at birchwood"), "does not match"),
        (lambda d: d["goals"][0].update(accrues="no"), "'no' is not of type 'boolean'"),
        (lambda d: d.update(inputs={"currency": "GBP", "availability": {"target": 150, "measured_per": "month"}}),
         "150 is greater than the maximum of 100"),
        (lambda d: d.update(inputs={"currency": "GBP", "availability": {"target": "150%", "measured_per": "month"}}),
         "'150%' does not match"),
    ],
)  # fmt: skip
def test_broken_agreements_are_rejected(
    change: Any, message: str, validator: jsonschema.protocols.Validator
) -> None:
    errors = [m for e in validator.iter_errors(_broken(change)) for m in _messages(e)]
    assert errors, "the schema accepted a broken agreement"
    assert any(message in e for e in errors), errors
