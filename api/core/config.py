"""Settings, read once from the environment (defaults: the embedded profile).

The one place where the API reads its environment: every variable below is in the README's
settings table (tests/api/test_settings.py checks that). knowledge/ never reads the environment;
the API passes it what it needs from here (paths, thresholds, the gemeente file, the clock).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AliasChoices, BeforeValidator, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge import paths

TIMEZONE = ZoneInfo("Europe/Amsterdam")


def env(name: str, default: Any, **kwargs: Any) -> Any:
    """A setting read from the environment variable `name` (or given by its field name in code)."""
    return Field(default, validation_alias=AliasChoices(name), **kwargs)


def _flag(value: Any) -> Any:
    """"1" switches a flag on; anything else (also "true") leaves it off, as always."""
    return value == "1" if isinstance(value, str) else value


def _comma_list(value: Any) -> Any:
    if isinstance(value, str):
        return tuple(item.strip().rstrip("/") for item in value.split(",") if item.strip())
    return value


Flag = Annotated[bool, BeforeValidator(_flag)]
CommaList = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_comma_list)]


class Settings(BaseSettings):
    # Unset or empty variables give the default; code (tests) may give a field by its name.
    model_config = SettingsConfigDict(frozen=True, env_ignore_empty=True, case_sensitive=True, validate_by_name=True,
                                      validate_by_alias=True, extra="ignore")

    database_url: str = env("DATABASE_URL", f"sqlite:///{paths.VAR_DIR / 'wegwijs.db'}")
    rasa_url: str = env("WEGWIJS_RASA_URL", "http://127.0.0.1:5005")
    action_server_url: str = env("WEGWIJS_ACTION_SERVER_URL", "http://127.0.0.1:5055")
    # Several Rasa instances, each with its own action server in the same order (comma-separated;
    # scripts/stack.py sets them for WEGWIJS_RASA_INSTANCES). Unset: the one Rasa above.
    rasa_urls: CommaList = env("WEGWIJS_RASA_URLS", ())
    action_server_urls: CommaList = env("WEGWIJS_ACTION_SERVER_URLS", ())
    cards_dir: Path = env("WEGWIJS_CARDS_DIR", paths.CARDS_DIR)
    index_dir: Path = env("WEGWIJS_INDEX_DIR", paths.INDEX_DIR)
    # --- passed to knowledge/ (retrieval, the card checker, the gemeente's details) ---
    embedding_model: Path = env("WEGWIJS_EMBEDDING_MODEL", paths.EMBEDDING_MODEL_DIR)
    torch_threads: int = env("WEGWIJS_TORCH_THREADS", 1)  # at most 2 are used
    # Unset: the values calibrated for the default model (knowledge/retrieval/search.py).
    confidence_threshold: float | None = env("WEGWIJS_CONFIDENCE_THRESHOLD", None)
    hybrid_weight: float | None = env("WEGWIJS_HYBRID_WEIGHT", None)
    seeds_dir: Path = env("WEGWIJS_SEEDS_DIR", paths.SEEDS_DIR)
    gemeente_file: Path = env("WEGWIJS_GEMEENTE_FILE", paths.GEMEENTE_FILE)
    # One file per gemeente (<code>.yml, knowledge/domain/gemeenten.py); unset: the one gemeente_file.
    gemeenten_dir: Path | None = env("WEGWIJS_GEMEENTEN_DIR", None)
    # "office-hours" (Mon-Fri 09:00-17:00, Europe/Amsterdam), "always" or "never"
    staff_availability: str = env("WEGWIJS_STAFF_AVAILABILITY", "office-hours")
    office_open: time = env("WEGWIJS_OFFICE_OPEN", time(9, 0))
    office_close: time = env("WEGWIJS_OFFICE_CLOSE", time(17, 0))
    # Fixed clock for tests and evaluation (ISO date); empty means the real date.
    fixed_today: str = env("WEGWIJS_TODAY", "")
    # Lets tests and the evaluation set staff availability per conversation with a header.
    allow_test_headers: Flag = env("WEGWIJS_ALLOW_TEST_HEADERS", False)
    max_message_chars: int = 5000
    # The bot reads the whole message (up to max_message_chars): in a long story the date and the
    # question often come last. The e5 features read their first 512 tokens; the words and dates all.
    nlu_chars: int = 5000
    # How long the API waits for Rasa's answer, and Rasa for one custom action (read by
    # scripts/rasa_server.py). A turn may run two custom actions, so the first must be more
    # than twice the second: then the API always gets Rasa's answer, even a late one.
    rasa_timeout_s: float = env("WEGWIJS_RASA_TIMEOUT_SECONDS", 60.0)
    action_timeout_s: float = env("WEGWIJS_ACTION_TIMEOUT_SECONDS", 20.0)
    # Citizen messages the bot did not get (Rasa down) are sent again by a background job.
    retry_interval_s: float = env("WEGWIJS_RETRY_SECONDS", 5.0)
    retry_max_age_h: float = env("WEGWIJS_RETRY_MAX_AGE_HOURS", 24.0)
    card_poll_s: float = env("WEGWIJS_CARD_POLL_SECONDS", 3.0)
    # Conversations (and knowledge gaps) are deleted this many days after their last activity.
    retention_days: int = env("WEGWIJS_RETENTION_DAYS", 90)
    retention_check_s: float = env("WEGWIJS_RETENTION_CHECK_SECONDS", 3600.0)

    # --- abuse limits and hardening (api/core/rate_limits.py, api/core/hardening.py) ---
    # WEGWIJS_TODAY and WEGWIJS_ALLOW_TEST_HEADERS are refused unless this test flag is set too.
    test_mode: Flag = env("WEGWIJS_TEST_MODE", False)
    # Where the rate-limit counters live: unset, REDIS_URL or else "memory://" (this process);
    # any `limits` storage URI such as "redis://host:6379" (see rate_limit_uri).
    rate_limit_storage: str = env("WEGWIJS_RATE_LIMIT_STORAGE", "")
    # Limits in the `limits` notation: "5/minute;30/hour" (a request must fit every part).
    limit_conversations_per_ip: str = env("WEGWIJS_LIMIT_CONVERSATIONS_PER_IP", "5/minute;30/hour")
    limit_messages_per_ip: str = env("WEGWIJS_LIMIT_MESSAGES_PER_IP", "30/minute;300/hour")
    limit_messages_per_conversation: str = env("WEGWIJS_LIMIT_MESSAGES_PER_CONVERSATION", "15/minute;150/hour")
    # Unanswered questions kept for the editors, per conversation (api/services/gaps.py).
    limit_gaps_per_conversation: str = env("WEGWIJS_LIMIT_GAPS_PER_CONVERSATION", "5/hour")
    limit_login_failures_per_ip: str = env("WEGWIJS_LIMIT_LOGIN_FAILURES_PER_IP", "10/5minutes")
    limit_login_failures_per_user: str = env("WEGWIJS_LIMIT_LOGIN_FAILURES_PER_USER", "5/5minutes")
    # Password checks run in a worker thread, this many at once; more than login_queue waiting: 429.
    login_concurrency: int = env("WEGWIJS_LOGIN_CONCURRENCY", 1)
    login_queue: int = env("WEGWIJS_LOGIN_QUEUE", 16)
    max_body_bytes: int = env("WEGWIJS_MAX_BODY_BYTES", 64 * 1024)
    max_card_body_bytes: int = env("WEGWIJS_MAX_CARD_BODY_BYTES", 256 * 1024)
    # Rasa's HTTP API token (scripts/stack.py makes one per start when unset).
    rasa_token: str = env("WEGWIJS_RASA_TOKEN", "")
    api_docs: Flag = env("WEGWIJS_API_DOCS", True)
    session_idle_minutes: float = env("WEGWIJS_SESSION_IDLE_MINUTES", 30.0)
    # Cookies are Secure (HTTPS only) and HSTS is sent, unless plain-HTTP development opts out.
    insecure_cookies: Flag = env("WEGWIJS_INSECURE_COOKIES", False)
    # Sites that may embed the widget from another origin, e.g. "https://www.gemeente.nl" ("*": any).
    cors_origins: CommaList = env("WEGWIJS_CORS_ORIGINS", ())

    # --- several API processes (api/services/shared_state.py) ---
    # The Redis the API's processes share (change bus, staff presence, locks, rate limits; the stack
    # also makes it Rasa's lock store), e.g. "redis://127.0.0.1:6379/0". Empty: one process, all in memory.
    redis_url: str = env("REDIS_URL", "")
    # How many API processes scripts/stack.py starts (uvicorn --workers); more than 1 needs
    # REDIS_URL and PostgreSQL (scale_out_refusal).
    api_workers: int = env("WEGWIJS_API_WORKERS", 1, ge=1)

    @field_validator("fixed_today")
    @classmethod
    def _iso_date(cls, value: str) -> str:
        if value:
            date.fromisoformat(value)  # a ValueError names the setting
        return value

    @model_validator(mode="after")
    def _timeouts_fit_together(self) -> Settings:
        if self.rasa_timeout_s <= 2 * self.action_timeout_s:
            raise ValueError(
                f"WEGWIJS_RASA_TIMEOUT_SECONDS ({self.rasa_timeout_s:g}) must be more than twice "
                f"WEGWIJS_ACTION_TIMEOUT_SECONDS ({self.action_timeout_s:g}): otherwise the API gives up "
                "while Rasa still waits for the action server, and the answer is lost."
            )
        return self

    @model_validator(mode="after")
    def _workers_share_state(self) -> Settings:
        refusal = scale_out_refusal(self.api_workers, self.redis_url, self.database_url)
        if refusal:
            raise ValueError(refusal)
        return self

    @property
    def rate_limit_uri(self) -> str:
        """WEGWIJS_RATE_LIMIT_STORAGE if set, else the shared Redis, else this process's memory."""
        return self.rate_limit_storage or self.redis_url or "memory://"

    @model_validator(mode="after")
    def _each_rasa_has_its_action_server(self) -> Settings:
        rasa, actions = self.rasa_instances
        if len(rasa) != len(actions):
            raise ValueError(
                f"WEGWIJS_RASA_URLS has {len(rasa)} URL(s) and WEGWIJS_ACTION_SERVER_URLS {len(actions)}: "
                "each Rasa instance has its own action server, give both lists in the same order."
            )
        return self

    @property
    def rasa_instances(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The Rasa URLs and, in the same order, their action servers' URLs."""
        return self.rasa_urls or (self.rasa_url,), self.action_server_urls or (self.action_server_url,)

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

    def now(self) -> datetime:
        return datetime.now(TIMEZONE)

    def today(self) -> date:
        return date.fromisoformat(self.fixed_today) if self.fixed_today else self.now().date()

    def staff_available_now(self) -> bool:
        if self.staff_availability == "always":
            return True
        if self.staff_availability == "never":
            return False
        # the day from today() (a fixed clock fixes the weekday too), the time from the real clock
        return self.today().weekday() < 5 and self.office_open <= self.now().time() < self.office_close


def scale_out_refusal(workers: int, redis_url: str, database_url: str) -> str | None:
    """Why `workers` API processes cannot run on this setup, or None. The processes share nothing
    in memory: what they must agree on is in PostgreSQL and Redis (also used by scripts/stack.py)."""
    if workers <= 1:
        return None
    missing = ([] if redis_url else ["REDIS_URL (redis://…)"]) + \
        ([] if database_url.startswith("postgres") else ["DATABASE_URL on PostgreSQL (postgresql://…)"])
    if not missing:
        return None
    return (f"WEGWIJS_API_WORKERS={workers} needs {' and '.join(missing)}: several API processes share "
            "their queue, staff presence and locks through PostgreSQL and Redis. Set what is missing, or "
            "WEGWIJS_API_WORKERS=1.")


def environment_variables() -> dict[str, str]:
    """Field name -> the environment variable it is read from (for the README check)."""
    return {name: field.validation_alias.choices[0] for name, field in Settings.model_fields.items()
            if field.validation_alias is not None}


@lru_cache
def get_settings() -> Settings:
    return Settings()
