"""The action server's settings: the one place in bot/ that reads the environment.

The action server runs in the Rasa environment (Python 3.10), apart from the API, so it has
its own few settings; scripts/stack.py sets them for it. Listed in the README's settings table.
"""
from __future__ import annotations

import os

RASA_URL = os.environ.get("WEGWIJS_RASA_URL") or "http://127.0.0.1:5005"  # for the sentence intents
RASA_TOKEN = os.environ.get("WEGWIJS_RASA_TOKEN") or ""  # Rasa's HTTP API token (set by scripts/stack.py)
GEMEENTE_FILE = os.environ.get("WEGWIJS_GEMEENTE_FILE") or None  # None: knowledge/domain/gemeente.yml
