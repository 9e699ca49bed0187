"""Staff accounts get a team on the command line (the staff_team of gemeente files)."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def cli(db_url: str, *args: str, password: str | None = None, gemeenten: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "WEGWIJS_GEMEENTEN_DIR": gemeenten}  # empty: the one gemeente file
    return subprocess.run([sys.executable, "-m", "api.cli", "--database-url", db_url, *args], cwd=ROOT, env=env,
                          input=password, capture_output=True, text=True, timeout=60)


def test_an_account_gets_a_team_and_moves_to_another(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'w.db'}"
    made = cli(db_url, "create-user", "piet", "--role", "staff", "--name", "Piet Proef", "--team", "proefstad",
               "--password-stdin", password="een lang wachtwoord\n")
    assert made.returncode == 0 and "team proefstad" in made.stdout
    assert "geen gemeente heeft staff_team 'proefstad'" in made.stderr  # this installation has one gemeente
    assert "piet\tstaff\tPiet Proef\tactief\tteam proefstad" in cli(db_url, "list-users").stdout
    moved = cli(db_url, "set-team", "piet", "voorbeeld", gemeenten=str(ROOT / "gemeenten"))
    assert moved.returncode == 0 and "Let op" not in moved.stderr  # gemeenten/9991.yml has that team
    assert "piet\tstaff\tPiet Proef\tactief\tteam voorbeeld" in cli(db_url, "list-users").stdout
    assert cli(db_url, "set-team", "piet").returncode == 0  # back to the default gemeente's team
    assert "piet\tstaff\tPiet Proef\tactief\n" in cli(db_url, "list-users").stdout
    wrong = cli(db_url, "set-team", "piet", "Team Noord!")
    assert wrong.returncode == 1 and "Team: alleen kleine letters" in wrong.stderr
