"""Exports that put a plan into the user's own mail client and calendar.

- ``eml.eml_for_message``: an ``.eml`` draft (``X-Unsent: 1``) of one message;
- ``links.mailto_link`` / ``links.tel_link``: links that open the mail or phone app;
- ``ics.prepare_calendar``: the prevention ``.ics`` for a ``confirmed.Confirmed`` slot;
- ``ics.follow_up_calendar``: the follow-through ``.ics`` of a first-hour plan;
- ``plan_exports.write_plan_exports``: what ``amends plan`` and the web app call;
- ``files.write_atomic``: atomic, no-overwrite file writing shared by every export.

Import from the modules themselves (``amends.export.ics``...): this package file
imports nothing, so the plan builder can use :mod:`amends.export.links` without
pulling in the exports that depend on the plan.
"""
