"""The starter content of a new agreement, per kind: plain data shaped like the model.

Every value is a realistic placeholder that passes ``slagen check --strict``; the author
replaces names, addresses and figures. Dates follow the year the file is written in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .clauses import starter_clauses

Data = dict[str, Any]


def person(ident: str, name: str, role: str, domain: str) -> Data:
    """A party's person, with an e-mail address ``first.last@domain`` (the Polish starter's too)."""
    first, last = name.lower().split(" ", 1)
    return {"id": ident, "name": name, "role": role, "email": f"{first}.{last}@{domain}"}


def party(
    ident: str,
    name: str,
    roles: list[str],
    description: str,
    people: list[Data],
    address: str | None = None,
    short_name: str | None = None,
) -> Data:
    """A party led by the first of its ``people``."""
    return {
        "id": ident,
        "name": name,
        "short_name": short_name,
        "roles": roles,
        "description": description,
        "address": address,
        "lead": people[0]["id"],
        "people": people,
    }


def goal(
    ident: str,
    party: str,
    metric: str,
    comparison: str,
    target: Data,
    unit: str | Data,
    owner: str,
    stage: str,
    *,
    interval: str = "month",
    measured_by: str,
    accrues: bool = False,
    measure: str = "total",
    per: str | None = None,
    limit: Data | None = None,
    credits: Data | None = None,
) -> Data:
    """A goal in the model's key order; ``per``, ``limit`` and ``credits`` only when given."""
    shape: Data = {"measure": measure}
    if per is not None:
        shape["per"] = per
    if limit is not None:
        shape["limit"] = limit
    if credits is not None:
        shape["credits"] = credits
    return {
        "id": ident,
        "party": party,
        "metric": metric,
        "comparison": comparison,
        "target": target,
        "unit": unit,
        "interval": interval,
        "measured_by": measured_by,
        "owner": owner,
        "stage": stage,
        "accrues": accrues,
        **shape,
    }


def requirement(party: str, from_party: str, text: str, interval: str | None = None) -> Data:
    """What ``party`` needs from ``from_party`` (no interval: written without one)."""
    return {"party": party, "from_party": from_party, "text": text, "interval": interval}


def report(
    ident: str, title: str, from_person: str, to_person: str, every: str, content: str, visible_to: list[str]
) -> Data:
    """A report one person sends another ``every`` interval."""
    return {
        "id": ident,
        "title": title,
        "from_person": from_person,
        "to_person": to_person,
        "every": every,
        "content": content,
        "visible_to": visible_to,
    }


def _customer() -> Data:
    """A provider and one customer: an availability promise with support times and credits."""
    return {
        "parties": [
            party(
                "provider",
                "Example Provider Ltd.",
                ["provider"],
                "The company that delivers the service.",
                [
                    person("pat", "Pat Provider", "Service Delivery Manager", "provider.example"),
                    person("sam", "Sam Support", "Support Desk Lead", "provider.example"),
                ],
                "1 Provider Street, Springfield",
            ),
            party(
                "customer",
                "Example Customer Inc.",
                ["consumer"],
                "The company that receives the service.",
                [
                    person("casey", "Casey Customer", "IT Operations Manager", "customer.example"),
                    person("dana", "Dana Director", "Chief Information Officer", "customer.example"),
                ],
                "2 Customer Avenue, Springfield",
            ),
        ],
        "calendar": {
            "time_zone": "Europe/London",
            "holidays": [{"party": "provider", "country": "GB", "subdivision": "ENG"}],
            "business_hours": {
                "party": "provider",
                "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                "start": "09:00",
                "end": "17:00",
            },
        },
        "overview": {
            "summary": "The provider operates the service for the customer, keeps it available and "
            "answers the customer's incidents within the agreed times.",
            "services": ["Operation and monitoring of the service", "A support desk for incidents"],
            "for_whom": "Example Customer Inc. and the users of its service",
            "success_measures": ["Monthly availability", "Time to first response to incidents"],
        },
        "inputs": {
            "currency": "USD",
            "availability": {
                "target": "99.9",
                "measured_per": "month",
                "maintenance_windows": [
                    {
                        "description": "Planned maintenance",
                        "recurrence": {"every": "week", "day": "sunday", "start": "02:00", "end": "04:00"},
                        "notice_days": 7,
                        "hours_per_month": 10,
                    }
                ],
            },
            "service_credits": {
                "basis": "availability",
                "tiers": [
                    {"below": "99.9", "strict": True, "credit": "10%"},
                    {"below": "99.0", "strict": True, "credit": "25%"},
                ],
                "monthly_cap": "25%",
                "monthly_charge": 5000,
            },
            "support": [
                {
                    "severity": "p1",
                    "description": "The service is down for all users",
                    "response_minutes": 30,
                    "resolution_hours": 4,
                    "hours": "24x7",
                },
                {
                    "severity": "p2",
                    "description": "A function is impaired and a workaround exists",
                    "response_minutes": 240,
                    "resolution_hours": 48,
                    "clock": "business-hours",
                },
            ],
        },
        "goals": [
            goal(
                "availability",
                "provider",
                "Availability of the service outside maintenance windows",
                "at-least",
                {"value": "99.9"},
                "%",
                "pat",
                "monitoring",
                measured_by="External checks of the service every minute",
            ),
            goal(
                "p1-response",
                "provider",
                "Time to first response to a severity-1 incident",
                "at-most",
                {"value": 30},
                "minutes",
                "sam",
                "response",
                measured_by="Help-desk time stamps of the ticket and of the first reply",
                measure="per-event",
                per="severity-1 incident",
                credits={"per_miss": "5%"},
            ),
        ],
        "requirements": [
            requirement(
                "provider", "customer", "Incidents reported through the help desk with their severity"
            ),
            requirement(
                "customer", "provider", "A monthly service report with availability and incidents", "month"
            ),
        ],
        "reports": [
            report(
                "service-report",
                "Monthly service report",
                "pat",
                "casey",
                "month",
                "Availability against target, incidents and response times",
                ["provider", "customer"],
            )
        ],
        "diagnosed_by": ["pat", "casey"],
        "consequences": ["A written incident report within five business days of each severity-1 incident"],
    }


def _internal() -> Data:
    """Two departments: marketing's lead goal follows from sales' quota (the guide's funnel)."""
    return {
        "parties": [
            party(
                "marketing",
                "Marketing Department",
                ["provider"],
                "Generates and qualifies leads for sales.",
                [
                    person("morgan", "Morgan Marketer", "Chief Marketing Officer", "company.example"),
                    person("lee", "Lee Leads", "Demand Generation Manager", "company.example"),
                ],
            ),
            party(
                "sales",
                "Sales Department",
                ["consumer"],
                "Works the leads marketing hands off and closes new business.",
                [
                    person("kim", "Kim Seller", "Head of Sales", "company.example"),
                    person("ray", "Ray Reports", "Sales Operations Analyst", "company.example"),
                ],
            ),
        ],
        "overview": {
            "summary": "Marketing supplies the qualified leads sales needs to meet its quota, and "
            "sales follows up every lead and reports back on it.",
            "services": ["Generation and qualification of leads", "Follow-up of every lead by sales"],
            "for_whom": "The sales team",
            "success_measures": ["Qualified leads delivered each month", "New customers closed each month"],
        },
        "inputs": {
            "currency": "USD",
            "funnel": {
                "per": "month",
                "sales_quota": 5000,
                "marketing_share": "100%",
                "average_deal_size": 100,
                "close_rate": "50%",
            },
        },
        "goals": [
            goal(
                "qualified-leads",
                "marketing",
                "Qualified leads delivered to sales",
                "at-least",
                {"computed": "funnel.leads_needed"},
                "leads",
                "morgan",
                "qualification",
                measured_by="Leads marked sales-qualified in the CRM",
                accrues=True,
            ),
            goal(
                "new-customers",
                "sales",
                "New customers from marketing leads",
                "at-least",
                {"computed": "funnel.customers_needed"},
                "customers",
                "kim",
                "goals",
                measured_by="Closed-won opportunities with a marketing lead source",
                accrues=True,
            ),
        ],
        "requirements": [
            requirement("marketing", "sales", "A weekly status report on every lead handed off", "week"),
            requirement(
                "sales", "marketing", "Qualified leads delivered through the CRM with contact details", "day"
            ),
        ],
        "reports": [
            report(
                "weekly-status",
                "Weekly sales status report",
                "kim",
                "morgan",
                "week",
                "Leads worked, connected, converted and rejected",
                ["marketing", "sales"],
            )
        ],
        "diagnosed_by": ["morgan", "kim"],
        "consequences": ["The team leads meet within five business days of a missed month to agree a plan"],
    }


def _multi_level() -> Data:
    """Three departments: marketing feeds sales, sales hands new customers to service."""
    data = _internal()
    data["parties"][1]["roles"] = ["consumer", "provider"]
    data["parties"].append(
        party(
            "service",
            "Customer Service Department",
            ["consumer"],
            "Onboards and supports the customers sales closes.",
            [
                person("jo", "Jo Service", "VP of Customer Service", "company.example"),
                person("kai", "Kai Knowledge", "Knowledge Base Manager", "company.example"),
            ],
        )
    )
    data["overview"]["services"].append("Onboarding and support of new customers")
    data["overview"]["for_whom"] = "The sales and customer service teams, and their new customers"
    data["goals"].append(
        goal(
            "onboarding",
            "service",
            "New customers onboarded within five business days of closing",
            "at-least",
            {"value": 95},
            "%",
            "jo",
            "service",
            measured_by="Onboarding calls logged in the help desk",
            measure="share",
            per="new customer",
            limit={"comparison": "at-most", "target": {"value": 5}, "unit": "business days from closing"},
        )
    )
    data["requirements"].append(
        requirement(
            "service", "sales", "A monthly customer friction report on what made each sale hard", "month"
        )
    )
    data["reports"].append(
        report(
            "customer-friction",
            "Customer friction report",
            "kim",
            "jo",
            "month",
            "Objections and questions of new customers, for the knowledge base",
            ["marketing", "sales", "service"],
        )
    )
    data["reports"][0]["visible_to"] = ["marketing", "sales", "service"]
    data["diagnosed_by"] = ["morgan", "kim", "jo"]
    return data


KINDS = {"customer": _customer, "internal": _internal, "multi-level": _multi_level}


def starter(kind: str, style: str, today: date) -> Data:
    """The whole starter agreement of ``kind`` in ``style``, dated in ``today``'s year."""
    part = KINDS[kind]()
    year = today.year
    quarter = (today.month - 1) // 3 + 1
    parties = part["parties"]
    leads = [p["lead"] for p in parties]
    contacts = [
        {"person": person["id"], "responsibility": f"{person['role']} of {p['name']}"}
        for p in parties
        for person in p["people"]
    ]
    return {
        "id": f"new-{kind}-agreement",
        "title": f"{kind.capitalize()} Service-Level Agreement",
        "kind": kind,
        "version": "0.1",
        "term": {
            "start": date(year, 1, 1),
            "end": date(year, 12, 31),
            "reporting_interval": "month",
            "period": f"{year}-Q{quarter}",
        },
        "parties": parties,
        "overview": part["overview"],
        **({"calendar": part["calendar"]} if "calendar" in part else {}),
        "inputs": part["inputs"],
        "goals": part["goals"],
        "requirements": part["requirements"],
        "contacts": contacts,
        "reports": part["reports"],
        "missed_goals": {
            "consequences": part["consequences"],
            "diagnosed_by": part["diagnosed_by"],
            "recovery": "Shortfalls are made up over the following two months",
            "strikes": {
                "limit": 3,
                "window": "quarter",
                "consequence": "The heads of all parties review the agreement's goals and inputs",
            },
        },
        "cancellation": {
            "conditions": [
                {
                    "text": "Goals are missed for the last three months in a row",
                    "missed_in_a_row": 3,
                    "by": "any",
                },
                {"text": "The agreement no longer has the support of every party", "by": "any"},
            ],
            "notice_days": 30,
        },
        "unexpected_events": {
            "excused": ["Outages of systems outside the parties' control", "Severe weather"],
            "minimum_standards": ["The affected party is told of the event and its expected duration"],
            "notice_hours": 24,
        },
        "review": {"mid_term": date(year, 7, 1), "end_of_term": date(year, 12, 15), "metrics_every": "month"},
        "sign_off": [{"person": lead} for lead in leads],
        "clauses": starter_clauses(kind, parties, "0.1", year),
        "presentation": {"styles": [style], "formats": ["pdf"], "locale": "en-US", "page_size": "A4"},
    }
