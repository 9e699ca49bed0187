"""The installation's gemeenten as the API uses them: which one a conversation belongs to, when its
staff work, and which conversations a staff account may see.

The files and their schema are knowledge/domain/gemeenten.py. A staff account sees the conversations
of the gemeenten whose `staff_team` is its team (an account without a team: the default gemeente's
team); an admin sees every gemeente's.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from api.core.config import Settings
from api.services.auth import StaffIdentity
from knowledge.domain.gemeenten import Gemeente, Gemeenten, load_gemeenten

UNKNOWN_GEMEENTE = ("Deze chat kent gemeente {code} niet. De chat werkt op deze website nog niet goed. "
                    "Neem contact op met uw gemeente.")


class UnknownGemeente(LookupError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@lru_cache(maxsize=8)
def _load(folder: Path | None, single_file: Path) -> Gemeenten:
    return load_gemeenten(folder, single_file)


def gemeenten_of(settings: Settings) -> Gemeenten:
    """The gemeenten of these settings, read once (a bad file raises GemeenteFileError)."""
    return _load(settings.gemeenten_dir, settings.gemeente_file)


def code_for_new_conversation(gemeenten: Gemeenten, code: str | None) -> str | None:
    """The code a new conversation keeps: the widget's (it must be known), else the default's.
    With one gemeente.yml (no folder) it keeps None: the default, whatever the installation has later."""
    if code and not gemeenten.known(code):
        raise UnknownGemeente(code)
    if gemeenten.single:
        return None
    return code or gemeenten.default_code


def team_of(gemeenten: Gemeenten, user: StaffIdentity) -> str:
    return user.team or gemeenten.default.team


def visible_codes(gemeenten: Gemeenten, user: StaffIdentity) -> set[str] | None:
    """The gemeente codes whose conversations `user` sees; None: all of them (an admin)."""
    if user.role == "admin":
        return None
    return gemeenten.codes_of_team(team_of(gemeenten, user))


def may_see(gemeenten: Gemeenten, user: StaffIdentity, code: str | None) -> bool:
    """A conversation of gemeente `code` (None or unknown here: the default gemeente's) for `user`."""
    codes = visible_codes(gemeenten, user)
    return codes is None or gemeenten.code_of(code) in codes


def online_names(gemeenten: Gemeenten, viewer: StaffIdentity, online: list[StaffIdentity]) -> list[str]:
    """The names of the online staff `viewer` is shown: its own team's (an admin: everyone's)."""
    team = team_of(gemeenten, viewer)
    return [user.display_name for user in online if viewer.role == "admin" or team_of(gemeenten, user) == team]


def serves(gemeenten: Gemeenten, user: StaffIdentity, gemeente: Gemeente) -> bool:
    """`user` can take this gemeente's chats (its team, or an admin)."""
    return user.may_use_console and may_see(gemeenten, user, gemeente.code)


def office_open(settings: Settings, gemeente: Gemeente) -> bool:
    """WEGWIJS_STAFF_AVAILABILITY for this gemeente: `always`, `never`, or its own office hours and
    closed days (the installation's hours when its file gives none). The day comes from today()
    (a fixed clock fixes it), the time from the real clock, in Europe/Amsterdam."""
    if settings.staff_availability != "office-hours" or (gemeente.office_hours is None
                                                          and not gemeente.holidays_closed):
        return settings.staff_available_now()  # the installation's setting, as with one gemeente
    moment = datetime.combine(settings.today(), settings.now().time())
    return gemeente.open_at(moment, settings.office_open, settings.office_close)
