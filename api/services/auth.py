"""Staff accounts and logins: argon2 password hashes, server-side sessions (table `staff_sessions`).

The cookie holds a random token (HttpOnly, SameSite=Strict, path /staff); the database keeps only
its SHA-256, so a copy of the database cannot be used to log in, and logging out ends the session.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select

from api.core.db import Database
from api.models import StaffSession, StaffUser, utcnow

ROLES = ("staff", "editor", "admin")
CONSOLE_ROLES = ("staff", "admin")
COOKIE_NAME = "wegwijs_staff"
SESSION_HOURS = 12
MIN_PASSWORD_CHARS = 10
USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")

_hasher = PasswordHasher()
# Verified when the username does not exist, so the answer takes as long as for a real account.
_DUMMY_HASH = _hasher.hash("wegwijs-no-such-user")


class AccountError(ValueError):
    """A readable reason why an account cannot be created or changed."""


@dataclass(frozen=True)
class StaffIdentity:
    id: int
    username: str
    display_name: str
    role: str
    team: str | None = None  # whose gemeenten' chats a staff member sees (api/services/gemeenten.py)

    @property
    def first_name(self) -> str:
        return (self.display_name or self.username).split()[0]

    @property
    def may_use_console(self) -> bool:
        return self.role in CONSOLE_ROLES

    def public(self) -> dict:
        return {"id": self.id, "username": self.username, "name": self.display_name or self.username,
                "first_name": self.first_name, "role": self.role, "team": self.team}


def identity(user: StaffUser) -> StaffIdentity:
    return StaffIdentity(user.id, user.username, user.display_name or user.username, user.role, user.team)


def _check_username(username: str) -> str:
    username = username.strip().lower()
    if not username or len(username) > 80 or not set(username) <= USERNAME_CHARS:
        raise AccountError("Gebruikersnaam: alleen kleine letters, cijfers, punt, streepje en liggend streepje.")
    return username


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"Het wachtwoord moet minstens {MIN_PASSWORD_CHARS} tekens hebben.")


def _check_team(team: str | None) -> str | None:
    team = (team or "").strip().lower() or None
    if team is not None and (len(team) > 40 or not set(team) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")):
        raise AccountError("Team: alleen kleine letters, cijfers en streepjes (zoals staff_team in het gemeentebestand).")
    return team


def create_user(db: Database, username: str, password: str, role: str, display_name: str = "",
                team: str | None = None) -> StaffIdentity:
    """`team`: the staff_team of the gemeenten whose chats this account sees (None: the default gemeente's)."""
    team = _check_team(team)
    if role not in ROLES:
        raise AccountError(f"Onbekende rol {role!r}; kies uit {', '.join(ROLES)}.")
    username = _check_username(username)
    _check_password(password)
    with db.session() as session:
        if session.scalar(select(StaffUser).where(StaffUser.username == username)) is not None:
            raise AccountError(f"Er bestaat al een account met de naam {username!r}.")
        user = StaffUser(username=username, display_name=(display_name.strip() or username.capitalize()),
                         role=role, password_hash=_hasher.hash(password), team=team)
        session.add(user)
        session.flush()
        return identity(user)


def set_password(db: Database, username: str, password: str) -> None:
    _check_password(password)
    with db.session() as session:
        user = session.scalar(select(StaffUser).where(StaffUser.username == _check_username(username)))
        if user is None:
            raise AccountError(f"Geen account met de naam {username!r}.")
        user.password_hash = _hasher.hash(password)
        session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))


def set_team(db: Database, username: str, team: str | None) -> None:
    team = _check_team(team)
    with db.session() as session:
        user = session.scalar(select(StaffUser).where(StaffUser.username == _check_username(username)))
        if user is None:
            raise AccountError(f"Geen account met de naam {username!r}.")
        user.team = team
        session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))  # log in again


def set_active(db: Database, username: str, active: bool) -> None:
    with db.session() as session:
        user = session.scalar(select(StaffUser).where(StaffUser.username == _check_username(username)))
        if user is None:
            raise AccountError(f"Geen account met de naam {username!r}.")
        user.active = active
        if not active:
            session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))


def list_users(db: Database) -> list[tuple[StaffIdentity, bool]]:
    with db.session() as session:
        return [(identity(u), u.active) for u in session.scalars(select(StaffUser).order_by(StaffUser.username))]


def authenticate(db: Database, username: str, password: str) -> StaffIdentity | None:
    try:
        name = _check_username(username)
    except AccountError:
        name = ""
    with db.session() as session:
        user = session.scalar(select(StaffUser).where(StaffUser.username == name)) if name else None
        stored = user.password_hash if user is not None and user.active else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if user is None or not user.active:
            return None
        if _hasher.check_needs_rehash(stored):
            user.password_hash = _hasher.hash(password)
        return identity(user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _expiry(created: datetime, now: datetime, idle: timedelta | None) -> datetime:
    """A session ends SESSION_HOURS after login, or `idle` after the last request, whichever is first."""
    latest = created + timedelta(hours=SESSION_HOURS)
    return min(latest, now + idle) if idle else latest


def start_session(db: Database, user: StaffIdentity, idle: timedelta | None = None) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with db.session() as session:
        session.execute(delete(StaffSession).where(StaffSession.expires_at < now))
        session.add(StaffSession(token_hash=_token_hash(token), user_id=user.id, created_at=now,
                                 expires_at=_expiry(now, now, idle)))
    return token


def end_session(db: Database, token: str | None) -> None:
    if token:
        with db.session() as session:
            session.execute(delete(StaffSession).where(StaffSession.token_hash == _token_hash(token)))


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value  # SQLite returns naive


def session_user(db: Database, token: str | None, idle: timedelta | None = None) -> StaffIdentity | None:
    """The logged-in account, or None. With `idle`, each use moves the end of the session to
    `idle` from now (written at most every idle/10, at most every minute)."""
    if not token or len(token) > 200:
        return None
    with db.session() as session:
        stored = session.get(StaffSession, _token_hash(token))
        if stored is None:
            return None
        expires = _aware(stored.expires_at)
        now = datetime.now(timezone.utc)
        if expires < now:
            return None
        user = session.get(StaffUser, stored.user_id)
        if user is None or not user.active:
            return None
        if idle:
            renewed = _expiry(_aware(stored.created_at), now, idle)
            if renewed - expires > min(timedelta(minutes=1), idle / 10):
                stored.expires_at = renewed
        return identity(user)
