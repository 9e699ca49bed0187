"""Settings, read once from the environment (defaults: the embedded profile)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEZONE = ZoneInfo("Europe/Amsterdam")


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def _flag(name: str) -> bool:
    return _env(name, "0") == "1"


def _list(name: str) -> tuple[str, ...]:
    return tuple(item.strip().rstrip("/") for item in _env(name, "").split(",") if item.strip())


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
    # Conversations (and knowledge gaps) are deleted this many days after their last activity.
    retention_days: int = field(default_factory=lambda: int(_env("WEGWIJS_RETENTION_DAYS", "90")))
    retention_check_s: float = field(default_factory=lambda: float(_env("WEGWIJS_RETENTION_CHECK_SECONDS", "3600")))

    # --- abuse limits and hardening (api/core/rate_limits.py, api/core/hardening.py) ---
    # WEGWIJS_TODAY and WEGWIJS_ALLOW_TEST_HEADERS are refused unless this test flag is set too.
    test_mode: bool = field(default_factory=lambda: _flag("WEGWIJS_TEST_MODE"))
    # Where the rate-limit counters live: "memory://" (this process) or e.g. "redis://host:6379".
    rate_limit_storage: str = field(default_factory=lambda: _env("WEGWIJS_RATE_LIMIT_STORAGE", "memory://"))
    # Limits in the `limits` notation: "5/minute;30/hour" (a request must fit every part).
    limit_conversations_per_ip: str = field(default_factory=lambda: _env("WEGWIJS_LIMIT_CONVERSATIONS_PER_IP",
                                                                         "5/minute;30/hour"))
    limit_messages_per_ip: str = field(default_factory=lambda: _env("WEGWIJS_LIMIT_MESSAGES_PER_IP",
                                                                    "30/minute;300/hour"))
    limit_messages_per_conversation: str = field(default_factory=lambda: _env(
        "WEGWIJS_LIMIT_MESSAGES_PER_CONVERSATION", "15/minute;150/hour"))
    # Unanswered questions kept for the editors, per conversation (api/services/gaps.py).
    limit_gaps_per_conversation: str = field(default_factory=lambda: _env("WEGWIJS_LIMIT_GAPS_PER_CONVERSATION",
                                                                          "5/hour"))
    limit_login_failures_per_ip: str = field(default_factory=lambda: _env("WEGWIJS_LIMIT_LOGIN_FAILURES_PER_IP",
                                                                          "10/5minutes"))
    limit_login_failures_per_user: str = field(default_factory=lambda: _env("WEGWIJS_LIMIT_LOGIN_FAILURES_PER_USER",
                                                                            "5/5minutes"))
    # Password checks run in a worker thread, this many at once; more than login_queue waiting: 429.
    login_concurrency: int = field(default_factory=lambda: int(_env("WEGWIJS_LOGIN_CONCURRENCY", "1")))
    login_queue: int = field(default_factory=lambda: int(_env("WEGWIJS_LOGIN_QUEUE", "16")))
    max_body_bytes: int = field(default_factory=lambda: int(_env("WEGWIJS_MAX_BODY_BYTES", str(64 * 1024))))
    max_card_body_bytes: int = field(default_factory=lambda: int(_env("WEGWIJS_MAX_CARD_BODY_BYTES",
                                                                      str(256 * 1024))))
    # Rasa's HTTP API token (scripts/stack.py makes one per start when unset).
    rasa_token: str = field(default_factory=lambda: _env("WEGWIJS_RASA_TOKEN", ""))
    api_docs: bool = field(default_factory=lambda: _env("WEGWIJS_API_DOCS", "1") == "1")
    session_idle_minutes: float = field(default_factory=lambda: float(_env("WEGWIJS_SESSION_IDLE_MINUTES", "30")))
    # Cookies are Secure (HTTPS only) and HSTS is sent, unless plain-HTTP development opts out.
    insecure_cookies: bool = field(default_factory=lambda: _flag("WEGWIJS_INSECURE_COOKIES"))
    # Sites that may embed the widget from another origin, e.g. "https://www.gemeente.nl" ("*": any).
    cors_origins: tuple[str, ...] = field(default_factory=lambda: _list("WEGWIJS_CORS_ORIGINS"))

    @property
    def session_idle(self) -> timedelta:
        return timedelta(minutes=self.session_idle_minutes)

    def refuse_unsafe_test_settings(self) -> None:
        """A fixed clock or test headers in production would give wrong deadlines or let anyone
        steer staff availability: refuse to start unless the test flag says this is a test stack."""
        unsafe = [name for name, on in (("WEGWIJS_TODAY", bool(self.fixed_today)),
                                        ("WEGWIJS_ALLOW_TEST_HEADERS", self.allow_test_headers)) if on]
        if unsafe and not self.test_mode:
            raise RuntimeError(f"{' and '.join(unsafe)} {'is' if len(unsafe) == 1 else 'are'} for tests only: "
                               "set WEGWIJS_TEST_MODE=1 as well (never in production), or unset it.")

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
