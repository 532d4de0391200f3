"""amends: from a missed job interview to an honest apology and a concrete reschedule.

The core library (everything except :mod:`amends.cli` and :mod:`amends.web`)
is usable on its own; the interfaces only parse input, call it and render.
"""

__version__ = "0.1.0"
