"""Per-gemeente settings: a municipality that deploys Wegwijs sets these.

The ombudsman step depends on the gemeente: many gemeenten have their own ombudsman or
ombudscommissie; the others fall under the Nationale ombudsman (routes.md §3).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_FILE = Path(__file__).with_name("gemeente.yml")


@dataclass(frozen=True)
class GemeenteSettings:
    name: str
    phone: str
    website: str
    own_ombudsman: str | None  # name of the gemeentelijke ombudsman, or None
    own_ombudsman_url: str | None

    @property
    def ombudsman_name(self) -> str:
        return self.own_ombudsman or "de Nationale ombudsman"

    @property
    def ombudsman_url(self) -> str | None:
        """The ombudsman's website; None for an own ombudsman whose file gives none (no link then)."""
        if self.own_ombudsman:
            return self.own_ombudsman_url
        return "https://www.nationaleombudsman.nl"


@lru_cache
def load_gemeente(path: str | Path | None = None) -> GemeenteSettings:
    """The gemeente's details from `path` (the setting WEGWIJS_GEMEENTE_FILE, or one file of the
    gemeenten/ folder: knowledge/domain/gemeenten.py checks those), else gemeente.yml here."""
    file = Path(path or DEFAULT_FILE)
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    ombudsman = data.get("ombudsman") or {}  # a gemeenten/ file: kind own, regional or national
    own = ombudsman.get("kind") in ("own", "regional")
    return GemeenteSettings(
        name=data["name"],
        phone=data["phone"],
        website=data["website"],
        own_ombudsman=(ombudsman.get("name") if own else data.get("own_ombudsman")) or None,
        own_ombudsman_url=(ombudsman.get("url") if own else data.get("own_ombudsman_url")) or None,
    )
