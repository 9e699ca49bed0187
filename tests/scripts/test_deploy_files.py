"""deploy/ (Docker Compose for a gemeente) fits what scripts/stack.py and the API read: every variable
an operator sets there is a real setting, and the services compose wires together are accepted by the
stack's checks for several Rasa instances. (Docker itself is not run here.)"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from stack_settings import lock_store, rasa_instances  # tests/conftest.py puts scripts/ on sys.path
from tests.api.test_settings import readme_variables

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# Read by compose, Docker or uvicorn, not by Wegwijs
DEPLOY_ONLY = {"POSTGRES_PASSWORD", "REDIS_PASSWORD", "PUBLISH_PORT", "PIP_EXTRA_INDEX_URL", "FORWARDED_ALLOW_IPS"}


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def example_env() -> dict[str, str]:
    lines = (DEPLOY / "wegwijs.env.example").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_every_variable_the_operator_sets_is_a_real_setting():
    given = set(example_env()) | set(compose()["services"]["wegwijs"]["environment"])
    unknown = given - readme_variables() - DEPLOY_ONLY
    assert not unknown, f"not a setting of Wegwijs (README's table): {sorted(unknown)}"
    assert {"WEGWIJS_API_WORKERS", "WEGWIJS_RASA_INSTANCES", "POSTGRES_PASSWORD", "REDIS_PASSWORD"} <= set(example_env())


def test_compose_gives_several_rasa_instances_what_they_need():
    environment = {name: re.sub(r"\$\{(\w+)[^}]*\}", "secret", value)
                   for name, value in compose()["services"]["wegwijs"]["environment"].items()}
    assert rasa_instances({**environment, "WEGWIJS_RASA_INSTANCES": "2"}) == 2  # PostgreSQL and Redis
    assert lock_store(environment)["WEGWIJS_LOCK_STORE_URL"] == "redis://:secret@redis:6379/0"
    assert environment["WEGWIJS_INSECURE_COOKIES"] == "0"  # not the development profile of `run`


def test_the_image_starts_the_stack_as_make_run_does():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert 'CMD [".venv/bin/python", "scripts/stack.py", "run", "--api-host", "0.0.0.0"]' in dockerfile
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("$(RASA_VENV)", ".venv-rasa")
    targets = set(re.findall(r"^([\w.$()/-]+):", makefile.replace("$(VENV)", ".venv"), re.M))
    built = re.search(r"RUN make (.+)", dockerfile).group(1).split()
    assert set(built) <= targets, f"not a Makefile target: {sorted(set(built) - targets)}"
