"""The action server's settings: the one place in bot/ that reads the environment.

The action server runs in the Rasa environment (Python 3.10), apart from the API, so it has
its own few settings; scripts/stack.py sets them for it. Listed in the README's settings table.
"""
from __future__ import annotations

import os

from knowledge import paths

RASA_URL = os.environ.get("WEGWIJS_RASA_URL") or "http://127.0.0.1:5005"  # for the sentence intents
RASA_TOKEN = os.environ.get("WEGWIJS_RASA_TOKEN") or ""  # Rasa's HTTP API token (set by scripts/stack.py)
GEMEENTE_FILE = os.environ.get("WEGWIJS_GEMEENTE_FILE") or None  # None: knowledge/domain/gemeente.yml
# The cards and their index, as the API has them; a relative path is read from the repository root,
# where the API runs, not from bot/.
CARDS_DIR = paths.REPO_ROOT / (os.environ.get("WEGWIJS_CARDS_DIR") or paths.CARDS_DIR)
INDEX_DIR = paths.REPO_ROOT / (os.environ.get("WEGWIJS_INDEX_DIR") or paths.INDEX_DIR)
