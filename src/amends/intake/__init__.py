"""Free-text intake: a person's own account of what happened -> a partial situation.

``read_story(text, now, my_tz)`` returns an :class:`Intake`: the fields the story
states or clearly implies (named like the ``amends plan`` options), the fields
still missing, and one short question for each. Nothing is guessed: a value
the text does not support is left out and asked for instead.
"""

from __future__ import annotations

from amends.intake.merge import merged, unanswered
from amends.intake.result import Intake
from amends.intake.story import read_story

__all__ = ["Intake", "merged", "read_story", "unanswered"]
