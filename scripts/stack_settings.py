"""What scripts/stack.py gives the servers it starts, derived from the environment and checked
before anything starts: Rasa's tracker store (from DATABASE_URL), its lock store (from REDIS_URL)
and how many Rasa instances run (WEGWIJS_RASA_INSTANCES)."""
from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's api/, not a copy the environment was installed from
from api.core.config import scale_out_refusal  # noqa: E402  (the API refuses the same setups)
# bot/redis_lock_store.py, as Rasa finds it from bot/ (bot/endpoints.yml, `lock_store`)
REDIS_LOCK_STORE = "redis_lock_store.AtomicRedisLockStore"


class StackSettingError(Exception):
    """A setting the stack cannot start with; the message names the variables to set."""


def database_url(env: Mapping[str, str]) -> str:
    return env.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'wegwijs.db'}"


def tracker_store_url(database_url: str) -> str:
    """The API's DATABASE_URL as Rasa's SQL tracker store reads it (SQLAlchemy 1.4, psycopg2).

    Rasa runs in bot/, the API in the repository root: a relative SQLite path is made absolute."""
    url = database_url
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql://" + url[len(prefix):]
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        url = f"sqlite:///{ROOT / url[len('sqlite:///'):]}"
    return url


def lock_store(env: Mapping[str, str]) -> dict[str, str]:
    """bot/endpoints.yml's lock store: in memory (one Rasa), or Redis when REDIS_URL is set."""
    redis_url = env.get("REDIS_URL") or ""
    return {"WEGWIJS_LOCK_STORE_TYPE": REDIS_LOCK_STORE if redis_url else "in_memory",
            "WEGWIJS_LOCK_STORE_URL": redis_url}


def rasa_instances(env: Mapping[str, str]) -> int:
    """WEGWIJS_RASA_INSTANCES (default 1). Several instances share the conversations: they need a
    database every instance reaches (PostgreSQL) and Redis for the conversations' locks."""
    raw = env.get("WEGWIJS_RASA_INSTANCES") or "1"
    count = int(raw) if raw.strip().isdigit() else 0
    if count < 1:
        raise StackSettingError(f"WEGWIJS_RASA_INSTANCES must be a whole number, 1 or more (not {raw!r}).")
    if count == 1:
        return count
    missing = []
    if not database_url(env).startswith(("postgresql", "postgres:")):
        missing.append("DATABASE_URL=postgresql://… (their shared tracker store; SQLite is one file for one process)")
    if not env.get("REDIS_URL"):
        missing.append("REDIS_URL=redis://… (their shared lock store: one conversation's turns one at a time)")
    if missing:
        raise StackSettingError(f"WEGWIJS_RASA_INSTANCES={count} needs " + " and ".join(missing)
                                + ". Set them, or WEGWIJS_RASA_INSTANCES=1.")
    return count


def api_workers(env: Mapping[str, str]) -> int:
    """WEGWIJS_API_WORKERS (default 1); more than one needs what they share: PostgreSQL and Redis."""
    raw = env.get("WEGWIJS_API_WORKERS") or "1"
    count = int(raw) if raw.strip().isdigit() else 0
    if count < 1:
        raise StackSettingError(f"WEGWIJS_API_WORKERS must be a whole number, 1 or more (not {raw!r}).")
    refusal = scale_out_refusal(count, env.get("REDIS_URL") or "", database_url(env))
    if refusal:
        raise StackSettingError(refusal)
    return count


def check_ports(rasa_port: int, action_port: int, instances: int) -> None:
    """Rasa instances take consecutive ports from rasa_port, action servers from action_port."""
    if rasa_port < action_port + instances and action_port < rasa_port + instances:
        raise StackSettingError(f"{instances} Rasa instances from port {rasa_port} and their action servers "
                                f"from port {action_port} would share ports: choose ports further apart.")
