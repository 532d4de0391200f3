"""What `amends plan --eml DIR --ics FILE` writes, and the links the plan output carries."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from icalendar import Calendar

from amends.errors import InputError
from amends.export.plan_exports import write_plan_exports
from amends.plan.links import plan_links
from tests.export_support import NOW, parse_eml, plan


def test_plan_exports_write_one_draft_per_email_and_the_follow_through_calendar(
    tmp_path: Path,
) -> None:
    p = plan()
    written = write_plan_exports(
        p, eml_dir=tmp_path / "drafts", ics_file=tmp_path / "f.ics", force=False, now=NOW
    )
    emails = [m for m in p.messages if not m.spoken]
    assert [w.name for w in written[:-1]] == [
        f"{n:02d}-{m.kind}.eml" for n, m in enumerate(emails, start=1)
    ]
    for path, message in zip(written[:-1], emails, strict=True):
        parsed = parse_eml(path.read_bytes())
        assert parsed["Subject"] == message.subject
        assert parsed["To"].addresses[0].addr_spec == message.to_email
        assert parsed["X-Unsent"] == "1"
    assert written[-1] == tmp_path / "f.ics"
    assert Calendar.from_ical(written[-1].read_bytes()).walk("VEVENT")


def test_plan_exports_refuse_to_overwrite_and_write_nothing(tmp_path: Path) -> None:
    p = plan()
    (tmp_path / "f.ics").write_bytes(b"mine")
    with pytest.raises(InputError) as info:
        write_plan_exports(p, eml_dir=tmp_path, ics_file=tmp_path / "f.ics", force=False, now=NOW)
    assert info.value.field == "force"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.ics"]
    again = write_plan_exports(
        p, eml_dir=tmp_path, ics_file=tmp_path / "f.ics", force=True, now=NOW
    )
    assert (tmp_path / "f.ics").read_bytes() != b"mine" and len(again) >= 2


def test_either_export_can_be_asked_for_alone(tmp_path: Path) -> None:
    only_ics = write_plan_exports(
        plan(), eml_dir=None, ics_file=tmp_path / "x.ics", force=False, now=NOW
    )
    assert only_ics == [tmp_path / "x.ics"]
    assert write_plan_exports(plan(), eml_dir=None, ics_file=None, force=False, now=NOW) == []


def test_plan_links_give_mailto_for_emails_and_tel_for_calls() -> None:
    p = plan()
    links = plan_links(p).to_json()
    assert links["tel"] == "tel:+442079460000"
    assert len(links["messages"]) == len(p.messages)
    for item, message in zip(links["messages"], p.messages, strict=True):
        assert item["kind"] == message.kind
        if message.spoken:
            assert item["mailto"] is None
            assert item["tel"] == "tel:+442079460000"
        else:
            url = item["mailto"]["url"]
            assert url.startswith("mailto:dana@acme.example?subject=")
            assert unquote(url.split("subject=")[1].split("&")[0]) == message.subject
            body = unquote(url.split("&body=")[1])
            assert body == message.body.rstrip("\n").replace("\n", "\r\n")
            assert item["tel"] is None


def test_plan_links_without_contact_details() -> None:
    p = plan(contact_email=None, contact_phone=None)
    links = plan_links(p).to_json()
    assert links["tel"] is None
    written = [m for m in links["messages"] if m["mailto"]]
    assert written and all(m["mailto"]["url"].startswith("mailto:?subject=") for m in written)
