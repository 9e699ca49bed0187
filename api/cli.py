"""Staff accounts from the command line.

    python -m api.cli create-user anna --role staff --name "Anna Jansen"     # asks for the password twice
    echo 'a long password' | python -m api.cli create-user anna --role staff --password-stdin
    python -m api.cli create-user piet --role staff --team proefstad   # sees only that team's gemeenten
    python -m api.cli check-gemeenten gemeenten/   # the gemeente settings files, as the API reads them at start
    python -m api.cli set-password anna [--password-stdin]
    python -m api.cli list-users
    python -m api.cli deactivate anna
    python -m api.cli review-due [--cards-dir DIR] [--today YYYY-MM-DD]   # exit 1 if a card is past review_by
    python -m api.cli reload-cards [--api-url URL]   # the API picks up card files itself; this only waits for it
    python -m api.cli delete-conversation ID [--rasa-url URL]   # everything of one conversation, Rasa's tracker too
    python -m api.cli purge-expired [--rasa-url URL]   # the retention job once (WEGWIJS_RETENTION_DAYS, default 90)

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
    create.add_argument("--team", default=None,
                        help="staff_team of the gemeenten whose chats the account sees (default: the default gemeente's)")
    team = commands.add_parser("set-team", help="move an account to another team (ends its sessions)")
    team.add_argument("name")
    team.add_argument("team", nargs="?", default=None, help="leave out: the default gemeente's team")

    password = commands.add_parser("set-password", help="set a new password (ends the account's sessions)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")

    commands.add_parser("list-users", help="list accounts")
    deactivate = commands.add_parser("deactivate", help="block an account and end its sessions")
    deactivate.add_argument("name")

    gemeenten = commands.add_parser("check-gemeenten", help="check the gemeente settings files (exit 1 if one is wrong)")
    gemeenten.add_argument("folder", nargs="?", default=None, help="default: WEGWIJS_GEMEENTEN_DIR (unset: the one file)")

    due = commands.add_parser("review-due", help="cards past or within 30 days of review_by (exit 1 if any is past)")
    due.add_argument("--cards-dir", default=None, help="default: WEGWIJS_CARDS_DIR or knowledge/cards")
    due.add_argument("--today", default=None, help="default: WEGWIJS_TODAY or today (Europe/Amsterdam)")
    reload_ = commands.add_parser("reload-cards", help="check that the running API has loaded the card files")
    reload_.add_argument("--api-url", default="http://127.0.0.1:8000")

    erase = commands.add_parser("delete-conversation", help="delete a conversation everywhere (also Rasa's tracker)")
    erase.add_argument("conversation_id")
    erase.add_argument("--rasa-url", default=None, help="default: WEGWIJS_RASA_URL or http://127.0.0.1:5005")
    purge = commands.add_parser("purge-expired", help="delete conversations past the retention period now")
    purge.add_argument("--rasa-url", default=None, help="default: WEGWIJS_RASA_URL or http://127.0.0.1:5005")

    args = parser.parse_args(argv)
    if args.command in ("delete-conversation", "purge-expired"):
        return _erase(args)
    if args.command == "check-gemeenten":
        return _check_gemeenten(args.folder)
    if args.command == "review-due":
        return _review_due(args.cards_dir, args.today)
    if args.command == "reload-cards":
        return _reload_cards(args.api_url)
    db = Database(args.database_url or get_settings().database_url)
    db.migrate()
    try:
        if args.command == "create-user":
            user = auth.create_user(db, args.name, _password(args.password_stdin), args.role, args.display_name,
                                    team=args.team)
            print(f"Account {user.username!r} ({user.role}, {user.display_name}"
                  f"{f', team {user.team}' if user.team else ''}) aangemaakt.")
        elif args.command == "set-team":
            auth.set_team(db, args.name, args.team)
            print(f"Account {args.name!r} hoort nu bij team {args.team or '(standaard)'}.")
        if args.command in ("create-user", "set-team"):
            _warn_unknown_team(getattr(args, "team", None))
        elif args.command == "set-password":
            auth.set_password(db, args.name, _password(args.password_stdin))
            print(f"Wachtwoord van {args.name!r} gewijzigd.")
        elif args.command == "deactivate":
            auth.set_active(db, args.name, False)
            print(f"Account {args.name!r} geblokkeerd.")
        else:
            for user, active in auth.list_users(db):
                print(f"{user.username}\t{user.role}\t{user.display_name}\t{'actief' if active else 'geblokkeerd'}"
                      + (f"\tteam {user.team}" if user.team else ""))
    except auth.AccountError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    finally:
        db.engine.dispose()
    return 0


def _warn_unknown_team(team: str | None) -> None:
    """A team no gemeente file names sees no chats: say so (the account is made all the same)."""
    from api.services.gemeenten import gemeenten_of

    if team and not gemeenten_of(get_settings()).codes_of_team(team.strip().lower()):
        print(f"Let op: geen gemeente heeft staff_team {team!r}. Dit account ziet nu geen gesprekken.", file=sys.stderr)


def _check_gemeenten(folder: str | None) -> int:
    from pathlib import Path

    from knowledge.domain.gemeenten import GemeenteFileError, load_gemeenten

    settings = get_settings()
    try:
        gemeenten = load_gemeenten(Path(folder) if folder else settings.gemeenten_dir, settings.gemeente_file)
    except GemeenteFileError as error:
        print(error, file=sys.stderr)
        return 1
    for code, gemeente in sorted(gemeenten.by_code.items()):
        default = " (standaard)" if code == gemeenten.default_code else ""
        print(f"{code}\t{gemeente.name}{default}\tombudsman: {gemeente.ombudsman_name}\tteam: {gemeente.team}")
    return 0


def _erase(args) -> int:
    import asyncio

    from api.services.rasa_client import RasaClient, RasaUnavailable
    from api.services.retention import ConversationEraser, delete_rows

    settings = get_settings()
    rasa_urls = (args.rasa_url,) if args.rasa_url else settings.rasa_instances[0]  # any instance empties a tracker
    db = Database(args.database_url or settings.database_url)
    db.migrate()

    async def run() -> int:
        rasa = RasaClient(rasa_urls, 10, settings.rasa_token)
        try:
            if args.command == "purge-expired":
                report = await ConversationEraser(db, rasa, settings).purge_expired()
                print(f"{report.conversations} gesprekken en {report.gaps} vragen zonder antwoord verwijderd "
                      f"(ouder dan {settings.retention_days} dagen).")
                if report.trackers_left:
                    print(f"Let op: Rasa was niet bereikbaar; {report.trackers_left} trackers niet leeggemaakt.",
                          file=sys.stderr)
                return 0
            if not delete_rows(db, args.conversation_id, settings.nlu_chars):
                print(f"Fout: gesprek {args.conversation_id!r} bestaat niet (meer).", file=sys.stderr)
                return 1
            try:
                await rasa.forget(args.conversation_id)
            except RasaUnavailable as error:
                print(f"Gesprek verwijderd uit de database, maar Rasa op {', '.join(rasa_urls)} was niet bereikbaar "
                      f"({error}): de tracker is niet leeggemaakt.", file=sys.stderr)
                return 1
            print(f"Gesprek {args.conversation_id} verwijderd (database en Rasa).")
            return 0
        finally:
            await rasa.close()
            db.engine.dispose()

    return asyncio.run(run())


def _review_due(cards_dir: str | None, today: str | None) -> int:
    import datetime as dt
    from pathlib import Path

    from knowledge.checker.review import review_due

    settings = get_settings()
    folder = Path(cards_dir) if cards_dir else settings.cards_dir
    day = dt.date.fromisoformat(today) if today else settings.today()
    rows = review_due(folder, day)
    labels = {"overdue": "TE LAAT", "soon": "binnenkort", "broken": "KAPOT"}
    for card_id, review_by, state in rows:
        print(f"{labels[state]}\t{review_by or '-'}\t{card_id}")
    late = sum(1 for r in rows if r[2] != "soon")
    print(f"{len(rows)} kaarten moeten (bijna) gecontroleerd worden; {late} te laat (datum: {day}, map: {folder}).")
    return 1 if late else 0


def _reload_cards(api_url: str) -> int:
    """The API polls the card folder every few seconds (WEGWIJS_CARD_POLL_SECONDS) and swaps the index
    without downtime; there is nothing to restart. This checks that the API answers and is ready."""
    import httpx

    try:
        response = httpx.get(f"{api_url.rstrip('/')}/healthz", timeout=10)
    except httpx.HTTPError as error:
        print(f"Fout: de API op {api_url} is niet bereikbaar ({type(error).__name__}).", file=sys.stderr)
        return 1
    print(f"De API leest gewijzigde kaarten zelf binnen een paar seconden in (status {response.status_code}).")
    return 0 if response.status_code == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
