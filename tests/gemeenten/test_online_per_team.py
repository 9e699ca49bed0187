"""The console shows who is online of the viewer's own team only (an admin sees everyone)."""
from __future__ import annotations

from pathlib import Path

from api.routes.staff import api_queue
from api.services.auth import StaffIdentity
from knowledge.domain.gemeenten import load_gemeenten

ROOT = Path(__file__).resolve().parents[2]
ANNA = StaffIdentity(1, "anna", "Anna Voorbeeld", "staff", None)  # the default gemeente's team
PIET = StaffIdentity(2, "piet", "Piet Proefstad", "staff", "proefstad")
ROOT_ADMIN = StaffIdentity(3, "beheer", "Beheer", "admin", None)


class Hub:
    def online(self):
        return [ANNA, PIET]


class Service:
    gemeenten = load_gemeenten(ROOT / "gemeenten", ROOT / "knowledge" / "domain" / "gemeente.yml")
    hub = Hub()

    def queue(self, user):
        return []


def test_staff_see_only_their_own_teams_names_online():
    assert api_queue(PIET, Service())["online"] == ["Piet Proefstad"]
    assert api_queue(ANNA, Service())["online"] == ["Anna Voorbeeld"]
    assert api_queue(ROOT_ADMIN, Service())["online"] == ["Anna Voorbeeld", "Piet Proefstad"]
