"""Staff accounts from the command line.

    python -m api.cli create-user anna --role staff --name "Anna Jansen"     # asks for the password twice
    echo 'a long password' | python -m api.cli create-user anna --role staff --password-stdin
    python -m api.cli set-password anna [--password-stdin]
    python -m api.cli list-users
    python -m api.cli deactivate anna

Uses DATABASE_URL like the API (default: var/wegwijs.db); `--database-url` overrides it.
"""
from __future__ import annotations

import argparse
import getpass
import sys

from api.core.config import get_settings
from api.core.db import Database
from api.services import auth


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nog een keer: ") != first:
        raise auth.AccountError("De wachtwoorden zijn niet gelijk.")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.cli", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL or var/wegwijs.db")
    commands = parser.add_subparsers(dest="command", required=True)

    create = commands.add_parser("create-user", help="create a staff, editor or admin account")
    create.add_argument("name", help="user name to log in with (lowercase)")
    create.add_argument("--role", choices=auth.ROLES, required=True)
    create.add_argument("--name", dest="display_name", default="",
                        help='full name; the citizen sees the first name ("U praat nu met Anna.")')
    create.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")

    password = commands.add_parser("set-password", help="set a new password (ends the account's sessions)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")

    commands.add_parser("list-users", help="list accounts")
    deactivate = commands.add_parser("deactivate", help="block an account and end its sessions")
    deactivate.add_argument("name")

    args = parser.parse_args(argv)
    db = Database(args.database_url or get_settings().database_url)
    db.create_all()
    try:
        if args.command == "create-user":
            user = auth.create_user(db, args.name, _password(args.password_stdin), args.role, args.display_name)
            print(f"Account {user.username!r} ({user.role}, {user.display_name}) aangemaakt.")
        elif args.command == "set-password":
            auth.set_password(db, args.name, _password(args.password_stdin))
            print(f"Wachtwoord van {args.name!r} gewijzigd.")
        elif args.command == "deactivate":
            auth.set_active(db, args.name, False)
            print(f"Account {args.name!r} geblokkeerd.")
        else:
            for user, active in auth.list_users(db):
                print(f"{user.username}\t{user.role}\t{user.display_name}\t{'actief' if active else 'geblokkeerd'}")
    except auth.AccountError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    finally:
        db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
