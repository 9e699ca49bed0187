from __future__ import annotations

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from api.deps import get_knowledge, get_rasa
from api.schemas import Health
from api.services.knowledge_service import KnowledgeService
from api.services.rasa_client import RasaClient

router = APIRouter(tags=["health"])


async def _action_server_up(url: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=3) as client:
            return (await client.get(f"{url}/health")).status_code == 200
    except httpx.HTTPError:
        return False


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}})
async def healthz(
    request: Request, rasa: RasaClient = Depends(get_rasa), knowledge: KnowledgeService = Depends(get_knowledge)
):
    components = {
        "api": True,
        "rasa": await rasa.ready(),
        "action_server": await _action_server_up(request.app.state.settings.action_server_url),
        "index": knowledge.ready,
    }
    missing = [name for name, up in components.items() if not up]
    if not missing:
        return Health(status="ok", components=components)
    detail = "Not ready: " + ", ".join(missing)  # the reasons are in the log, never in the answer
    body = Health(status="unavailable", components=components, detail=detail)
    return JSONResponse(body.model_dump(), status_code=503)
