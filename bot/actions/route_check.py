"""Which route a message tells (routes.md §1): the classifier's intent, checked against the words.

Route changes combine over the conversation: a bezwaar followed by a klacht becomes klacht_en_bezwaar.
Read by the slot mappings (slot_extraction.py).
"""
from __future__ import annotations

from rasa_sdk import Tracker

from knowledge.domain.case_words import BEZWAAR_DECIDED
from knowledge.domain.routing import BEZWAAR_ROUTES, aanvraag_organisation, names_care
from knowledge.domain.signals import signals

from .context import citizen_text, confidence, entity_values, intent, text
from .route_words import (
    AGREES_WITH_DECISION,
    A_LETTER,
    APPLIED,
    ASKS_WHERE,
    ASKS_KLACHT,
    BEZWAAR_AGAINST_CONDUCT,
    BEZWAAR_MADE,
    BEZWAAR_WORD,
    BOTH_WORDS,
    CANNOT_ANY_MORE,
    CARE_ENDS,
    COMPLAINED,
    CONDUCT_TOPIC,
    CUT_WORDS,
    IN_CARE_OR_DISSATISFIED,
    DECISION_WORDS,
    DELAY_WORDS,
    DISAGREES,
    KLACHT_DECIDED,
    KLACHT_WORD,
    LETTER_DATED,
    NEED_WORDS,
    NEVER_APPLIED,
    NO_DECISION_YET,
    NO_KLACHT,
    RUDE_WORDS,
    STRONG_DECISION,
    WAITING_LIST,
    WAITING_WORDS,
    WHERE_TO_APPLY,
    WLZ_CONTEXT,
    named_routes,
)
from .sentences import both_in_sentences

INTENT_ROUTE = {
    "bezwaar": "bezwaar",
    "beroep": "bezwaar",
    "klacht": "klacht",
    "al_geklaagd": "klacht",
    "klacht_en_bezwaar": "klacht_en_bezwaar",
    "geen_besluit": "ingebrekestelling",
    "aanvraag": "aanvraag",
}
# A mantelzorger often tells the case in the same message ("ik ben mantelzorger van mijn
# buurman, het wijkteam belt nooit terug"), and so does someone in a crisis or asking for a
# person ("morgen stopt de gemeente de thuiszorg"), sent back and forth or angry: then the case
# intent is the runner-up.
CARRIES_A_CASE = {"mantelzorger", "crisis", "request_human", "kastje_muur", "angry"}
RUNNER_UP_CONFIDENCE = 0.2
# Intents of a message that tells facts in a few words ("zorgprofiel te laag"), not a yes/no answer.
TELLS_FACTS = ("inform", "nlu_fallback", "feedback_not_helpful", "angry", "mantelzorger")


def case_intent(tracker: Tracker) -> str | None:
    name = intent(tracker)
    if name not in CARRIES_A_CASE:
        return name
    message = text(tracker)
    if name == "mantelzorger" and not has_case_words(message, care=False):
        return name  # "ik help mijn buurvrouw, ze heeft begeleiding via de wmo": who, not yet what
    if name != "mantelzorger" and not (entity_values(tracker, "organisation") or tracker.get_slot("about_organisation")
                                       or DECISION_WORDS.search(message) or names_care(message)):
        # a crisis or a call for a person names no case without an organisation (now or told before),
        # a decision or a kind of care ("mijn hulp is teruggebracht naar 1 uur … ik wil er niet meer zijn")
        return name
    for ranked in tracker.latest_message.get("intent_ranking") or []:
        if ranked.get("name") in INTENT_ROUTE and ranked.get("confidence", 0) >= RUNNER_UP_CONFIDENCE:
            return ranked["name"]
    named = named_routes(message)
    if len(named) == 1:
        return named[0]  # "ik wil klagen over de gemeente": the route is named
    if name == "kastje_muur" and names_care(message) and not DECISION_WORDS.search(message):
        # sent back and forth about care of a kind that has its organisation, without a decision: care
        # still needed is an application where that care is decided (washing → the zorgverzekeraar);
        # care one has (a broken Wmo wheelchair: the gemeente) a klacht about how it is handled
        return "aanvraag" if NEED_WORDS.search(message) or CANNOT_ANY_MORE.search(message) else "klacht"
    return name


def _ranked(tracker: Tracker, name: str, at_least: float) -> bool:
    return any(r.get("name") == name and r.get("confidence", 0) >= at_least
               for r in (tracker.latest_message.get("intent_ranking") or [])[:3])


def _runner_up(tracker: Tracker, exclude: set[str]) -> str | None:
    for ranked in (tracker.latest_message.get("intent_ranking") or [])[1:]:
        name = ranked.get("name")
        if name in INTENT_ROUTE and name not in exclude:
            return INTENT_ROUTE[name]
    return None


def checked_route(said: str | None, tracker: Tracker) -> str | None:
    """The NLU's route, checked against the words (routes.md §1).

    "Both" (klacht_en_bezwaar) needs a decision and conduct; NLU over-predicts it for long
    stories. Conduct around money or a visit without a decision is a klacht; a decision without
    conduct a bezwaar; neither, with a need, an aanvraag."""
    message = text(tracker)
    case = case_intent(tracker)
    decision = bool(DECISION_WORDS.search(message))
    rude = bool(RUDE_WORDS.search(message))
    conduct = rude or bool(DELAY_WORDS.search(message))
    if NO_KLACHT.search(message) and said in ("klacht", "klacht_en_bezwaar"):
        # the citizen says in so many words: no klacht; a decision that does not come, or one to fight
        if WAITING_WORDS.search(message):
            said = "ingebrekestelling"
        elif decision:
            said = "bezwaar"
    if said in BEZWAAR_ROUTES and BEZWAAR_AGAINST_CONDUCT.search(message) and not STRONG_DECISION.search(message):
        return "klacht"  # "bezwaar tegen een ambtenaar", no decision named: a person's conduct (routes.md §1)
    if said in BEZWAAR_ROUTES and KLACHT_DECIDED.search(message) and not BEZWAAR_WORD.search(message) \
            and not DECISION_WORDS.search(KLACHT_DECIDED.sub(" ", message)):
        return "klacht"  # the judgment on a klacht is no besluit: the klacht goes on (to the ombudsman)
    if said in BEZWAAR_ROUTES and case != "beroep" and conduct and AGREES_WITH_DECISION.search(message):
        return "klacht"  # the decision is not disputed: what went wrong after it is conduct (routes.md §1)
    if said == "klacht" and decision and LETTER_DATED.search(message) and not conduct and not COMPLAINED.search(message):
        return "bezwaar"  # "een klacht" against a dated decision, without any conduct: a bezwaar (routes.md §1)
    if said == "klacht" and BEZWAAR_WORD.search(message) and STRONG_DECISION.search(message) and not conduct \
            and not (KLACHT_WORD.search(message) or COMPLAINED.search(message) or CONDUCT_TOPIC.search(message)):
        return "bezwaar"  # "ik wil bezwaar maken" against care stopped, no conduct told (routes.md §1)
    if said in BEZWAAR_ROUTES and WAITING_WORDS.search(message) and BEZWAAR_MADE.search(message) and not rude:
        return "ingebrekestelling"  # the decision on a bezwaar made earlier does not come
    if said in ("bezwaar", "klacht", "klacht_en_bezwaar") and APPLIED.search(message) and WAITING_WORDS.search(message) \
            and not DISAGREES.search(message) and not rude and not LETTER_DATED.search(message):
        return "ingebrekestelling"  # applied, and the decision does not come (routes.md §1)
    if said == "ingebrekestelling" and COMPLAINED.search(message) and not (APPLIED.search(message)
                                                                           or BEZWAAR_MADE.search(message)):
        return "klacht"  # a klacht left unanswered goes to the ombudsman, not an ingebrekestelling
    dated_decision_only = decision and LETTER_DATED.search(message) and not conduct \
        and not (CONDUCT_TOPIC.search(message) or AGREES_WITH_DECISION.search(message))
    if said in BEZWAAR_ROUTES and (
            (NO_DECISION_YET.search(message) and (rude or CONDUCT_TOPIC.search(message) or ASKS_KLACHT.search(message)))
            or (ASKS_KLACHT.search(message) and not DISAGREES.search(message) and not BEZWAAR_WORD.search(message)
                and not dated_decision_only)):
        # conduct while there is no decision, or a klacht asked for in so many words; "a complaint" against a
        # dated decision, with no conduct told, stays a bezwaar (routes.md §1)
        return "klacht"
    if said in ("bezwaar", "klacht") and conduct and STRONG_DECISION.search(message) and BOTH_WORDS.search(message):
        return "klacht_en_bezwaar"
    if said in ("bezwaar", "klacht", "klacht_en_bezwaar") and aanvraag_organisation(message) == "zorgkantoor" \
            and (NEED_WORDS.search(message) or WHERE_TO_APPLY.search(message) or ASKS_WHERE.search(message)) \
            and not (decision or conduct or DISAGREES.search(message) or WAITING_WORDS.search(message)
                     or named_routes(message) or COMPLAINED.search(message)):
        return "aanvraag"  # the Wlz indicatie came: the care is arranged at the zorgkantoor (routes.md §3)
    if said == "klacht_en_bezwaar" and not (decision and conduct):
        if decision or (CARE_ENDS.search(message) and not conduct):
            return "bezwaar"
        if conduct:
            return "klacht"
        if NEED_WORDS.search(message) or (WAITING_LIST.search(message) and WLZ_CONTEXT.search(message)):
            return "aanvraag"  # a need, or a Wlz waiting list (the zorgkantoor's zorgplicht, routes.md §3)
        return _runner_up(tracker, {"klacht_en_bezwaar"}) or said
    if said == "ingebrekestelling" and NEVER_APPLIED.search(message):
        return "aanvraag"  # "ik heb nog nooit iets aangevraagd": nothing to wait for
    if said == "aanvraag" and APPLIED.search(message) and (WAITING_WORDS.search(message) or DELAY_WORDS.search(message)):
        return "ingebrekestelling"  # applied, no answer: waiting for a decision (routes.md §1)
    if said == "aanvraag" and STRONG_DECISION.search(message) and (DISAGREES.search(message)
                                                                   or LETTER_DATED.search(message)):
        return "bezwaar"  # the application was decided already, and the citizen disputes that decision
    if said == "aanvraag":
        # "waar kan ik klagen", "ik wil bezwaar maken": the citizen names the route
        named = named_routes(message)
        if len(named) == 1 and not NEED_WORDS.search(message):
            return named[0]
    if said == "bezwaar" and WAITING_WORDS.search(message) and (BEZWAAR_MADE.search(message)
                                                              or not DISAGREES.search(message)):
        return "ingebrekestelling"  # the decision on a bezwaar made earlier does not come
    if said == "bezwaar" and case != "beroep" and confidence(tracker) < UNSURE_ROUTE and not decision \
            and not (A_LETTER.search(message) or CARE_ENDS.search(message) or CUT_WORDS.search(message)):
        # an unsure "bezwaar" without a word of any decision or letter: there is nothing to object to
        # (routes.md §1): a need told is an application, else the classifier's next reading (a klacht)
        if told_a_need(said, tracker, conduct):
            return "aanvraag"
        return _runner_up(tracker, {"bezwaar", "klacht_en_bezwaar", "beroep"}) or said
    if said == "bezwaar" and DELAY_WORDS.search(message) and case != "beroep" \
            and not DECISION_WORDS.search(BEZWAAR_WORD.sub(" ", message)) and not LETTER_DATED.search(message):
        return "klacht"  # "bezwaar" against pay that does not come, with no decision named: conduct (routes.md §1)
    if said == "bezwaar" and rude and decision and case != "beroep":
        return "klacht_en_bezwaar"
    if said in ("bezwaar", "klacht") and case != "beroep" and both_in_sentences(said, message):
        return "klacht_en_bezwaar"
    if case in ("klacht", "bezwaar") and not decision and not conduct \
            and NEED_WORDS.search(message) and (_ranked(tracker, "aanvraag", 0.1) or WHERE_TO_APPLY.search(message)):
        return "aanvraag"
    if said == "klacht" and not (decision or conduct or KLACHT_WORD.search(message) or COMPLAINED.search(message)
                                 or CONDUCT_TOPIC.search(message) or IN_CARE_OR_DISSATISFIED.search(message)) \
            and aanvraag_organisation(message) == "ciz":
        return "aanvraag"  # "ze kan nooit meer alleen zijn": round-the-clock care needed, nothing to complain of
    if said == "klacht" and rude and STRONG_DECISION.search(message) and DISAGREES.search(message):
        return "klacht_en_bezwaar"
    if said in (None, "ingebrekestelling", "klacht") and WAITING_LIST.search(message) and WLZ_CONTEXT.search(message):
        return "aanvraag"  # a Wlz waiting list: the zorgkantoor's zorgplicht (routes.md §3)
    if told_a_need(said, tracker, decision or conduct):
        return "aanvraag"
    return said


def told_a_need(said: str | None, tracker: Tracker, decision_or_conduct: bool) -> bool:
    """A first message about a kind of care ("ik krijg mezelf niet meer gewassen", "kan hij ergens
    logeren?", "hij heeft dag en nacht iemand nodig") without a decision, conduct, a wait or a route
    named, that the classifier could not place (unsure or no intent): an application (routes.md §1).
    Care that stops tomorrow was decided on: no application."""
    message = text(tracker)
    unsure = confidence(tracker) < UNSURE_ROUTE
    asks = bool(NEED_WORDS.search(message) or WHERE_TO_APPLY.search(message) or ASKS_WHERE.search(message))
    placed = (said in ("bezwaar", "klacht", "klacht_en_bezwaar") and unsure and asks) \
        or (said is None and intent(tracker) in ("nlu_fallback", "mantelzorger", "crisis"))
    # the slot mappings may run twice on one message: the route it set then is "aanvraag"
    return placed and tracker.get_slot("route") in (None, "aanvraag") and not decision_or_conduct \
        and "urgent" not in signals(message) and names_care(message) \
        and not WAITING_WORDS.search(message) and not APPLIED.search(message) and not A_LETTER.search(message) \
        and not CARE_ENDS.search(message) \
        and not named_routes(message)


def waits_on_bezwaar(message: str) -> bool:
    """A bezwaar was made and its decision has not come: a date in the message is the day of the
    bezwaar (or "vandaag"), not of a letter, unless the words say so."""
    return bool(BEZWAAR_MADE.search(message)) and not BEZWAAR_DECIDED.search(message)


# Below this, the classifier's route counts only when the message has words of a case.
UNSURE_ROUTE = 0.5


def has_case_words(message: str, care: bool = True) -> bool:
    """Words of a decision, conduct, a wait, a need or a route named (and, with `care`, a kind of care)."""
    return any(words.search(message) for words in (DECISION_WORDS, RUDE_WORDS, DELAY_WORDS, NEED_WORDS, WAITING_WORDS,
                                                    WAITING_LIST)) \
        or bool(named_routes(message)) or (care and names_care(message))


def said_route(tracker: Tracker) -> str | None:
    case = case_intent(tracker)
    said = INTENT_ROUTE.get(case or "")
    if said and intent(tracker) == case and confidence(tracker) < UNSURE_ROUTE \
            and not has_case_words(text(tracker)):
        said = None  # "mail maar naar …, woensdag na twee uur": contact details, not a case
    if said is None and intent(tracker) == "inform":
        said = next(iter(named_routes(text(tracker))), None)
    if said is None and intent(tracker) in ("inform", "angry") and RUDE_WORDS.search(text(tracker)):
        said = "klacht"  # "zo praat je toch niet tegen mensen", told after a bezwaar: conduct
    if said is None and tracker.get_slot("route") is None and intent(tracker) in TELLS_FACTS \
            and DISAGREES.search(text(tracker)) and not (RUDE_WORDS.search(text(tracker))
                                                         or DELAY_WORDS.search(text(tracker))):
        said = "bezwaar"  # "zorgprofiel te laag", told in a few words while no case is known yet
    return checked_route(said, tracker)


def bezwaar_without_decision(tracker: Tracker) -> bool:
    """The citizen said "bezwaar" but named no decision, letter or date of one in the whole conversation."""
    told = BEZWAAR_WORD.sub(" ", citizen_text(tracker))
    return tracker.get_slot("decision_date") is None and not (
        DECISION_WORDS.search(told) or A_LETTER.search(told) or CARE_ENDS.search(told) or CUT_WORDS.search(told))


def updated_route(tracker: Tracker) -> str | None:
    """The route after this message: the previous route combined with what was just said."""
    previous = tracker.get_slot("route")
    said = said_route(tracker)
    if intent(tracker) == "ask_deadline" and previous is None:
        return "bezwaar"
    if said is None:
        return previous
    if previous in ("klacht", "klacht_en_bezwaar") and said in BEZWAAR_ROUTES and NO_KLACHT.search(text(tracker)):
        return "bezwaar"  # "klagen over al dat doorsturen hoeft voor mij niet": the bezwaar alone
    if {previous, said} == {"bezwaar", "klacht"}:
        # a second route needs its own words: conduct for a klacht, a decision for a bezwaar
        message = text(tracker)
        evidence = (RUDE_WORDS, DELAY_WORDS, KLACHT_WORD) if said == "klacht" else (DECISION_WORDS,)
        if not any(words.search(message) for words in evidence):
            return previous
        if said == "klacht" and bezwaar_without_decision(tracker):
            return "klacht"  # "bezwaar tegen het zorgkantoor" … "ze bellen nooit terug": conduct, nothing decided
        return "klacht_en_bezwaar"
    if previous == "klacht_en_bezwaar" and said in ("bezwaar", "klacht"):
        return previous
    if previous in ("bezwaar", "klacht", "klacht_en_bezwaar") and said == "aanvraag" \
            and not aanvraag_organisation(text(tracker)):
        return previous  # "kan ik dat voor hem regelen?": the same case, not an application for care
    return said
