"""The Typer application object every command module registers itself on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="amends",
    help=(
        "From a missed (or about-to-be-missed) job interview to the right call, an honest "
        "apology and time-zone-correct reschedule times within the hour.\n\n"
        "Run `amends` with no arguments in a terminal for a short guided interview.\n\n"
        'Example: amends plan --company Acme --role "Data Analyst" --interviewer "Dana Lee" '
        '--contact-email dana@acme.example --at "2026-11-23 10:00" --tz Europe/London '
        "--scenario missed --reason overslept"
    ),
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
