"""Shared objects of the running app, reached through FastAPI dependencies."""
from __future__ import annotations

from fastapi import Request

from api.core.config import Settings
from api.services.conversation_service import ConversationService
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
