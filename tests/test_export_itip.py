"""Calendar files pass libical's iTIP restriction check, and calcurse reads the reminders.

libical (through its GObject binding, Debian's ``gir1.2-ical-3.0`` with
``python3-gi``) is the parser behind Evolution and many CalDAV servers; its
restriction check is what refused ``METHOD:PUBLISH`` without ``ORGANIZER``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from amends.export.ics import follow_up_calendar, prepare_calendar
from tests.conftest import need_system
from tests.export_support import NOW, confirmed, plan, run_tool

SYSTEM_PYTHON = "/usr/bin/python3"
CHECK = """
import sys, gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib
comp = ICalGLib.Component.new_from_string(open(sys.argv[1], encoding="utf-8").read())
ok = ICalGLib.restriction_check(comp)
errors = []
def walk(c):
    p = c.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while p is not None:
        errors.append(p.get_xlicerror())
        p = c.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    s = c.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while s is not None:
        walk(s)
        s = c.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
walk(comp)
print("ok" if ok else "failed")
print("\\n".join(errors))
"""


def _libical_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    return probe.returncode == 0


def libical_check(tmp_path: Path, data: bytes) -> list[str]:
    """libical's restriction check: an empty list when the file passes."""
    need_system("libical GObject binding (gir1.2-ical-3.0)", _libical_available())
    path = tmp_path / "check.ics"
    path.write_bytes(data)
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", CHECK, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first, *errors = done.stdout.splitlines()
    return [e for e in errors if e] or ([] if first == "ok" else ["restriction check failed"])


def test_the_prevention_calendar_passes_libicals_restriction_check(tmp_path: Path) -> None:
    assert libical_check(tmp_path, prepare_calendar(confirmed(), NOW).data) == []


def test_the_follow_through_calendar_with_an_organizer_passes_libicals_check(
    tmp_path: Path,
) -> None:
    data = follow_up_calendar(plan(), NOW).data
    assert b"METHOD:PUBLISH" in data and b"ORGANIZER" in data
    assert libical_check(tmp_path, data) == []


def test_the_follow_through_calendar_without_an_email_has_no_method(tmp_path: Path) -> None:
    data = follow_up_calendar(plan(email=None), NOW).data
    assert b"METHOD" not in data
    assert libical_check(tmp_path, data) == []


def test_calcurse_imports_the_reminders_at_the_candidates_local_times(tmp_path: Path) -> None:
    need_system("calcurse", shutil.which("calcurse") is not None)
    path = tmp_path / "export.ics"
    path.write_bytes(prepare_calendar(confirmed(), NOW).data)
    home = tmp_path / "calcurse"
    home.mkdir()
    env = {"HOME": str(tmp_path), "TZ": "Europe/London", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    base = ["calcurse", "-D", str(home)]
    run_tool([*base, "-i", str(path)], env)
    listed = run_tool(
        [*base, "-Q", "--from", "11/25/2026", "--days", "3",
         "--format-apt", "%(start:%Y-%m-%d %H:%M) %m\\n"],
        env,
    )  # fmt: skip
    lines = [line.strip() for line in listed.splitlines() if line[:1] in " 0123456789"]
    assert "2026-11-26 15:00 Data Analyst interview at Acme with Dana Lee" in lines, listed
    assert "2026-11-25 18:00 Prepare: Data Analyst interview at Acme" in lines, listed
