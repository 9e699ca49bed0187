"""The answer to a case: route, organisation, deadline, letter, free help."""
from __future__ import annotations

from datetime import date, timedelta

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from knowledge.domain import deadlines
from knowledge.domain.dates import format_date_nl
from knowledge.domain.gemeente import load_gemeente
from knowledge.domain.routing import ROUTE_CARDS, Advice, advise, clientondersteuning_organisation

from .context import org_name, relative_word, sources_message, today
from .handoff import offer_handoff
from .slot_extraction import DATE_UNKNOWN


def rest_day_name(day: date) -> str:
    holiday = deadlines.atw_holidays(day.year).get(day)
    if holiday:
        return holiday
    return "een zaterdag" if day.weekday() == 5 else "een zondag"


class ActionGiveAdvice(Action):
    def name(self) -> str:
        return "action_give_advice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> list[EventType]:
        route = tracker.get_slot("route")
        about = tracker.get_slot("about_organisation") or "gemeente"
        advice = advise(
            route,
            about,
            already_complained=bool(tracker.get_slot("already_complained")),
            decision_on_bezwaar=bool(tracker.get_slot("decision_on_bezwaar")),
        )
        asking_for = tracker.get_slot("asking_for") or "self"
        events: list[EventType] = [
            SlotSet("route", advice.route),
            SlotSet("organisation", advice.organisation),
            SlotSet("asking_for", asking_for),
            SlotSet("fail_count", 0),
        ]
        cards: list[str] = []

        if not advice.deadline_kind:
            events += [SlotSet("decision_date", None), SlotSet("deadline", None)]
        if advice.deadline_kind:
            self._route_and_desk(dispatcher, advice, about, cards)
            events += self._deadline(dispatcher, tracker, advice, cards)
            dispatcher.utter_message(response="utter_bezwaar_letter")
            if advice.deadline_kind == "bezwaar":
                dispatcher.utter_message(
                    response="utter_bezwaar_decision_period", org_name=org_name(advice.organisation)
                )
                cards.append("bezwaar-beslistermijn")
        elif advice.route == "klacht":
            self._klacht(dispatcher, advice, about, cards)
        elif advice.route == "ingebrekestelling":
            dispatcher.utter_message(response="utter_ingebrekestelling", org_name=org_name(about))
            dispatcher.utter_message(response="utter_dwangsom", org_name=org_name(about))
            cards += ROUTE_CARDS["ingebrekestelling"]
        elif advice.route == "aanvraag":
            dispatcher.utter_message(response=f"utter_aanvraag_{advice.organisation}")
            cards += ROUTE_CARDS[f"aanvraag_{advice.organisation}"]

        if asking_for == "relative":
            dispatcher.utter_message(response="utter_relative", relative=relative_word(tracker))
            if advice.route != "aanvraag":
                dispatcher.utter_message(response="utter_machtiging", relative=relative_word(tracker))
            cards += ROUTE_CARDS["relative"]

        helper_org = clientondersteuning_organisation(about)
        dispatcher.utter_message(response="utter_clientondersteuning", cs_org_name=org_name(helper_org))
        cards += ROUTE_CARDS[f"clientondersteuning_{helper_org}"]
        dispatcher.utter_message(json_message=sources_message(cards))
        if not any(e.get("name") == "handoff" for e in events):
            dispatcher.utter_message(response="utter_next_steps")
        return events

    @staticmethod
    def _route_and_desk(dispatcher, advice: Advice, about: str, cards: list[str]) -> None:
        if advice.deadline_kind == "beroep":
            dispatcher.utter_message(response="utter_route_beroep")
            dispatcher.utter_message(response="utter_where_beroep")
            cards += ROUTE_CARDS["beroep"]
            return
        dispatcher.utter_message(response=f"utter_route_{advice.route}")
        dispatcher.utter_message(response="utter_where_bezwaar", org_name=org_name(advice.organisation))
        cards += ROUTE_CARDS[advice.route]
        if advice.route == "klacht_en_bezwaar":
            dispatcher.utter_message(response="utter_where_klacht", org_name=org_name(about))

    @staticmethod
    def _deadline(dispatcher, tracker: Tracker, advice: Advice, cards: list[str]) -> list[EventType]:
        decision_value = tracker.get_slot("decision_date")
        if not decision_value or decision_value == DATE_UNKNOWN:
            dispatcher.utter_message(response="utter_deadline_unknown")
            return [SlotSet("decision_date", None), SlotSet("deadline", None)]
        decision = date.fromisoformat(decision_value)
        if advice.deadline_kind == "beroep":
            last_day = deadlines.beroep_deadline(decision)
        else:
            last_day = deadlines.bezwaar_deadline(decision)
        unextended = decision + timedelta(weeks=deadlines.BEZWAAR_WEEKS)
        events: list[EventType] = [SlotSet("deadline", last_day.isoformat())]
        status = deadlines.deadline_status(last_day, today(tracker))
        deadline_text = format_date_nl(last_day)

        if status.urgency is deadlines.Urgency.PASSED:
            dispatcher.utter_message(response="utter_deadline_passed", deadline_text=deadline_text)
            cards += ROUTE_CARDS["deadline_passed"]
        else:
            dispatcher.utter_message(response="utter_deadline", deadline_text=deadline_text)
            if last_day != unextended:
                dispatcher.utter_message(response="utter_deadline_moved", holiday=rest_day_name(unextended))
                cards += ROUTE_CARDS["deadline_moved"]
            if status.days_left == 0:
                dispatcher.utter_message(response="utter_deadline_today")
            elif status.urgency is deadlines.Urgency.CLOSE:
                dispatcher.utter_message(response="utter_deadline_close", days_left=status.days_left)
                cards += ROUTE_CARDS["deadline_close"]
        if status.urgency is not deadlines.Urgency.OK:
            events += offer_handoff(dispatcher, tracker, reason="deadline")
        return events

    @staticmethod
    def _klacht(dispatcher, advice: Advice, about: str, cards: list[str]) -> None:
        if advice.note == "geen_bezwaar_zvw" or (about == "zorgverzekeraar"):
            dispatcher.utter_message(response="utter_klacht_zorgverzekeraar")
            cards += ROUTE_CARDS["zorgverzekeraar"]
            return
        if about == "zorgaanbieder":
            dispatcher.utter_message(response="utter_route_klacht")
            dispatcher.utter_message(response="utter_klacht_zorgaanbieder")
            cards += ROUTE_CARDS["zorgaanbieder"]
            return
        if advice.organisation == "ombudsman":
            gemeente = load_gemeente()
            name = gemeente.ombudsman_name if about == "gemeente" else "de Nationale ombudsman"
            dispatcher.utter_message(response="utter_klacht_ombudsman", ombudsman_name=name)
            own = about == "gemeente" and gemeente.own_ombudsman
            cards += ROUTE_CARDS["ombudsman_gemeente" if own else "ombudsman"]
            return
        dispatcher.utter_message(response="utter_route_klacht")
        dispatcher.utter_message(response="utter_where_klacht", org_name=org_name(about))
        dispatcher.utter_message(response="utter_klacht_terms", org_name=capitalised(org_name(about)))
        cards += ROUTE_CARDS["klacht"]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
