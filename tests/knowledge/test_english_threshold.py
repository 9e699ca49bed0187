"""English questions against the real cards (issue 13): their own answer threshold lets an English
question get its card, and still says "I don't know" to a question no card is about."""
from __future__ import annotations

import pytest

from knowledge.cards_model import CARDS_DIR
from knowledge.retrieval.search import KnowledgeBase


@pytest.fixture(scope="module")
def kb(tmp_path_factory, e5_model):
    return KnowledgeBase(CARDS_DIR, tmp_path_factory.mktemp("index"), model=e5_model)


def test_an_english_question_is_answered_in_an_english_conversation(kb):
    question = "my mother has to pay far too much to the CAK, what can we do"
    assert not kb.answer(question, k=1), "at the Dutch threshold an English question goes unanswered"
    hits = kb.answer(question, k=1, locale="en")
    assert hits and hits[0].card_id.startswith("cak-")


@pytest.mark.parametrize("question", ["when does the train to Utrecht leave", "how do I renew my passport",
                                      "recipe for pea soup"])
def test_an_off_topic_english_question_is_still_not_answered(kb, question):
    assert kb.answer(question, k=1, locale="en") == []
