"""The starter agreement in Polish (``slagen init --locale pl-PL``) of every kind: the guide's
marketing and sales SLA (internal), with customer service after sales (multi-level), and a
provider's availability promise to a customer (customer). Every text a Polish document prints is
written in Polish and each unit is given with its Polish plural forms (``check`` asks for them in
pl-PL). Like the English starters, each has a strikes system; the customer's credits are claimed
as its ``clauses.claims`` says. The English starters' other standard clauses are not written
here: their texts are English.
"""

from __future__ import annotations

from datetime import date

from .content import Data, goal, party, person, report, requirement


def _person(ident: str, name: str, role: str) -> Data:
    return person(ident, name, role, "firma.example")


def _strikes(consequence: str) -> Data:
    """The strikes system of the English starters: three missed months in one quarter."""
    return {"limit": 3, "window": "quarter", "consequence": consequence}


def _term(year: int, quarter: int) -> Data:
    """The term: ``year``, reported monthly, the period its ``quarter``, made in Warsaw."""
    return {
        "start": date(year, 1, 1),
        "end": date(year, 12, 31),
        "reporting_interval": "month",
        "period": f"{year}-Q{quarter}",
        "place": "Warszawie",
    }


def _internal(kind: str, style: str, year: int, quarter: int) -> Data:
    """Two departments: marketing's lead goal follows from sales' quota (the guide's funnel)."""
    return {
        "id": "nowa-umowa-wewnetrzna",
        "title": "Umowa o poziomie usług między działem marketingu a działem sprzedaży",
        "kind": kind,
        "version": "0.1",
        "term": _term(year, quarter),
        "parties": [
            party(
                "marketing",
                "Dział Marketingu",
                ["provider"],
                "Pozyskuje i kwalifikuje leady dla działu sprzedaży.",
                [_person("marta", "Marta Nowak", "Dyrektorka ds. marketingu")],
                address="ul. Przykładowa 1, 00-001 Warszawa",
                short_name="Marketing",
            ),
            party(
                "sprzedaz",
                "Dział Sprzedaży",
                ["consumer"],
                "Obsługuje przekazane leady i zamyka nowe transakcje.",
                [_person("jan", "Jan Kowalski", "Kierownik działu sprzedaży")],
                address="ul. Przykładowa 1, 00-001 Warszawa",
                short_name="Sprzedaż",
            ),
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
            goal(
                "kwalifikowane-leady",
                "marketing",
                "Kwalifikowane leady przekazane do działu sprzedaży",
                "at-least",
                {"computed": "funnel.leads_needed"},
                {"one": "lead", "few": "leady", "many": "leadów", "other": "leada"},
                "marta",
                "qualification",
                measured_by="Leady oznaczone w CRM jako zakwalifikowane",
                accrues=True,
            ),
            goal(
                "nowi-klienci",
                "sprzedaz",
                "Nowi klienci z leadów marketingowych",
                "at-least",
                {"computed": "funnel.customers_needed"},
                {"one": "klient", "few": "klientów", "many": "klientów", "other": "klienta"},
                "jan",
                "goals",
                measured_by="Wygrane szanse sprzedaży ze źródłem marketingowym w CRM",
                accrues=True,
            ),
        ],
        "requirements": [
            requirement(
                "marketing", "sprzedaz", "Cotygodniowy raport statusu każdego przekazanego leada", "week"
            ),
            requirement("sprzedaz", "marketing", "Kwalifikowane leady w CRM z danymi kontaktowymi", "day"),
        ],
        "contacts": [
            {"person": "marta", "responsibility": "Odpowiada za cel leadów"},
            {"person": "jan", "responsibility": "Odpowiada za obsługę leadów i cel klientów"},
        ],
        "reports": [
            report(
                "raport-tygodniowy",
                "Tygodniowy raport statusu sprzedaży",
                "jan",
                "marta",
                "week",
                "Leady obsłużone, skontaktowane, zamienione na klientów i odrzucone",
                ["marketing", "sprzedaz"],
            )
        ],
        "missed_goals": {
            "consequences": [
                "Kierownicy działów spotykają się w ciągu pięciu dni roboczych od nieosiągnięcia celu, "
                "aby uzgodnić plan naprawczy"
            ],
            "diagnosed_by": ["marta", "jan"],
            "recovery": "Niedobór jest nadrabiany w ciągu dwóch kolejnych miesięcy",
            "strikes": _strikes("Kierownicy wszystkich działów przeglądają cele i dane wejściowe umowy"),
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
        party(
            "obsluga",
            "Dział Obsługi Klienta",
            ["consumer"],
            "Wdraża i wspiera klientów pozyskanych przez dział sprzedaży.",
            [_person("ewa", "Ewa Wiśniewska", "Dyrektorka ds. obsługi klienta")],
            address="ul. Przykładowa 1, 00-001 Warszawa",
            short_name="Obsługa Klienta",
        )
    )
    overview = data["overview"]
    overview["services"].append("Wdrożenie i wsparcie nowych klientów")
    overview["for_whom"] = "Działy sprzedaży i obsługi klienta oraz ich nowi klienci"
    overview["success_measures"].append("Odsetek nowych klientów wdrożonych w ciągu pięciu dni roboczych")
    data["goals"].append(
        goal(
            "wdrozenie",
            "obsluga",
            "Nowi klienci wdrożeni w ciągu pięciu dni roboczych od zawarcia umowy",
            "at-least",
            {"value": 95},
            "%",
            "ewa",
            "service",
            measured_by="Rozmowy wdrożeniowe zapisane w systemie obsługi zgłoszeń",
            measure="share",
            per="nowego klienta",
            limit={
                "comparison": "at-most",
                "target": {"value": 5},
                "unit": "dni roboczych od zawarcia umowy",
            },
        )
    )
    data["requirements"].append(
        requirement("obsluga", "sprzedaz", "Miesięczny raport o tym, co utrudniło każdą sprzedaż", "month")
    )
    data["contacts"].append({"person": "ewa", "responsibility": "Odpowiada za wdrożenie nowych klientów"})
    data["reports"][0]["visible_to"] = ["marketing", "sprzedaz", "obsluga"]
    data["reports"].append(
        report(
            "raport-trudnosci",
            "Raport o trudnościach klientów",
            "jan",
            "ewa",
            "month",
            "Zastrzeżenia i pytania nowych klientów, do bazy wiedzy",
            ["marketing", "sprzedaz", "obsluga"],
        )
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
        "term": _term(year, quarter),
        "parties": [
            party(
                "dostawca",
                "Przykładowy Dostawca sp. z o.o.",
                ["provider"],
                "Spółka, która świadczy usługę.",
                [
                    _person("piotr", "Piotr Zieliński", "Kierownik ds. świadczenia usługi"),
                    _person("anna", "Anna Lewandowska", "Kierowniczka działu wsparcia"),
                ],
                address="ul. Dostawców 1, 00-001 Warszawa",
                short_name="Dostawca",
            ),
            party(
                "klient",
                "Przykładowy Klient S.A.",
                ["consumer"],
                "Spółka, która korzysta z usługi.",
                [_person("tomasz", "Tomasz Wójcik", "Kierownik działu IT")],
                address="ul. Klientów 2, 30-001 Kraków",
                short_name="Klient",
            ),
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
            goal(
                "dostepnosc",
                "dostawca",
                "Dostępność usługi",
                "at-least",
                {"value": "99.9"},
                "%",
                "piotr",
                "monitoring",
                measured_by="Zewnętrzne sprawdzenia usługi co minutę",
            ),
            goal(
                "odpowiedz-p1",
                "dostawca",
                "Czas do pierwszej odpowiedzi na zgłoszenie o priorytecie 1",
                "at-most",
                {"value": 30},
                {"one": "minuta", "few": "minuty", "many": "minut", "other": "minuty"},
                "anna",
                "response",
                measured_by="Znaczniki czasu zgłoszenia i pierwszej odpowiedzi w systemie wsparcia",
                measure="per-event",
                per="zgłoszenia o priorytecie 1",
                credits={"per_miss": "5%"},
            ),
        ],
        "requirements": [
            requirement(
                "dostawca", "klient", "Zgłoszenia przekazywane przez system wsparcia z określonym priorytetem"
            ),
            requirement(
                "klient", "dostawca", "Miesięczny raport o dostępności usługi i zgłoszeniach", "month"
            ),
        ],
        "contacts": [
            {"person": "piotr", "responsibility": "Odpowiada za świadczenie usługi"},
            {"person": "anna", "responsibility": "Odpowiada za obsługę zgłoszeń"},
            {"person": "tomasz", "responsibility": "Odpowiada za korzystanie z usługi po stronie klienta"},
        ],
        "reports": [
            report(
                "raport-miesieczny",
                "Miesięczny raport o usłudze",
                "piotr",
                "tomasz",
                "month",
                "Dostępność w porównaniu z celem, zgłoszenia i czasy odpowiedzi",
                ["dostawca", "klient"],
            )
        ],
        "missed_goals": {
            "consequences": [
                "Pisemny raport o incydencie w ciągu pięciu dni roboczych od każdego zgłoszenia o priorytecie 1"
            ],
            "diagnosed_by": ["piotr", "tomasz"],
            "recovery": "Dostawca przedstawia plan naprawczy w ciągu dziesięciu dni roboczych",
            "strikes": _strikes("Zarządy obu stron przeglądają cele umowy i plan naprawczy dostawcy"),
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
                "how": "zgłoszenie w systemie wsparcia dostawcy oznaczone jako wniosek o bonifikatę",
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
    """The whole Polish starter agreement of ``kind`` (one of :data:`slagen.scaffold.content.KINDS`,
    which the caller has checked) in ``style``, dated in ``today``'s year."""
    return _STARTERS_PL[kind](kind, style, today.year, (today.month - 1) // 3 + 1)
