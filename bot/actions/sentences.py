"""A second opinion on long messages: the intent of each sentence on its own.

One intent per message misses the second half of "het CIZ heeft mijn indicatie verlaagd. En de
indicatiesteller lachte me uit." (a bezwaar *and* a klacht). The actions ask the Rasa server's
own NLU (`POST /model/parse`, the same model) for each sentence of a message that has several.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import requests

from .route_words import DECISION_WORDS, DELAY_WORDS, DISAGREES, KLACHT_WORD, RUDE_WORDS
from .settings import RASA_TOKEN, RASA_URL

logger = logging.getLogger(__name__)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+(?:maar|en\s+(?:ook|toen|daarbij|bovendien))\s+", re.IGNORECASE)
MIN_WORDS = 4
MAX_SENTENCES = 8


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in SENTENCE_END.split(text) if p and p.strip()]
    return [p for p in parts if len(p.split()) >= MIN_WORDS][:MAX_SENTENCES]


@lru_cache(maxsize=256)  # the slot extractors read one message several times
def sentence_intents(text: str) -> tuple[tuple[str, float], ...]:
    """(intent, confidence) per sentence; empty for a message of one sentence or when NLU is unreachable."""
    parts = sentences(text)
    if len(parts) < 2:
        return ()
    params = {"token": RASA_TOKEN} if RASA_TOKEN else None
    found = []
    try:
        for part in parts:
            response = requests.post(f"{RASA_URL}/model/parse", json={"text": part}, params=params, timeout=5)
            response.raise_for_status()
            intent = response.json().get("intent") or {}
            found.append((str(intent.get("name")), float(intent.get("confidence") or 0)))
    except requests.RequestException as error:
        logger.warning("sentence intents unavailable: %s", type(error).__name__)
        return ()
    return tuple(found)


SENTENCE_CONFIDENCE = 0.7
# A klacht sentence with no word of conduct in it ("she goes to her sister, I go to the hospital") must be surer.
SENTENCE_CONFIDENCE_WITHOUT_WORDS = 0.8
# Conduct is someone else's: a sentence about the citizen alone ("ik lag een tijd in het ziekenhuis",
# "I kept meaning to do something but I was in hospital") is no klacht, whatever the classifier says.
OTHER_PARTY = re.compile(
    r"\b(hij|zij|ze|hen|hun|haar|hem|niemand|iemand|men|medewerk\w*|consulent\w*|ambtenaar|gemeente|wijkteam|"
    r"ciz|cak|svb|zorgkantoor|zorgverzekeraar|verzekeraar|aanbieder|zorgaanbieder|begeleider\w*|verzorg\w*|"
    r"he|she|they|them|him|her|their|his|nobody|no\s+one|someone|somebody|staff|employee|consultant|assessor|municipality|"
    r"council|insurer|provider|nurse|carer|worker|team|office|chauffeur|taxi|schoonma\w*|thuiszorg|thuishulp|"
    r"driver|cleaner|home\s+care)\b",
    re.IGNORECASE,
)


def both_in_sentences(said: str, message: str) -> bool:
    """A bezwaar with a sentence that is a klacht on its own, or the other way round."""
    other = "klacht" if said == "bezwaar" else "bezwaar"
    if other == "bezwaar" and not DISAGREES.search(message):
        return False  # conduct around money is a klacht; "both" needs a decision they disagree with
    for sentence, (name, score) in zip(sentences(message), sentence_intents(message)):
        if name != other or score < SENTENCE_CONFIDENCE:
            continue
        if other == "klacht" and not (RUDE_WORDS.search(sentence) or DELAY_WORDS.search(sentence)) and (
                score < SENTENCE_CONFIDENCE_WITHOUT_WORDS or KLACHT_WORD.search(sentence)
                or DECISION_WORDS.search(sentence) or not OTHER_PARTY.search(sentence)):
            # no word of conduct, and: the classifier is not sure enough; "ik wil een klacht indienen tegen de
            # gemeente" (the route named); "de SVB weigert de declaratie uit te betalen" (a decision);
            # "I was in hospital for a while" (nobody else's conduct)
            continue
        return True
    return False
