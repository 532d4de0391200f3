"""The deployment files and the configuration table stay true to the code (no Docker needed)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
README = (ROOT / "README.md").read_text("utf-8")


def test_every_environment_variable_the_code_reads_is_in_the_configuration_table() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "amends").rglob("*.py"):
        used.update(re.findall(r'"(AMENDS_[A-Z_]+)"', path.read_text("utf-8")))
    table = README.split("### Configuration", 1)[1].split("\n### ", 1)[0]
    missing = sorted(name for name in used if f"`{name}`" not in table)
    assert not missing, f"not in the README configuration table: {missing}"


def test_the_systemd_unit_migrates_then_serves_hosted_on_loopback() -> None:
    unit = (DEPLOY / "amends.service").read_text("utf-8")
    start = re.search(r"^ExecStart=(.+)$", unit, re.M)
    pre = re.search(r"^ExecStartPre=(.+)$", unit, re.M)
    assert start and pre
    args = shlex.split(start.group(1))
    assert args[1:3] == ["serve", "--hosted"] and "--workers" in args
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert shlex.split(pre.group(1))[1:] == ["db", "migrate"]
    assert "EnvironmentFile=/etc/amends/amends.env" in unit


def test_the_environment_examples_name_what_hosted_mode_needs() -> None:
    for name in ("amends.env.example", ".env.example"):
        text = (DEPLOY / name).read_text("utf-8")
        assert "AMENDS_SECRET_KEY=" in text
        assert re.search(r"^AMENDS_SECRET_KEY=\s*$", text, re.M), "never ship a real key"
    assert "AMENDS_DATABASE_URL=" in (DEPLOY / "amends.env.example").read_text("utf-8")


def test_the_compose_file_runs_amends_postgresql_and_a_proxy() -> None:
    compose = (DEPLOY / "compose.yaml").read_text("utf-8")
    services = re.findall(r"^  ([a-z]+):$", compose.split("\nvolumes:", 1)[0], re.M)
    assert services == ["db", "amends", "proxy"]
    assert "image: postgres:" in compose and "image: caddy:" in compose
    assert "/healthz" in compose and "AMENDS_SECRET_KEY: ${AMENDS_SECRET_KEY:?" in compose
    assert "reverse_proxy amends:8765" in (DEPLOY / "Caddyfile").read_text("utf-8")
    assert (DEPLOY / "README.md").exists() and "deploy/README.md" in README
