"""Call-back requests as staff sees them: the list (contact masked), one request in full, and
marking it done or open again. (Recording a request is api/services/callbacks.py.)"""
from __future__ import annotations

import logging
import re

from sqlalchemy import select

from api.models import Callback, Conversation
from api.services.auth import StaffIdentity
from api.services.handoff import summaries
from api.services.handoff.errors import Invalid, NotFound
from api.services.handoff.queue import of_gemeenten
from api.services.handoff.times import aware, iso

logger = logging.getLogger("api.handoff")


def mask_contact(contact: str) -> str:
    """For lists: 'j***@example.nl', '06******78'."""
    contact = contact.strip()
    if "@" in contact:
        local, _, domain = contact.partition("@")
        return f"{local[:1]}***@{domain}"
    digits = re.sub(r"\D", "", contact)
    if len(digits) >= 6:
        return digits[:2] + "*" * (len(digits) - 4) + digits[-2:]
    return "***"


class CallbackRequests:
    """Part of HandoffService (uses its `db` and `settings`)."""

    def callbacks(self, viewer: StaffIdentity | None = None) -> list[dict]:
        """The call-back requests `viewer` may see (its team's gemeenten; None: all)."""
        with self.db.session() as session:
            rows = session.execute(of_gemeenten(
                select(Callback, Conversation).join(Conversation, Conversation.id == Callback.conversation_id)
                .order_by(Callback.status.desc(), Callback.created_at),
                self.codes_for(viewer), self.gemeenten.default_code)
            ).all()
            return [self._callback(cb, conversation, full=False) for cb, conversation in rows]

    def callback_detail(self, callback_id: int, viewer: StaffIdentity) -> dict:
        with self.db.session() as session:
            callback = session.get(Callback, callback_id)
            if callback is None:
                raise NotFound("Dit terugbelverzoek bestaat niet.")
            conversation = self._visible_callback(session, callback, viewer)
            out = self._callback(callback, conversation, full=True)
            out["summary"] = summaries.summary(session, conversation, self.settings)
        logger.info("call-back #%s opened by staff #%s", callback_id, viewer.id)
        return out

    def set_callback_status(self, callback_id: int, status: str, user: StaffIdentity) -> dict:
        if status not in ("open", "done"):
            raise Invalid("Status is 'open' of 'done'.")
        with self.db.session() as session:
            callback = session.get(Callback, callback_id)
            if callback is None:
                raise NotFound("Dit terugbelverzoek bestaat niet.")
            conversation = self._visible_callback(session, callback, user)
            callback.status = status
            out = self._callback(callback, conversation, full=False)
        logger.info("call-back #%s set to %s by staff #%s", callback_id, status, user.id)
        return out

    def _visible_callback(self, session, callback: Callback, user: StaffIdentity) -> Conversation:
        try:
            return self.visible(session, callback.conversation_id, user)  # teams.py
        except NotFound:
            raise NotFound("Dit terugbelverzoek bestaat niet.") from None

    def _callback(self, callback: Callback, conversation: Conversation, full: bool) -> dict:
        state = conversation.state or {}
        out = {
            "id": callback.id,
            "conversation_id": callback.conversation_id,
            "contact_masked": mask_contact(callback.contact),
            "preferred_time": callback.preferred_time,
            "status": callback.status,
            "created_at": iso(callback.created_at),
            "created_label": aware(callback.created_at).astimezone(self.settings.now().tzinfo).strftime("%d-%m-%Y %H:%M"),
            "route": state.get("route"),
            "reason": conversation.handoff_reason,
        }
        if full:
            out["contact"] = callback.contact
        return out
