"""`amends users …`: the accounts of a hosted install (run by whoever runs the server).

Passwords are read from standard input when it is not a terminal (one line,
for scripts: ``printf '%s\\n' "$PW" | amends users add …``) and prompted for,
twice and hidden, when it is. They never appear as an option, so they stay out
of shell history and process lists.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from amends.accounts import (
    add_user,
    check_role,
    delete_account,
    export_account,
    find_user,
    reset_password,
    set_disabled,
)
from amends.cli.app import app
from amends.cli.common import ResultFormat, print_json, resolve_now
from amends.cli.options import DbOption, ResultFormatOption
from amends.cli.store_options import UrlOption, opened
from amends.errors import InputError
from amends.export.files import write_atomic
from amends.store.records import ROLES, UserRecord

users_app = typer.Typer(
    help="Manage the accounts of a hosted install (sign-in for `amends serve --hosted`).\n\n"
    "Example: amends users add sam@example.org --role candidate --database-url "
    "postgresql://amends@localhost/amends",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")

EmailArg = Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")]


def read_password(prompt: str = "Password") -> str:
    """One line from a pipe, or a hidden prompt (asked twice) at a terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=True))
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line.strip():
        raise InputError(
            "password", "give the password on standard input (one line) or at a prompt"
        )
    return line.rstrip("\r\n")


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _show(user: UserRecord, fmt: ResultFormat, text: str) -> None:
    if fmt == ResultFormat.json:
        print_json(user.to_json())
    else:
        _say(text)


@users_app.command(
    "add",
    help="Add an account; the password comes from standard input or a prompt.\n\n"
    "Example: printf '%s\\n' 'a long passphrase' | amends users add kim@example.org --role coach",
)
def add_command(
    email: EmailArg,
    role: Annotated[str, typer.Option("--role", help=f"One of: {', '.join(ROLES)}.")],
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    check_role(role)
    password = read_password()
    with opened(db, url) as store:
        user = add_user(store, email, role, password, resolve_now(None))
    _show(user, fmt, f"Added {user.role} {user.email}.")


@users_app.command("list", help="List every account.\n\nExample: amends users list --format json")
def list_command(
    fmt: ResultFormatOption = ResultFormat.text, db: DbOption = None, url: UrlOption = None
) -> None:
    with opened(db, url) as store:
        users = store.list_users()
    if fmt == ResultFormat.json:
        print_json({"users": [u.to_json() for u in users]})
        return
    if not users:
        _say("No accounts yet: add one with `amends users add EMAIL --role candidate`.")
    for user in users:
        state = "  (disabled)" if user.disabled else ""
        _say(f"{user.email:<40} {user.role:<10}{state}")


@users_app.command(
    "disable",
    help="Disable an account and end its sessions (--enable undoes it).\n\n"
    "Example: amends users disable sam@example.org",
)
def disable_command(
    email: EmailArg,
    enable: Annotated[bool, typer.Option("--enable", help="Re-enable the account.")] = False,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    with opened(db, url) as store:
        user = set_disabled(store, email, not enable, resolve_now(None))
    done = "Enabled" if enable else "Disabled (signed out everywhere)"
    _show(user, fmt, f"{done}: {user.email}.")


@users_app.command(
    "reset-password",
    help="Set a new password (from standard input or a prompt); ends every session.\n\n"
    "Example: amends users reset-password sam@example.org",
)
def reset_command(
    email: EmailArg,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    with opened(db, url) as store:
        find_user(store, email)  # an unknown account is refused before asking
        user = reset_password(store, email, read_password("New password"), resolve_now(None))
    _show(user, fmt, f"New password set for {user.email}; every session of it has ended.")


@users_app.command(
    "export",
    help="Write everything amends holds about one user (the shape of `amends export`).\n\n"
    "Example: amends users export sam@example.org sam.json",
)
def export_command(
    email: EmailArg,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="New file ('-': the screen).")],
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    now = resolve_now(None)
    with opened(db, url) as store:
        document = export_account(store, find_user(store, email), now)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if str(file) == "-":
        sys.stdout.write(text)
        return
    write_atomic(file, text.encode("utf-8"), force=False, field="file")
    _say(f"Exported {len(document['cases'])} cases of {email.strip().lower()} to {file}.")


@users_app.command(
    "delete",
    help="Delete an account with every case it owns (cannot be undone).\n\n"
    "Example: amends users delete sam@example.org --yes",
)
def delete_command(
    email: EmailArg,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: this cannot be undone.")] = False,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    if not yes:
        raise InputError("yes", "deleting an account and its cases cannot be undone; add --yes")
    with opened(db, url) as store:
        user = find_user(store, email)
        erased = delete_account(store, user, None, resolve_now(None))
    if fmt == ResultFormat.json:
        print_json({"deleted": user.email, "cases_erased": erased})
    else:
        _say(f"Deleted {user.email} and {erased} cases.")
