"""Staff handoff (routes.md §5): the queue, claims, the live chat between staff and citizen,
hand back to the bot, close, call-backs, and who is online.

- service.py    HandoffService: lifecycle, availability, the queue pushed to the consoles
- store.py      the one store of who answers (the `handoffs` row) and its state machine
- responder.py  who answers a citizen's message, bot or staff, from that store
- hub.py        this worker's open staff WebSockets and change notifications
- presence.py   who has the console open in the other API workers
- listeners.py  database session listeners that notice changes (and only notify)
- queue.py      queue policy: order and the citizen's place in line
- claims.py     claim, write, hand back and close by staff
- citizen.py    the citizen's messages while staff has the chat, and `/updates`
- callbacks.py  call-back requests for staff
- summaries.py  the data staff sees about a conversation
- teams.py      staff see and act on their own team's gemeenten only (an admin on all)
- errors.py     errors with their HTTP status

Labels and HTML for the console are in api/staff_views.py.
"""
from api.services.handoff.callbacks import mask_contact
from api.services.handoff.claims import OUTCOMES
from api.services.handoff.errors import Conflict, HandoffError, Invalid, NotFound
from api.services.handoff.queue import waiting_text
from api.services.handoff.service import HandoffService

__all__ = ["OUTCOMES", "Conflict", "HandoffError", "HandoffService", "Invalid", "NotFound",
           "mask_contact", "waiting_text"]
