"""The real calendar of an agreement: time zones, recurring windows, holidays and business days.

One module per noun: :mod:`.zones` (IANA time zones, abbreviations refused), :mod:`.recurrence`
(weekly and monthly windows as wall-clock times, their hours per month across clock changes),
:mod:`.public_holidays` (the ``holidays`` package, imported only when an agreement names a
holiday calendar) and :mod:`.business` (business days and hours, delivery schedules and what a
holiday does to them). Nothing here reads the agreement model's structure beyond the small
typed parts it is given.
"""
