"""Staff of one team see only their gemeenten' conversations (issue 14); an admin sees all.

Part of HandoffService. A conversation of another team is "not there" for a staff member (404, the
same answer as for an unknown id), in the queue, the conversation page, a claim, a message, a note,
a hand-back, a close and the call-backs, and its pushes never reach that member's console.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import Conversation
from api.services.auth import StaffIdentity
from api.services.gemeenten import may_see, serves, visible_codes
from api.services.handoff.errors import NotFound
from knowledge.domain.gemeenten import Gemeenten

NOT_THERE = "Dit gesprek bestaat niet."


class TeamScope:
    """Uses the service's `db`, `gemeenten` and `gemeente_cache` (conversation id -> code)."""

    gemeenten: Gemeenten
    gemeente_cache: dict[str, str | None]

    def codes_for(self, user: StaffIdentity | None) -> set[str] | None:
        """The gemeente codes `user` sees (None: all; no user: the service itself, all)."""
        return None if user is None else visible_codes(self.gemeenten, user)

    def visible(self, session: Session, conversation_id: str, user: StaffIdentity) -> Conversation:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None or not may_see(self.gemeenten, user, conversation.gemeente):
            raise NotFound(NOT_THERE)
        return conversation

    def team_codes(self, conversation: Conversation) -> set[str]:
        """The gemeenten whose chats share one queue with this conversation (its team's)."""
        return self.gemeenten.codes_of_team(self.gemeenten.get(conversation.gemeente).team)

    def gemeente_of(self, conversation_id: str) -> str | None:
        """The conversation's code (cached: it never changes); None for an unknown conversation."""
        cache = self.gemeente_cache
        if conversation_id not in cache:
            with self.db.session() as session:
                conversation = session.get(Conversation, conversation_id)
                if conversation is None:
                    return None
                if len(cache) > 10_000:
                    cache.clear()
                cache[conversation_id] = conversation.gemeente or self.gemeenten.default_code
        return cache[conversation_id]

    def locale_of(self, conversation_id: str) -> str | None:
        """The conversation's language (not cached: the citizen may switch); None for an unknown one."""
        with self.db.session() as session:
            conversation = session.get(Conversation, conversation_id)
            return conversation.locale if conversation is not None else None

    def may_receive(self, user: StaffIdentity, payload: dict[str, Any]) -> bool:
        """A console push about one conversation goes only to staff who may see it."""
        conversation_id = payload.get("conversation_id")
        if not conversation_id or user.role == "admin":
            return True
        return may_see(self.gemeenten, user, self.gemeente_of(conversation_id))

    def someone_serves(self, code: str | None, online: list[StaffIdentity]) -> bool:
        gemeente = self.gemeenten.get(code)
        return any(serves(self.gemeenten, user, gemeente) for user in online)
