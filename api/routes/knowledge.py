"""Read the knowledge cards: search (editors, scripts) and a card behind an answer (the widget).

The bot does not come here: the action server reads the cards itself (knowledge/retrieval/reader.py)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, status

from api.deps import get_knowledge
from api.schemas import CardOut, SearchHit, SearchResults
from api.services.knowledge_service import KnowledgeService
from knowledge.sources import describe_source

router = APIRouter(prefix="/api/knowledge", tags=["knowledge"])
NOT_READY = "De kennisbank wordt nog geladen. Probeer het zo opnieuw."


def _require_ready(knowledge: KnowledgeService) -> None:
    if not knowledge.ready:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, NOT_READY)


@router.get("/search", response_model=SearchResults)
def search(
    q: str = Query(min_length=1, max_length=1000),
    k: int = Query(default=3, ge=1, le=20),
    knowledge: KnowledgeService = Depends(get_knowledge),
) -> SearchResults:
    _require_ready(knowledge)
    hits = knowledge.search(q, k=k)
    return SearchResults(
        query=q,
        results=[SearchHit(card_id=h.card_id, title=h.title, score=float(h.score), snippet=h.snippet) for h in hits],
    )


@router.get("/cards/{card_id}", response_model=CardOut, responses={404: {"description": "Onbekende kaart"}})
def card(card_id: str, knowledge: KnowledgeService = Depends(get_knowledge)) -> CardOut:
    """A knowledge card as the citizen may read it: the source behind an answer."""
    _require_ready(knowledge)
    found = knowledge.card(card_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Deze uitleg bestaat niet (meer).")
    return CardOut(id=found.id, title=found.title, summary=found.summary, body=found.body.strip(),
                   sources=[describe_source(s) for s in found.sources], reviewed=found.reviewed)
