"""The rules of time, in one place: zones, formatting, a slot, countries and the business calendar.

- :mod:`amends.dates.zones`: IANA zone validation, local-time parsing with explicit DST gap/fold
  handling, ISO instants for ``--now``;
- :mod:`amends.dates.format`: human dates and times that always carry their zone;
- :mod:`amends.dates.slot`: :class:`Slot`, a proposed time shown on both clocks;
- :mod:`amends.dates.country`: the country (and region) a zone serves;
- :mod:`amends.dates.calendar`: working hours, the country's weekend and holidays, and
  business-day arithmetic. Triage, steps, the slot finder, the case engine and the calendar
  export all ask the same :class:`~amends.dates.calendar.BusinessCalendar`.
"""
