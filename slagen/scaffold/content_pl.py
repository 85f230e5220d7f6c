"""The starter agreement in Polish (``slagen init --locale pl-PL``): the internal kind, the
guide's marketing and sales SLA, with every text a Polish document prints written in Polish
and each unit given with its Polish plural forms (``check`` asks for them in pl-PL).

The standard clauses are left out: their sentences are written by slagen in English only
(see the report of issue 19), and a Polish document must not print English.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import UsageError

Data = dict[str, Any]

#: The kinds with a Polish starter.
KINDS_PL = ("internal",)


def _person(ident: str, name: str, role: str) -> Data:
    first, last = ident, name.split(" ", 1)[1].lower()
    return {"id": ident, "name": name, "role": role, "email": f"{first}.{last}@firma.example"}


def starter_pl(kind: str, style: str, today: date) -> Data:
    """The whole Polish starter agreement of ``kind`` in ``style``, dated in ``today``'s year."""
    if kind not in KINDS_PL:
        raise UsageError(
            f"expected --kind {' or '.join(KINDS_PL)} with --locale pl-PL (a Polish starter), got {kind!r}"
        )
    year = today.year
    quarter = (today.month - 1) // 3 + 1
    return {
        "id": "nowa-umowa-wewnetrzna",
        "title": "Umowa o poziomie usług między działem marketingu a działem sprzedaży",
        "kind": kind,
        "version": "0.1",
        "term": {
            "start": date(year, 1, 1),
            "end": date(year, 12, 31),
            "reporting_interval": "month",
            "period": f"{year}-Q{quarter}",
            "place": "Warszawie",
        },
        "parties": [
            {
                "id": "marketing",
                "name": "Dział Marketingu",
                "short_name": "Marketing",
                "roles": ["provider"],
                "description": "Pozyskuje i kwalifikuje leady dla działu sprzedaży.",
                "address": "ul. Przykładowa 1, 00-001 Warszawa",
                "lead": "marta",
                "people": [_person("marta", "Marta Nowak", "Dyrektorka ds. marketingu")],
            },
            {
                "id": "sprzedaz",
                "name": "Dział Sprzedaży",
                "short_name": "Sprzedaż",
                "roles": ["consumer"],
                "description": "Obsługuje przekazane leady i zamyka nowe transakcje.",
                "address": "ul. Przykładowa 1, 00-001 Warszawa",
                "lead": "jan",
                "people": [_person("jan", "Jan Kowalski", "Kierownik działu sprzedaży")],
            },
        ],
        "overview": {
            "summary": "Marketing dostarcza kwalifikowane leady, których dział sprzedaży potrzebuje do "
            "wykonania planu, a dział sprzedaży obsługuje każdy lead i raportuje jego wynik.",
            "services": ["Pozyskiwanie i kwalifikacja leadów", "Obsługa każdego leada przez dział sprzedaży"],
            "for_whom": "Dział sprzedaży",
            "success_measures": [
                "Liczba kwalifikowanych leadów przekazanych w miesiącu",
                "Liczba nowych klientów pozyskanych w miesiącu",
            ],
        },
        "inputs": {
            "currency": "PLN",
            "funnel": {
                "per": "month",
                "sales_quota": 20000,
                "marketing_share": "100%",
                "average_deal_size": 400,
                "close_rate": "50%",
            },
        },
        "goals": [
            {
                "id": "kwalifikowane-leady",
                "party": "marketing",
                "metric": "Kwalifikowane leady przekazane do działu sprzedaży",
                "comparison": "at-least",
                "target": {"computed": "funnel.leads_needed"},
                "unit": {"one": "lead", "few": "leady", "many": "leadów", "other": "leada"},
                "interval": "month",
                "measured_by": "Leady oznaczone w CRM jako zakwalifikowane",
                "owner": "marta",
                "stage": "qualification",
                "accrues": True,
                "measure": "total",
            },
            {
                "id": "nowi-klienci",
                "party": "sprzedaz",
                "metric": "Nowi klienci z leadów marketingowych",
                "comparison": "at-least",
                "target": {"computed": "funnel.customers_needed"},
                "unit": {"one": "klient", "few": "klientów", "many": "klientów", "other": "klienta"},
                "interval": "month",
                "measured_by": "Wygrane szanse sprzedaży ze źródłem marketingowym w CRM",
                "owner": "jan",
                "stage": "goals",
                "accrues": True,
                "measure": "total",
            },
        ],
        "requirements": [
            {
                "party": "marketing",
                "from_party": "sprzedaz",
                "text": "Cotygodniowy raport statusu każdego przekazanego leada",
                "interval": "week",
            },
            {
                "party": "sprzedaz",
                "from_party": "marketing",
                "text": "Kwalifikowane leady w CRM z danymi kontaktowymi",
                "interval": "day",
            },
        ],
        "contacts": [
            {"person": "marta", "responsibility": "Odpowiada za cel leadów"},
            {"person": "jan", "responsibility": "Odpowiada za obsługę leadów i cel klientów"},
        ],
        "reports": [
            {
                "id": "raport-tygodniowy",
                "title": "Tygodniowy raport statusu sprzedaży",
                "from_person": "jan",
                "to_person": "marta",
                "every": "week",
                "content": "Leady obsłużone, skontaktowane, zamienione na klientów i odrzucone",
                "visible_to": ["marketing", "sprzedaz"],
            }
        ],
        "missed_goals": {
            "consequences": [
                "Kierownicy działów spotykają się w ciągu pięciu dni roboczych od nieosiągnięcia celu, "
                "aby uzgodnić plan naprawczy"
            ],
            "diagnosed_by": ["marta", "jan"],
            "recovery": "Niedobór jest nadrabiany w ciągu dwóch kolejnych miesięcy",
        },
        "cancellation": {
            "conditions": [
                {
                    "text": "Cele nie zostały osiągnięte w trzech ostatnich miesiącach z rzędu",
                    "missed_in_a_row": 3,
                    "by": "any",
                }
            ],
            "notice_days": 30,
        },
        "unexpected_events": {
            "excused": ["Awaria systemów poza kontrolą stron trwająca dłużej niż jeden dzień roboczy"],
            "minimum_standards": [
                "Strona, której dotyczy zdarzenie, informuje pozostałe o jego przewidywanym czasie"
            ],
            "notice_hours": 24,
        },
        "review": {"mid_term": date(year, 7, 1), "end_of_term": date(year, 12, 15), "metrics_every": "month"},
        "sign_off": [{"person": "marta"}, {"person": "jan"}],
        "presentation": {"styles": [style], "formats": ["pdf"], "locale": "pl-PL", "page_size": "A4"},
    }
