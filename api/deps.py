"""Shared objects of the running app and the staff areas' users, as typed FastAPI dependencies."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.core.config import Settings
from api.core.security import EDITOR, STAFF
from api.services.auth import StaffIdentity
from api.services.card_publisher import CardPublisher
from api.services.conversation_service import ConversationService
from api.services.handoff import HandoffService
from api.services.knowledge_service import KnowledgeService
from api.services.rasa_client import RasaClient


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def get_conversations(request: Request) -> ConversationService:
    return request.app.state.conversations


def get_knowledge(request: Request) -> KnowledgeService:
    return request.app.state.knowledge


def get_rasa(request: Request) -> RasaClient:
    return request.app.state.rasa


def get_handoff(request: Request) -> HandoffService:
    return request.app.state.handoff


def get_publisher(request: Request) -> CardPublisher:
    """The editors' card publisher, made anew when the knowledge service was replaced."""
    service = getattr(request.app.state, "editor", None)
    if service is None or service.knowledge is not request.app.state.knowledge:
        service = CardPublisher(request.app.state.db, request.app.state.settings, request.app.state.knowledge)
        request.app.state.editor = service
    return service


KnowledgeDep = Annotated[KnowledgeService, Depends(get_knowledge)]
HandoffDep = Annotated[HandoffService, Depends(get_handoff)]
PublisherDep = Annotated[CardPublisher, Depends(get_publisher)]

# The staff console (/staff) and the editors' tools (/editor): see api/core/security.py.
StaffApiUser = Annotated[StaffIdentity, Depends(STAFF.api_user)]
StaffPageUser = Annotated[StaffIdentity, Depends(STAFF.page_user)]
EditorApiUser = Annotated[StaffIdentity, Depends(EDITOR.api_user)]
EditorPageUser = Annotated[StaffIdentity, Depends(EDITOR.page_user)]
EditorUser = Annotated[StaffIdentity, Depends(EDITOR.user)]  # a page, or JSON under /editor/api/
