"""Where things are in the repository: the one REPO_ROOT, and the default folders built on it.

Stdlib only (the Rasa environment imports `knowledge` too). The API's settings
(api/core/config.py) and the knowledge CLIs start from these defaults.
"""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = REPO_ROOT / "var"
CARDS_DIR = REPO_ROOT / "knowledge" / "cards"
INDEX_DIR = VAR_DIR / "index"
EMBEDDING_MODEL_DIR = VAR_DIR / "models" / "multilingual-e5-small"
# The full seed reports, only on a developer's machine (knowledge/sources holds the cited excerpts).
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
GEMEENTE_FILE = REPO_ROOT / "knowledge" / "domain" / "gemeente.yml"
