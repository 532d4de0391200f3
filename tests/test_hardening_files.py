"""Writing files: through symlinks to their target, never over a device, none before validation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amends.errors import InputError
from amends.export.files import write_atomic
from tests.conftest import CliRun

PLAN = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Analyst",
    "--at", "2026-11-23 10:00", "--tz", "Europe/London", "--scenario", "missed",
    "--reason", "forgot", "--now", "2026-11-23T10:40Z", "--contact-email", "dana@acme.example",
    "--email", "sam@example.org",
]  # fmt: skip
PREPARE = [
    "prepare", "--at", "2026-11-26 14:00", "--tz", "America/New_York", "--company", "Acme",
    "--role", "Analyst", "--now", "2026-11-24T09:00Z",
]  # fmt: skip


def test_force_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "calendar.ics"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "calendar.ics"
    link.symlink_to(target)
    write_atomic(link, b"new", force=True, field="ics")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"


def test_without_force_an_existing_symlink_target_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    with pytest.raises(InputError, match="exists"):
        write_atomic(link, b"new", force=False, field="ics")
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_force_never_replaces_a_device(device: str, tmp_path: Path) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is missing here")
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(Path(device), b"x", force=True, field="ics")
    assert Path(device).is_symlink() or Path(device).is_char_device()  # still what it was


def test_force_never_replaces_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(fifo, b"x", force=True, field="ics")
    assert fifo.is_fifo()


def test_prepare_ics_dash_writes_the_calendar_to_standard_output(
    cli: CliRun, tmp_path: Path
) -> None:
    os.chdir(tmp_path)
    result = cli([*PREPARE, "--ics", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()


def test_plan_ics_dash_is_refused_rather_than_a_file_named_dash(
    cli: CliRun, tmp_path: Path
) -> None:
    os.chdir(tmp_path)
    result = cli([*PLAN, "--ics", "-"])
    assert result.exit_code == 2 and result.stderr.startswith("amends: error: --ics:")
    assert not (tmp_path / "-").exists()


def test_plan_with_a_corrupt_database_writes_no_file(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database" * 100)
    drafts, ics = tmp_path / "drafts", tmp_path / "f.ics"
    result = cli([*PLAN, "--eml", str(drafts), "--ics", str(ics), "--save", "--db", str(db)])
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert not ics.exists() and not (drafts.exists() and any(drafts.iterdir()))


def test_plan_with_a_bad_export_target_saves_no_case(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    folder_as_ics = tmp_path / "f.ics"
    folder_as_ics.mkdir()
    result = cli([*PLAN, "--ics", str(folder_as_ics), "--save", "--db", str(db)])
    assert result.exit_code == 2
    listed = cli(["cases", "--db", str(db), "--format", "json"])
    assert '"cases": []' in listed.stdout
