"""Cold start of the command line, as a ratio to ``python3 -c pass`` measured in the same run.

Each command runs in a fresh process with a private ``AMENDS_HOME`` (no profile,
its own cache folder), interleaved round by round with the floor; medians of
several runs. The first, discarded round fills the holiday cache, as a user's
first run does, and writes the bytecode an installed package has (see
``installed_env``). Run: ``.venv/bin/python bench/bench_coldstart.py [runs]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import BIN, cold_starts, installed_env, report_cold

AMENDS = str(BIN / "amends")
PLAN = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Data Analyst",
    "--interviewer", "Dana Lee", "--contact-email", "dana@acme.example",
    "--contact-phone", "+44 20 7946 0000", "--at", "2026-11-23 10:00", "--tz", "Europe/London",
    "--my-tz", "America/New_York", "--scenario", "missed", "--reason", "overslept",
    "--now", "2026-11-23T10:40Z", "--format", "json",
]  # fmt: skip
DRAFT = """Subject: Apology for missing our interview - Sam Patel, Data Analyst

Dear Dana,

Please accept my apology for missing our interview for the Data Analyst role this
morning at 10:00 GMT. I failed to double-confirm the schedule, and the
responsibility is entirely mine. I know your time is valuable and I am sorry for
the inconvenience this caused you and the team.

I remain very interested in the role at Acme Analytics, in particular the work on
customer retention you described in your first email. Could we find another time?
I could offer Wednesday 25 November at 14:00 GMT or Thursday 26 November at 10:00
GMT, and any other time that suits you is equally welcome.

From now on I set two reminders, a day and an hour before every interview.

Thank you for your understanding.

Kind regards,
Sam Patel
sam@example.org
"""
GOALS = {"amends --help": 12, "amends check FILE": 12, "amends plan --format json": 20}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as home:
        draft = Path(home) / "draft.txt"
        draft.write_text(DRAFT, "utf-8")
        env = installed_env(home, NO_COLOR="1")
        commands = {
            "amends --help": [AMENDS, "--help"],
            "amends check FILE": [AMENDS, "check", str(draft)],
            "amends plan --format json": [AMENDS, *PLAN],
        }
        floor, found = cold_starts(commands, runs, env)
    report_cold("cold start", floor, found, GOALS)


if __name__ == "__main__":
    main()
