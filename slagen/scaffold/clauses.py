"""The starter ``clauses`` section of a new agreement: the standard clauses, filled in.

A customer agreement gets every clause ``slagen lint`` treats as essential (measurement,
claims, exclusions, governing law) and the rest a signable SLA has; internal and multi-level
agreements get the version history, counterparts and escalation only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

Data = dict[str, Any]


def starter_clauses(kind: str, parties: list[Data], version: str, year: int) -> Data:
    """The ``clauses`` section for a starter agreement of ``kind`` between ``parties``."""
    leads = [p["lead"] for p in parties]
    common: Data = {
        "amendments": {
            "signed_by": "every-party",
            "history": [{"version": version, "date": date(year, 1, 1), "summary": "First draft"}],
        },
        "counterparts": {
            "counterparts": True,
            "electronic": True,
            "method": "electronic signatures that identify the signatory",
        },
        "escalation": [
            {
                "level": n + 1,
                "person": lead,
                "phone": f"+1 555 010 {n + 1:04d}",
                "when": "a problem the points of contact have not solved within two business days",
            }
            for n, lead in enumerate(leads)
        ],
    }
    if kind != "customer":
        return common
    provider, customer = parties[0], parties[1]
    return {
        "definitions": [
            {"term": "Business Day", "meaning": "a day from Monday to Friday that is not a public holiday"}
        ],
        "measurement": {
            "downtime": "a minute in which the external checks find the service unreachable",
            "partial_periods": "prorated",
        },
        "claims": {
            "claimant": customer["id"],
            "automatic": False,
            "how": "a ticket in the provider's help desk marked as a credit claim",
            "deadline_days": 30,
            "evidence": ["the dates and times of the downtime", "the users or functions affected"],
            "processing_days": 15,
            "applied": "deducted from the next invoice",
        },
        "exclusions": [
            {"kind": "force-majeure", "text": "events beyond the provider's reasonable control"},
            {"kind": "customer-equipment", "text": "faults of the customer's own network or equipment"},
            {"kind": "customer-breach", "text": "the customer's breach of the agreement"},
            {"kind": "beta-features", "text": "features marked as beta or preview"},
            {"kind": "third-party", "text": "services of third parties the customer chose"},
        ],
        "remedies": {"sole_remedy": True, "cash": False, "liability_cap": "counts-toward"},
        "governing_law": {
            "law": "the laws of the State of New York",
            "courts": "the state and federal courts in New York County",
            "exclusive": True,
        },
        "notices": [
            {
                "party": p["id"],
                "attention": p["lead"],
                "address": p["address"],
                "email": f"legal@{p['people'][0]['email'].partition('@')[2]}",
            }
            for p in (provider, customer)
        ],
        "precedence": {"order": ["the master services agreement between the parties", "this Agreement"]},
        **common,
        "confidentiality": {"document": "the master services agreement between the parties"},
        "data_protection": {"document": "the data processing agreement between the parties"},
    }
