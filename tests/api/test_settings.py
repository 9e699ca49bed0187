"""The API's settings (api/core/config.py): read from the environment in one place, refused at start
with the variable's name when wrong, and every variable the project reads is in the README's table."""
from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from api.core.config import Settings, environment_variables

ROOT = Path(__file__).resolve().parents[2]
# Every place that reads a variable: os.environ["X"], os.environ.get("X"), os.getenv("X"), ${X} in YAML.
ENV_READ = re.compile(r"""(?:environ(?:\.get)?\(?\[?|getenv\(|\$\{)\s*["']?((?:WEGWIJS|DATABASE)_[A-Z0-9_]+)""")


def readme_variables() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Settings (environment)", 1)[1].split("\n## ", 1)[0]
    names = set()
    for row in table.splitlines():
        if row.startswith("| `"):
            first_cell = row.split(" | ", 1)[0]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_cell))
    return names


def variables_read_in_code() -> set[str]:
    found = set()
    for folder in ("api", "bot", "knowledge", "scripts"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".yml") and ".venv" not in path.parts:
                found.update(ENV_READ.findall(path.read_text(encoding="utf-8", errors="replace")))
    found.update(ENV_READ.findall((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")))
    return found


def test_every_setting_of_the_api_is_in_the_readme_table():
    variables = set(environment_variables().values())
    assert {"DATABASE_URL", "WEGWIJS_RASA_TIMEOUT_SECONDS", "WEGWIJS_GEMEENTE_FILE"} <= variables
    missing = variables - readme_variables()
    assert not missing, f"add these to the README's settings table: {sorted(missing)}"


def test_every_variable_read_anywhere_is_in_the_readme_table():
    read = variables_read_in_code()
    assert {"WEGWIJS_RASA_URL", "WEGWIJS_TRACKER_STORE_URL", "WEGWIJS_TEST_API_PORT"} <= read  # the scan works
    missing = read - readme_variables()
    assert not missing, f"add these to the README's settings table: {sorted(missing)}"


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEGWIJS_CORS_ORIGINS", "https://www.gemeente.nl/, https://wijk.nl")
    monkeypatch.setenv("WEGWIJS_OFFICE_OPEN", "08:30")
    monkeypatch.setenv("WEGWIJS_RETENTION_DAYS", "30")
    monkeypatch.setenv("WEGWIJS_INSECURE_COOKIES", "true")  # only "1" switches a flag on, as always
    monkeypatch.setenv("WEGWIJS_API_DOCS", "0")
    monkeypatch.setenv("WEGWIJS_RASA_TIMEOUT_SECONDS", "")  # empty: the default
    monkeypatch.setenv("WEGWIJS_EMBEDDING_MODEL", "/srv/model")
    settings = Settings()
    assert settings.cors_origins == ("https://www.gemeente.nl", "https://wijk.nl")
    assert settings.office_open == time(8, 30) and settings.retention_days == 30
    assert settings.insecure_cookies is False and settings.api_docs is False
    assert settings.rasa_timeout_s == 60 and settings.embedding_model == Path("/srv/model")
    assert Settings(retention_days=7).retention_days == 7  # code gives a setting by its field name


def test_a_timeout_pair_that_does_not_fit_is_refused_with_both_names(monkeypatch):
    monkeypatch.setenv("WEGWIJS_RASA_TIMEOUT_SECONDS", "30")
    monkeypatch.setenv("WEGWIJS_ACTION_TIMEOUT_SECONDS", "20")
    with pytest.raises(ValidationError) as refused:
        Settings()
    message = str(refused.value)
    assert "WEGWIJS_RASA_TIMEOUT_SECONDS (30) must be more than twice WEGWIJS_ACTION_TIMEOUT_SECONDS (20)" in message


@pytest.mark.parametrize("name, value", [("WEGWIJS_RETENTION_DAYS", "negentig"),
                                         ("WEGWIJS_RASA_TIMEOUT_SECONDS", "1 minuut"),
                                         ("WEGWIJS_OFFICE_CLOSE", "vijf uur"),
                                         ("WEGWIJS_TODAY", "23-11-2026")])
def test_a_value_that_is_not_a_number_or_date_names_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as refused:
        Settings()
    assert name in str(refused.value) and value in str(refused.value)


def test_test_settings_are_refused_outside_a_test_stack():
    for unsafe in ({"fixed_today": "2026-11-23"}, {"allow_test_headers": True}):
        with pytest.raises(RuntimeError, match="for tests only: set WEGWIJS_TEST_MODE=1"):
            Settings(test_mode=False, **unsafe).refuse_unsafe_test_settings()
        Settings(test_mode=True, **unsafe).refuse_unsafe_test_settings()  # a test stack: fine
    Settings(test_mode=False, fixed_today="", allow_test_headers=False).refuse_unsafe_test_settings()


def test_settings_cannot_change_while_running():
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.retention_days = 1


def test_several_api_workers_are_refused_without_redis_and_postgresql(monkeypatch):
    monkeypatch.setenv("WEGWIJS_API_WORKERS", "3")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///var/wegwijs.db")
    with pytest.raises(ValidationError) as refused:
        Settings()
    assert "WEGWIJS_API_WORKERS=3 needs REDIS_URL" in str(refused.value) and "DATABASE_URL on PostgreSQL" in str(refused.value)
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("DATABASE_URL", "postgresql://wegwijs@db/wegwijs")
    assert Settings().api_workers == 3
    monkeypatch.setenv("WEGWIJS_API_WORKERS", "1")
    monkeypatch.delenv("REDIS_URL")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///var/wegwijs.db")
    assert Settings().redis_url == ""  # one process: nothing else needed


def test_rate_limits_use_redis_url_unless_their_storage_is_set(monkeypatch):
    monkeypatch.delenv("WEGWIJS_RATE_LIMIT_STORAGE", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert Settings().rate_limit_uri == "memory://"
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/2")
    assert Settings().rate_limit_uri == "redis://127.0.0.1:6379/2"
    monkeypatch.setenv("WEGWIJS_RATE_LIMIT_STORAGE", "memory://")
    assert Settings().rate_limit_uri == "memory://"
