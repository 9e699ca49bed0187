"""The words that tell what kind of case a message is (routes.md §1): a decision, conduct, waiting,
a need, a klacht already made. Read by `route_check.checked_route` after the classifier.

Regular expressions over Dutch as citizens write it (spoken, with typos); each names an example.
English alternatives (issue 13) follow the Dutch ones in the same pattern, after an "# English" comment.
"""
from __future__ import annotations

import re


# "klopt niet", "klopt gwn niet", "klopt niks van": a decision the citizen disputes.
DOES_NOT_ADD_UP = (r"klopt\s+((gewoon|gwn|echt|helemaal|totaal|never)\s+)?(niet|niks|niets|nooit|van\s+geen\s+kant)|"
                   # English: "the amount is not correct", "that isn't right", "doesn't add up"
                   r"\b(is|are|was)\s+(\w+\s+)?not\s+(correct|right)\b|\b(isn'?t|aren'?t|wasn'?t)\s+(\w+\s+)?(correct|right)\b|"
                   r"doesn'?t\s+add\s+up")
# "ik ben het niet eens met…", "niet mee eens": disagreeing; "hij belde niet eens terug" ("not even") is not.
NOT_AGREED = (r"niet\s+mee\s+eens|niet\s+eens\s+(met|mee|zijn|ben)\b|"
              r"\b(het|er|ik|we|wij)\s+(\w+\s+){0,2}niet\s+eens\s*([.,!?;]|$|want\b|omdat\b|maar\b|en\b)|"
              # English: "I don't agree with the decision", "we disagree"; not "he didn't agree to come"
              r"\b(don'?t|do\s+not|does\s+not|doesn'?t|didn'?t|did\s+not|can'?t|cannot)\s+(\w+\s+)?agree\b(?!\s+to\b)|"
              r"\bdisagree|\b(i|we)\s+(do\s+not|don'?t|will\s+not|won'?t)\s+accept\b")


# A citizen who gives facts and literally names the route ("bezwaar tegen het besluit van
# 10-11") means that route, even when NLU reads the message as just `inform`.
KLACHT_WORD = re.compile(r"\b(klacht|klagen)|\bcomplain", re.IGNORECASE)  # English: complain(t)
EXPLICIT_ROUTE = (
    ("bezwaar", re.compile(rf"\bbezwaa?a?r|{NOT_AGREED}|\boneens\b|\bobject(ion|ions|ed|ing)?\b|\bappeal", re.IGNORECASE)),
    ("klacht", KLACHT_WORD),
)


def named_routes(message: str) -> list[str]:
    """The routes the citizen names in so many words ("bezwaar", "klagen"), in EXPLICIT_ROUTE's order."""
    return [route for route, words in EXPLICIT_ROUTE if words.search(message)]


# A refusal told as its outcome: "ik krijg niks vergoed", "te weinig uren gekregen".
REFUSED = (r"(niet|niks|niets|geen\s+\w+)\s+(\w+\s+)?vergoed|vergoed\w*\s+(\w+\s+)?(niet|niks|niets)\b|"
           r"(te\s+weinig|te\s+laag|te\s+lage|minder)\s+(\w+\s+){0,3}(gekregen|toegekend|geïndiceerd)|"
           # English: "they won't pay for the wheelchair", "rejected", "turned down", "said no to"
           r"(won'?t|will\s+not|doesn'?t|don'?t|refuses?\s+to)\s+(pay|cover|reimburse)|\bnot\s+(covered|reimbursed|granted|extended)|"
           r"\b(rejected|rejection|refused|refusal|denied|turned\s+down|said\s+no\s+to)\b|"
           # care withheld: "het zorgkantoor geeft haar geen pgb", "the care office won't give him a pgb"
           r"\b(geeft|geven|gaf|gaven)\s+(haar|hem|ons|mij|me)?\s*geen\s+(pgb|budget|zorg|indicatie|vergoeding|uren)\b|"
           r"\b(won'?t|will\s+not|doesn'?t|does\s+not|refuses?\s+to)\s+give\s+(\w+\s+)?(a\s+|any\s+)?(pgb|budget|care|hours|indication)\b")
# Decisions told as what was taken away: "mijn pgb is gekort", "niet verlengd", "ze vorderen het terug".
CUT = (r"gekort|afgekeurd|niet\s+verlengd|teruggevorderd|terugvorder\w*|"
       # English: "my hours were cut", "reduced", "lowered", "they want money back"
       r"reduced|reduction|lowered|halved|cut\s+(back|down|from|to|by|in\s+half)|(is|are|was|were|been|got)\s+cut|"
       r"(want|wants|claim|claims|demand|demands)\s+(\w+\s+){0,2}(money\s+)?back|pay\s+(\w+\s+)?back")
CUT_WORDS = re.compile(rf"\b({CUT}|korting|afgepakt)\b", re.IGNORECASE)
# "de brief is van 27 oktober", "besluit van 9-11": a dated decision letter.
LETTER_DATED = re.compile(r"\b(brief|besluit|beslissing|beschikking)\W+(is\s+|was\s+)?(van|gedateerd|met\s+datum|op)\s+\d|"
                          r"\bgedateerd\s+(op\s+)?(\w+dag\s+)?\d|"
                          # English: "the letter is from 3 November", "decision dated November 3"
                          r"\b(letter|decision)\W+((from|of|by)\s+(the\s+)?([\w-]+\s+){1,2})?(is\s+|was\s+)?(from|dated|of)\s+(the\s+)?(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d)|"
                          r"\bdated\s+(the\s+)?(\w+day\s+)?(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d|"
                          r"[\w-]+\s+of\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.IGNORECASE)
# routes.md §1: a bezwaar needs a decision; a klacht is about conduct. "Both" needs both; conduct
# around a payment or a visit (late pgb, rude assessor) is a klacht even though money is involved.
DECISION_WORDS = re.compile(
    r"\b(besluit|beslissing|beschikking|afgewezen|afwijzing|geweigerd|weigering|weiger(t|en|de|den)|verlaagd|verlaging|omlaag|"
    r"(wijst|wijzen|wees|wezen)\s+(\w+\s+){0,3}af\b(?!\s+en\s+toe)|"
    r"minder\s+(uren|uur|hulp|zorg)|teruggebracht\s+(naar|tot)|ingetrokken|stopgezet|beëindigd|niet\s+toegekend|"
    r"te\s+(laag|lage|hoog|hoge|weinig)|van\s+\d+\s+(uur\s+)?naar\s+(\d+|(anderhalf|een\s+half|half|één|een|twee|drie)\s+(uur|dag|dagdeel|keer))\b|"
    r"naar\s+(één|een|twee|drie|\d+)\s+(dagdeel|dagdelen|uur|dag|dagen)\s+per\s+week|(dat\s+het|wordt)\s+(nog\s+)?(maar\s+)?\d+\s+uur\b|(er)?tegen\s*in\s+(te\s+)?(gaan|ga)|"
    rf"{DOES_NOT_ADD_UP}|onterecht|omhoog|verhoogd|"
    rf"{NOT_AGREED}|oneens|bezwaa?r|indicatie\s+\w+\s+(lager|minder)|{REFUSED}|{CUT}|"
    # English: "the decision", "too few hours", "unfair", "withdrawn", "I want to fight/object to it"
    r"decision|decided|withdrawn|withdrew|discontinued|terminated|not\s+entitled|too\s+(low|little|few|high)|unfair|unjust|"
    # "they charge me too much", "too much eigen bijdrage"; not "I am complaining too much"
    r"(charge|charges|charged|charging|pay|paying)\s+(me\s+|us\s+)?too\s+much|too\s+much\s+(money|to\s+pay|eigen)|"
    # "a much lower care profile than he needs", "fewer hours than before"
    r"\blower\s+(\w+\s+){0,2}(profile|indication|indicatie|zorgprofiel|amount|budget|hours)|(less|fewer|lower)\s+(\w+\s+){0,3}than\s+(he|she|i|we|they)\s+(need|needs|had|have)|"
    r"wrongly|(is|was|are)\s+(\w+\s+)?wrong|from\s+\d+\s+(hours?\s+)?to\s+\d+|(fight|challenge|contest|dispute)\s+(it|this|that|the)|"
    r"object(ion)?|appeal|"
    # "setting her eigen bijdrage at 1,900 euros", "they counted her savings as income"
    r"(set|sets|setting|calculated|calculates|counted|counts|included)\b[^.?!]{0,40}\b(eigen\s+bijdrage|contribution|income|pension|savings))",
    re.IGNORECASE,
)
# Behaviour towards the citizen: rude, not listening, not calling back, losing the file, a promise broken.
RUDE_WORDS = re.compile(
    r"onbeschoft|onbeleefd|\bgrof\b|verhief\s+(haar|zijn)\s+stem|stem\s+(\w+\s+)?verheven|(de\s+)?manier\s+waarop\s+(ze|hij|zij)\s+(tegen\s+)?(mij|me|ons)\s+(sprak|praatte)|brutaal|onvriendelijk|respectloos|arrogant|uitgelachen|schreeuw|snauw|"
    r"afgescheept|niet\s+serieus|afgesnauwd|grote\s+mond|over\s+(mij|hem|haar|ons|mijn\s+\w+)\s+heen\b|hing\s+(\w+\s+){0,3}op\b|opgehangen|"
    r"alsof\s+(ik|hij|zij|ze|mijn\s+\w+)\s+er\s+niet\s+(bij\s+)?(was|zat|is|stond)|geen\s+woord\s+(met|tegen)|"
    r"er\s+geen\s+tijd\s+voor\s+(had|heeft|hadden)|geen\s+tijd\s+voor\s+(mij|me|ons)|"
    # "ik wil dat die man aangesproken wordt": the citizen wants someone's conduct dealt with
    r"(die|de|deze)\s+(man|vrouw|medewerker|medewerkster|meneer|mevrouw|consulent|ambtenaar)\s+(\w+\s+){0,3}"
    r"(aangesproken|op\s+(zijn|haar)\s+vingers)|uitgescholden|onheus|kwetsend|beledig|vernederd|vernederend|"
    r"lachte|lachten|onbehoorlijk|botte?\b|bot\s+tegen|ongeduldig|geïrriteerd|neerbuigend|kleineren|kleinerend|"
    r"(niet|nooit)\s+(terug)?gebeld|belt?\s+(nooit|niet)\s+terug|(nooit|niet|geen)\s+teruggebeld|dossier\s+kwijt|"
    # "ze zouden terugbellen, maar niemand belt ooit terug"
    r"niemand\s+(\w+\s+)?(belt|belde|reageert|reageerde)\b|(zouden|zou)\s+(\w+\s+){0,3}terug\s*(te\s+)?bellen|"
    r"(papieren|stukken|formulier)\w*\s+kwijt|kwijtgeraakt|"
    r"(afspraak|afspraken|belofte)\w*\s+(\w+\s+){0,3}(niet|nooit)\s+nagekomen|niet\s+nagekomen|"
    r"niemand\s+(\w+\s+){0,3}(legt|heeft|kon)\s+(\w+\s+){0,3}uit|(niet|nooit)\s+(goed\s+)?uitgelegd|"
    r"(niet|nooit)\s+geluisterd|luisterden?\s+(\w+\s+)?niet|slecht\s+behandeld|\bgeen\s+excuses|"
    r"aanstel|(lachen|lachte|lachten)\s+(\w+\s+){0,2}met\s+(een\s+)?(collega|ander)|(om|over)\s+(mij|me|ons)\s+(\w+\s+)?lachen|"
    # "ik vind dat ik zo niet behandeld mag worden", "zo mag hij niet tegen mij praten"
    r"\bzo\s+(\w+\s+){0,6}(behandeld|omgaat|omgaan|omgegaan|tegen\s+(mij|me|ons|hem|haar)\s+(\w+\s+){0,2}(praten|spreken|doen))|(hardop|keihard|in\s+mijn\s+gezicht)\s+(\w+\s+)?(te\s+)?lach|uitlach|"
    r"(zat|keek|zaten|keken)\s+(\w+\s+){0,7}(op|naar)\s+(zijn|haar|hun|de)\s+(telefoon|laptop|scherm|mobiel)|"
    r"(liet|lieten)\s+(me|mij)\s+(\w+\s+){0,3}(afmaken|uitpraten|uitspreken)|zo\s+praat\s+(je|u|men)\s+(toch\s+)?niet|"
    r"geen\s+(goeiedag|goedendag|hallo)\s+zei|(legde|gooide)\s+(\w+\s+){0,3}(telefoon|hoorn)\s+(\w+\s+)?(neer|erop)|"
    r"\bhing\s+(\w+\s+){0,2}op\b|opgehangen|(nooit|geen)\s+antwoord\s+(gehad|gekregen)|"
    r"(vragen|mails?|brieven|e-mails?)\s+(\w+\s+){0,4}(niet|nooit)\s+beantwoord|(niets|niks)\s+teruggehoord|"
    # English: "he was rude", "she shouted at me", "they never called back", "they lost my papers"
    r"\b(rude|impolite|unfriendly|disrespect\w*|arrogant|condescending|patroni[sz]ing|unprofessional|insult\w*|humiliat\w*|"
    r"impatient)\b|\b(shout|shouted|shouting|yell|yelled|yelling|snapped|screamed)\s+at\b|\braised\s+(her|his|their)\s+voice|"
    r"\bthe\s+way\s+(she|he|they)\s+(spoke|talked|speaks|talks)\s+to\s+(me|us|him|her)|"
    r"\b(she|he|they|nurse|carer|worker|staff|consultant|assessor|driver|cleaner)\s+(is|was|were|are)\s+(\w+\s+)?(rough|harsh)\b|"
    r"\blaugh(ed|ing)?\s+(at|about)\b|made\s+fun\s+of|\bhung\s+up|"
    r"\b(looking|looked|kept\s+looking|was\s+on|kept\s+checking)\s+(at\s+)?(his|her|their)\s+(phone|laptop|screen)\b|"
    r"\band\s+laughed\b|hang\s+up\s+on|(didn'?t|did\s+not|doesn'?t|don'?t|never|not)\s+(even\s+)?listen|"
    r"(never|not|didn'?t|did\s+not|doesn'?t|nobody|no\s+one)\s+(\w+\s+)?call(s|ed)?\s+(me\s+|us\s+)?back|"
    r"promised\s+(\w+\s+){0,6}(never|didn'?t|did\s+not)|\blost\s+(my|our|his|her|the)\s+(\w+\s+)?(papers|file|documents|forms|report)|"
    r"treat(s|ed)?\s+(me|us|him|her|my\s+\w+)\s+(badly|like)|(don'?t|didn'?t|do\s+not|never)\s+take\s+(me|us|it)\s+seriously|"
    r"not\s+taken\s+seriously|ignor(e|es|ed|ing)\s+(me|us|my|our)\b|(rough|harsh)\s+with|as\s+if\s+(i|he|she)\s+(was|were)(n'?t|\s+not)\s+there|"
    r"(talk|talked|talks|spoke|speak)\s+(down\s+to|over\s+(my|his|her|our)\s+head)|"
    r"(emails?|questions|letters|calls)\s+(\w+\s+){0,3}(never|not)\s+(been\s+)?answered|(no|never\s+an?)\s+answer\s+to\s+my",
    re.IGNORECASE,
)
# The citizen says there are two things: "daar wil ik ook over klagen", "ik wil ze allebei aanpakken".
BOTH_WORDS = re.compile(
    r"\b(allebei|alle\s*twee|allebij|beiden|twee\s+(dingen|zaken|punten))\b|\bbeide\s*(aanpakken|doen|zaken|dingen|punten|"
    r"regelen|[.,!?]|$)|"
    r"\b(daar|daarover|hierover|hier)\s+(\w+\s+){0,2}(ook|eveneens)\s+(\w+\s+){0,3}(klagen|klacht|iets\s+mee|iets\s+aan)|"
    r"\book\s+(een\s+)?(klacht|klagen)|"
    # English: "I want to tackle both", "two problems", "and a complaint", "complain about that too"
    r"\b(tackle|do|handle|address|act\s+on)\s+both\b|\bboth\s*(:|things|issues|problems|matters|at\s+once|[.,!?]|$)|"
    r"\btwo\s+(things|problems|issues|matters)\b|\band\s+(also\s+)?(a\s+)?complaint\b|\bcomplain\s+(\w+\s+){0,3}(too|as\s+well)\b",
    re.IGNORECASE,
)
# "ik wil bezwaar maken tegen een ambtenaar", "bezwaar tegen die behandeling": a person's conduct, not a decision.
BEZWAAR_AGAINST_CONDUCT = re.compile(
    r"\bbezwaa?r\w*\s+(\w+\s+){0,2}tegen\s+((een|de|die|deze|dat|het|hun|zijn|haar|hoe)\s+)?(\w+\s+)?"
    r"(ambtenaar|medewerk\w*|consulent\w*|klantmanager|indicatiesteller|behandeling|bejegening|gedrag|houding|toon|"
    r"manier\s+waarop|hoe\s+(ik|hij|zij|ze|mijn\s+\w+)\s+(\w+\s+)?behandeld)\b|"
    # English: "an objection against the consultant", "I object to the way I was treated"
    r"\bobject(ion)?\s+(\w+\s+){0,2}(to|against)\s+((a|an|the|that|this|his|her|their)\s+)?(\w+\s+)?"
    r"(employee|staff|consultant|assessor|worker|official|behaviou?r|attitude|treatment|way\s+(i|we|he|she)\s+(was|were)\s+treated)\b",
    re.IGNORECASE,
)
# There is no decision (yet): then nothing to make bezwaar against (routes.md §1).
NO_DECISION_YET = re.compile(
    r"\b(nog\s+)?geen\s+(brief\s+of\s+)?(besluit|beslissing|beschikking|uitslag)\b|"
    r"\b(besluit|beslissing|beschikking|uitslag)\s+(\w+\s+){0,4}nog\s+(niet|geen)\b|nog\s+niet\s+beslist|"
    # English: "no decision yet", "they haven't decided", "still no letter or decision"
    r"\bno\s+(letter\s+or\s+)?(decision|outcome)\b|\b(not|haven'?t|hasn'?t|has\s+not|have\s+not)\s+(yet\s+)?(been\s+)?decided|"
    r"\b(haven'?t|have\s+not|hasn'?t|has\s+not)\s+(yet\s+)?(had|got|gotten)\s+(a|any)\s+(decision|outcome)\b",
    re.IGNORECASE,
)
# "mijn klacht over de consulent (…) is ongegrond verklaard": the organisation judged a klacht. That
# judgment is no besluit: no bezwaar against it; the ombudsman is next (Awb 9:12 lid 2, 9:18, routes.md §3).
KLACHT_DECIDED = re.compile(
                            # "ze hebben de klacht afgehandeld met een brief van 5 mei, en daar is hij het niet mee eens",
                            # "klacht ongegrond. Daar zijn we het niet mee eens": first, so the disagreement is in the span
                            r"\bklacht\s+(\w+\s+){0,9}(afgehandeld|beantwoord|ongegrond)\b[^?!]{0,120}?\b(daar|hier|dat|het)\s+"
                            r"(\w+\s+){0,5}(niet\s+(mee\s+)?eens|oneens|ontevreden|niet\s+tevreden)|"
                            r"\bklacht\b[^.?!]{0,200}?\bongegrond(\s+(verklaard|bevonden))?|"
                            # "een klacht ingediend … Op 2 oktober kreeg ik de afhandeling: ongegrond. … Ik ben het er niet mee eens."
                            r"\bklacht\b.{0,250}?\b(afhandeling|afgehandeld|uitspraak)\b[^.?!]{0,40}?\bongegrond\b"
                            r"([^?!]{0,200}?\b(niet\s+(mee\s+)?eens|oneens|ontevreden|niet\s+tevreden))?|"
                            r"\bongegrond\s+(verklaard|bevonden)\b[^.?!]{0,60}?\bklacht|"
                            # "ik ben het niet eens met hoe ze mijn klacht hebben afgehandeld": the handling, no besluit
                            r"(niet\s+(mee\s+)?eens|oneens|ontevreden)\s+(\w+\s+){0,2}(hoe|de\s+manier\s+waarop)\s+(\w+\s+){0,3}"
                            r"(mijn|onze|de|hun|haar|zijn)\s+klacht\w*\s+(\w+\s+){0,3}(afgehandeld|behandeld)|"
                            r"(niet\s+(mee\s+)?eens|oneens|ontevreden)\s+(\w+\s+){0,2}de\s+afhandeling\s+van\s+(mijn|onze|de|hun|haar|zijn)\s+klacht|"
                            # English: "my complaint was declared unfounded", "not satisfied with how they handled my complaint"
                            r"\bcomplaint\b[^.?!]{0,120}?\b(unfounded|dismissed|rejected|not\s+valid)\b|"
                            r"(disagree|not\s+(happy|satisfied)|unhappy|dissatisfied)\s+(\w+\s+){0,3}(how|the\s+way)\s+(\w+\s+){0,3}"
                            r"(my|our|the|their)\s+complaint\s+(\w+\s+){0,3}(handled|dealt\s+with|treated)|"
                            r"(disagree|not\s+(happy|satisfied)|unhappy|dissatisfied)\s+(\w+\s+){0,3}(handling|answer)\s+(of|to)\s+(my|our|the)\s+complaint",
                            re.IGNORECASE)
# A klacht that was made already (routes.md §1: then the ombudsman), not letters or calls about something.
COMPLAINED = re.compile(
    r"\b(geklaagd|klacht\w*\s+(\w+\s+){0,3}(ingediend|gestuurd|gedaan|ingestuurd|neergelegd|verstuurd)|"
    r"(stuurde|stuurden|diende|dienden|deed|deden)\s+(\w+\s+){0,5}(een\s+)?klacht\w*|"
    # "ik had een klacht bij het zorgkantoor" (past: it was made; "ik heb een klacht over" is a new one)
    r"(ik|we|wij)\s+(had|hadden)\s+(al\s+|toen\s+|vorig\w*\s+\w+\s+)?(een\s+)?klacht\s+(\w+\s+){0,2}(bij|ingediend)\b|"
    r"(mijn|onze|de)\s+klacht\s+(\w+\s+){0,4}(niet\s+)?(beantwoord|afgewezen|ongegrond|afgehandeld|behandeld|"
    r"genegeerd|niks|niets|geen)|"
    # English: "I already complained", "I filed a complaint", "my complaint was ignored"
    r"\b(i|we|he|she|they)\s+(\w+\s+){0,2}complained|complaints?\s+(\w+\s+){0,3}(filed|submitted|sent|lodged|made)\b|"
    r"\b(filed|submitted|sent|lodged|made|did|wrote)\s+(\w+\s+){0,3}complaint|"
    r"\bcomplaint\s+(letter\s+)?[^.?!]{0,60}?\b(we|i|he|she)\s+(sent|posted|mailed|filed|submitted)\s+it\b|"
    r"(my|our|the)\s+complaint\s+(\w+\s+){0,4}(not\s+)?(answered|rejected|unfounded|handled|ignored|dismissed))|" + KLACHT_DECIDED.pattern,
    re.IGNORECASE,
)
# "Hoe lang mogen ze erover doen?", "ze stellen de behandeling uit", "de klachtencommissie":
# the klacht is still being handled (Awb 9:11: 6 weeks, 10 with a committee, + 4).
STILL_HANDLED = re.compile(
    r"\bhoe\s+lang\s+(\w+\s+){0,4}(mag|mogen|kan|kunnen|duurt|duren|doen)|\buitgesteld|\buitstellen|\bverdaagd|"
    r"\bklachtencommissie\b|\bbinnen\s+welke\s+termijn|"
    # English: "how long can they take", "they postponed it", "the complaints committee"
    r"\bhow\s+long\s+(\w+\s+){0,4}(can|may|does|do|will|allowed|permitted|supposed)|\bpostpone|\bcomplaints\s+committee|\bwithin\s+what\s+(time|period|term)",
    re.IGNORECASE,
)
CONDUCT_TOPIC = re.compile(r"\b(gedroeg|gedragen|gedrag|bejegening|behandeld|behandelde|"
                           r"behaviou?r|behaved|attitude|treated|treatment\s+(of|by))\b|"
                           r"\b(how|the\s+way)\s+(he|she|they)\s+(treated|spoke\s+to|talked\s+to)\s+(me|us)\b", re.IGNORECASE)  # English after "|"
# "Hoe dien ik een klacht in?", "waar kan ik klagen": the citizen asks for the klacht route.
# "over de mensen aan de telefoon wil ik geen klacht indienen", "klagen hoeft voor mij niet".
NO_KLACHT = re.compile(r"geen\s+klacht\s+(\w+\s+){0,2}(indienen|in\s*dienen|doen|maken)|klagen\s+(\w+\s+){0,5}hoeft\s+(\w+\s+){0,3}niet|"
                       r"hoef\s+(ik\s+)?(\w+\s+)?niet\s+(te\s+)?klagen|wil\s+(ik\s+)?(\w+\s+)?niet\s+klagen(?!\s*,?\s*(hoor\s*,?\s*)?maar)|"
                       # English: "I don't want to complain", "no need for a complaint"
                       r"(don'?t|do\s+not)\s+(\w+\s+)?want\s+to\s+(file\s+a\s+|make\s+a\s+)?complain|no\s+need\s+(for\s+a\s+|to\s+)complain",
                       re.IGNORECASE)
ASKS_KLACHT = re.compile(r"\b(klacht\s+(\w+\s+){0,2}(indienen|in\s*dienen|in\b|over)|klagen|een\s+klacht|"
                         r"complain|(a|file\s+a|make\s+a|lodge\s+a)\s+complaint|complaint\s+(about|against))\b",  # English
                         re.IGNORECASE)
# Delay and silence: conduct too, but also what someone waiting for a decision says.
DELAY_WORDS = re.compile(
    r"(nooit|niet)\s+op\s+tijd|te\s+laat\s+(betaald|uitbetaald|gekomen)|(te\s+)?laat\s+betaald|"
    # "komt haar geld te laat", "elke keer als ik bel een ander verhaal": late payment, shifting answers
    r"(geld|betaling|salaris|loon|uitbetaling|vergoeding)\s+(\w+\s+){0,3}te\s+laat(?!\s+(aangevraagd|ingediend|ingestuurd|aangemeld))|"
    # money granted but not paid: "al twee maanden geen salaris gekregen", "ze zouden het terugbetalen"
    r"(geen|niks|niets)\s+(\w+\s+)?(salaris|loon|geld|betaling|uitbetaling|vergoeding)\s+(\w+\s+){0,3}(gekregen|ontvangen|binnen|overgemaakt)|"
    r"(zou|zouden)\s+(\w+\s+){0,4}(terug)?betalen|(betaalt|betalen|betaalde|betaalden)\s+(\w+\s+){0,2}(niet|niks|niets|nooit)\b|"
    # "ik mail elke week en krijg geen antwoord", "er gebeurt al weken niets", "het budget staat nog niet klaar"
    r"(krijg|kreeg|krijgen|kregen)\s+(\w+\s+)?(geen|nooit)\s+(\w+\s+)?(antwoord|reactie)|(gebeurt|gebeurde)\s+(\w+\s+){0,2}(niets|niks)|"
    r"staat\s+(\w+\s+){0,2}(niet|nooit)\s+klaar|(nog\s+)?(niet|nooit)\s+(terug|uit)?betaald|wil\s+(\w+\s+)?mijn\s+geld\b|"
    r"(elke|iedere)\s+keer\s+(\w+\s+){0,4}(een\s+)?ander(e)?\s+(verhaal|antwoord|smoes|excuus)|"
    r"wacht(en|te)?\s+(al\s+)?\w+\s+(weken|maanden)\s+op\s+(een\s+)?(reactie|antwoord)|"
    r"(nooit|niks|niets)\s+(meer\s+)?(van\s+)?gehoord|(niet|nooit)\s+gereageerd|(niet|nooit)\s+op\s+komen\s+dagen|"
    r"kwam\s+(niet|nooit)|(niet|nooit)\s+(komen|gekomen)|(niet|nooit)\s+opgenomen|"
    r"(niet|geen)\s+(antwoord|reactie)\s+(op|gekregen)|(reageert|reageren)\s+(niet|nooit)|onbereikbaar|niet\s+bereikbaar|"
    # English: "never on time", "paid too late", "no answer", "they never reply", "nothing happens", "unreachable"
    r"\bnever\s+on\s+time|(money|payment|salary|wages|budget|pgb)\s+(\w+\s+){0,3}(too\s+)?late\b|\bpaid\s+([\w'’]+\s+){0,3}(too\s+)?late|"
    r"\b(no|never\s+an?|never\s+got\s+an?)\s+(answer|reply|response|reaction)\b|"
    r"\b(don'?t|doesn'?t|didn'?t|never|not)\s+(answer|reply|respond|react)\w*|nothing\s+happen(s|ed)|\bnever\s+(came|comes|showed|shows)|"
    r"\b(didn'?t|did\s+not|doesn'?t|don'?t)\s+(come|show\s+up|turn\s+up)|(not|never|didn'?t|haven'?t|hasn'?t)\s+(been\s+)?paid|"
    r"\bunreachable|not\s+reachable|can'?t\s+reach\s+(them|anyone|anybody)|heard\s+nothing|(haven'?t|have\s+not)\s+heard\s+anything",
    re.IGNORECASE,
)


# An application told as a story ("mijn moeder heeft een rolstoel nodig"): no decision, no conduct.
NEED_WORDS = re.compile(
    r"\b(nodig|aanvragen|aanvraagt|aanvraag\s+doen|aan\s+(te\s+)?vragen|hoe\s+(kom|krijg|regel)\s+ik|regelen|wil\s+graag|"
    r"(vraag|vragen)\s+(ik|we|wij|je|u)\s+(\w+\s+){0,2}aan|"
    # English: "she needs a wheelchair", "how do I apply", "how do we arrange it"
    r"needs?|apply|applying|request\s+(a|an|for|more|some)|how\s+(do|can)\s+(i|we)\s+(get|arrange|apply|request)|arrange|arranges|arranged|arranging|"
    r"(would|'d)\s+like\s+(a|an|to\s+(get|have|apply))\b)\b",
    re.IGNORECASE,
)
# "kan sinds een val niet meer zelf douchen", "er is niemand die haar helpt": care that is needed now.
CANNOT_ANY_MORE = re.compile(r"\b(kan|kunnen|kon|konden|lukt|lukken)\s+(\w+\s+){0,5}niet\s+meer\s+(\w+\s+){0,2}?"
                             r"(zelf|alleen|douchen|wassen|aankleden|aan\s+te\s+kleden|lopen|koken|traplopen|eten|opstaan)\b|"
                             r"niemand\s+die\s+(\w+\s+){0,3}(helpt|komt\s+helpen)|"
                             r"\b(kan|kunnen|kon|konden)\s+(\w+\s+)?(de\s+)?trap(pen)?\s+niet\s+meer\s+(op|af|lopen)\b|"
                             # English: "she can't shower by herself any more", "no one who helps him"
                             r"\b(can'?t|cannot|can\s+no\s+longer|no\s+longer\s+able\s+to|unable\s+to)\s+(\w+\s+){0,2}"
                             r"(shower|wash|dress|walk|cook|eat|get\s+up|stand\s+up|climb|clean|live\s+alone|be\s+alone)\b|"
                             r"\b(can'?t|cannot|can\s+no\s+longer|unable\s+to)\s+get\s+(\w+\s+)?(washed|dressed|showered)\b|"
                             r"\b(no\s+one|nobody)\s+(who\s+)?(helps|to\s+help)\b", re.IGNORECASE)
STRONG_DECISION = re.compile(
    r"\b(besluit|beslissing|beschikking|afgewezen|geweigerd|verlaagd|verlaging|ingetrokken|stopgezet|"
    r"(wijst|wijzen|wees|wezen)\s+(\w+\s+){0,3}af\b(?!\s+en\s+toe)|"
    rf"minder\s+uren|omlaag|{REFUSED}|{CUT}|"
    r"decision|withdrawn|withdrew|discontinued|terminated)\b",  # English
    re.IGNORECASE,
)
WAITING_LIST = re.compile(r"wachtlijst|(geen|nergens(\s+een)?)\s+(plek|plaats|kamer)\b|nowhere\s+(a\s+)?(place|room|bed)\b|wacht(en|t)?\s+(al\s+)?\w*\s*op\s+een\s+(plek|plaats|kamer)|"
                          r"waiting\s*list|no\s+(place|room|bed)\b|waiting\s+for\s+a\s+(place|room|bed)",  # English
                          re.IGNORECASE)
WLZ_CONTEXT = re.compile(r"verpleeghuis|verzorgingshuis|\bwlz|zorgkantoor|indicatie|zorginstelling|instelling|"
                         r"nursing\s+home|care\s+home|care\s+office|indication|institution", re.IGNORECASE)  # English after "|"


# Waiting for a decision that does not come (routes.md §1: ingebrekestelling), not a new decision.
WAITING_WORDS = re.compile(
    r"(nog\s+)?(steeds\s+)?geen\s+(beslissing|besluit|uitspraak|reactie|antwoord|bericht)|"
    r"wacht(en|te)?\s+(al|nog|maar)\b|(niks|niets)\s+(meer\s+)?(van\s+\w+\s+)?gehoord|blijft\s+liggen|"
    r"duurt\s+(al|te|veel\s+te|zo)\s+lang|(niet|nooit)\s+op\s+tijd\s+beslist|in\s+gebreke|"
    r"nog\s+(altijd|steeds)\s+(niet|geen)\s+(\w+\s+)?(beslist|besloten|beslissing|besluit|uitspraak)|nog\s+niet\s+(op\s+(\w+\s+){1,3})?beslist|"
    r"\been\s+(besluit|beslissing)\s+ook\s+niet|nooit\s+een\s+(besluit|beslissing)|eindelijk\s+(een\s+)?(besluit|beslissing)|"
    r"(laten|te\s+laten)\s+beslissen|eindelijk\s+(\w+\s+)?(beslissen|besluiten|beslist)|\bstilte\b|"
    r"ligt\s+(nog\s+)?(steeds\s+)?bij\s+de\s+afdeling|"
    # "daarna nooit meer iets", "sindsdien niks": silence after what the citizen sent
    r"\b(is|blijft|bleef|was)\s+het\s+(\w+\s+)?stil\b|\b(daarna|sindsdien|sinds\s+die\s+tijd)\s+(\w+\s+)?(nooit\s+meer\s+iets|niks|niets|geen\s+(reactie|antwoord|bericht|brief))\b|"
    # English: "still no decision", "still waiting", "taking too long", "they haven't decided", "since then, silence"
    r"\bstill\s+(no|nothing|not|waiting|hasn'?t|haven'?t)\b|\bno\s+decision\s+yet|\b(been|am|are|keep)\s+waiting\b|\bwaiting\s+(since|for\s+(ages|months|weeks))|"
    r"(taking|takes|take|took)\s+(\w+\s+)?too\s+long|\b(haven'?t|hasn'?t|have\s+not|has\s+not|not\s+yet)\s+(yet\s+)?decided|"
    r"(haven'?t|have\s+not|hasn'?t|has\s+not)\s+heard\s+(anything|a\s+(word|thing)|back)|\bheard\s+nothing|\bsilence\b|\bin\s+default|"
    # "should I send a notice of default now?": the route named, a decision that does not come
    r"\bnotice\s+of\s+default|\b(decide|decided)\s+too\s+late|"
    r"\b(since\s+then|after\s+that)\s*[,:]?\s+(nothing|silence|no\s+(answer|reply|reaction|letter))",
    re.IGNORECASE,
)
WHERE_TO_APPLY = re.compile(r"\b(waar|bij\s+wie|hoe)\s+(\w+\s+){0,4}(aanvragen|aanvraagt|aan\s+(te\s+)?vragen|aan\s*\?|aan$)|"
                            r"\bhoe\s+(krijg|kom|regel)\s+(ik|we|wij)\s+(\w+\s+){0,3}(aan\s+)?(hulp|zorg|ondersteuning)\b|"
                            # English: "where do I apply", "how do I get help at home"
                            r"\b(where|how|who)\s+(\w+\s+){0,4}(apply|request)\b|"
                            r"\bhow\s+(do|can)\s+(i|we)\s+(get|arrange)\s+(\w+\s+){0,3}(help|care|support)\b",
                            re.IGNORECASE)
NEVER_APPLIED = re.compile(r"\b(nog\s+)?(nooit|niets|niks)\s+(\w+\s+)?aangevraagd|\bnog\s+geen\s+aanvraag|"
                           r"\b(never|haven'?t|have\s+not|didn'?t|did\s+not)\s+(\w+\s+)?applied|\bno\s+application\s+yet",  # English
                           re.IGNORECASE)
APPLIED = re.compile(r"\b(aangevraagd|aanvraag\w*\s+(\w+\s+){0,9}(gedaan|ingediend|ingestuurd|verstuurd|opgestuurd|ingeleverd)|"
                     r"(vroeg|vroegen)\s+(\w+\s+){1,9}aan|"
                     # English: "I applied in June", "the application was submitted", "I submitted my request"
                     r"applied|(application|request)\s+(\w+\s+){0,6}(submitted|sent|filed|made|handed\s+in)|"
                     r"(submitted|sent|filed|made)\s+(an?|my|the|our)\s+(\w+\s+)?(application|request))\b", re.IGNORECASE)
# "ik heb in september bezwaar gemaakt", "ik stuurde mijn bezwaarschrift": a bezwaar that waits for its decision.
BEZWAAR_MADE = re.compile(r"bezwaa?r\w*\s+(\w+\s+){0,3}(gemaakt|ingediend|ingestuurd|gestuurd|verstuurd|opgestuurd|aangetekend|"
                          r"(ging|gingen|is|zijn)\s+(\w+\s+){0,3}de\s+deur\s+uit|op\s+de\s+post)|"
                          r"(maakte|maakten|diende|dienden|stuurde|stuurden)\s+(\w+\s+){0,5}bezwaa?r|"
                          # English: "I sent my objection in September", "we objected"
                          r"(objection|bezwaar)\s+(\w+\s+){0,3}(sent|filed|submitted|made|lodged|posted)|"
                          r"\b(sent|filed|submitted|made|lodged)\s+(\w+\s+){0,3}(objection|bezwaa?r\w*)|\b(i|we)\s+(already\s+)?objected|"
                          r"(?<!\bcan\s)(?<!\bcould\s)(?<!\bshould\s)(?<!\bmay\s)(?<!\bmust\s)(?<!\bwill\s)(?<!\bdo\s)"
                          r"\b(i|we)\s+(send|sended)\s+(my\s+|an?\s+|the\s+)?(objection|bezwaa?r\w*)\s+(\w+\s+){0,4}(on|in)\s+"
                          r"(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
BEZWAAR_WORD = re.compile(r"\bbezwaa?r|\bobjection|\bobject(ed)?\s+(to|against)\b|\bobjected", re.IGNORECASE)  # English after the first "|"
DISAGREES = re.compile(
    rf"{NOT_AGREED}|oneens|afgewezen|ongegrond|verlaagd|geweigerd|onterecht|\b({CUT})|"
    rf"{DOES_NOT_ADD_UP}|te\s+(laag|hoog|hoge|lage|weinig)|(er)?tegen\s*in\s+(te\s+)?(gaan|ga)|"
    # English: "rejected", "unfounded", "unfair", "too low", "I want to fight it"
    r"\b(unfounded|unfair|unjust|wrongly)\b|(is|was|are)\s+(\w+\s+)?wrong\b|\btoo\s+(low|little|few|high)\b|"
    r"\b(fight|challenge|contest|dispute)\s+(it|this|that|the)\b|\bgo\s+against\b|"
    # less than needed: "a lower care profile than she needs", "minder uren dan hij nodig heeft"
    r"\b(less|fewer|lower)\s+(\w+\s+){0,3}than\s+(he|she|i|we|they|my\s+\w+)\s+(really\s+)?(need|needs|needed)\b|"
    r"\b(minder|lager|lagere)\s+(\w+\s+){0,3}dan\s+(ik|hij|zij|ze|we|wij|mijn\s+\w+)\s+(echt\s+)?nodig\s+(heb|heeft|hebben|had)\b",
    re.IGNORECASE,
)


# "met de toekenning zijn we het eens", "daar ben ik blij mee", "het bedrag zelf klopt wel": the decision is not
# disputed, so what goes wrong after it (money that does not come, silence) is conduct (routes.md §1).
AGREES_WITH_DECISION = re.compile(
    r"\b(met|over)\s+(de|het|die|dat|deze)\s+(toekenning|besluit|beslissing|bedrag|indicatie|beschikking)\s+(zelf\s+)?"
    r"(zijn|ben|is)\s+(ik|we|wij|hij|zij)\s+(het\s+)?(\w+\s+)?(eens|tevreden|blij)\b|"
    r"\b(toegekend|gekregen)\b[^?!]{0,60}?[.,]\s*(en\s+)?daar\s+(ben|zijn|was|waren)\s+(ik|we|wij)\s+(\w+\s+)?(blij|tevreden)\s+mee|"
    r"\b(bedrag|besluit|beslissing|toekenning)\s+(zelf\s+)?klopt\s+(\w+\s+)?wel\b|"
    r"\b(bedrag|besluit|beslissing|toekenning)\s+(zelf\s+)?klopt\b(?!\s+(\w+\s+){0,3}(niet|niks|niets|nooit|van\s+geen))|"
    r"\b(daar|hier)\s+(heb|hebben)\s+(ik|we|wij)\s+geen\s+(probleem|moeite)\s+(\w+\s+)?mee\b|"
    # English: "the decision itself is fine", "I agree with the decision", "no problem with the amount"
    r"\b(decision|amount|indication|grant)\s+(itself\s+)?(is|was)\s+(fine|ok|okay|correct|right|good)\b|"
    r"(?<!not\s)(?<!n't\s)\b(agree|happy|satisfied|fine)\s+with\s+the\s+(decision|amount|indication|grant)\b|"
    r"\bno\s+problem\s+with\s+the\s+(decision|amount|indication)\b",
    re.IGNORECASE)
A_LETTER = re.compile(r"\bbrie(f|ven)\b|\bletters?\b", re.IGNORECASE)  # "een brief van de gemeente gehad": a decision came
# Care that ends or shrinks was decided on: "stopt per 1 januari", "geen hulp meer", "gehalveerd".
CARE_ENDS = re.compile(r"\b(ge)?stop(t|pen)\b|\bgeen\s+(\w+\s+)?(zorg|hulp|begeleiding|uren|dagbesteding|pgb|thuiszorg|"
                       r"indicatie|vergoeding|uitkering|bijstand|thuishulp|verzorging)\s+meer\b|gehalveerd|halveren|niet\s+goedgekeurd|"
                       r"afgebouwd|afbouwen|"
                       # English: "the home care stops", "no more help from January", "halved"
                       r"\b(stops|stopped|stopping|ends|ended|terminated|discontinued)\b(?!\s+(calling|answering|responding|coming|replying|talking))|"
                       r"\bno\s+(more\s+)?(care|help|support|hours|day\s*care|pgb|budget|benefits?|home\s+care)\s+(any\s*more|from)\b|"
                       r"\bhalved|phased\s+out", re.IGNORECASE)
# "moet ik daarvoor bij de gemeente zijn?", "is er iets dat hij ergens kan logeren?": asking for help.
ASKS_WHERE = re.compile(r"\b(moet|kan|kunnen|moeten)\s+(ik|we|wij)\s+(\w+\s+){0,2}(bij|naar)\s+(de|het)\s+\w+|"
                        r"\bis\s+er\s+(iets|een\s+mogelijkheid|hulp|een\s+plek)\b|"
                        # English: "do I have to go to the municipality?", "is there a place where he can stay?"
                        r"\b(should|must|can|do)\s+(i|we)\s+(\w+\s+){0,2}(go\s+)?(to|at)\s+the\s+\w+|"
                        r"\bis\s+there\s+(something|any\s+way|help|a\s+place|a\s+possibility)\b", re.IGNORECASE)
# "niet tevreden over de zorg op zijn groep in de zorginstelling": care someone has, not care to ask for.
IN_CARE_OR_DISSATISFIED = re.compile(r"tevreden|verpleeghuis|verzorgingshuis|instelling|\bgroep\b|"
                                     r"satisfied|happy\s+with|nursing\s+home|care\s+home|institution|\bgroup\b",  # English
                                     re.IGNORECASE)
