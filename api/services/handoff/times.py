"""Small conversions shared by the handoff modules: stored datetimes are UTC."""
from __future__ import annotations

from datetime import datetime, timezone


def aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def iso(value: datetime | None) -> str | None:
    value = aware(value)
    return value.isoformat() if value else None

