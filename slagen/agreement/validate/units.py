"""Units in the document's language: a unit counted in a locale with several plural forms
(Polish: 1 lead, 2 leady, 5 leadów) names each form the locale needs."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Context, Finding, check

#: Units that are never counted with a plural form (the percent sign, a currency's code).
UNCOUNTED = ("%", "percent")


@check("unit-forms", "a counted unit gives every plural form the document's locale needs")
def unit_forms(ctx: Context) -> Iterator[Finding]:
    """A unit written as one text in a locale with more plural forms than English, or as a
    mapping that misses some of the locale's forms."""
    a = ctx.agreement
    locale = a.presentation.locale
    if locale.startswith("en-"):
        return  # English: one and other, the singular made from the plural as today
    from slagen.i18n.plurals import categories  # Babel, only for agreements in other languages

    needed = categories(locale)
    for i, g in enumerate(a.goals):
        if g.unit in UNCOUNTED or g.unit == a.inputs.currency:
            continue
        where = ("goals", i, "unit")
        if g.unit_forms is None:
            yield Finding(
                where,
                f"the unit {g.unit!r} is one text, but {locale} counts with the forms "
                f"{', '.join(needed)}; write it as a mapping, e.g. unit: "
                "{" + ", ".join(f"{c}: ..." for c in needed) + "}",
                "warning",
            )
            continue
        missing = [c for c in needed if c not in g.unit_forms]
        if missing:
            yield Finding(
                where,
                f"expected the plural forms {', '.join(needed)} for {locale}, "
                f"got no {', '.join(missing)} form",
            )
