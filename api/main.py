"""The Wegwijs API: public chat API, knowledge search, health."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from api.core.config import Settings, get_settings
from api.core.db import Database
from api.core.hardening import PublicCORS, StrictTransportSecurity
from api.core.input_limits import BodySizeLimit, message_too_long_response
from api.core.rate_limits import RateLimits
from api.core.security import AREAS, AreaHeaders, PageRefused, area_of
from api.core.privacy import install_masking
from api.routes import conversations, docs, editor, health, knowledge, widget
from api.routes import staff, updates  # staff handoff and console
from api.routes import privacy  # deleting conversations, the privacy statement
from api.routes import letters  # sample letters drafted from a conversation (issue 12)
from api.services.conversation_service import ConversationService
from api.services.handoff import HandoffError, HandoffService  # staff handoff and console
from api.services.knowledge_service import KnowledgeService
from api.services.login_guard import LoginGuard
from api.services.rasa_client import RasaClient
from api.services.retention import ConversationEraser
from api.services.shared_state import SharedState
from api.services.gemeenten import gemeenten_of
from api.staff_views import console_payload  # what the staff consoles receive
from knowledge.domain.gemeenten import GemeenteFileError

INVALID_INPUT = "Dit bericht kan ik niet lezen. Typ eerst een bericht en stuur het opnieuw."


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.refuse_unsafe_test_settings()
    try:  # a bad gemeente file stops the start here, naming the file, the field and the fix
        gemeenten = gemeenten_of(settings)
    except GemeenteFileError as error:
        raise SystemExit(f"Wegwijs cannot start: a gemeente settings file is wrong.\n{error}") from None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("httpx").setLevel(logging.WARNING)
        install_masking()
        db = Database(settings.database_url)
        db.migrate()
        # what this worker shares with the others (one process without REDIS_URL): api/services/shared_state.py
        shared = SharedState.from_settings(settings)
        await shared.start()
        rasa_urls, action_server_urls = settings.rasa_instances
        rasa = RasaClient(rasa_urls, settings.rasa_timeout_s, token=settings.rasa_token,
                          action_server_urls=action_server_urls)
        knowledge_service = KnowledgeService(
            settings.cards_dir, settings.index_dir, model_path=settings.embedding_model, threads=settings.torch_threads,
            threshold=settings.confidence_threshold, hybrid_weight=settings.hybrid_weight)
        app.state.settings = settings
        app.state.gemeenten = gemeenten
        app.state.db = db
        app.state.rasa = rasa
        app.state.knowledge = knowledge_service
        knowledge_service.share(shared.bus)  # a card published in one worker is live in all at once
        app.state.shared = shared
        app.state.rate_limits = RateLimits(settings.rate_limit_uri, key_prefix=f"{shared.prefix}:limits")
        app.state.login_guard = LoginGuard(app.state.rate_limits, settings)
        # staff handoff and console (api/services/handoff/, api/staff_views.py): the conversations'
        # staff desk, where a citizen's message goes while staff has the chat
        app.state.handoff = HandoffService(db, knowledge_service, settings, present=console_payload,
                                           bus=shared.bus, presence=shared.presence, gemeenten=gemeenten)
        app.state.conversations = ConversationService(db, rasa, knowledge_service, settings, app.state.rate_limits,
                                                      staff=app.state.handoff, locks=shared.conversation_locks)
        await app.state.handoff.start()
        # --- end staff handoff ---
        watcher = asyncio.create_task(knowledge_service.watch(settings.card_poll_s))  # in every worker
        # deleting conversations: citizen, admin, and the retention job (api/services/retention.py)
        app.state.eraser = ConversationEraser(db, rasa, settings, on_change=app.state.handoff.hub.poke)
        # in one worker at a time (api/services/job_lease.py): retention, resending undelivered messages
        jobs = asyncio.create_task(shared.jobs.run([app.state.eraser.run, app.state.conversations.delivery.run]))
        yield
        jobs.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await jobs
        await app.state.handoff.stop()  # staff handoff
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        await rasa.close()
        await shared.close()
        db.engine.dispose()

    app = FastAPI(
        title="Wegwijs",
        version="0.1.0",
        summary="Conversational guide for the Dutch care and social domain: klacht or bezwaar, where, and by when.",
        lifespan=lifespan,
        docs_url=None,  # served by api/routes/docs.py without a CDN
        redoc_url=None,
    )
    app.state.settings = settings  # also before the lifespan runs (the demo page reads its gemeenten)
    # The last one added runs first: CORS headers go on every answer, even a 413; bodies are capped
    # before anything reads them (api/core/input_limits.py, api/core/hardening.py).
    app.add_middleware(BodySizeLimit, default_limit=settings.max_body_bytes, card_limit=settings.max_card_body_bytes,
                       chat_message_chars=settings.max_message_chars)
    if not settings.insecure_cookies:
        app.add_middleware(StrictTransportSecurity)
    app.add_middleware(PublicCORS, origins=settings.cors_origins)
    app.add_middleware(AreaHeaders)  # security headers on everything under /staff and /editor

    @app.exception_handler(RequestValidationError)
    async def invalid_input(_request: Request, error: RequestValidationError) -> JSONResponse:
        too_long = message_too_long_response(error, settings.max_message_chars)
        if too_long is not None:
            return too_long
        return JSONResponse(status_code=422, content={"detail": INVALID_INPUT, "errors": jsonable_errors(error)})

    @app.exception_handler(PageRefused)
    async def page_refused(_request: Request, refused: PageRefused) -> Response:
        return refused.response  # the login form or a refusal page (api/core/security.py)

    @app.exception_handler(HandoffError)
    async def handoff_refused(request: Request, error: HandoffError) -> Response:
        area = area_of(request.url.path)
        if area is None:
            return JSONResponse({"detail": error.message}, status_code=error.status_code)
        return area.answer(request, error.message, error.status_code)  # JSON for the API, else a page

    app.include_router(health.router)
    app.include_router(conversations.router)
    app.include_router(knowledge.router)
    app.include_router(updates.router)  # staff handoff: the citizen's /updates
    app.include_router(staff.router)  # staff console
    app.include_router(widget.router)  # demo page, widget bundle, interface translations
    app.include_router(editor.router)  # editors' tools (/editor)
    app.include_router(privacy.router)  # DELETE a conversation, /privacy
    app.include_router(privacy.staff_router)  # admin delete in the staff console
    app.include_router(letters.router)  # /letter/{id}, /api/conversations/{id}/letter
    for area in AREAS:
        app.mount(f"{area.prefix}/static", area.static_files())  # staff.js, editor.css, area.css ...
    if settings.api_docs:
        app.include_router(docs.router)  # /docs without a CDN
    return app


def jsonable_errors(error: RequestValidationError) -> list[dict]:
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in error.errors()]


app = create_app()
