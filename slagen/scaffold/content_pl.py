"""The starter agreement in Polish (``slagen init --locale pl-PL``) of every kind: the guide's
marketing and sales SLA (internal), with customer service after sales (multi-level), and a
provider's availability promise to a customer (customer). Every text a Polish document prints is
written in Polish and each unit is given with its Polish plural forms (``check`` asks for them in
pl-PL).

The standard clauses are left out: their sentences are written by slagen in English only
(see the report of issue 19), and a Polish document must not print English.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import UsageError

Data = dict[str, Any]

#: The kinds with a Polish starter.
KINDS_PL = ("customer", "internal", "multi-level")


def _person(ident: str, name: str, role: str) -> Data:
    first, last = ident, name.split(" ", 1)[1].lower()
    return {"id": ident, "name": name, "role": role, "email": f"{first}.{last}@firma.example"}


def _internal(kind: str, style: str, year: int, quarter: int) -> Data:
    """Two departments: marketing's lead goal follows from sales' quota (the guide's funnel)."""
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


def _multi_level(kind: str, style: str, year: int, quarter: int) -> Data:
    """Three departments: marketing feeds sales, sales hands new customers to customer service."""
    data = _internal(kind, style, year, quarter)
    data["id"] = "nowa-umowa-wielopoziomowa"
    data["title"] = "Umowa o poziomie usług między działami marketingu, sprzedaży i obsługi klienta"
    data["parties"][1]["roles"] = ["consumer", "provider"]
    data["parties"].append(
        {
            "id": "obsluga",
            "name": "Dział Obsługi Klienta",
            "short_name": "Obsługa Klienta",
            "roles": ["consumer"],
            "description": "Wdraża i wspiera klientów pozyskanych przez dział sprzedaży.",
            "address": "ul. Przykładowa 1, 00-001 Warszawa",
            "lead": "ewa",
            "people": [_person("ewa", "Ewa Wiśniewska", "Dyrektorka ds. obsługi klienta")],
        }
    )
    overview = data["overview"]
    overview["services"].append("Wdrożenie i wsparcie nowych klientów")
    overview["for_whom"] = "Działy sprzedaży i obsługi klienta oraz ich nowi klienci"
    overview["success_measures"].append("Odsetek nowych klientów wdrożonych w ciągu pięciu dni roboczych")
    data["goals"].append(
        {
            "id": "wdrozenie",
            "party": "obsluga",
            "metric": "Nowi klienci wdrożeni w ciągu pięciu dni roboczych od zawarcia umowy",
            "comparison": "at-least",
            "target": {"value": 95},
            "unit": "%",
            "interval": "month",
            "measured_by": "Rozmowy wdrożeniowe zapisane w systemie obsługi zgłoszeń",
            "owner": "ewa",
            "stage": "service",
            "accrues": False,
            "measure": "share",
            "per": "nowego klienta",
            "limit": {
                "comparison": "at-most",
                "target": {"value": 5},
                "unit": "dni roboczych od zawarcia umowy",
            },
        }
    )
    data["requirements"].append(
        {
            "party": "obsluga",
            "from_party": "sprzedaz",
            "text": "Miesięczny raport o tym, co utrudniło każdą sprzedaż",
            "interval": "month",
        }
    )
    data["contacts"].append({"person": "ewa", "responsibility": "Odpowiada za wdrożenie nowych klientów"})
    data["reports"][0]["visible_to"] = ["marketing", "sprzedaz", "obsluga"]
    data["reports"].append(
        {
            "id": "raport-trudnosci",
            "title": "Raport o trudnościach klientów",
            "from_person": "jan",
            "to_person": "ewa",
            "every": "month",
            "content": "Zastrzeżenia i pytania nowych klientów, do bazy wiedzy",
            "visible_to": ["marketing", "sprzedaz", "obsluga"],
        }
    )
    data["missed_goals"]["diagnosed_by"] = ["marta", "jan", "ewa"]
    data["sign_off"].append({"person": "ewa"})
    return data


def _customer(kind: str, style: str, year: int, quarter: int) -> Data:
    """A provider and one customer: an availability promise with support times and credits."""
    return {
        "id": "nowa-umowa-z-klientem",
        "title": "Umowa o poziomie usług dla klienta",
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
                "id": "dostawca",
                "name": "Przykładowy Dostawca sp. z o.o.",
                "short_name": "Dostawca",
                "roles": ["provider"],
                "description": "Spółka, która świadczy usługę.",
                "address": "ul. Dostawców 1, 00-001 Warszawa",
                "lead": "piotr",
                "people": [
                    _person("piotr", "Piotr Zieliński", "Kierownik ds. świadczenia usługi"),
                    _person("anna", "Anna Lewandowska", "Kierowniczka działu wsparcia"),
                ],
            },
            {
                "id": "klient",
                "name": "Przykładowy Klient S.A.",
                "short_name": "Klient",
                "roles": ["consumer"],
                "description": "Spółka, która korzysta z usługi.",
                "address": "ul. Klientów 2, 30-001 Kraków",
                "lead": "tomasz",
                "people": [_person("tomasz", "Tomasz Wójcik", "Kierownik działu IT")],
            },
        ],
        "overview": {
            "summary": "Dostawca utrzymuje usługę dla klienta, zapewnia jej dostępność i odpowiada na "
            "zgłoszenia klienta w uzgodnionym czasie.",
            "services": ["Utrzymanie i monitorowanie usługi", "Dział wsparcia przyjmujący zgłoszenia"],
            "for_whom": "Przykładowy Klient S.A. i użytkownicy jego usługi",
            "success_measures": ["Dostępność w miesiącu", "Czas do pierwszej odpowiedzi na zgłoszenie"],
        },
        "calendar": {
            "time_zone": "Europe/Warsaw",
            "holidays": [{"party": "dostawca", "country": "PL"}],
            "business_hours": {
                "party": "dostawca",
                "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                "start": "09:00",
                "end": "17:00",
            },
        },
        "inputs": {
            "currency": "PLN",
            "availability": {"target": "99.9", "measured_per": "month"},
            "service_credits": {
                "basis": "availability",
                "tiers": [
                    {"below": "99.9", "strict": True, "credit": "10%"},
                    {"below": "99.0", "strict": True, "credit": "25%"},
                ],
                "monthly_cap": "25%",
                "monthly_charge": 20000,
            },
            "support": [
                {
                    "severity": "p1",
                    "description": "Usługa jest niedostępna dla wszystkich użytkowników",
                    "response_minutes": 30,
                    "resolution_hours": 4,
                    "clock": "24x7",
                },
                {
                    "severity": "p2",
                    "description": "Funkcja działa wadliwie, ale istnieje obejście",
                    "response_minutes": 240,
                    "resolution_hours": 48,
                    "clock": "business-hours",
                },
            ],
        },
        "goals": [
            {
                "id": "dostepnosc",
                "party": "dostawca",
                "metric": "Dostępność usługi",
                "comparison": "at-least",
                "target": {"value": "99.9"},
                "unit": "%",
                "interval": "month",
                "measured_by": "Zewnętrzne sprawdzenia usługi co minutę",
                "owner": "piotr",
                "stage": "monitoring",
                "accrues": False,
                "measure": "total",
            },
            {
                "id": "odpowiedz-p1",
                "party": "dostawca",
                "metric": "Czas do pierwszej odpowiedzi na zgłoszenie o priorytecie 1",
                "comparison": "at-most",
                "target": {"value": 30},
                "unit": {"one": "minuta", "few": "minuty", "many": "minut", "other": "minuty"},
                "interval": "month",
                "measured_by": "Znaczniki czasu zgłoszenia i pierwszej odpowiedzi w systemie wsparcia",
                "owner": "anna",
                "stage": "response",
                "accrues": False,
                "measure": "per-event",
                "per": "zgłoszenia o priorytecie 1",
                "credits": {"per_miss": "5%"},
            },
        ],
        "requirements": [
            {
                "party": "dostawca",
                "from_party": "klient",
                "text": "Zgłoszenia przekazywane przez system wsparcia z określonym priorytetem",
            },
            {
                "party": "klient",
                "from_party": "dostawca",
                "text": "Miesięczny raport o dostępności usługi i zgłoszeniach",
                "interval": "month",
            },
        ],
        "contacts": [
            {"person": "piotr", "responsibility": "Odpowiada za świadczenie usługi"},
            {"person": "anna", "responsibility": "Odpowiada za obsługę zgłoszeń"},
            {"person": "tomasz", "responsibility": "Odpowiada za korzystanie z usługi po stronie klienta"},
        ],
        "reports": [
            {
                "id": "raport-miesieczny",
                "title": "Miesięczny raport o usłudze",
                "from_person": "piotr",
                "to_person": "tomasz",
                "every": "month",
                "content": "Dostępność w porównaniu z celem, zgłoszenia i czasy odpowiedzi",
                "visible_to": ["dostawca", "klient"],
            }
        ],
        "missed_goals": {
            "consequences": [
                "Pisemny raport o incydencie w ciągu pięciu dni roboczych od każdego zgłoszenia o priorytecie 1"
            ],
            "diagnosed_by": ["piotr", "tomasz"],
            "recovery": "Dostawca przedstawia plan naprawczy w ciągu dziesięciu dni roboczych",
        },
        "cancellation": {
            "conditions": [
                {
                    "text": "Cele nie zostały osiągnięte w trzech ostatnich miesiącach z rzędu",
                    "missed_in_a_row": 3,
                    "by": "consumer",
                }
            ],
            "notice_days": 30,
        },
        "unexpected_events": {
            "excused": ["Awarie systemów poza kontrolą stron", "Klęski żywiołowe"],
            "minimum_standards": [
                "Strona, której dotyczy zdarzenie, informuje drugą o jego przewidywanym czasie"
            ],
            "notice_hours": 24,
        },
        "review": {"mid_term": date(year, 7, 1), "end_of_term": date(year, 12, 15), "metrics_every": "month"},
        "sign_off": [{"person": "piotr"}, {"person": "tomasz"}],
        "clauses": {
            "claims": {
                "claimant": "klient",
                "automatic": False,
                "how": "zgłoszenie w systemie wsparcia dostawcy oznaczone jako wniosek o rekompensatę",
                "deadline_days": 30,
                "evidence": ["daty i godziny niedostępności", "użytkownicy lub funkcje, których dotyczyła"],
                "processing_days": 15,
                "applied": "odliczona od najbliższej faktury",
            }
        },
        "presentation": {"styles": [style], "formats": ["pdf"], "locale": "pl-PL", "page_size": "A4"},
    }


_STARTERS_PL = {"customer": _customer, "internal": _internal, "multi-level": _multi_level}


def starter_pl(kind: str, style: str, today: date) -> Data:
    """The whole Polish starter agreement of ``kind`` in ``style``, dated in ``today``'s year."""
    if kind not in _STARTERS_PL:
        raise UsageError(
            f"expected --kind {' or '.join(KINDS_PL)} with --locale pl-PL (a Polish starter), got {kind!r}"
        )
    return _STARTERS_PL[kind](kind, style, today.year, (today.month - 1) // 3 + 1)
