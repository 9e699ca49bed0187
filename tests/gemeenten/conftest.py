"""A stack with the two example gemeenten (issue 14): Gemeente Voorbeeld (9991, the default, the
Nationale ombudsman) and Gemeente Proefstad (9992, its own ombudscommissie). Their files are the
examples in gemeenten/, with office hours made independent of the hour the test runs: Voorbeeld
open all day, Proefstad closed today (2026-11-23 is one of its closed days). Staff availability
follows office hours, as in production."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest
import yaml

from tests.conftest import ROOT, TEST_TODAY

VOORBEELD, PROEFSTAD = "9991", "9992"
CAK_PROEFSTAD = ("Het CAK stelt uw eigen bijdrage vast. Heeft u daar vragen over? In Proefstad helpt het "
                 "Sociaal Team Proefstad u gratis. Bel 14 0999.")
ALL_DAY = {day: "00:00-24:00" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def example_folder(target: Path) -> Path:
    target.mkdir(parents=True)
    for code, closed_today in ((VOORBEELD, False), (PROEFSTAD, True)):
        data = yaml.safe_load((ROOT / "gemeenten" / f"{code}.yml").read_text(encoding="utf-8"))
        data["office_hours"] = ALL_DAY
        data["holidays_closed"] = [TEST_TODAY] if closed_today else []
        (target / f"{code}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def regional(tmp_path_factory):
    """The stack (Rasa, action server, API) of a regional installation, on its own ports."""
    from stack import TEST_PROFILE, Stack

    base = tmp_path_factory.mktemp("regional")
    cards_dir = base / "cards"
    shutil.copytree(ROOT / "knowledge" / "cards", cards_dir)
    for card in cards_dir.glob("cak-*.md"):  # a local section for Proefstad (knowledge/local_variants.py)
        card.write_text(card.read_text(encoding="utf-8").rstrip() + "\n\n## Lokaal: 9992\n" + CAK_PROEFSTAD + "\n",
                        encoding="utf-8")
    if (ROOT / "var" / "index").is_dir():
        shutil.copytree(ROOT / "var" / "index", base / "index")
    port = int(os.environ.get("WEGWIJS_TEST_REGIONAL_PORT", "8340"))
    running = Stack(api_port=port, rasa_port=port - 2995, action_port=port - 2945, log_dir=base / "log", extra_env={
        **TEST_PROFILE, "WEGWIJS_TODAY": TEST_TODAY, "WEGWIJS_STAFF_AVAILABILITY": "office-hours",
        "DATABASE_URL": f"sqlite:///{base / 'wegwijs.db'}", "WEGWIJS_CARDS_DIR": str(cards_dir),
        "WEGWIJS_INDEX_DIR": str(base / "index"), "WEGWIJS_GEMEENTEN_DIR": str(example_folder(base / "gemeenten")),
    })
    try:
        running.start()
        running.wait_ready(timeout_s=420)
        running.db_file = base / "wegwijs.db"
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def regional_db(regional):
    from api.core.db import Database

    db = Database(f"sqlite:///{regional.db_file}")
    yield db
    db.engine.dispose()


@pytest.fixture
def citizen(regional):
    with httpx.Client(base_url=regional.api_url, timeout=90) as client:
        yield client
