"""Knowledge gaps: questions no card answered and answers marked 'not helpful'.

The bot signals a question no card answered (the custom payload `{"gap": true}` after its reply);
the API keeps it with the conversation's turn (record_gap, a few per conversation:
api/core/rate_limits.may_record_gap). The editors' /editor/gaps page lists them, grouped by
similarity (list_gaps). Questions are masked when stored, and again when listed; a gap carries no
conversation id (retention finds a conversation's gaps by their text: api/services/retention.py).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from api.core.db import Database
from api.core.privacy import mask_for_storage
from api.models import Feedback, KnowledgeGap, utcnow
from api.services.question_groups import group_questions
from knowledge.language import looks_like_language


def record_gap(session, question: str) -> None:
    """Keep a question no card answered, in the caller's transaction (numbers, names and addresses
    masked). Button payloads and keyboard mashing are no questions."""
    question = (question or "").strip()[:1000]
    if question and not question.startswith("/") and looks_like_language(question):
        session.add(KnowledgeGap(question=mask_for_storage(question)))


def list_gaps(db: Database, knowledge: Any, days: int = 90, limit: int = 1000) -> list[dict[str, Any]]:
    """Low-confidence questions and 'not helpful' answers, grouped by similarity, newest first."""
    since = utcnow() - dt.timedelta(days=days)
    with db.session() as session:
        low = session.execute(select(KnowledgeGap.question, KnowledgeGap.created_at)
                              .where(KnowledgeGap.created_at >= since)
                              .order_by(KnowledgeGap.id.desc()).limit(limit)).all()
        bad = session.execute(select(Feedback.question, Feedback.card_id, Feedback.created_at)
                              .where(Feedback.helpful.is_(False), Feedback.created_at >= since)
                              .order_by(Feedback.id.desc()).limit(limit)).all()
    items = [{"question": mask_for_storage(q or ""), "kind": "low", "card_id": None, "at": _aware(at)}
             for q, at in low if (q or "").strip()]
    items += [{"question": mask_for_storage(q or ""), "kind": "not_helpful", "card_id": c, "at": _aware(at)}
              for q, c, at in bad if (q or "").strip()]
    items.sort(key=lambda i: i["at"], reverse=True)
    return group_questions(items, _embedder(knowledge))


def _embedder(knowledge: Any):
    """The embedding function of the loaded model (KnowledgeService.model), or None for TF-IDF."""
    model = knowledge.model
    if model is None:
        return None
    from knowledge.embedding.model import encode_queries

    return lambda texts: encode_queries(model, texts)


def _aware(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
