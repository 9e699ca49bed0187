"""Checks the evaluation scenario files themselves (no server needed).

Every expected deadline is recomputed here with an independent implementation of the
routes.md §2 rule (standard library + dateutil.easter only; deliberately NOT the project's
knowledge.domain code), so a wrong expectation cannot hide a wrong calculator.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import yaml
from dateutil.easter import easter

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # `pytest` without `python -m` does not add the cwd
    sys.path.insert(0, str(REPO_ROOT))

from evaluation.run_scenarios import load_scenarios  # noqa: E402

SCENARIO_FILES = sorted((REPO_ROOT / "evaluation" / "scenarios").glob("*.yml"))
TODAY = dt.date(2026, 11, 23)  # fixed evaluation date (WEGWIJS_TODAY), a Monday

# docs/contracts.md, "Conversation state (public API)"
ROUTES = {"klacht", "bezwaar", "klacht_en_bezwaar", "ingebrekestelling", "aanvraag", None}
ORGANISATIONS = {"gemeente", "ciz", "zorgkantoor", "cak", "svb", "zorgverzekeraar",
                 "zorgaanbieder", "ombudsman", "rechtbank", None}
ASKING_FOR = {"self", "relative", None}
HANDOFF = {"none", "offered", "waiting", "active", "callback", "closed"}
NO_DATE_ROUTES = {"klacht", "aanvraag", "ingebrekestelling", None}


# --------------------------------------------------------------------------- independent deadline check


def atw_holidays(year: int) -> set[dt.date]:
    """Algemene termijnenwet art. 3 holidays (Goede Vrijdag is not one of them)."""
    easter_sunday = easter(year)
    koningsdag = dt.date(year, 4, 27)
    if koningsdag.weekday() == 6:  # Sunday → 26 April
        koningsdag = dt.date(year, 4, 26)
    return {
        dt.date(year, 1, 1),
        easter_sunday + dt.timedelta(days=1),   # Tweede Paasdag
        easter_sunday + dt.timedelta(days=39),  # Hemelvaartsdag
        easter_sunday + dt.timedelta(days=50),  # Tweede Pinksterdag
        koningsdag,
        dt.date(year, 5, 5),
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }


def bezwaar_deadline(decision: dt.date) -> dt.date:
    """6 weeks from the day after the decision = same weekday 6 weeks later, then Atw."""
    day = decision + dt.timedelta(weeks=6)
    while day.weekday() >= 5 or day in atw_holidays(day.year):
        day += dt.timedelta(days=1)
    return day


def test_checker_matches_routes_worked_example():
    # routes.md §2: Fri 13 Nov 2026 → Fri 25 Dec (Kerst) → Sat 26 → Sun 27 → Mon 28 Dec.
    assert bezwaar_deadline(dt.date(2026, 11, 13)) == dt.date(2026, 12, 28)


def test_checker_edge_cases():
    assert bezwaar_deadline(dt.date(2026, 2, 20)) == dt.date(2026, 4, 3)    # Goede Vrijdag stays
    assert bezwaar_deadline(dt.date(2026, 2, 23)) == dt.date(2026, 4, 7)    # Tweede Paasdag
    assert bezwaar_deadline(dt.date(2026, 11, 20)) == dt.date(2027, 1, 4)   # Nieuwjaarsdag + weekend
    assert bezwaar_deadline(dt.date(2026, 3, 24)) == dt.date(2026, 5, 6)    # 5 mei
    assert bezwaar_deadline(dt.date(2026, 11, 2)) == dt.date(2026, 12, 14)  # plain weekday
    assert dt.date(2025, 4, 26) in atw_holidays(2025)                       # 27 Apr 2025 is a Sunday
    assert dt.date(2025, 4, 27) not in atw_holidays(2025)


# --------------------------------------------------------------------------- loading


def _raw_scenarios() -> list[tuple[str, dict]]:
    items = []
    for path in SCENARIO_FILES:
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            items.append((path.name, raw))
    return items


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


SCENARIOS = load_scenarios(SCENARIO_FILES)  # raises ScenarioError with a clear message if invalid
BY_NAME = {s["name"]: s for s in SCENARIOS}


def test_at_least_60_scenarios():
    assert len(SCENARIOS) >= 60, f"only {len(SCENARIOS)} scenarios"


def test_names_unique():
    names = [raw.get("name") for _, raw in _raw_scenarios()]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"duplicate scenario names: {duplicates}"


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_fields_valid(name):
    scenario = BY_NAME[name]
    expect = scenario["expect"]
    assert list(expect) == ["route", "organisation", "decision_date", "deadline", "asking_for", "handoff"]
    assert expect["route"] in ROUTES
    assert expect["organisation"] in ORGANISATIONS
    assert expect["asking_for"] in ASKING_FOR
    assert expect["handoff"] in HANDOFF
    for field in ("decision_date", "deadline"):
        value = expect[field]
        assert value is None or dt.date.fromisoformat(value).isoformat() == value, (field, value)
    assert scenario["source"].strip()
    assert scenario["turns"]


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_deadline_recomputed(name):
    expect = BY_NAME[name]["expect"]
    decision = _as_date(expect["decision_date"])
    deadline = _as_date(expect["deadline"])
    if decision is None:
        assert deadline is None, "a deadline needs a decision date"
        return
    assert decision <= TODAY, "a decision date cannot be in the future"
    assert deadline == bezwaar_deadline(decision), (
        f"decision {decision}: file says {deadline}, rule gives {bezwaar_deadline(decision)}"
    )


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_consistent_with_contract(name):
    """The behaviour rules of docs/contracts.md that can be checked on the expectation alone."""
    e = BY_NAME[name]["expect"]
    route, org = e["route"], e["organisation"]
    if route in NO_DATE_ROUTES:
        assert e["decision_date"] is None and e["deadline"] is None, f"{route}: dates must be null"
    if route is not None:
        assert e["asking_for"] in {"self", "relative"}, "asking_for is set once a route is known"
    elif e["asking_for"] == "self":
        pytest.fail("asking_for self needs a known route")
    if org == "rechtbank":
        assert route == "bezwaar", "beroep keeps route bezwaar"
    if org in {"zorgverzekeraar", "zorgaanbieder", "ombudsman"}:
        assert route == "klacht", f"{org}: only klacht"
    if route == "aanvraag":
        assert org in {"gemeente", "ciz"}
    if e["deadline"] is not None and (_as_date(e["deadline"]) - TODAY).days <= 7:
        assert e["handoff"] != "none", "deadline 7 days away or less (or passed) → a person is offered"


@pytest.mark.parametrize("name", sorted(n for n, s in BY_NAME.items() if s["expect"]["handoff"] == "callback"))
def test_callback_only_when_staff_offline(name):
    assert BY_NAME[name]["staff_available"] is False


def test_expected_phrases_match_at_word_starts_and_numbers_match_whole():
    from evaluation.run_scenarios import missing_phrases

    replies = ["Vraag een cliëntondersteuner. Uw laatste dag is 29 december 2026. Bel 1130."]
    assert missing_phrases(["cliëntondersteun", "29 december 2026"], replies) == []
    assert missing_phrases(["9 december 2026"], replies) == ["9 december 2026"]
    assert missing_phrases(["113"], replies) == ["113"]
    assert missing_phrases(["ondersteuner"], replies) == ["ondersteuner"]
