"""The routing table: which organisation a citizen goes to next (routes.md §1 and §3).

Used by the bot's actions, the API and the tests. Values are the public
`state.organisation` and `state.route` values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import N_

ROUTES = ("klacht", "bezwaar", "klacht_en_bezwaar", "ingebrekestelling", "aanvraag")
# The routes with a bezwaar against a decision (and its 6-week term).
BEZWAAR_ROUTES = ("bezwaar", "klacht_en_bezwaar")
HANDOFF_STATES = ("none", "offered", "waiting", "active", "callback", "closed")
ASKING_FOR = ("self", "relative")
# Where one applies for care (routes.md §1).
APPLICATION_DESKS = ("gemeente", "ciz", "zorgkantoor", "zorgverzekeraar")


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str  # B1 Dutch, with article, as used inside a sentence
    decides: bool  # takes decisions (besluiten) a citizen can object to
    bezwaar_possible: bool  # bezwaar is the route against its decisions
    klacht_after: str  # where a klacht goes after the organisation handled it
    card: str  # knowledge card that explains the organisation


ORGANISATIONS: dict[str, Organisation] = {
    o.key: o
    for o in (
        Organisation("gemeente", N_("de gemeente"), True, True, "ombudsman", "gemeente-wat-doet"),
        Organisation("ciz", N_("het CIZ"), True, True, "ombudsman", "ciz-wat-doet"),
        Organisation("zorgkantoor", N_("het zorgkantoor"), True, True, "ombudsman", "zorgkantoor-wat-doet"),
        Organisation("cak", N_("het CAK"), True, True, "ombudsman", "cak-wat-doet"),
        Organisation("svb", N_("de SVB"), True, True, "ombudsman", "svb-wat-doet"),
        # Zvw is private law: no bezwaar, a klacht at the insurer and then Kizi.
        Organisation("zorgverzekeraar", N_("uw zorgverzekeraar"), True, False, "kizi", "zorgverzekeraar-klacht"),
        # A care provider takes no besluiten; klacht via its klachtenfunctionaris, then the geschilleninstantie.
        Organisation("zorgaanbieder", N_("de zorgaanbieder"), False, False, "geschilleninstantie", "klacht-zorgaanbieder-wkkgz"),
        Organisation("ombudsman", N_("de ombudsman"), False, False, "", "ombudsman-nationale"),
        Organisation("rechtbank", N_("de rechtbank"), False, False, "", "beroep-rechtbank"),
    )
}

# Organisations a citizen can name as the one that took a decision.
DECIDING_ORGANISATIONS = tuple(k for k, o in ORGANISATIONS.items() if o.decides)


@dataclass(frozen=True)
class Advice:
    route: str
    organisation: str
    deadline_kind: str | None  # "bezwaar", "beroep" or None
    note: str | None = None  # a reason the route differs from what the citizen asked


def advise(
    route: str,
    about: str,
    *,
    already_complained: bool = False,
    decision_on_bezwaar: bool = False,
) -> Advice:
    """Next step for a `route` about organisation `about` (a key of ORGANISATIONS).

    already_complained: the organisation already handled the citizen's klacht.
    decision_on_bezwaar: the letter is the decision on a bezwaar (next step: beroep).
    """
    if route not in ROUTES:
        raise ValueError(f"unknown route {route!r}")
    org = ORGANISATIONS[about]

    if route in ("bezwaar", "klacht_en_bezwaar", "ingebrekestelling") and not org.bezwaar_possible:
        # No bestuursorgaan: no bezwaar and no ingebrekestelling (Awb 4:17 and 6:12 do not apply).
        if org.key == "zorgverzekeraar":
            note = "geen_ingebrekestelling_zvw" if route == "ingebrekestelling" else "geen_bezwaar_zvw"
            return Advice("klacht", "zorgverzekeraar", None, note=note)
        if not org.decides:
            return Advice("klacht", org.key, None, note="geen_besluit_zorgaanbieder")
    if route in BEZWAAR_ROUTES and decision_on_bezwaar:
        return Advice(route, "rechtbank", "beroep")
    if route in BEZWAAR_ROUTES:
        return Advice(route, org.key, "bezwaar")
    if route == "klacht" and already_complained and org.klacht_after == "ombudsman":
        return Advice("klacht", "ombudsman", None)
    return Advice(route, org.key, None)


def _words(*patterns: str) -> re.Pattern:
    return re.compile("|".join(patterns), re.IGNORECASE)


# What kind of care an application is for decides where it goes (routes.md §1, Wmo 2.3.2,
# Wlz 3.2.1 and 3.3.3, Zvw art. 11). Checked in this order; the first that matches wins.
WLZ_AFTER_INDICATIE = _words(
    r"wachtlijst", r"wacht(en|lijst)?\b.{0,40}\b(verpleeghuis|plek|plaats)", r"wlz[- ]?pgb", r"pgb\b.{0,20}\bwlz",
    r"\bvpt\b", r"\bmpt\b", r"volledig\s+pakket", r"modulair\s+pakket", r"zorgkantoor",
    # English: "on the waiting list for a nursing home", "Wlz personal budget", "full package at home"
    r"waiting\s+list", r"wait(ing)?\b.{0,40}\b(nursing\s+home|care\s+home|place|bed)\b", r"wlz[- ]?(personal\s+)?budget",
    r"(personal\s+budget|pgb)\b.{0,20}\bwlz", r"(full|modular)\s+package", r"care\s+office",
)
HAS_WLZ_INDICATIE = _words(
    r"(heeft|heb|hebben|met|kreeg|gekregen)\s+(al\s+|sinds\s+\w+\s+(\d{4}\s+)?)?(een\s+)?wlz[- ]?indicatie(?!\s+(nodig|aan))",
    # "mijn moeder kreeg haar Wlz-indicatie" (not "het CIZ heeft zijn Wlz-indicatie ingetrokken")
    r"\b(kreeg|kregen|gekregen|ontving|ontvangen)\s+(zijn|haar|mijn|onze|hun)\s+wlz[- ]?indicatie",
    r"(heeft|heb|hebben)\s+(\w+\s+){0,2}(een\s+)?indicatie\s+(voor|van)\s+(de\s+)?wlz",
    r"(heeft|heb|hebben)\s+al\s+(een\s+)?indicatie(?!\s+(nodig|aan))",
    r"wlz[- ]?indicatie\s+(heeft|is|gekregen|toegekend)", r"indicatie\s+(van|voor)\s+(het\s+)?ciz",
    r"wlz[- ]?(cli[eë]nt|zorg)", r"zorgprofiel",
    r"(mijn|zijn|haar|de)\s+(wlz[- ]?)?indicatie\s+(\w+\s+){0,3}(te\s+laag|lager|verlaagd|omlaag)",
    r"\b(woont|wonen|zit|zitten|verblijft)\b.{0,30}\b(in|op)\s+((een|het|de|zijn|haar)\s+)?(verpleeghuis|verzorgingshuis|zorginstelling|instelling)",
    # English: "she has a Wlz indication", "he lives in a nursing home", "Wlz client", "care profile"
    r"\b(has|have|had|got|with)\s+(already\s+)?(an?\s+)?wlz[- ]?(indicati\w+|assessment)(?!\s+(needed|request))",
    r"\b(got|received|has\s+(just\s+)?(got|received))\s+(his|her|my|our|their)\s+wlz[- ]?indicati\w*",
    r"\b(has|have)\s+(\w+\s+){0,2}(an?\s+)?(indication|assessment)\s+(for|from)\s+(the\s+)?(wlz|ciz)\b",
    r"wlz[- ]?(client|care)\b", r"care\s+profile",
    r"\b(lives?|living|stays?|staying|is)\b.{0,30}\bin\s+(an?\s+|the\s+|his\s+|her\s+)?(nursing\s+home|care\s+home|care\s+institution|residential\s+care)",
)
WLZ_CARE = _words(
    r"verpleeghuis", r"verzorgingshuis", r"\bwlz\b", r"24\s*uur", r"24-uurs",
    r"dag\s+en\s+nacht\s+(zorg|toezicht|hulp|verzorging|iemand|begeleiding)",
    r"(nooit(\s+meer)?|niet\s+meer)\s+alleen\s+(worden\s+)?(gelaten|zijn|blijven)",
    r"geen\s+(moment|minuut|seconde)\s+(meer\s+)?alleen\s+(laten|gelaten)",
    r"(altijd|steeds|voortdurend|continu)\s+iemand\s+(\w+\s+){0,3}(nodig|bij\s+zich|in\s+de\s+buurt)",
    r"(de\s+)?hele\s+dag\s+(zorg|toezicht)", r"permanent\s+toezicht", r"zorginstelling", r"langdurige\s+zorg",
    r"wlz[- ]?indicatie",
    # English: "a nursing home", "supervision day and night", "she can never be left alone", "24/7 care"
    # "care day and night", "someone with him day and night"; not "I'm with him day and night" (the carer)
    r"nursing\s+home", r"care\s+home", r"(care|supervision|someone|somebody|help|attention)\s+(\w+\s+){0,3}day\s+and\s+night",
    r"day\s+and\s+night\s+(care|supervision|help)", r"round[- ]the[- ]clock", r"24/7", r"long[- ]term\s+care",
    r"\b(never|can'?t|cannot|must\s+not)\s+be\s+(left\s+)?alone", r"constant\s+(supervision|care)", r"wlz[- ]?indicati",
)
ZVW_CARE = _words(
    # every form of the verb: "wassen", "gewassen", "douchen", "gedoucht", "aankleden", "aangekleed"
    r"wijkverple", r"wijkzuster", r"thuisverpleging", r"\b(ge)?wassen\b", r"\b(ge)?douch(en|t)\b",
    r"\baan\s*(te\s+|ge)?kle(den|ed|edt)\b", r"\buit\s*(te\s+|ge)?kle(den|ed|edt)\b", r"steunkousen", r"wond(zorg|verzorging)", r"persoonlijke\s+verzorging",
    # "iemand die mijn wond verzorgt en de drain controleert": nursing at home
    r"\bwond(en)?\s+(\w+\s+){0,2}(te\s+)?(verzorg|verbind|schoonma|verbinden)\w*", r"\b(verzorg|verbind)\w*\s+(\w+\s+){0,2}wond",
    r"\bdrain\b", r"\binjectie",
    r"insuline", r"\bzvw\b",
    # English: "the district nurse", "help to shower and get dressed", "wash her", "wound care", "insulin"
    r"district\s+nurs", r"home\s+nurs", r"\bnurse\s+(at|comes\s+to)\s+(my\s+|the\s+)?home", r"wound\s+care", r"personal\s+care",
    r"\b(wash|washing|shower|showering|bathe|bathing)\s+(me|him|her|myself|himself|herself)\b",
    r"\bhelp\w*\s+(\w+\s+){0,3}(wash|washing|shower|showering|bath|bathe|bathing|dressing)\b(?!\s+up)",
    r"\b(get|getting|gets)\s+(\w+\s+){0,2}(dressed|undressed)\b",
    r"\bput\s+on\s+(my|his|her|their)\s+(socks|shoes|clothes|stockings)\b",
    r"\b(get|getting|gets)\s+(\w+\s+)?(washed|showered)\b",
    r"compression\s+stockings", r"\binsulin\b", r"\binjections?\b",
)
# "transport" to day care or the shops is Wmo; "transport to the hospital" is not (the insurer's)
TRANSPORT = r"\btransport\b(?!\s+(naar|to)\s+(het\s+|the\s+|a\s+)?(ziekenhuis|hospital))"
WMO_CARE = _words(
    r"huishoud", r"schoonma", r"poets", r"dagbesteding", r"begeleiding", r"hulpmiddel", r"rolstoel", r"scootmobiel",
    r"traplift", r"woningaanpassing", r"aanpassing\s+(in|aan)\s+(mijn|het|de)\s+(huis|woning)", r"vervoer",
    r"jeugdhulp", r"jeugdzorg", r"jeugd[- ]?ggz", r"(kinder|jeugd)psycholo", r"opvoed(ondersteuning|hulp|ingsondersteuning)",
    r"gezinscoach", r"hulp\s+in\s+(en\s+om\s+)?(het\s+)?huis\b", r"orth?opedagoog", r"kinderpsychiater",
    r"\bbadkamer\b", r"(aan|in)\s+(het|ons|mijn|de)\s+huis\s+(\w+\s+){0,2}(gebeuren|aanpassen|aangepast|veranderen|verbouwen)", r"boodschappen", r"beschermd\s+wonen", r"respijt", r"logeer",
    r"logeren", r"ontlast", r"administratie", r"(post|rekeningen|geldzaken|financi[eë]n|papieren)\b.{0,30}\b(bijhouden|bij\s+te\s+houden|regelen|overzicht)",
    r"(bijhouden|overzicht)\b.{0,20}\b(post|rekeningen|geldzaken|financi[eë]n)", r"ergens\s+heen\b.{0,20}\b(overdag|mensen)",
    r"(mensen|anderen|lotgenoten)\s+(te\s+)?(zien|ontmoeten|spreken)", r"eenzaam", r"de\s+was\s+doen", r"maaltijd",
    # English: "household help", "a cleaner", "day care", "a support worker", "a wheelchair", "a stairlift",
    # "adapting the bathroom", "transport", "youth care", "respite care", "shopping", "meals", "lonely"
    r"household\s+help", r"home\s+help", r"\bcleaning\b", r"\bcleaner\b", r"day\s*(care|activities|centre|center)",
    r"support\s+worker", r"(personal|individual)\s+support", r"\bguidance\b", r"mobility\s+(scooter|aid)", r"wheelchair",
    r"stair\s*lift", r"\bwalker\b", r"walking\s+(aid|frame)",
    r"(home|house)\s+(adaptation|modification)s?", r"adapt\w*\s+(\w+\s+){0,2}(house|home|bathroom|toilet)",
    TRANSPORT, r"youth\s+(care|services|mental\s+health|worker)", r"child\s+psycholog", r"parenting\s+support",
    r"sheltered\s+housing", r"respite", r"\bshopping\b", r"\bmeals?\b", r"\blonely\b",
)
# The law named without a kind of care ("moet ik naar het Wmo-loket?"): the gemeente, unless
# the care named is wijkverpleging.
WMO_NAME = _words(r"\bwmo\b")
# "Wet langdurige zorg" written out is the Wlz.
WLZ_NAME = re.compile(r"\bwet\s+langdurige\s+zorg\b|\blong[- ]term\s+care\s+act\b", re.IGNORECASE)


# "het huishouden doe ik zelf wel, ze heeft hulp nodig bij het douchen": the Wmo care is not asked for.
WMO_DONE_ALONE = _words(r"(huishoud\w*|schoonma\w*|poets\w*)\s+(\w+\s+){0,2}(doe|doen|kan|kunnen|red|redden)\s+(ik|we|wij)\s+"
                        r"(\w+\s+)?(zelf|wel)\b")


# "hij wil geen verpleeghuis": a place refused is not the care asked for.
WLZ_PLACE_REFUSED = _words(r"\b(geen|niet\s+(naar|in)\s+(een|het)|nooit\s+(naar|in)\s+(een|het))\s+"
                           r"(verpleeghuis|verzorgingshuis|zorginstelling|instelling)\w*",
                           # "ze is geen Wlz-geval", "she's not a Wlz case": the Wlz is ruled out
                           r"\bgeen\s+wlz[- ]?(geval|zaak|cli[eë]nt)", r"\bnot\s+a\s+wlz[- ]?(case|client)",
                           # English: "she does not want to go into a home", "no nursing home for him"
                           r"\b(doesn'?t|does\s+not|don'?t|do\s+not|won'?t|will\s+not|never)\s+(\w+\s+){0,2}(want\s+to\s+)?"
                           r"(go|move)\s+(in|into|to)\s+(a|the)\s+(nursing\s+home|care\s+home|home|institution)",
                           r"\bno\s+(nursing|care)\s+home\b")


# "ze heeft geen Wlz", "alleen een rolstoel via de gemeente": care not had, or had already, is not the
# care asked for.
NOT_ASKED_FOR = _words(r"(?<!nog\s)\bgeen\s+(wlz|wlz[- ]?indicatie)\b(\s+of\s+zo)?"
                       r"(?!.{0,60}\b(aanvra\w*|aan\s+(te\s+)?vragen|krijgen|krijg|vraag\s+(ik|we)\s+(die|dat|het)\s+aan)\b)",
                       r"\b(alleen|al|heeft|heb|hebben)\s+(\w+\s+){0,2}(rolstoel|scootmobiel|traplift|hulpmiddel\w*|"
                       r"huishoudelijke\s+hulp)\s+(\w+\s+)?(via|van)\s+de\s+(gemeente|wmo)\b")


def aanvraag_organisation(text: str) -> str | None:
    """Where an application for the care named in `text` goes, or None when no care is named.

    zorgkantoor: Wlz care once the indicatie exists (waiting list, Wlz-pgb, vpt, mpt);
    ciz: a Wlz indicatie (24-hour care or supervision, verpleeghuis); zorgverzekeraar:
    wijkverpleging and personal care at home (washing, dressing); gemeente: Wmo and Jeugdwet.
    """
    text = NOT_ASKED_FOR.sub(" ", WLZ_PLACE_REFUSED.sub(" ", WLZ_NAME.sub("wlz", text)))
    wlz_client = bool(HAS_WLZ_INDICATIE.search(text)) and not APPLYING_FOR_WLZ.search(text)
    if wlz_client or (WLZ_AFTER_INDICATIE.search(text) and WLZ_CARE.search(text)):
        return "zorgkantoor"  # the Wlz indicatie exists: the zorgkantoor arranges the care
    if WLZ_CARE.search(text):
        return "zorgkantoor" if wlz_client else "ciz"
    if ZVW_CARE.search(text) and (not WMO_CARE.search(text) or WMO_DONE_ALONE.search(text)):
        return "zorgverzekeraar"
    if WMO_CARE.search(text) or WMO_NAME.search(text):
        return "gemeente"
    if WLZ_AFTER_INDICATIE.search(text):
        return "zorgkantoor"
    return None


# The Wmo and Jeugdwet care an application at the gemeente is for, in the citizen's words (first named wins).
GEMEENTE_CARE_NAMES = (
    (N_("dagbesteding"), _words(r"dagbesteding", r"day\s*(care|activities|centre|center)")), (N_("huishoudelijke hulp"), _words(r"huishoud", r"schoonma", r"poets", r"household\s+help", r"home\s+help", r"\bclean(ing|er)\b")),
    (N_("begeleiding"), _words(r"begeleiding", r"support\s+worker", r"(personal|individual)\s+support")), (N_("een rolstoel"), _words(r"rolstoel", r"wheelchair")),
    (N_("een scootmobiel"), _words(r"scootmobiel", r"mobility\s+scooter")), (N_("een traplift"), _words(r"traplift", r"stair\s*lift")),
    (N_("een aanpassing van uw huis"), _words(r"woningaanpassing", r"aanpassing\s+(in|aan)\s+(mijn|het|de)\s+(huis|woning)",
                                         r"\bbadkamer\b", r"huis\s+(\w+\s+){0,2}(aanpassen|aangepast|verbouwen)",
                                         r"(home|house)\s+(adaptation|modification)", r"adapt\w*\s+(\w+\s+){0,2}(house|home|bathroom)")),
    (N_("vervoer"), _words(r"vervoer", TRANSPORT)), (N_("jeugdhulp"), _words(r"jeugdhulp", r"jeugdzorg", r"jeugd[- ]?ggz", r"orth?opedagoog",
                                                           r"(kinder|jeugd)psycholo", r"kinderpsychiater",
                                                           r"youth\s+(care|services|mental\s+health)")),
    (N_("logeeropvang"), _words(r"logeer", r"logeren", r"respijt", r"respite")),
)


def gemeente_care(text: str) -> str | None:
    """The Wmo or Jeugdwet care named, as the advice calls it ("dagbesteding"), or None."""
    text = NOT_ASKED_FOR.sub(" ", text)  # "ze heeft al huishoudelijke hulp via de gemeente, nu een scootmobiel"
    return next((care for care, words in GEMEENTE_CARE_NAMES if words.search(text)), None)


def names_care(text: str) -> bool:
    """The text names a kind of care or aid (a wheelchair, wijkverpleging, a verpleeghuis), not only an organisation."""
    return any(words.search(text) for words in (WLZ_CARE, ZVW_CARE, WMO_CARE))


# Someone still applying for (or refused) a Wlz indicatie is not yet a Wlz client.
APPLYING_FOR_WLZ = _words(
    r"(indicatie|wlz)\b.{0,50}(aanvra|aangevraagd|afgewezen|geweigerd|niet\s+toegekend)",
    r"ciz\b.{0,50}(aangevraagd|afgewezen|geweigerd|niet\s+toegekend)",
    r"(aanvra|aangevraagd|afgewezen|geweigerd)\w*\b.{0,50}(indicatie|ciz|wlz)", r"nog\s+geen\s+(wlz[- ]?)?indicatie",
    r"geen\s+wlz",
    # English: "applied for a Wlz indication", "the CIZ turned it down", "no indication yet"
    r"(indicati\w*|assessment|wlz)\b.{0,50}(appl(y|ied|ying|ication)|refused|rejected|turned\s+down|denied)",
    r"ciz\b.{0,50}(appl(y|ied|ying|ication)|refused|rejected|turned\s+down|denied)",
    r"\b(appl(y|ied|ying)|refused|rejected|turned\s+down|denied)\b.{0,50}(indicati|ciz|wlz|assessment)",
    r"\b(no|not\s+yet\s+an?)\s+(wlz\s+)?(indicati\w+|assessment)", r"\bno\s+wlz\b",
)


def is_wlz_client(text: str, about: str | None = None) -> bool:
    """Someone with a Wlz indicatie (verpleeghuis, Wlz care at home, Wlz-pgb), as far as `text` says."""
    text = WLZ_NAME.sub("wlz", text)
    if APPLYING_FOR_WLZ.search(text):
        return False
    return bool(HAS_WLZ_INDICATIE.search(text) or WLZ_AFTER_INDICATIE.search(text)) or about == "zorgkantoor"


def clientondersteuning_organisation(text: str, about: str | None = None) -> str:
    """Who offers free cliëntondersteuning (routes.md §4): the zorgkantoor for a Wlz client;
    the gemeente otherwise, also before a Wlz indicatie exists (Wmo 2.2.4)."""
    return "zorgkantoor" if is_wlz_client(text, about) else "gemeente"


# Complaints about a care provider: the Wkkgz covers Zvw and Wlz care, not Wmo help or jeugdhulp.
JEUGD_PROVIDER = _words(r"jeugdhulp", r"jeugdzorg", r"jeugd-?ggz", r"gezinshuis", r"pleegzorg", r"jeugdinstelling",
                        r"youth\s+(care|services|mental\s+health|worker)", r"foster\s+(care|family|home)", r"family\s+home")
WMO_PROVIDER = _words(
    r"huishoud", r"schoonma", r"poets", r"thuishulp", r"hulp\s+in\s+de\s+huishouding", r"dagbesteding",
    r"begeleid", r"beschermd\s+wonen", r"\bwmo\b", r"hulpmiddel", r"rolstoel", r"scootmobiel", r"taxi", r"vervoer",
    # English: "the home help", "the cleaning company", "the day care centre", "the support worker"
    r"household\s+help", r"home\s+help", r"\bcleaning\b", r"\bcleaners?\b", r"day\s*(care|activities|centre|center)",
    r"support\s+worker", r"sheltered\s+housing", r"wheelchair", r"mobility\s+scooter", TRANSPORT,
)


# Care in a Wlz setting is Wlz care (Wkkgz), whatever it is about: "in de rolstoel helpen in het verpleeghuis".
WLZ_PROVIDER = _words(r"verpleeghuis", r"verzorgingshuis", r"woonzorgcentrum", r"\bwlz", r"nursing\s+home", r"care\s+home", r"residential\s+care")


# Nursing at home is Zvw care (Wkkgz), also when the nurse cleans a wound: "the district nurse was rough".
NURSING_PROVIDER = _words(r"district\s+nurs", r"home\s+nurs", r"community\s+nurs", r"\bwound", r"\binsulin", r"\binjections?\b")


def provider_law(text: str) -> str:
    """'jeugd', 'wmo' or 'wkkgz': which complaint rules apply to a care provider in `text`."""
    if JEUGD_PROVIDER.search(text):
        return "jeugd"
    if NURSING_PROVIDER.search(text):
        return "wkkgz"
    if WMO_PROVIDER.search(text) and not WLZ_PROVIDER.search(text):
        return "wmo"
    return "wkkgz"


# Knowledge cards that ground each piece of advice (the API adds their titles as sources).
ROUTE_CARDS: dict[str, tuple[str, ...]] = {
    "bezwaar": ("klacht-of-bezwaar", "bezwaar-termijn", "bezwaarschrift-inhoud"),
    "beroep": ("beroep-rechtbank", "bezwaar-termijn"),
    "klacht": ("klacht-wat-is-het", "klachtbrief-inhoud", "klacht-afhandeltermijn"),
    "klacht_en_bezwaar": ("klacht-en-bezwaar-samen", "bezwaar-termijn", "bezwaarschrift-inhoud"),
    "ingebrekestelling": ("ingebrekestelling", "dwangsom"),
    "aanvraag_gemeente": ("wmo-melding", "keukentafelgesprek"),
    "aanvraag_ciz": ("wlz-indicatie-aanvragen", "ciz-wat-doet"),
    "aanvraag_zorgkantoor": ("zorgplicht-wachtlijst", "verpleeghuis-wachten", "wlz-leveringsvormen"),
    "aanvraag_zorgverzekeraar": ("wijkverpleging-zvw",),
    "ombudsman_gemeente": ("ombudsman-gemeentelijk", "ombudsman-wanneer"),
    "ombudsman": ("ombudsman-nationale", "ombudsman-wanneer"),
    "zorgverzekeraar": ("zorgverzekeraar-klacht", "kizi"),
    "zorgaanbieder": ("klacht-zorgaanbieder-wkkgz", "klachtenfunctionaris", "geschilleninstantie"),
    "zorgaanbieder_wmo": ("klacht-wmo-jeugd-aanbieder", "klacht-ingehuurde-organisatie"),
    "deadline_moved": ("termijn-tellen-feestdagen",),
    "deadline_passed": ("bezwaar-te-laat",),
    "deadline_close": ("bezwaar-pro-forma",),
    "clientondersteuning_zorgkantoor": ("clientondersteuning-wlz",),
    "clientondersteuning_gemeente": ("clientondersteuning-wmo",),
    "relative": ("machtiging",),
    "crisis": ("crisis-hulp",),
}
