"""`amends check` on the command line: exit codes, output shapes, suppressions, bad input."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import CliRun

GOOD = """Subject: Apology for missing our interview – Zoë Núñez, Data Analyst

Dear Dana,

I apologise for missing our interview this morning; that was my responsibility.
I remain very interested in the role. Could we meet on Tuesday at 10:00 GMT, or at
another time that suits you?

Thank you for your understanding.
Zoë
"""

BLAMING = """Subject: Missed interview – Zoë Núñez

Dear Dana,

Sorry, but it wasn't my fault: the invite was wrong. I remain interested in the role;
please let me know a time that works for you. Thank you.
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_clean_draft_exits_0_and_says_so(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", _write(tmp_path, "good.txt", GOOD)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "no problems found" in result.stdout


def test_error_level_finding_exits_1_with_context_and_suggestion(
    cli: CliRun, tmp_path: Path
) -> None:
    result = cli(["check", _write(tmp_path, "blame.txt", BLAMING)])
    assert result.exit_code == 1
    assert "error blame [blame-not-my-fault]" in result.stdout
    assert "Sorry, but it wasn't my fault: the invite was wrong." in result.stdout
    assert "→ Own it in one plain line" in result.stdout
    assert "blame.txt:5:" in result.stdout


def test_warnings_only_exit_0(cli: CliRun, tmp_path: Path) -> None:
    draft = GOOD.replace("10:00 GMT", "10:00")
    result = cli(["check", _write(tmp_path, "w.txt", draft)])
    assert result.exit_code == 0
    assert "warning missing-timezone" in result.stdout


def test_json_shape_is_the_contract(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", _write(tmp_path, "blame.txt", BLAMING), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "summary"}
    keys = {"rule", "category", "severity", "start", "end", "excerpt", "message", "suggestion"}
    assert data["findings"] and all(set(f) == keys for f in data["findings"])
    for finding in data["findings"]:
        assert BLAMING[finding["start"] : finding["end"]] == finding["excerpt"]
    assert data["summary"]["errors"] >= 1 and data["summary"]["passed"] is False


def test_standard_input_dash(cli: CliRun) -> None:
    result = cli(["check", "-", "-f", "json"], input=BLAMING)
    assert result.exit_code == 1
    assert "blame" in {f["category"] for f in json.loads(result.stdout)["findings"]}


def test_ignore_accepts_rule_id_and_category(cli: CliRun, tmp_path: Path) -> None:
    path = _write(tmp_path, "blame.txt", BLAMING)
    by_category = cli(["check", path, "--ignore", "blame", "-f", "json"])
    assert by_category.exit_code == 0
    assert not [f for f in json.loads(by_category.stdout)["findings"] if f["category"] == "blame"]
    rules = ["blame-not-my-fault", "blame-interviewer", "blame-sentence"]
    by_rule = cli(["check", path, *(arg for r in rules for arg in ("-i", r))])
    assert by_rule.exit_code == 0


def test_ignore_rejects_unknown_names(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", _write(tmp_path, "g.txt", GOOD), "--ignore", "blam"])
    assert result.exit_code == 2
    assert result.stderr.startswith("amends: error: --ignore: 'blam' is not a rule id")
    assert result.stderr.count("\n") == 1


def test_inline_marker_silences_one_rule_on_its_line_only(cli: CliRun, tmp_path: Path) -> None:
    draft = GOOD.replace(
        "Thank you for your understanding.",
        "Sorry, not my fault. <!-- amends: ignore blame -->\nThank you for your understanding.",
    )
    result = cli(["check", _write(tmp_path, "m.txt", draft), "-f", "json"])
    assert result.exit_code == 0, result.stdout
    assert "blame" not in {f["category"] for f in json.loads(result.stdout)["findings"]}
    other_line = (
        draft.replace("<!-- amends: ignore blame -->", "") + "<!-- amends: ignore blame -->"
    )
    assert cli(["check", _write(tmp_path, "n.txt", other_line)]).exit_code == 1


def test_script_kind_needs_no_subject(cli: CliRun, tmp_path: Path) -> None:
    script = (
        "Hello Dana, this is Zoë calling about the analyst interview. I'm sorry I missed it. "
        "I'm still very interested. Could we find a time that suits you? Thank you."
    )
    path = _write(tmp_path, "call.txt", script)
    as_email = json.loads(cli(["check", path, "--kind", "email", "-f", "json"]).stdout)
    as_script = json.loads(cli(["check", path, "--kind", "script", "-f", "json"]).stdout)
    inferred = json.loads(cli(["check", path, "-f", "json"]).stdout)
    assert "missing-ownership" in as_email["summary"]["by_category"]
    assert as_script["findings"] == [] and inferred["summary"]["kind"] == "script"


def test_an_email_shaped_draft_without_subject_is_told_a_text_message_is_not(
    cli: CliRun, tmp_path: Path
) -> None:
    body = GOOD.split("\n", 2)[2]
    email = json.loads(cli(["check", _write(tmp_path, "e.txt", body), "-f", "json"]).stdout)
    assert [f["rule"] for f in email["findings"]] == ["subject-missing"]
    text = " ".join(body.split())
    message = json.loads(cli(["check", _write(tmp_path, "t.txt", text), "-f", "json"]).stdout)
    assert message["findings"] == []


def test_eml_file_is_read_with_its_subject(cli: CliRun, tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Zoë Núñez <zoe@example.org>"
    msg["To"] = "dana@acme.example"
    msg["Subject"] = "Apology for missing our interview – Zoë Núñez"
    msg.set_content(GOOD.split("\n", 2)[2])
    result = cli(["check", _write(tmp_path, "draft.eml", msg.as_bytes()), "-f", "json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["findings"] == [] and data["summary"]["has_subject"] is True


def test_bad_input_missing_file(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt: no such file" in result.stderr and result.stdout == ""


def test_bad_input_directory(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_bad_input_binary_file(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", _write(tmp_path, "pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")])
    assert result.exit_code == 2 and "pic.txt: looks like a binary file" in result.stderr


def test_bad_input_not_utf8(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", _write(tmp_path, "latin.txt", "Désolé".encode("latin-1"))])
    assert result.exit_code == 2 and "latin.txt: is not UTF-8 text" in result.stderr


def test_bad_input_empty_file_and_empty_stdin(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["check", _write(tmp_path, "empty.txt", "  \n\n")])
    assert result.exit_code == 2 and "empty.txt: is empty" in result.stderr
    piped = cli(["check", "-"], input="")
    assert piped.exit_code == 2 and "standard input: is empty" in piped.stderr


def test_bad_input_eml_without_text_body(cli: CliRun, tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["Subject"] = "Interview"
    msg.set_content(b"\x00\x01", maintype="application", subtype="octet-stream")
    result = cli(["check", _write(tmp_path, "x.eml", msg.as_bytes().replace(b"\x00", b""))])
    assert result.exit_code == 2 and "x.eml: the message has no text body" in result.stderr


def test_help_has_an_example(cli: CliRun) -> None:
    result = cli(["check", "--help"])
    assert result.exit_code == 0 and "Example: amends check" in result.stdout


def test_readme_example_is_the_real_output(
    cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## `amends check`", 1)[1].split("Example — `draft.txt`:", 1)[1]
    blocks = section.split("```")
    draft, shown = blocks[1].strip("\n"), blocks[3].strip("\n")
    assert shown.startswith("$ amends check draft.txt\n")
    (tmp_path / "draft.txt").write_text(draft + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli(["check", "draft.txt"])
    assert result.stdout.rstrip() == shown.split("\n", 1)[1].rstrip()
