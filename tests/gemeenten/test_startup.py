"""A bad gemeente file stops the API before it serves anything, and says which file, which field
and how to fix it (the real start command, as scripts/stack.py runs it)."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def start_api(tmp_path, gemeenten_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "WEGWIJS_GEMEENTEN_DIR": str(gemeenten_dir), "DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}"}
    return subprocess.run([sys.executable, "-m", "uvicorn", "api.main:app", "--port", "8399"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_bad_gemeente_file_stops_the_start_naming_file_field_and_fix(tmp_path):
    folder = tmp_path / "gemeenten"
    folder.mkdir()
    (folder / "9991.yml").write_text((ROOT / "gemeenten" / "9991.yml").read_text(encoding="utf-8"))
    bad = folder / "9992.yml"
    bad.write_text((ROOT / "gemeenten" / "9992.yml").read_text(encoding="utf-8").replace("kind: own", "kind: eigen"))

    started = start_api(tmp_path, folder)

    assert started.returncode != 0
    assert "Wegwijs cannot start: a gemeente settings file is wrong." in started.stderr
    assert f"{bad}: field 'ombudsman.kind'" in started.stderr
    assert "Fix: write kind: own, regional or national" in started.stderr
    assert "Traceback" not in started.stderr  # the message, not a stack trace
    assert not (tmp_path / "w.db").exists()  # it stopped before touching the database
