"""Export files are written atomically and never replace an existing file without --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amends.errors import InputError
from amends.export.files import OutFile, write_all, write_atomic


def test_new_file_is_written_with_exact_bytes(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.ics"
    assert write_atomic(target, b"DATA\r\n", force=False, field="ics") == target
    assert target.read_bytes() == b"DATA\r\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.ics"], "no temp files left behind"


def test_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.ics"
    target.write_bytes(b"precious")
    with pytest.raises(InputError) as info:
        write_atomic(target, b"new", force=False, field="ics")
    assert info.value.field == "force"
    assert "exists; use --force to overwrite" in info.value.message
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics"]


def test_force_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "a.ics"
    target.write_bytes(b"old")
    inode_before = target.stat().st_ino
    write_atomic(target, b"new", force=True, field="ics")
    assert target.read_bytes() == b"new"
    assert target.stat().st_ino != inode_before, "replaced by rename, not rewritten in place"


def test_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.ics"
    target.write_bytes(b"old")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError) as info:
        write_atomic(target, b"new", force=True, field="ics")
    assert info.value.field == "ics" and "No space left" in info.value.message
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics"]


def test_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        write_atomic(tmp_path, b"x", force=True, field="ics")
    assert info.value.field == "ics"


def test_one_existing_file_stops_the_whole_batch_before_anything_is_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "b.eml").write_bytes(b"keep")
    files = [
        OutFile(tmp_path / "a.eml", b"A", "eml"),
        OutFile(tmp_path / "b.eml", b"B", "eml"),
    ]
    with pytest.raises(InputError):
        write_all(files, force=False)
    assert not (tmp_path / "a.eml").exists()
    assert (tmp_path / "b.eml").read_bytes() == b"keep"
