"""The conversation scenario set (evaluation/scenarios) over the real stack: pass rate >= 90%."""
import httpx
import pytest

from evaluation.run_scenarios import SCENARIO_DIR, load_scenarios, run_scenario

pytestmark = pytest.mark.stack


def test_scenario_pass_rate_is_at_least_90_percent(stack):
    scenarios = load_scenarios(sorted(SCENARIO_DIR.glob("*.yml")))
    misses = {}
    with httpx.Client(base_url=stack.api_url, timeout=60) as client:
        for scenario in scenarios:
            problems = run_scenario(client, scenario)
            if problems:
                misses[scenario["name"]] = problems
    pass_rate = 1 - len(misses) / len(scenarios)
    report = "\n".join(f"{name}: {problems}" for name, problems in misses.items())
    print(f"scenarios: {len(scenarios) - len(misses)} passed, {len(misses)} failed, pass rate {pass_rate:.1%}\n{report}")
    assert pass_rate >= 0.90, report
