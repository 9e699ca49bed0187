"""The action server's code has no undefined names or unused imports.

The actions run in the Rasa environment (Python 3.10), which the test suite does not import;
an undefined name there only shows when a citizen's message reaches that line."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bot_code_and_domain_package_pass_pyflakes():
    paths = [ROOT / "bot" / "actions", ROOT / "bot" / "components", ROOT / "bot" / "redis_lock_store.py",
             ROOT / "knowledge" / "domain"]
    result = subprocess.run([sys.executable, "-m", "pyflakes", *map(str, paths)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
