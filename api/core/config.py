"""Settings, read once from the environment (defaults: the embedded profile)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEZONE = ZoneInfo("Europe/Amsterdam")


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: _env("DATABASE_URL", f"sqlite:///{REPO_ROOT / 'var' / 'wegwijs.db'}"))
    rasa_url: str = field(default_factory=lambda: _env("WEGWIJS_RASA_URL", "http://127.0.0.1:5005"))
    action_server_url: str = field(default_factory=lambda: _env("WEGWIJS_ACTION_SERVER_URL", "http://127.0.0.1:5055"))
    cards_dir: Path = field(default_factory=lambda: Path(_env("WEGWIJS_CARDS_DIR", str(REPO_ROOT / "knowledge" / "cards"))))
    index_dir: Path = field(default_factory=lambda: Path(_env("WEGWIJS_INDEX_DIR", str(REPO_ROOT / "var" / "index"))))
    # "office-hours" (Mon-Fri 09:00-17:00, Europe/Amsterdam), "always" or "never"
    staff_availability: str = field(default_factory=lambda: _env("WEGWIJS_STAFF_AVAILABILITY", "office-hours"))
    office_open: time = field(default_factory=lambda: time.fromisoformat(_env("WEGWIJS_OFFICE_OPEN", "09:00")))
    office_close: time = field(default_factory=lambda: time.fromisoformat(_env("WEGWIJS_OFFICE_CLOSE", "17:00")))
    # Fixed clock for tests and evaluation (ISO date); empty means the real date.
    fixed_today: str = field(default_factory=lambda: _env("WEGWIJS_TODAY", ""))
    # Lets tests and the evaluation set staff availability per conversation with a header.
    allow_test_headers: bool = field(default_factory=lambda: _env("WEGWIJS_ALLOW_TEST_HEADERS", "0") == "1")
    max_message_chars: int = 5000
    nlu_chars: int = 1000  # the bot reads this much of a long message; the transcript keeps all
    # How long the API waits for Rasa's answer, and Rasa for one custom action (read by
    # scripts/rasa_server.py). A turn may run two custom actions, so the first must be more
    # than twice the second: then the API always gets Rasa's answer, even a late one.
    rasa_timeout_s: float = field(default_factory=lambda: float(_env("WEGWIJS_RASA_TIMEOUT_SECONDS", "60")))
    action_timeout_s: float = field(default_factory=lambda: float(_env("WEGWIJS_ACTION_TIMEOUT_SECONDS", "20")))
    # Citizen messages the bot did not get (Rasa down) are sent again by a background job.
    retry_interval_s: float = field(default_factory=lambda: float(_env("WEGWIJS_RETRY_SECONDS", "5")))
    retry_max_age_h: float = field(default_factory=lambda: float(_env("WEGWIJS_RETRY_MAX_AGE_HOURS", "24")))
    card_poll_s: float = field(default_factory=lambda: float(_env("WEGWIJS_CARD_POLL_SECONDS", "3")))

    def __post_init__(self) -> None:
        if self.rasa_timeout_s <= 2 * self.action_timeout_s:
            raise ValueError(
                f"WEGWIJS_RASA_TIMEOUT_SECONDS ({self.rasa_timeout_s:g}) must be more than twice "
                f"WEGWIJS_ACTION_TIMEOUT_SECONDS ({self.action_timeout_s:g}): otherwise the API gives up "
                "while Rasa still waits for the action server, and the answer is lost."
            )

    def now(self) -> datetime:
        return datetime.now(TIMEZONE)

    def today(self) -> date:
        return date.fromisoformat(self.fixed_today) if self.fixed_today else self.now().date()

    def staff_available_now(self) -> bool:
        if self.staff_availability == "always":
            return True
        if self.staff_availability == "never":
            return False
        now = self.now()
        return now.weekday() < 5 and self.office_open <= now.time() < self.office_close


@lru_cache
def get_settings() -> Settings:
    return Settings()
