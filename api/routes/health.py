from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from api.deps import get_knowledge, get_rasa
from api.schemas import Health
from api.services.knowledge_service import KnowledgeService
from api.services.rasa_client import RasaClient

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}})
async def healthz(
    request: Request, rasa: RasaClient = Depends(get_rasa), knowledge: KnowledgeService = Depends(get_knowledge)
):
    components = {
        "api": True,
        "rasa": await rasa.ready(),
        "action_server": await rasa.actions_up(),
        "index": knowledge.ready,
    }
    missing = [name for name, up in components.items() if not up]
    if not missing:
        return Health(status="ok", components=components)
    detail = "Not ready: " + ", ".join(missing)  # the reasons are in the log, never in the answer
    body = Health(status="unavailable", components=components, detail=detail)
    return JSONResponse(body.model_dump(), status_code=503)
