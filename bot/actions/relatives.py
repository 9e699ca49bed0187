"""Whom the case is about: the citizen, or a relative the citizen asks for (a mantelzorger).

A relative named in the story ("mijn dochter helpt me", "mijn man heeft er al een") is not always
the one the case is about; the words around the name decide.
"""
from __future__ import annotations

import re

from rasa_sdk import Tracker

from knowledge.i18n import N_

from .context import intent, text


# The relative words the bot writes in a sentence ("uw moeder"): slot values after the NLU's synonyms
# (data/nlu.yml). Marked here for the catalog; the texts translate them where they are used.
RELATIVE_WORDS = (
    N_("naaste"), N_("moeder"), N_("vader"), N_("man"), N_("vrouw"), N_("partner"), N_("zoon"),
    N_("dochter"), N_("kind"), N_("kinderen"), N_("broer"), N_("zus"), N_("oma"), N_("opa"),
    N_("schoonmoeder"), N_("schoonvader"), N_("buurvrouw"), N_("buurman"), N_("ouders"), N_("tante"),
    N_("oom"), N_("vriend"), N_("vriendin"), N_("familielid"), N_("echtgenoot"), N_("echtgenote"),
)


# "de huisarts zegt dat ik goed voor mezelf moet zorgen", "geen tijd voor mezelf": the carer's own rest, not
# their case ("ik kan niet meer voor mezelf zorgen" is their own need and stays).
CARER_REST = re.compile(
    r"\b(moet|moeten|moest|zou|zegt|zeggen|zei)\s+(\w+\s+){0,3}voor\s+(mezelf|mijzelf)\s+(\w+\s+)?(te\s+)?zorgen\b|"
    r"\b(tijd|moment|rust)\s+voor\s+(mezelf|mijzelf)\b|"
    # English: "the doctor says I must take care of myself", "no time for myself"
    r"\b(should|must|have\s+to|says|said|tells\s+me)\s+(\w+\s+){0,3}(take\s+care\s+of|look\s+after)\s+myself\b|"
    r"\b(time|moment|rest)\s+for\s+myself\b",
    re.IGNORECASE,
)

# The citizen asks for themselves although a relative is named.
SELF_SIGNAL = re.compile(
    r"\bmijn\s+eigen\s+(hulp|zorg|begeleiding|begeleider|begeleidster|zorgverlener|hulpverlener|verzorger|verzorgster|aanvraag|indicatie|pgb|uitkering|situatie|gezondheid|huishouden|"
    r"ondersteuning|scootmobiel|rolstoel|klacht|bezwaar|zaak|vraag|beperking|ziekte)\b|"
    r"\bvoor\s+(mezelf|mijzelf)\b|\bhet\s+gaat\s+om\s+(mij|mezelf)\b|"
    r"\b(gaat|vraag|vragen)\s+(\w+\s+){0,2}over\s+(mij|mezelf|mijzelf)\b|"
    r"(?<!\bwie\s)\b(helpt|typt|schrijft)\s+(mij|me|dit\s+voor\s+mij)\b|\bnamens\s+mij\b|\bis\s+mijn\s+mantelzorger\b|"
    r"\bmijn\s+mantelzorger\b|\bik\s+zelf\s+(heb|ben|wil|krijg|kreeg|zit)\b|\bik\s+ben\s+degene\s+om\s+wie\b|"
    # English: "my own care", "for myself", "it's about me", "my daughter types this for me", "my carer"
    r"\bmy\s+own\s+(help|care|support|carer|caregiver|application|indication|pgb|budget|benefits?|situation|health|household|"
    r"scooter|wheelchair|complaint|objection|case|question|disability|illness)\b|\bfor\s+myself\b|\bit('?s|\s+is)\s+(about|for)\s+me\b|"
    # not a question: "who helps me with the application for my husband?"
    r"(?<!\bwho\s)\b(helps|is\s+helping|types|is\s+typing|writes|is\s+writing)\s+(this\s+)?(for\s+)?me\b|\bon\s+my\s+behalf\b|"
    r"\bmy\s+(informal\s+)?(carer|caregiver)\b|\bi\s+myself\s+(have|am|want|get|got)\b|\bi\s*('m|\s+am)\s+the\s+one\s+(it'?s\s+)?about\b",
    re.IGNORECASE,
)
# The citizen's own need: "mijn scootmobiel is afgewezen", "ik ben 74 jaar", "ik zit in een rolstoel".
OWN_CASE = re.compile(
    r"\bmijn\s+(huishoudelijke\s+hulp|hulp|begeleiding|scootmobiel|rolstoel|aanvraag|uitkering|bijstand\w*|pgb|zorgprofiel|dossier|"
    r"eigen\s+bijdrage|pensioen|"
    r"indicatie|zorg|wmo[\w-]*|ondersteuning|traplift|woningaanpassing|dagbesteding|thuiszorg|thuishulp)\b|"
    r"\b(voor|aan)\s+(mij|mezelf|mijzelf)\b|\bik\s+ben\s+(net\s+|pas\s+)?(geopereerd|gevallen|ziek)\b|"
    r"\b(sinds|na)\s+mijn\s+(\w+\s+)?(beroerte|operatie|heupoperatie|val|ongeluk|hersenbloeding|herseninfarct|"
    r"ziekenhuisopname|opname)\b|\bkrijg\s+ik\s+mezelf\b|"
    # "ik heb een afwijzing gehad", "ik krijg van het CAK een rekening"
    r"\bik\s+(heb|had|kreeg|krijg)\s+(\w+\s+){0,4}(afwijzing|beschikking|besluit|rekening|factuur|indicatie)\b|"
    r"\b(ik\s+(heb|had)|(heb|had)\s+ik)\s+(\w+\s+){0,4}(klacht|bezwaar)\s+(\w+\s+){0,3}(ingediend|gemaakt)|"
    r"\bik\s+(ben|zit|heb|lig|krijg|kreeg|loop)\s+(\w+\s+){0,3}(rolstoel|reuma|artrose|als|ms|parkinson|verlamd|"
    r"beperking|ziekte|dementie|copd|kanker|beroerte|hersenbloeding|hartfalen|\d+\s+jaar)\b|"
    # English: "my scooter was rejected", "I'm 74", "since my stroke", "I got a rejection"
    r"\bmy\s+(household\s+help|home\s+help|help|support|care|scooter|mobility\s+scooter|wheelchair|application|request|benefits?|pgb|"
    r"eigen\s+bijdrage|contribution|pension|"
    r"budget|indication|file|stairlift|day\s*care|home\s+care|adaptation|wmo\w*)\b|\b(for|to)\s+(me|myself)\b|"
    r"\bi\s*('m|\s+am)\s+(just\s+)?(ill|sick|disabled|\d+(\s+years)?)\b|\bi\s+(just\s+)?(had\s+(an?\s+)?(operation|surgery|stroke)|fell)\b|"
    r"\b(since|after)\s+my\s+(\w+\s+)?(stroke|operation|surgery|fall|accident|hospital\s+stay)\b|"
    r"\bi\s+(got|received|have|had|get)\s+(\w+\s+){0,4}(rejection|decision|bill|invoice|indication)\b|"
    r"\bi\s+(have|had|'ve)\s+(\w+\s+){0,4}(complaint|objection)\s+(\w+\s+){0,3}(filed|made|submitted)|"
    r"\bi\s*('m|\s+am|\s+have|\s+use|\s+sit)\s+(\w+\s+){0,3}(wheelchair|rheumatism|arthritis|ms|parkinson'?s|dementia|copd|cancer)\b",
    re.IGNORECASE,
)
# Words that make a named relative the one the case is about: "voor mijn moeder", "het pgb van onze
# zoon", "mijn vader krijgt", "mantelzorger van", "ik vul het voor haar in".
RELATIVE_BEFORE = re.compile(r"\b(voor|van|namens|over|om)\s+(mijn|m'n|mn|onze|ons)\s+(\w+\s+)?$|"
                             r"\b(for|of|on\s+behalf\s+of|about|regarding|concerning)\s+(my|our)\s+(\w+\s+)?$",  # English
                             re.IGNORECASE)
RELATIVE_AFTER = re.compile(
    # "mijn zoon Daan is 11 en heeft autisme": a first name may stand between
    r"^\W*((?-i:[A-Z][a-z]+)\s+)?(\(\d+\)\s*)?(krijgt|kreeg|ontvangt|ontving|is\s+\d+\s+(jaar\s+)?en\s+heeft|"
    r"heeft\s+(een\s+)?(indicatie|pgb|wlz|zorg|hulp|begeleiding|dementie|alzheimer|parkinson|beperking|autisme|adhd|"
    r"een\s+verstandelijke\s+beperking|downsyndroom)|is\s+(\w+\s+)?(dement|opgenomen|ziek|gehandicapt|beperkt)|"
    r"woont\s+in\s+(een|het)\s+(verpleeghuis|zorginstelling|instelling|verzorgingshuis)|"
    # "mijn vrouw heeft ALS en krijgt Wlz-zorg thuis": an illness named first
    r"(heeft|is)\s+(\w+\s+){1,3}en\s+(krijgt|ontvangt)\s|(has|is)\s+(\w+\s+){1,3}and\s+(gets|receives|needs)\s|"
    # English: "my mother gets", "my son Tom is 11 and has autism", "my father needs", "my mum's application"
    r"gets|got|receives|received|needs|is\s+\d+\s+(years\s+old\s+)?and\s+has|is\s+\d+\s*(years(\s+old)?)?\s*,\s*(lives|has|gets|needs)\s|has\s+(an?\s+)?(indication|pgb|care|help|support|dementia|"
    r"alzheimer'?s|parkinson'?s|disability|autism|adhd|intellectual\s+disability|down\s+syndrome)|"
    r"is\s+(\w+\s+)?(demented|admitted|ill|sick|disabled)|lives\s+in\s+(a|the)\s+(nursing\s+home|care\s+home|institution)|"
    # "my husband Kees (80) has been in a verpleeghuis since March"
    r"(has\s+been|is|was)\s+(\w+\s+){0,2}in\s+(a|the)\s+(nursing\s+home|care\s+home|verpleeghuis|institution))\b|"
    r"^['’]s\s+(\w+\s+)?(application|care|pgb|budget|indication|hours|support|help|wheelchair|scooter|benefits?|home\s+care|day\s*care|"
    r"case|decision)\b",
    re.IGNORECASE,
)
FOR_SOMEONE_ELSE = re.compile(
    r"\bmantelzorger\s+(van|voor)\b|\b(voor|namens)\s+(haar|hem)\b|"
    r"\bik\s+ben\s+de\s+(buurman|buurvrouw|vriend|vriendin|kennis|mantelzorger)\s+van\b|"
    # "ik ben de zus van Marieke, zij heeft…": the citizen names their relation to the one the case is about
    r"\bik\s+ben\s+de\s+(zus|zuster|broer|dochter|zoon|kleindochter|kleinzoon|nicht|neef|schoondochter|schoonzoon|"
    r"partner|echtgenote?|tante|oom)\s+van\s+(?-i:[A-Z])\w+|"
    # "ik ben beschermingsbewindvoerder van een cliënte", "als mentor van mijn broer": a representative's case
    r"\b(ik\s+ben|als)\s+(\w+\s+){0,2}(beschermings)?(bewindvoerder|curator|mentor)\s+(van|voor)\b|"
    r"\bik\s+ben\s+(de\s+)?(moeder|vader|ouder|pleegmoeder|pleegvader|voogd)\s+van\s+(een|mijn|onze|m'n)\b|"
    # "hij heeft een volmacht voor mij getekend": the citizen acts with someone else's power (routes.md §4)
    r"\b(volmacht|machtiging)\s+(\w+\s+){0,3}(voor|aan)\s+(mij|mijzelf)\b|\b(voor|aan)\s+mij\s+(een\s+)?(volmacht|machtiging)\b|"
    # "mijn moeder gaf mij jaren geleden een volmacht", "she gave me a power of attorney"
    r"\b(gaf|gaven)\s+(mij|me)\s+(\w+\s+){0,3}(een\s+)?(volmacht|machtiging)\b|"
    r"\b(gave|given|signed)\s+(me|us)\s+(\w+\s+){0,3}(a\s+)?(power\s+of\s+attorney|authori[sz]ation)\b|"
    # English: "informal carer of", "for her", "I'm the neighbour of", "I'm the sister of Anna", "as guardian of my brother"
    r"\b(informal\s+)?(carer|caregiver)\s+(of|for)\b|\b(for|on\s+behalf\s+of)\s+(her|him)\b|"
    r"\bi\s*('m|\s+am)\s+(the|a|her|his)\s+(neighbou?r|friend|acquaintance|carer|caregiver)\s+of\b|"
    r"\bi\s*('m|\s+am)\s+(the\s+)?(sister|brother|daughter|son|granddaughter|grandson|niece|nephew|partner|wife|husband|aunt|uncle)"
    r"\s+of\s+(?-i:[A-Z])\w+|\b(i\s*('m|\s+am)|as)\s+(\w+\s+){0,2}(guardian|administrator|mentor|trustee)\s+(of|for)\b|"
    r"\bi\s*('m|\s+am)\s+(the\s+)?(mother|father|parent|guardian)\s+of\s+(a|my|our)\b|"
    r"\b(power\s+of\s+attorney|authori[sz]ation)\s+(\w+\s+){0,3}(for|to)\s+me\b|\b(asking|writing)\s+(for|on\s+behalf\s+of)\s+"
    r"(someone|somebody)\s+else\b",
    re.IGNORECASE,
)
SOMEONE_ELSE_WORDS = re.compile(r"\b(mantelzorg\w*|haar|hem|hij|zij|hun|iemand\s+anders|een\s+ander|"
                                # English ("he" only with a verb: Dutch "klopt toch niet he" is no pronoun)
                                r"(informal\s+)?carer|caregiver|(?<!naar\s)her|him|(he|she)\s+(is|has|was|needs|gets|got|can|"
                                r"cannot|can't|lives|had|does|wants)|someone\s+else|somebody\s+else)\b",
                                re.IGNORECASE)
# Someone else's relative ("zijn moeder", "zn moeder", "his mother") is not the citizen's.
OTHERS_POSSESSIVE = re.compile(r"\b(zijn|zn|z'n|haar|hun|his|her|their)\s+$", re.IGNORECASE)
SPEAKER_ROLE = re.compile(r"\bik\s+ben\s+(de|een|zijn|haar)\s+$|\bi\s*('m|\s+am)\s+(the|a|his|her)\s+$", re.IGNORECASE)

# A relative someone spoke to, or who died: "dingen over mij aan mijn buurvrouw verteld", "de vaas van
# mijn overleden man".
NOT_THE_CASE_BEFORE = re.compile(r"\b(overleden|wijlen|gestorven|ex-?|late|deceased)\s*$", re.IGNORECASE)  # English: "my late husband"
# "iets van mijn vrouw zaliger"; "mijn vriend slaat me": the one who harms the citizen is not whom they ask for
NOT_THE_CASE_AFTER = re.compile(r"^\W*(zaliger|z\.?g\.?)\b|"
                                r"^\W*(\w+\s+){0,4}(slaat|sloeg|schopt|bedreigt|bedreigde|mishandelt|mishandelde)\s+(me|mij)\b|"
                                r"^\W*(\w+\s+){0,4}(hits|hit|beats|beat|kicks|kicked|threatens|threatened|abuses|abused)\s+me\b",  # English
                                re.IGNORECASE)
# A relative who only told the citizen something: "dat hoorde ik pas van mijn buurvrouw".
TOLD_BY_BEFORE = re.compile(r"\b(hoorde|hoorden|gehoord|hoor|vernam|vernomen|las|gelezen|weet|wist|tip)\s+(\w+\s+){0,3}"
                            r"(van|via)\s+(mijn|m'n|mn|onze)\s+$|"
                            # English: "I heard it from my neighbour"; and one only told something: "they told my neighbour",
                            # "gave my information to my neighbour"
                            r"\b(heard|hear|learned|learnt|read|know|knew|tip)\s+(\w+\s+){0,3}(from|via|through)\s+(my|our)\s+$|"
                            r"\b(told|tell|tells|informed|(shared|discussed)\s+(\w+\s+){0,4}with|(gave|given|passed)\s+(\w+\s+){0,4}to)\s+(my|our)\s+$",
                            re.IGNORECASE)
TOLD_TO_BEFORE = re.compile(r"\b(aan|tegen)\s+(mijn|m'n|mn)\s+$", re.IGNORECASE)
TOLD_TO_AFTER = re.compile(r"^\s*(\w+\s+){0,2}(verteld|gezegd|doorverteld|doorgegeven|laten\s+weten)\b", re.IGNORECASE)

# "man", "vrouw" and "kind" are relatives only as "mijn man", not as "die man aan de telefoon".
AMBIGUOUS_RELATIVES = {"man", "vrouw", "kind"}
POSSESSIVE = re.compile(r"\b(mijn|m'n|mn|onze|ons|my|our)\s+$", re.IGNORECASE)  # English: "my husband"


# A relative who only helps or speaks ("mijn dochter helpt me", "mijn man zegt…"), gives the care
# ("mijn broer als zorgverlener") or died is not whom the case is about.
RELATIVE_ONLY_HELPS = re.compile(
    r"^\W*(als\s+(\w+\s+)?(zorgverlener|zorgverleenster|hulp|verzorger|verzorgster|begeleider|oppas|mantelzorger)|"
    r"(wonen|woont)\s+(\w+\s+)?(ver\s+weg|ver\s+van|te\s+ver|niet\s+in\s+de\s+buurt|in\s+het\s+buitenland)|"
    r"(hebben|heeft)\s+(\w+\s+)?(geen|weinig)\s+tijd|"
    r"((\w+\s+){0,3})(is|was)\s+(\w+\s+){0,3}(overleden|gestorven)|overleed|stierf|"
    r"helpt|hielp|typt|tikt|schrijft|belt|zegt|zei|vindt|vond|denkt|dacht|las|leest|(pas\s+)?bracht\s+(\w+\s+){0,2}langs\b|gaf\s+(mij|me)\s+(pas\s+)?de\s+brief\b|"
    r"doet\s+(het|dat|dit)\s+(nu|al|nog|elke|iedere|voor)|doet\s+alles\s+voor\s+(mij|me)|"
    r"regelt\s+(dit|het|alles)\s+voor\s+(mij|me)|is\s+mijn\s+mantelzorger|zorgt\s+voor\s+(mij|me)|"
    # English: "my daughter helps me", "my husband says", "my brother as carer", "lives abroad", "passed away"
    r"as\s+(\w+\s+)?(carer|caregiver|care\s+worker|helper|babysitter)|(live|lives)\s+(\w+\s+)?(far\s+away|abroad|too\s+far|in\s+another\s+country)|"
    r"(has|have)\s+(\w+\s+)?(no|little)\s+time|((\w+\s+){0,3})(has\s+|had\s+)?(passed\s+away|died)|is\s+dead|"
    r"helps|helped|is\s+helping|types|is\s+typing|writes|is\s+writing|calls|says|said|told|tells|thinks|thought|reads|"
    r"(only\s+|just\s+)?(brought|brings|handed|passed\s+on|gave\s+me\s+the\s+letter)|drove|drives|accompanied|came\s+(in\s+)?with\s+me|"
    r"does\s+everything\s+for\s+(me|us)|arranges\s+(this|it|everything)\s+for\s+(me|us)|is\s+my\s+(informal\s+)?carer|"
    r"takes\s+care\s+of\s+(me|us)|looks\s+after\s+(me|us)|"
    # "my husband should simply do the rest", "my wife already has one": in the story, not whom it is about
    r"(should|could|can|must|has\s+to|would)\s+(\w+\s+){0,2}(do|help|take\s+over|manage)|"
    r"already\s+(has|had|gets|got|receives)\b)\b",
    re.IGNORECASE,
)


def not_the_case(before: str, after: str) -> bool:
    """A relative who died, or who only told the citizen something, is not whom the case is about."""
    return bool(NOT_THE_CASE_BEFORE.search(before) or NOT_THE_CASE_AFTER.search(after) or TOLD_BY_BEFORE.search(before))


def relatives_named(tracker: Tracker) -> list[str]:
    """Relatives the case is about (the citizen asks for them)."""
    message = text(tracker)
    found: list[str] = []
    for item in tracker.latest_message.get("entities") or []:
        if item.get("entity") != "relative":
            continue
        value = str(item.get("value", "")).lower()
        before = message[: item.get("start", 0)]
        after = message[item.get("end", 0):]
        if value in AMBIGUOUS_RELATIVES and not POSSESSIVE.search(before):
            continue
        told_to = TOLD_TO_BEFORE.search(before) and TOLD_TO_AFTER.search(after)
        if OTHERS_POSSESSIVE.search(before) or SPEAKER_ROLE.search(before) or not_the_case(before, after) \
                or told_to:
            continue  # "zijn moeder", "ik ben de buurvrouw van…", "aan mijn buurvrouw verteld", "mijn overleden man"
        if RELATIVE_ONLY_HELPS.search(after):
            continue
        if value and value not in found:
            found.append(value)
    return found


def relative_is_the_case(tracker: Tracker) -> bool:
    """The words make a named relative (or someone else) the one the case is about."""
    message = text(tracker)
    if FOR_SOMEONE_ELSE.search(message):
        return True
    for item in tracker.latest_message.get("entities") or []:
        if item.get("entity") == "relative" and not_the_case(message[: item.get("start", 0)],
                                                             message[item.get("end", 0):]):
            continue
        if item.get("entity") == "relative" and (RELATIVE_BEFORE.search(message[: item.get("start", 0)])
                                                 or RELATIVE_AFTER.search(message[item.get("end", 0):])):
            return True
    return False


def asking_for(tracker: Tracker) -> str | None:
    """"self", "relative" or None (the message does not tell)."""
    message = text(tracker)
    own = CARER_REST.sub(" ", message)
    if SELF_SIGNAL.search(own):
        return "self"  # "mijn man is mijn mantelzorger, het gaat om mijn eigen hulp"
    # the classifier's "mantelzorger" needs a word of someone else when nobody is named: "ik wil mijn
    # eigen begeleider houden, die ken ik al 6 jaar" is the citizen's own case
    someone_else = relatives_named(tracker) or (intent(tracker) == "mantelzorger" and SOMEONE_ELSE_WORDS.search(message))
    if relative_is_the_case(tracker):
        return "relative"
    if OWN_CASE.search(own) and tracker.get_slot("asking_for") != "relative":
        # "mijn scootmobiel is afgewezen, mijn man heeft er al een": the relative is only in the story;
        # a later "dat hoeft voor mij niet" does not make a relative's case the citizen's own
        return "self"
    if someone_else and tracker.get_slot("asking_for") != "self":
        return "relative"
    return None
