"""When a person must take over at once (routes.md §5): danger, thoughts of suicide, urgency.

Words, not a classifier: a citizen in danger must never depend on how well a model learned a
phrasing. Used by the bot's NLU (bot/components/word_rules.py makes any such message a
`crisis`) and by `action_crisis`, which picks what to say: 112 only on danger, 113 only on
thoughts of suicide, and for urgency (care stops, eviction) no emergency numbers but what can be
done now.
"""
from __future__ import annotations

import re

SUICIDE = re.compile(
    r"zelfmoord|zelfdoding|su[iï]c[iï]d|\bdood\s+(gaan|willen)|wil\s+(dood|sterven)|"
    r"niet\s+meer\s+(leven|verder\s*leven|wakker\s+worden)|(eind|einde)\s+aan\s+(\w+\s+){0,2}leven|"
    r"\ber\s+(\w+\s+){0,2}een\s+eind(e)?\s+aan\s+(te\s+)?(maken|maak|breien|brei)\b|"
    # "ik maak er een eind aan", "misschien brei ik er een einde aan"
    r"\bik\s+(maak|brei)\s+er\s+(\w+\s+){0,2}een\s+eind(e)?\s+aan\b|\b(maak|brei)\s+ik\s+er\s+(\w+\s+){0,2}een\s+eind(e)?\s+aan\b|"
    r"(mezelf|mijzelf|zichzelf)\s+(iets\s+)?(aan\s*doen|van\s+het\s+leven\s+beroven|ophangen|doden)|"
    r"er\s+niet\s+meer\s+(willen\s+)?zijn|wil\s+er\s+niet\s+meer\s+zijn|(van\s+(de|een)\s+(brug|flat)|voor\s+de\s+trein)\s+springen|"
    r"\b113\b|het\s+leven\s+(niet\s+meer\s+)?zat|liever\s+dood|(wil|willen|zou|zo)\s+(\w+\s+){0,4}(dood|sterven|doodgaan)\b|"
    r"(pillen|tabletten|medicijnen)\b.{0,40}\b(slikken|sparen|opsparen|gespaard|opgespaard|verzameld|innemen|genomen|"
    r"in\s+(één|een)\s+keer)|(gespaard|opgespaard|verzameld)\b.{0,20}\b(pillen|tabletten|medicijnen)|"
    r"(als|dat|wanneer)\s+ik\s+er\s+(\w+\s+){0,2}niet\s+meer\s+(ben|zou\s+zijn)|(beter|fijner)\s+(\w+\s+){0,4}zonder\s+mij\b|zie\s+het\s+(\w+\s+){0,2}niet\s+meer\s+zitten|"
    r"(in|op)\s+(één|een)\s+keer\s+(al\s+)?(mijn\s+|de\s+|alle\s+)*(pillen|tabletten|medicijnen)|"
    r"niet\s+meer\s+(hoeven|willen)\s+(te\s+)?(leven|wakker)|"
    r"ertussenuit\s+stappen|uit\s+het\s+leven\s+stappen|een\s+eind(e)?\s+aan\s+(te\s+)?maken|"
    r"zie\s+(ik|ze|hij)\s+het\s+(\w+\s+){0,2}niet\s+meer\s+zitten",
    re.IGNORECASE,
)
DANGER = re.compile(
    r"\bin\s+gevaar|geweld|\b(slaat|sloeg)\b(?!\s+(\w+\s+){0,2}(nergens|niks|niets|kant|alarm|dicht)\b)|geslagen|\bschopt\b|mishandel|bedreig|"
    r"dreigt\s+(me|mij|haar|hem|ons)\s+(te\s+)?(slaan|vermoorden|iets\s+aan)|"
    r"((gaat|gaan|zal|zullen)\s+(me|mij|haar|hem|ons)|(me|mij|haar|hem|ons)\s+(gaat|gaan|zal|zullen))\s+(\w+\s+)?"
    r"(slaan|vermoorden|pijn\s+doen|iets\s+aandoen)|\bbrand\b|rook\s+in\s+huis|"
    r"\b(veel\s+)?bloed(t|ing)?\b|bewusteloos|ademt\s+niet|reageert\s+niet\s+meer|niet\s+(meer\s+)?wakker\s+te\s+krijgen|"
    r"(gevallen|ligt\s+op\s+de\s+grond)\s+en\s+(kan|komt)\s+niet\s+(meer\s+)?(op|overeind)|\bmes\b|wapen|vermoord|"
    r"\b112\b|onveilig\s+(thuis|in\s+huis)|aangevallen|gas\s+(lekt|ruik)",
    re.IGNORECASE,
)
_SOON = r"(morgen|vanavond|vannacht|overmorgen|vandaag|per\s+direct|direct|meteen|deze\s+week|dit\s+weekend|maandag|volgende\s+week)"
_STOPS = r"(stopt|stoppen|gestopt|stopgezet|ophoudt|beëindigd|eindigt|(mag|mogen|kan|kunnen)\s+(\w+\s+){0,2}niet\s+meer\s+(heen|naartoe)|weg\s*valt|wegvalt|komt\s+(er\s+)?(\w+\s+){0,2}niemand|is\s+(er\s+)?niemand|niemand\s+(komt|is)|geen\s+(zorg|hulp|begeleiding|thuiszorg))"
URGENT = re.compile(
    rf"\b{_SOON}\b.{{0,80}}\b{_STOPS}|\b{_STOPS}\b.{{0,60}}\b{_SOON}\b|\bkomt\s+(er\s+)?{_SOON}\s+niemand\b|"
    rf"\b(komt|komen)\s+(\w+\s+){{0,3}}{_SOON}\s+niet\b|"
    r"(huis|woning)\s+uit\s+(moet|moeten|gezet)|moet(en)?\s+(\w+\s+){0,5}(huis|woning)\s+uit\b|"
    r"uit\s+((mijn|ons|onze|zijn|haar|het|de)\s+)?(huis|woning)\s+(\w+\s+){0,2}gezet|(huis)?uitzetting|ontruim|op\s+straat\s+(staan|komen|belanden|gezet)|dakloos|"
    r"geen\s+(eten|plek\s+om\s+te\s+slapen|slaapplek)|"
    # "de woningbouw dreigt me eruit te zetten": an eviction told with the landlord or the rent
    r"(woningbouw\w*|verhuurder|woningcorporatie|corporatie|huisbaas|huur\w*)\b.{0,80}\b(eruit|er\s+(\w+\s+)?uit)\s+(te\s+)?(zetten|gezet|zet)\b",
    re.IGNORECASE,
)


# "hij is terminaal ziek en wil thuis sterven": where someone who is dying wants to die is palliative
# care, not a thought of suicide (no 113).
DYING_AT_HOME = re.compile(
    r"\b(wil|willen|wilde|wilden|mag|mogen)\s+(\w+\s+){0,2}(thuis|in\s+(zijn|haar|mijn|ons|het)\s+(eigen\s+)?"
    r"(bed|huis|omgeving)|in\s+(een|het)\s+hospice)\s+(\w+\s+)?(sterven|overlijden|doodgaan)\b",
    re.IGNORECASE,
)


PALLIATIVE = re.compile(r"terminaal|palliati\w*|uitbehandeld|ongeneeslijk|hospice|laatste\s+(fase|levensfase|weken)|"
                        r"stervensfase", re.IGNORECASE)
OWN_WISH_OR_DESPAIR = re.compile(r"\bik\s+(wil|zou|mag|ga)\b|niet\s+meer|liever|overal\s+vanaf|vannacht|vandaag|"
                                 r"niemand\s+mist", re.IGNORECASE)


def _without_a_dying_persons_wish(text: str) -> str:
    """The text without "hij wil thuis sterven" when someone else is dying (palliative words) and no
    wish or despair of the writer's own is in it; otherwise the text as it is."""
    if PALLIATIVE.search(text) and not OWN_WISH_OR_DESPAIR.search(text):
        return DYING_AT_HOME.sub(" ", text)
    return text


def signals(text: str) -> set[str]:
    """The signals in a message: any of "danger", "suicide", "urgent"."""
    found = set()
    if DANGER.search(text):
        found.add("danger")
    if SUICIDE.search(_without_a_dying_persons_wish(text)):
        found.add("suicide")
    if URGENT.search(text):
        found.add("urgent")
    return found


# Someone the guide should offer a person even while it answers the case (routes.md §5).
ANGRY = re.compile(
    r"woedend|razend|\bkwaad\b|\bboos\b|ben\s+het\s+(zo\s+)?zat|spuugzat|schandalig|belachelijk|"
    r"ik\s+word\s+(er\s+)?gek|wanhopig|radeloos|ten\s+einde\s+raad|trek\s+(het|dit|dat)\s+(echt\s+)?niet\s+meer|"
    r"ik\s+ben\s+(zo|echt|heel|helemaal|zó)\s+(moe|op|uitgeput|kapot|verdrietig)\b|"
    # "ik kan niet meer", "ik kan het niet meer aan"; not "ik kan niet meer poetsen" (a need, not despair)
    r"ik\s+kan\s+(het\s+)?(echt\s+)?niet\s+meer\b(?!\s+(zelf\s+|goed\s+|alleen\s+)?\w+en\b)|"
    r"(ik\s+)?weet\s+(het\s+)?niet\s+meer\s+(wat\s+ik\s+moet|waar\s+ik)|!!!",
    re.IGNORECASE,
)
SENT_AROUND = re.compile(
    r"kastje\s+naar\s+de\s+muur|van\s+(het\s+)?(ene|één)\s+naar\s+(het\s+)?(andere|ander)|wijzen\s+naar\s+elkaar|"
    r"(stuurt|sturen|stuurde|stuurden|verwijst|verwijzen|verwees|verwezen)\s+(mij|me|ons|haar|hem)\s+(\w+\s+){0,8}"
    r"(terug|door|weer)\b|niemand\s+(voelt\s+zich|is|wil\s+zich)\s+verantwoordelijk|(heen\s+en\s+weer|rondgestuurd)",
    re.IGNORECASE,
)


def person_reason(text: str) -> str | None:
    """'kastje_muur' or 'angry' when the words ask for a person to be offered, else None."""
    if SENT_AROUND.search(text):
        return "kastje_muur"
    if ANGRY.search(text):
        return "angry"
    return None


# The citizen asks for a person in so many words (routes.md §5).
ASKS_PERSON = re.compile(
    # "ik wil een medewerker", "kan ik een mens spreken"; not "ik wil klagen over de medewerker" (a klacht about them)
    r"\b(wil|kan|mag|zou|graag)\s+(ik\s+)?((?!(over|klagen|klaag|melden|tegen)\b)(?!dat\s+(de|die|deze|hun|zijn|haar)\b)\w+\s+){0,3}(een\s+)?"
    r"(medewerkers?|mens|persoon|iemand\s+echt)\s*((\w+\s+)?(spreken|bellen|praten)|aan\s+de\s+lijn)?\b|"
    r"\b(met|een)\s+(echte\s+)?(medewerker|mens|persoon)\s+(spreken|praten)|"
    r"\b(wil|kan|kunt|kunnen|wilt|graag)\s+(\w+\s+){0,3}(mij|me)\s+(\w+\s+)?terug\s*bellen\b|"
    r"\b(bel|belt\s+u)\s+(mij|me)\s+(maar|even|alstublieft|aub|a\.u\.b\.)|"
    # "ik wil iemand spreken", "een medewerker aan de lijn krijgen"; not "de medewerker aan de telefoon was bot"
    r"\b(iemand|een\s+medewerker)\s+(te\s+)?spreken\b|\b(iemand|een\s+medewerker)\s+aan\s+de\s+(telefoon|lijn)\s+(krijgen|hebben)\b",
    re.IGNORECASE,
)


def asks_for_person(text: str) -> bool:
    return bool(ASKS_PERSON.search(text))
