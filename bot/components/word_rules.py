"""Makes every message with a signal of danger, suicide or urgency a `crisis`, one that asks
for a person in so many words `request_human` (routes.md §5), and one that corrects a fact of the
case ("nee, het was niet het CAK maar de SVB") `inform`, whatever the classifier read in its "nee",
a question about the rules in general ("uit nieuwsgierigheid: …") `ask_info`, and a question for
independent help ("is er iemand onafhankelijk die kan helpen?") `ask_clientondersteuning`. An unsure
`crisis` of the classifier's own, without any signal word, gives way to its runner-up; an unsure
`beroep` without a word of the court or a decided bezwaar is a `bezwaar`. Klacht, bezwaar or both
told in so many words follows the words (bot/actions/case_kind.py).

Runs after the intent classifier. The words (Dutch and English, issue 13) are in
knowledge/domain/signals.py and case_words.py; a citizen in danger must not depend on how well a
model learned their phrasing. The classifier's own ranking
is kept after the new intent, so a case told in the same message is still read by the actions.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from datetime import date

from actions.case_kind import kind_of_case
from actions.route_words import APPLIED, WAITING_WORDS
from knowledge.domain.case_words import asks_for_independent_help, asks_in_general, corrects_a_fact, tells_beroep
from knowledge.domain.signals import asks_for_person, signals

CRISIS = "crisis"
REQUEST_HUMAN = "request_human"
INFORM = "inform"
ASK_INFO = "ask_info"
# Below these, a `crisis` the classifier found without any signal word, or a `beroep` without a
# word of a decided bezwaar or the court ("kan ik dat bezwaar voor haar schrijven?"), is not trusted.
UNSURE_BELOW = {CRISIS: 0.7, "beroep": 0.6}
HAS_ITS_WORDS = {CRISIS: lambda text: bool(signals(text)), "beroep": tells_beroep}
# What an untrusted intent becomes: a disputed decision not yet at the court is a bezwaar; an
# unsure crisis gives way to the classifier's runner-up.
INSTEAD = {"beroep": "bezwaar"}
FALLBACK = "nlu_fallback"
# Intents that each tell a kind of case; a near-tie between two of them is left to the actions' words.
# Not `beroep`: the court needs its own words (see UNSURE_BELOW).
CASE_INTENTS = {"bezwaar", "klacht", "klacht_en_bezwaar", "geen_besluit", "aanvraag", "al_geklaagd"}
TIED_AT_LEAST = 0.25  # as likely as the FallbackClassifier threshold (config.yml)
# What a classifier makes of a correction's "nee" or "sorry": an answer, feedback or nothing.
READ_AS_AN_ANSWER = {"deny", "affirm", "feedback_not_helpful", "feedback_helpful", "nlu_fallback", "greet", "thank"}
SUPPORT = "ask_clientondersteuning"
# Readings that give way to a question for independent help: no case of its own to answer first (an
# application that waits for its decision is one: its ingebrekestelling comes first).
GIVES_WAY_TO_SUPPORT = {"aanvraag", "ask_info", "nlu_fallback", "inform", "mantelzorger"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class WordRules(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WordRules":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            if signals(text):
                self._set(message, CRISIS)
            elif asks_for_person(text) and (message.get(INTENT) or {}).get("name") != CRISIS:
                self._set(message, REQUEST_HUMAN)
            elif (message.get(INTENT) or {}).get("name") in READ_AS_AN_ANSWER and corrects_a_fact(
                    text, any(e.get("entity") == "organisation" for e in message.get("entities") or []), date.today()):
                self._set(message, INFORM)
            elif asks_in_general(text):
                self._set(message, ASK_INFO)
            elif (message.get(INTENT) or {}).get("name") in GIVES_WAY_TO_SUPPORT and asks_for_independent_help(text) \
                    and not (APPLIED.search(text) or WAITING_WORDS.search(text)):
                self._set(message, SUPPORT)  # "is there anyone independent who can help us?" (routes.md §4)
            elif (unsure := self._unsure(message, text)) in INSTEAD:
                confidence = (message.get(INTENT) or {}).get("confidence", 0)
                self._set(message, INSTEAD[unsure], confidence, instead_of=unsure)
            elif unsure:
                self._drop(message, unsure)
            elif self._tied_case(message):
                self._drop(message, FALLBACK)  # the classifier's own first case intent
            else:
                self._kind_of_case(message, text)
        return messages

    def _kind_of_case(self, message: Message, text: str) -> None:
        """Klacht, bezwaar or both as the words tell it (bot/actions/case_kind.py)."""
        found = message.get(INTENT) or {}
        told = kind_of_case(text, found.get("name") or "")
        if told != found.get("name"):
            self._set(message, told, found.get("confidence", 0), instead_of=found.get("name"))

    @staticmethod
    def _unsure(message: Message, text: str) -> str | None:
        """The classifier's own, unsure `crisis` without a word of danger, suicide or urgency (a
        mantelzorger who is tired, a long wait: the guide answers the case and offers a person on
        its own signals, routes.md §5), or `beroep` without a word of it: that intent."""
        found = message.get(INTENT) or {}
        name = found.get("name")
        if name in UNSURE_BELOW and found.get("confidence", 0) < UNSURE_BELOW[name] and not HAS_ITS_WORDS[name](text):
            return name
        return None

    @staticmethod
    def _tied_case(message: Message) -> bool:
        """The fallback for a near-tie between two kinds of case (klacht_en_bezwaar 0.46,
        al_geklaagd 0.44): the case is told, and the actions' words tell which kind (routes.md §1).
        Only when both are likely (TIED_AT_LEAST), and never for a tie between answers ("ja" or "nee")."""
        if (message.get(INTENT) or {}).get("name") != FALLBACK:
            return False
        ranked = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != FALLBACK]
        return len(ranked) >= 2 and {ranked[0].get("name"), ranked[1].get("name")} <= CASE_INTENTS \
            and ranked[1].get("confidence", 0) >= TIED_AT_LEAST

    @staticmethod
    def _drop(message: Message, intent: str) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
        if ranking:
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    @staticmethod
    def _set(message: Message, intent: str, confidence: float = 1.0, instead_of: str | None = None) -> None:
        """`intent` first, with `confidence`; the classifier's ranking after it (without `instead_of`)."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") not in (intent, instead_of)]
        message.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}, *ranking], add_to_output=True)
