"""Helpers of the diff tests: the example agreement as the diffs' base, and pieces to add to it."""

from __future__ import annotations

import re

from conftest import example_text

# The follow-up capacity below depends on the reps' hours; pin them so the numbers are stated here.
BASE = re.sub(r"(?m)^    hours_per_rep: \d+$", "    hours_per_rep: 60", example_text())

SERVICE_PARTY = """\
  - id: service
    name: Customer Service Department, Northwind Software Inc.
    roles: [consumer]
    description: Keeps new customers happy after the sale.
    lead: joan
    people:
      - id: joan
        name: Joan Brooks
        role: VP of Customer Service
        email: joan.brooks@northwind.example

overview:
"""

PIPELINE_GOAL = """\
  - id: pipeline-reviews
    party: sales
    metric: Weekly pipeline reviews held with marketing
    comparison: at-least
    target: {value: 4}
    unit: meetings
    interval: month
    owner: kendra
  - id: new-customers
"""


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` (which must occur once) replaced by ``new``."""
    assert text.count(old) == 1, old
    return text.replace(old, new)
