"""Same answers before and after a speed change: the checker's full reports, compared.

Runs the checker on every draft the project keeps (``training/check/drafts/*.toml``
and the held-out ``tests/heldout/check*.toml``, with and without their
``kind``/``reason``, the test corpus, every sentence of the sentence corpus as a
draft of its own, and every message the plan matrix generates) and records each
full JSON report (findings, spans, severities, wording, summary) plus the
classifier's logits for every corpus sentence.

- ``--write FILE``: record the current code's answers;
- ``--compare FILE``: check the current code against a recording;
- ``--against REF`` (default ``main``): record REF's answers in a subprocess (its
  ``src`` extracted with ``git archive``), then compare the current code to them.

Exits 1 and lists the first differences when any answer differs. Run:
``.venv/bin/python bench/check_equality.py [--against main] [--no-heldout] [--one-by-one]``
(``--no-heldout`` leaves the held-out drafts out, as engineers must; ``--one-by-one``: see
:data:`ONE_BY_ONE`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # for ``tests``; amends itself comes from the path as given

DRAFTS = ROOT / "training" / "check" / "drafts"
HELDOUT = ROOT / "tests" / "heldout"
SENTENCES = (ROOT / "training" / "check" / "train", ROOT / "training" / "check" / "eval")
SPOKEN = {"phone-script", "voicemail"}


@dataclass(frozen=True)
class Input:
    """One checker call: plain text, or a separate subject and body."""

    name: str
    text: str
    kind: str | None = None
    reason: str | None = None
    subject: str | None = None
    email: bool = False


ONE_BY_ONE = "--one-by-one" in sys.argv
"""``--one-by-one``: the current code checks every draft as a process's first draft is
checked (each pattern's own substring test, no gate built: ``amends.check.scan.GATE_AFTER``),
so that path is compared on every draft, not only on the first."""

HELDOUT_ON = "--no-heldout" not in sys.argv
"""``--no-heldout`` leaves out ``tests/heldout`` (for engineers, who must never read it)."""


def _drafts() -> Iterator[Input]:
    heldout = sorted(HELDOUT.glob("check*.toml")) if HELDOUT_ON else []
    for path in [*sorted(DRAFTS.glob("*.toml")), *heldout]:
        data = tomllib.loads(path.read_text("utf-8"))
        entries = data.get("draft") or data.get("drafts") or data.get("case") or []
        for n, e in enumerate(entries):
            name = f"{path.name}#{n}"
            text = str(e["text"])
            yield Input(name, text)
            if e.get("kind") or e.get("reason"):
                yield Input(f"{name}+context", text, e.get("kind"), e.get("reason"))
            yield Input(f"{name}+script", text, "script")
            yield Input(f"{name}+confirmation/overslept", text, "confirmation", "overslept")


def _corpus() -> Iterator[Input]:
    from tests.check_corpus_cases import load_cases

    for case in load_cases():
        yield Input(f"corpus:{case.id}", case.text, case.kind)
        yield Input(f"corpus:{case.id}+inferred", case.text)


def _sentences() -> Iterator[Input]:
    from amends.check.corpus import load_split

    for folder in SENTENCES:
        for s in load_split(folder):
            yield Input(f"sentence:{folder.name}:{s.source}", s.text)


def _generated() -> Iterator[Input]:
    from datetime import timedelta

    from tests.plan_cases import MATRIX, request_fields

    from amends.dates.slot import Slot
    from amends.plan.builder import build_plan
    from amends.plan.request import PlanRequest

    for case in MATRIX:
        situation = _request_of(PlanRequest, request_fields(*case)).to_situation()
        slots = [
            Slot(t, t + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
            for t in situation.slots_requested
        ]
        for message in build_plan(situation, slots).messages:
            spoken = message.kind in SPOKEN
            yield Input(
                f"plan:{'/'.join(case)}:{message.kind}",
                message.body,
                kind="script" if spoken else "email",
                subject=None if spoken else message.subject,
                email=True,
            )


def inputs() -> list[Input]:
    """Every checker call the comparison makes, in a fixed order."""
    return [*_drafts(), *_corpus(), *_sentences(), *_generated()]


def record() -> dict[str, Any]:
    """The current code's answers: every report, and the logits of every corpus sentence."""
    from amends.check import check_email, check_text
    from amends.check.classifier import model

    if ONE_BY_ONE:
        from amends.check import scan

        scan.GATE_AFTER = sys.maxsize  # every draft asks its patterns one by one
    reports: dict[str, Any] = {}
    logits: dict[str, list[str]] = {}
    score = model().raw_scores
    for item in inputs():
        if item.email:
            report = check_email(item.subject, item.text, kind=item.kind, reason=item.reason)
        else:
            report = check_text(item.text, kind=item.kind, reason=item.reason)
        reports[item.name] = report.to_json()
        if item.name.startswith("sentence:"):
            logits[item.name] = [repr(z) for z in score(item.text)]
    return {"reports": reports, "logits": logits}


def compare(old: dict[str, Any], new: dict[str, Any], limit: int = 10) -> int:
    """Print the differences (at most ``limit``); the number of answers that differ."""
    bad = 0
    for part in ("reports", "logits"):
        before, after = old[part], new[part]
        if before.keys() != after.keys():
            print(f"{part}: the inputs differ ({len(before)} recorded, {len(after)} now)")
            bad += 1
        for name in before.keys() & after.keys():
            if before[name] != after[name]:
                bad += 1
                if bad <= limit:
                    print(f"DIFFERENT {part} {name}:\n  was {before[name]}\n  now {after[name]}")
    total = len(old["reports"]) + len(old["logits"])
    print(f"{total - bad} of {total} answers identical ({len(old['reports'])} reports)")
    return bad


def record_ref(ref: str, out: Path, script: Path = Path(__file__), *extra: str) -> None:
    """Record ``ref``'s answers: its ``src`` from git, ``script --write out *extra`` (this
    script by default), a fresh interpreter."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True
        ).stdout
        tar_path = Path(tmp) / "src.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        env_path = str(Path(tmp) / "src")
        subprocess.run(
            [sys.executable, "-c", _CHILD, env_path, str(script), str(out), *extra], check=True
        )


def equality_main(
    argv: list[str],
    script: Path,
    record: Callable[[int], dict[str, Any]],
    compare: Callable[[dict[str, Any], dict[str, Any]], int],
) -> int:
    """The command line of an equality script whose ``record(count)`` is every answer of the
    current code: ``--write FILE``, ``--compare FILE`` or ``--against REF`` (default
    ``main``, recorded by ``script`` in a fresh interpreter); ``--requests N`` (400)."""
    count = int(argv[argv.index("--requests") + 1]) if "--requests" in argv else 400
    if "--write" in argv:
        Path(argv[argv.index("--write") + 1]).write_text(json.dumps(record(count)), "utf-8")
        return 0
    if "--compare" in argv:
        old = json.loads(Path(argv[argv.index("--compare") + 1]).read_text("utf-8"))
        return 1 if compare(old, record(count)) else 0
    ref = argv[argv.index("--against") + 1] if "--against" in argv else "main"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ref.json"
        record_ref(ref, out, script, "--requests", str(count))
        old = json.loads(out.read_text("utf-8"))
    print(f"compared with {ref}:")
    return 1 if compare(old, record(count)) else 0


_CHILD = """
import runpy, sys
sys.path.insert(0, sys.argv[1])
sys.argv = [sys.argv[2], "--write", *sys.argv[3:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def main(argv: list[str]) -> int:
    if "--write" in argv:
        path = Path(argv[argv.index("--write") + 1])
        path.write_text(json.dumps(record()), "utf-8")
        return 0
    if "--compare" in argv:
        old = json.loads(Path(argv[argv.index("--compare") + 1]).read_text("utf-8"))
        return 1 if compare(old, record()) else 0
    ref = argv[argv.index("--against") + 1] if "--against" in argv else "main"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ref.json"
        record_ref(ref, out, Path(__file__), *(a for a in argv if a == "--no-heldout"))
        old = json.loads(out.read_text("utf-8"))
    print(f"compared with {ref}:")
    return 1 if compare(old, record()) else 0


def _request_of(kind: Any, values: dict[str, Any]) -> Any:
    """The request of flat ``values`` on this tree or an older one (``PlanRequest(**values)``)."""
    make = getattr(kind, "from_values", None)
    return make(values) if make is not None else kind(**values)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
