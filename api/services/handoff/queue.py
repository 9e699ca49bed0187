"""Queue policy (routes.md §5): who waits, in which order, and the citizen's place in line.

Crisis first, then a deadline that is close or passed (knowledge/domain/case.py), then the longest
wait. A chat that a staff member has claimed is not in the queue (its status is `active`, no longer
`waiting`)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from api.models import Conversation, Handoff
from api.services.handoff.store import WAITING
from api.services.handoff.times import aware
from knowledge.domain.case import Case
from knowledge.i18n import _, ngettext

# Reasons that put a chat at the top of the queue (routes.md §5: danger, and urgent with priority).
PRIORITY_REASONS = ("crisis", "urgent")


def waiting_text(ahead: int) -> str:
    """The citizen's place in the queue, in the current language (knowledge/i18n.py)."""
    if ahead <= 0:
        return _("U wacht op een medewerker. Er wacht niemand voor u.")
    return ngettext("U wacht op een medewerker. Er wacht {ahead} persoon voor u.",
                    "U wacht op een medewerker. Er wachten {ahead} personen voor u.", ahead).format(ahead=ahead)


@dataclass
class QueueRow:
    conversation: Conversation
    crisis: bool
    deadline_close: bool
    requested_at: datetime

    @property
    def key(self) -> tuple:
        return (0 if self.crisis else 1, 0 if self.deadline_close else 1, self.requested_at, self.conversation.id)


def of_gemeenten(query, codes: set[str] | None, default_code: str | None):
    """Only conversations of these gemeenten (None: all); a conversation without a code (made before
    there were several gemeenten) belongs to the default gemeente."""
    if codes is None:
        return query
    if default_code in codes:
        return query.where(or_(Conversation.gemeente.in_(codes), Conversation.gemeente.is_(None)))
    return query.where(Conversation.gemeente.in_(codes))


def queue_rows(session: Session, today: date, with_messages: bool = False, codes: set[str] | None = None,
               default_code: str | None = None) -> list[QueueRow]:
    """The waiting conversations in order; `codes`: only those gemeenten's (one team's queue)."""
    query = of_gemeenten(select(Conversation).join(Handoff, Handoff.conversation_id == Conversation.id)
                         .where(Handoff.status == WAITING), codes, default_code)
    if with_messages:
        query = query.options(selectinload(Conversation.messages))
    rows = []
    for conversation in session.scalars(query).all():
        rows.append(QueueRow(
            conversation=conversation,
            crisis=conversation.handoff_reason in PRIORITY_REASONS,
            deadline_close=Case.from_slots(conversation.state or {}).deadline_needs_haste(today),
            requested_at=aware(conversation.handoff_requested_at or conversation.updated_at
                               or conversation.created_at),
        ))
    return sorted(rows, key=lambda r: r.key)


def queue_order(session: Session, today: date, codes: set[str] | None = None,
                default_code: str | None = None) -> list[str]:
    """The ids of the waiting conversations (of these gemeenten), first in line first."""
    return [row.conversation.id for row in queue_rows(session, today, codes=codes, default_code=default_code)]
