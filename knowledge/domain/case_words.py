"""Words that tell how a message relates to the case told so far (shared by the bot's NLU and actions).

A citizen corrects a fact ("nee, het was niet het CAK maar de SVB", "sorry, de brief is van 30
oktober"): that message is information about the case, whatever a classifier makes of its "nee".
English alternatives (issue 13) follow the Dutch ones in each pattern.
"""
from __future__ import annotations

import re
from datetime import date

from .dates import find_date
from .english_dates import as_dutch

CORRECTION = re.compile(r"\b(nee|niet\s+(het|de)\s+\w+\s*,?\s*maar|sorry|ik\s+bedoel|vergis|correctie|verkeerd|"
                        # English: "no, it was not the CAK but the SVB", "sorry, I mean 30 October"
                        r"no(?=\s*[,.!])|no(?=\s+(it|that|this|i|we|they)\s+(was|is|were|did|meant|mean)\b)|not\s+(the|a)\s+\w+\s*,?\s*but|i\s+mean|i\s+meant|my\s+mistake|"
                        r"i\s+made\s+a\s+mistake|correction|wrong\s+(date|one|organi[sz]ation)|i\s+(said|wrote|typed)\s+(it\s+)?wrong)\b",
                        re.IGNORECASE)


# "de vraagwijzer is van de gemeente", "dat team valt onder het zorgkantoor": the citizen tells who an
# office or team belongs to, which settles the organisation of the case.
# Not a question between two ("moet ik bij de gemeente zijn of bij de SVB?").
BELONGS_TO = re.compile(r"\b(is|zijn|hoort|horen|valt|vallen)\s+((ook|gewoon|eigenlijk|dus|toch|wel|allemaal)\s+)?"
                        r"(van|bij|onder)\s+(de|het)\s+\w+|"
                        # English: "that team is part of the municipality", "it belongs to the care office"
                        r"\b(is|are|belongs?|falls?)\s+((also|actually|just|all)\s+)?(part\s+of|to|under|from)\s+the\s+\w+",
                        re.IGNORECASE)


def corrects_a_fact(text: str, names_organisation: bool, today: date) -> bool:
    """A correction that carries the corrected fact: an organisation or a date."""
    return bool(CORRECTION.search(text)) and (names_organisation or find_date(as_dutch(text), today) is not None)


# "Even uit nieuwsgierigheid: hoe lang mag het CIZ over een bezwaar doen?": a question about the
# rules, not the citizen's own case (no route, no organisation of a case; the cards answer it).
GENERAL_QUESTION = re.compile(
    r"uit\s+nieuwsgierigheid|\bin\s+het\s+algemeen\b|\balgemene\s+vraag|puur\s+informatief|hypothetisch|"
    r"(gewoon\s+|even\s+)benieuwd|voor\s+(een|mijn)\s+(werkstuk|scriptie|opleiding|studie|cursus)|"
    r"geen\s+(lopende\s+)?(zaak|kwestie)\b|(niks|niets)\s+(aan\s+de\s+hand|lopen|lopend)\b|\bvoor\s+later\b|"
    r"\bnergens\s+last\s+van\b|\bmensen\s+vragen\s+(me|mij|ons)\b|"
    r"verschil\s+tussen\s+(een\s+)?(klacht|bezwaar)\s+en\s+(een\s+)?(klacht|bezwaar)|"
    # English: "just out of curiosity", "in general", "for my studies", "no case, just a question"
    r"out\s+of\s+curiosity|\bin\s+general\b|\bgeneral\s+question|hypothetical\w*|\bjust\s+(curious|wondering)\b|"
    r"\bfor\s+(a|my)\s+(paper|thesis|study|studies|course|school\s+project)\b|\bno\s+(case|current\s+case)\b|"
    r"\bnothing\s+(going\s+on|wrong)\b|\bfor\s+later\b|\bpeople\s+ask\s+me\b|"
    r"difference\s+between\s+(an?\s+)?(complaint|objection)\s+and\s+(an?\s+)?(complaint|objection)",
    re.IGNORECASE,
)
OWN_CASE_TOLD = re.compile(r"\b(mijn|m'n|mn)\s+(\w+\s+)?(brief|beslissing|besluit|aanvraag|bezwaar|klacht|pgb|zorg|hulp|"
                           r"uren|indicatie)\b|\bik\s+(kreeg|heb\s+(\w+\s+){0,3}gekregen)\b|"
                           r"\bmy\s+(\w+\s+)?(letter|decision|application|objection|complaint|pgb|care|help|hours|indication)\b|"
                           r"\bi\s+(got|received|have\s+(\w+\s+){0,3}(got|received))\b", re.IGNORECASE)  # English after "|"


def asks_in_general(text: str) -> bool:
    """A question about the rules in general, without a case of the citizen's own."""
    return bool(GENERAL_QUESTION.search(text)) and not OWN_CASE_TOLD.search(text)


# "hoe lang mogen ze erover doen?", "wanneer beslissen ze op mijn bezwaar?": the decision period is asked.
ASKS_DECISION_PERIOD = re.compile(
    r"\bhoe\s+lang\s+(\w+\s+){0,8}(beslissen|beslist|besluiten|erover\s+doen|over\s+doen|(de\s+)?tijd\s+nemen)\b|"
    r"\bhoe\s+lang\s+duurt\s+(het\s+|een\s+|mijn\s+|de\s+)?bezwaa?r|"
    r"\bwanneer\s+(beslissen|beslist|besluiten)\b|\bwanneer\s+(krijg|krijgen|komt|hoor|horen)\s+(\w+\s+){0,3}(beslissing|besluit|uitspraak)\b|"
    r"\bbinnen\s+(hoeveel|welke)\s+(tijd|termijn|weken)\s+(\w+\s+){0,4}(beslis\w*|reageren|antwoord\w*)|"
    # English: "how long can they take to decide?", "when will they decide on my objection?"
    r"\bhow\s+long\s+(\w+\s+){0,8}(decide|take|to\s+decide)\b|\bwhen\s+(will|do|does|must|should)\s+(they|the\s+\w+)\s+(\w+\s+)?decide\b|"
    r"\bwhen\s+(will|do|can)\s+(i|we)\s+(get|hear|receive)\s+(\w+\s+){0,3}(decision|ruling)\b|"
    r"\bwithin\s+(how\s+many|what)\s+(time|weeks|period|term)\b",
    re.IGNORECASE,
)


# After the rechtbank's judgment: hoger beroep at the Centrale Raad van Beroep (routes.md §2).
HOGER_BEROEP = re.compile(
    r"hoger\s+beroep|uitspraak\s+van\s+de\s+(rechtbank|rechter)|\b(rechtbank|rechter)\s+(heeft|gaf|zegt)|"
    r"centrale\s+raad|"
    # English: "higher appeal", "the court ruled", "the judgment of the court", "central appeals tribunal"
    r"higher\s+(appeal|court)|\b(ruling|judgment|judgement|verdict)\s+of\s+the\s+(court|judge)|\bthe\s+(court|judge)\s+(has\s+)?"
    r"(ruled|decided|said|says)|appeals\s+tribunal",
    re.IGNORECASE,
)
# "de beslissing op bezwaar is gedateerd…", "ons bezwaar is ongegrond verklaard": beroep is next (routes.md §2).
BEZWAAR_DECIDED = re.compile(
    r"beslissing\s+op\s+(mijn\s+|ons\s+|het\s+|zijn\s+|haar\s+)?bezwaar|"
    # "mijn bezwaar is ongegrond verklaard", "mijn bezwaarschrift werd afgewezen"
    r"bezwaa?r\w*\s+(\w+\s+){0,2}(is|werd|was|zijn|wordt|werden)\s+(\w+\s+)?(ongegrond|afgewezen|niet-ontvankelijk)|"
    # "de svb heeft mijn bezwaar tegen de terugvordering afgewezen" (not "… waarin mijn aanvraag is afgewezen")
    r"\b(heeft|hebben|had|hadden)\s+(mijn|ons|onze|het|zijn|haar|hun)\s+bezwaa?r\w*\s+"
    r"((?!(waarin|dat|die|omdat|want|en|maar)\b)\w+\s+){0,8}(ongegrond|afgewezen|niet-ontvankelijk)|"
    # English: "decision on my objection", "my objection was rejected / declared unfounded" ("bezwaar" in English too)
    r"decision\s+on\s+(my\s+|our\s+|the\s+|his\s+|her\s+)?(objection|bezwaa?r\w*)|"
    r"\b(objection|bezwaa?r\w*)\s+(\w+\s+){0,2}(is|was|has\s+been|were|got)\s+(\w+\s+)?(unfounded|rejected|dismissed|inadmissible|denied|lost)|"
    r"\b(rejected|dismissed)\s+(my|our|the|his|her)\s+(objection|bezwaa?r\w*)|"
    # "they answered my objection: no again", "the answer to my objection"
    r"\b(answered|replied\s+to|responded\s+to|decided\s+on)\s+(my|our|the|his|her)\s+(objection|bezwaa?r\w*)|"
    r"\b(answer|reply|response)\s+(to|on)\s+(my|our|the|his|her)\s+(objection|bezwaa?r\w*)", re.IGNORECASE)
# Beroep is the next step only when the words say a bezwaar was decided, or name the court.
NAMES_BEROEP = re.compile(r"\bberoep|rechter\b|\brechtbank|\buitspraak|bezwaarcommissie|ongelijk\s+gegeven|"
                          r"blijft\s+bij\s+(het|haar|zijn|hun)\s+(besluit|beslissing)|\bin\s+stand\b|"
                          # English: "go to court", "the judge", "objection committee", "they upheld their decision"
                          r"\bcourt\b|\bjudge\b|\btribunal\b|objection(s)?\s+committee|\bupheld|\b(stand|stands|stood|kept)\s+by\s+"
                          r"(its|their|the)\s+decision|\bkept\s+(its|their|the)\s+decision", re.IGNORECASE)


def tells_beroep(text: str) -> bool:
    """The words make beroep (or hoger beroep) the next step."""
    return bool(NAMES_BEROEP.search(text) or BEZWAAR_DECIDED.search(text) or HOGER_BEROEP.search(text))


# Independent help asked for in so many words (routes.md §4): cliëntondersteuning, whatever else the message tells.
INDEPENDENT_HELP = re.compile(r"cli[eë]nt\s*ondersteun|ondersteuner|onafhankelijk\w*\s+(hulp|advies|iemand|persoon)|"
                              r"iemand\s+(\w+\s+)?onafhankelijk\w*|"
                              # English: "client support", "someone independent who can help", "independent advice"
                              r"client\s+support|independent\s+(\w+\s+)?(help|advice|person|someone|support|advis[eo]r)|"
                              r"\b(anyone|someone|somebody|anybody)\s+independent\b", re.IGNORECASE)


def asks_for_independent_help(text: str) -> bool:
    """A question for independent help ("is there anyone independent who can help us with the application?")."""
    return "?" in text and bool(INDEPENDENT_HELP.search(text))

# A power of attorney the relative signed before ("levenstestament", "he gave me a power of attorney", routes.md §4).
MENTIONS_VOLMACHT = re.compile(r"volmacht|levenstestament|power\s+of\s+attorney|living\s+will", re.IGNORECASE)
