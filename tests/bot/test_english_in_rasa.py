"""English messages in the bot's own code (issue 13), run in the Rasa environment: the NLU word rules
(bot/components/word_rules.py) make a danger, suicide or urgency signal a `crisis` and a person asked
for a `request_human`, whatever the classifier read; who the case is for (bot/actions/relatives.py)
is read from English as from Dutch. Entities are given as the NLU's lookup tables and synonyms give
them (bot/data/nlu_en.yml): "my mum" is the relative `moeder`."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

SCRIPT = r"""
import json, re, sys
sys.path.insert(0, "bot")  # Rasa runs in bot/
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker
from actions.case_organisation import chosen_organisation
from actions.relatives import asking_for, relatives_named
from components.word_rules import WordRules

RELATIVES = {"mother": "moeder", "mum": "moeder", "father": "vader", "dad": "vader", "husband": "man", "wife": "vrouw",
             "son": "zoon", "daughter": "dochter", "neighbour": "buurman", "sister": "zus", "mother-in-law": "schoonmoeder",
             "brother": "broer"}
WORDS = re.compile(r"\b(" + "|".join(sorted(RELATIVES, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def tracker(text, intent="bezwaar"):
    entities = [{"entity": "relative", "value": RELATIVES[m[1].lower()], "start": m.start(), "end": m.end()}
                for m in WORDS.finditer(text)]
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities,
               "intent_ranking": [{"name": intent, "confidence": 0.9}]}
    return Tracker("t", {}, message, [], False, None, {}, "action_listen")


def nlu(text, intent):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.6},
                            "intent_ranking": [{"name": intent, "confidence": 0.6}, {"name": "inform", "confidence": 0.2}]})
    return WordRules().process([message])[0].get("intent")["name"]


cases = json.loads(sys.argv[1])
print(json.dumps({
    "asking_for": [asking_for(tracker(text, intent)) for text, intent in cases["asking_for"]],
    "relatives": [relatives_named(tracker(text)) for text in cases["relatives"]],
    "intents": [nlu(text, intent) for text, intent in cases["intents"]],
    "organisations": [chosen_organisation(route, named, text) for route, named, text in cases["organisations"]],
}))
"""

ASKING_FOR = [
    ("the council rejected the wheelchair for my mother", "bezwaar", "relative"),
    ("I'm asking on behalf of my father, he has dementia", "mantelzorger", "relative"),
    ("my mum's home care was reduced from 6 to 3 hours", "bezwaar", "relative"),
    ("my daughter is typing this for me, my own application was rejected", "bezwaar", "self"),
    ("my scooter was rejected, my husband already has one", "bezwaar", "self"),
    ("I'm 81 and my household help was stopped", "bezwaar", "self"),
    ("my request for a stairlift was refused, where my brother lives they do give them", "bezwaar", "self"),
    ("my wife has MS and gets care at home from the Wlz, now the care office stops it", "bezwaar", "relative"),
    ("who helps me with the Wlz application for my husband?", "ask_clientondersteuning", "relative"),
    ("I'm writing regarding my father, the assessor of the CIZ was rude to him", "klacht", "relative"),
    ("my husband has been in a nursing home since May and nobody washes him in the morning", "klacht", "relative"),
    ("the CAK wants far too much for my eigen bijdrage; my neighbour only brought the letter over later", "bezwaar", "self"),
    ("my wife drove me to the hearing. the council still refuses my scooter", "bezwaar", "self"),
    ("My father is 90, lives alone and the council stops his support", "bezwaar", "relative"),
    ("My daughter is a nurse and has helped me with the forms. The gemeente rejected my wheelchair.", "bezwaar", "self"),
    ("years ago my mother gave me a power of attorney, the CAK raised her contribution", "bezwaar", "relative"),
]
# (route, organisations the NLU named, message, the organisation the case is about)
ORGANISATIONS = [
    ("klacht", ["gemeente", "zorgaanbieder"],
     "the council found us a youth care organisation, but the counsellor keeps cancelling and hung up on me", "zorgaanbieder"),
    ("klacht", ["gemeente"], "the cleaner the wmo sent me leaves the door open and never comes on time", "zorgaanbieder"),
    ("klacht", ["gemeente"], "the consultant of the municipality was rude to me at the day care", "gemeente"),
    # the organisation the words tie to the decision comes first (deciding_first)
    ("ingebrekestelling", ["zorgverzekeraar", "gemeente"],
     "two months ago I applied to my insurance company for a pgb for district nursing, the gemeente would have "
     "answered by now", "zorgverzekeraar"),
    ("bezwaar", ["gemeente", "zorgverzekeraar"],
     "De gemeente heeft mijn aanvraag voor hulp bij het douchen afgewezen, volgens hen moet de zorgverzekeraar "
     "dat doen. Ik wil bezwaar maken tegen de gemeente.", "gemeente"),
    ("klacht", ["gemeente", "zorgaanbieder"], "The cleaner the gemeente sent was rude to my mother, I want to make "
     "an official complaint", "zorgaanbieder"),
]
RELATIVES = [
    ("the decision about my husband's care is wrong", ["man"]),
    ("my neighbour told me about this website", []),  # only told the citizen something
    ("my sister helps me with the forms", []),  # helps, is not whom the case is about
    ("his mother lives in the care home", []),  # someone else's relative
    ("my late husband had a pgb", []),
    ("the scooter was refused because my wife already has one", []),  # in the story, not whom it is about
    ("they say my husband should just do the cleaning", []),
]
INTENTS = [
    ("I want to kill myself", "angry", "crisis"),
    ("the care stops tomorrow and nobody comes to help my father", "bezwaar", "crisis"),
    ("my husband hits me", "klacht", "crisis"),
    ("can I talk to a real person", "ask_info", "request_human"),
    ("please call me back", "inform", "request_human"),
    ("just out of curiosity, what does the CIZ do?", "bezwaar", "ask_info"),
    ("no, it was not the CAK but the SVB", "deny", "deny"),  # no organisation entity given: no fact
    ("Is there anyone independent who can help us with the CIZ application?", "aanvraag", "ask_clientondersteuning"),
    # an application waiting for its decision keeps its ingebrekestelling first
    ("In juni aangevraagd, na 20 weken nog steeds geen besluit. Is er een onafhankelijke cliëntondersteuner?",
     "aanvraag", "aanvraag"),
    ("Still no decision after 20 weeks. Is there independent help for a notice of default?", "geen_besluit",
     "geen_besluit"),
]


@pytest.fixture(scope="module")
def results():
    cases = {"asking_for": [[t, i] for t, i, _ in ASKING_FOR], "relatives": [t for t, _ in RELATIVES],
             "intents": [[t, i] for t, i, _ in INTENTS], "organisations": [[r, n, t] for r, n, t, _ in ORGANISATIONS]}
    done = subprocess.run([str(RASA_PYTHON), "-W", "ignore", "-c", SCRIPT, json.dumps(cases)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("n", range(len(ASKING_FOR)))
def test_who_the_case_is_for_in_english(results, n):
    text, _intent, expected = ASKING_FOR[n]
    assert results["asking_for"][n] == expected, text


@pytest.mark.parametrize("n", range(len(RELATIVES)))
def test_relatives_named_in_english(results, n):
    text, expected = RELATIVES[n]
    assert results["relatives"][n] == expected, text


@pytest.mark.parametrize("n", range(len(INTENTS)))
def test_word_rules_decide_english_messages(results, n):
    text, _read, expected = INTENTS[n]
    assert results["intents"][n] == expected, text


@pytest.mark.parametrize("n", range(len(ORGANISATIONS)))
def test_which_organisation_an_english_case_is_about(results, n):
    *_given, text, expected = ORGANISATIONS[n]
    assert results["organisations"][n] == expected, text
