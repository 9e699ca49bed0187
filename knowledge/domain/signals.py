"""When a person must take over at once (routes.md §5): danger, thoughts of suicide, urgency.

Words, not a classifier: a citizen in danger must never depend on how well a model learned a
phrasing. Used by the bot's NLU (bot/components/word_rules.py makes any such message a
`crisis`) and by `action_crisis`, which picks what to say: 112 only on danger, 113 only on
thoughts of suicide, and for urgency (care stops, eviction) no emergency numbers but what can be
done now.

English (issue 13): each pattern carries English alternatives after its Dutch ones ("# English").
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
    r"zie\s+(ik|ze|hij)\s+het\s+(\w+\s+){0,2}niet\s+meer\s+zitten|"
    # English: "I want to kill myself", "I don't want to live anymore", "end my life", "better off without me"
    # (Dutch shares "want" and "die": "want die krijgt niks" is no wish to die, so "to die" is asked for)
    r"\bkill(ing)?\s+myself|\b(end|ending|take|taking)\s+my\s+(own\s+)?life|\b(end|ending)\s+it\s+all\b|"
    r"\b(want|wanna|going|ready|thinking\s+(of|about))\s+(to\s+)?(end|ending)\s+it\b(?!\s*[.,;]?\s*(with|for|between|the|this|my|our))|"
    r"\b(want|wants|wish|wishes|going|ready)\s+(\w+\s+)?to\s+die\b|\bwanna\s+die\b|\bwish\s+i\s+(was|were)\s+dead|\brather\s+be\s+dead|"
    r"\b(don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(live|be\s+alive|exist|wake\s+up|be\s+here\s+any\s*more)|"
    r"\b(don'?t|do\s+not)\s+want\s+to\s+be\s+(here|around)\s+any\s*more|\bnot\s+(to\s+)?wak(e|ing)\s+up\s+any\s*more|"
    r"\bno\s+(point|reason)\s+(in|of|for|to\s+keep)\s+(living|going\s+on)\b(?!\s+with)|\bbetter\s+off\s+(dead|without\s+me)|"
    r"\b(want|wanna|going|gonna|will|keep|kept|urge)\s+(\w+\s+)?(to\s+)?(hurt|harm|cut)(ting)?\s+myself|\bself[-\s]?harm|"
    r"\bjump\s+(off|from)\s+(a|the)\s+(bridge|building|roof|flat)|"
    r"\bjump\s+in\s+front\s+of\s+(a|the)\s+train|\b(want|wanna|going|gonna|will)\s+(to\s+)?(take\s+)?(an\s+)?overdose|"
    r"\b(all\s+(of\s+)?my|a\s+whole\s+(box|bottle|strip)\s+of)\s+(pills|tablets|medication|medicines)\b|"
    r"\b(pills|tablets|medication|medicines)\b.{0,40}\b(saved\s+up|saving\s+up|collected|hoard\w*|all\s+at\s+once)\b|"
    r"\b(saved|collected|hoarded)\b.{0,20}\b(pills|tablets|medication|medicines)|"
    r"\b(if|when)\s+i\s+(was|were|am|'m)\s+(gone|dead|not\s+here|no\s+longer\s+(here|around))|"
    # "easier for everyone if I wasn't here", "I don't see the point anymore" (like "zie het niet meer zitten"),
    # "no reason to live", "I can't go on living"
    r"\b(if|when)\s+i\s+(wasn'?t|weren'?t|was\s+not|were\s+not)\s+(here|around|alive)\b|"
    r"\b(easier|better)\s+(\w+\s+){0,3}without\s+me\b|"
    r"\b(don'?t|do\s+not|can'?t|cannot)\s+see\s+(the|any)\s+point\s+(any\s*more|of\s+(living|life|going\s+on)|in\s+(living|life))|"
    r"\bno\s+(point|reason)\s+(to|in)\s+(live|living|go\s+on|going\s+on)|\bcan'?t\s+go\s+on\s+living\b|"
    r"\b(tired|sick)\s+of\s+(living|life|being\s+alive)\b",
    re.IGNORECASE,
)
DANGER = re.compile(
    r"\bin\s+gevaar|geweld|\b(slaat|sloeg)\b(?!\s+(\w+\s+){0,2}(nergens|niks|niets|kant|alarm|dicht)\b)|geslagen|\bschopt\b|mishandel|bedreig|"
    r"dreigt\s+(me|mij|haar|hem|ons)\s+(te\s+)?(slaan|vermoorden|iets\s+aan)|"
    r"((gaat|gaan|zal|zullen)\s+(me|mij|haar|hem|ons)|(me|mij|haar|hem|ons)\s+(gaat|gaan|zal|zullen))\s+(\w+\s+)?"
    r"(slaan|vermoorden|pijn\s+doen|iets\s+aandoen)|\bbrand\b|rook\s+in\s+huis|"
    r"\b(veel\s+)?bloed(t|ing)?\b|bewusteloos|ademt\s+niet|reageert\s+niet\s+meer|niet\s+(meer\s+)?wakker\s+te\s+krijgen|"
    r"(gevallen|ligt\s+op\s+de\s+grond)\s+en\s+(kan|komt)\s+niet\s+(meer\s+)?(op|overeind)|\bmes\b|wapen|vermoord|"
    r"\b112\b|onveilig\s+(thuis|in\s+huis)|aangevallen|gas\s+(lekt|ruik)|"
    # English: "my husband hits me", "he threatens to kill me", "not breathing", "fire", "I'm not safe at home"
    r"\bin\s+danger\b|\bviolen(t|ce)\b|\babus(e|ed|es|ing|ive)\b|\bassault\w*|"
    r"\b(hits|hit|hitting|beats|beat|beating|kicks|kicked|kicking|punch\w*|slap\w*|attacks|attacked|chok\w*|strangl\w*)\s+"
    r"(me|her|him|us|my\s+\w+)\b(?!\s+(hard|with))|\bbeaten\b|\b(hurts|hurting)\s+(me|her|him|us)\b|"
    r"\bthreat\w*\s+(\w+\s+){0,3}(to\s+)?(kill|hurt|hit|beat|harm|attack|stab)\b|"
    r"\bthreat(en|ens|ened|ening)\s+(me|us|her|him|my\s+\w+)\b(?!\s+with\s+(a\s+|an\s+)?(fine|sanction|cut|reduction|letter|stop|complaint|"
    r"lawyer|court|police\s+report|bill|debt|collection|eviction\s+notice))|"
    r"\b(will|going\s+to|gonna|would)\s+(\w+\s+)?(kill|hurt|hit|beat|harm|stab)\s+(me|her|him|us)\b|\b(kill|murder)\s+(me|her|him|us)\b|"
    r"\b(a|the)\s+fire\b(?!\s+(brigade|department|service|alarm\s+test|exit|door|safety))|\bon\s+fire\b|\bfire\s+in\s+(the|my|our)\b|"
    r"\bsmoke\s+in\s+the\s+(house|flat|room)|\bbleed(s|ing)?\b|\b(lot\s+of|so\s+much)\s+blood\b|\bunconscious|"
    r"\b(not|isn'?t|stopped|stops)\s+breathing|\bunresponsive|"
    r"\b(fell|fallen|lying\s+on\s+the\s+(floor|ground))\b.{0,40}\b(can'?t|cannot|couldn'?t|unable\s+to)\s+(get|stand)\s+up|"
    r"\b(floor|ground)\b.{0,30}\b(doesn'?t|does\s+not|isn'?t|is\s+not|not)\s+(respond|responding|moving)|"
    r"\bknife\b|\bweapon|\b(a|his|her|the)\s+gun\b|\b(not|don'?t\s+feel)\s+safe\s+(at\s+home|in\s+(the|my|our)\s+house)|\bunsafe\s+at\s+home|"
    r"\bsmell\s+(of\s+)?gas|\bgas\s+leak",
    re.IGNORECASE,
)
_SOON = r"(morgen|vanavond|vannacht|overmorgen|vandaag|per\s+direct|direct|meteen|deze\s+week|dit\s+weekend|maandag|volgende\s+week)"
# English: "tomorrow", "tonight", "from Monday"; "stops", "nobody is coming", "won't come", "has to leave"
_SOON_EN = (r"(tomorrow|tonight|today|this\s+(evening|week|weekend)|immediately|right\s+away|"
            r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next\s+week|from\s+now\s+on)")
_STOPS_EN = (r"(stops|stopped|stopping|will\s+stop|ends|ending|will\s+end|closes|closing|cancel+ed|terminated|"
             r"(no\s+one|nobody|no-one)\s+(is\s+|will\s+)?(coming|come|comes|there|to\s+help)|(won'?t|will\s+not|isn'?t|is\s+not|not)\s+(be\s+)?coming|"
             r"(won'?t|will\s+not)\s+come|no\s+(more\s+)?(care|help|support|home\s+care|carer|nurse)|(has|have|must)\s+to\s+leave|must\s+leave|"
             r"(can'?t|cannot|not\s+allowed\s+to)\s+(\w+\s+){0,2}(go|come)\s+(there|back))")
_STOPS = r"(stopt|stoppen|gestopt|stopgezet|ophoudt|beëindigd|eindigt|(mag|mogen|kan|kunnen)\s+(\w+\s+){0,2}niet\s+meer\s+(heen|naartoe)|weg\s*valt|wegvalt|komt\s+(er\s+)?(\w+\s+){0,2}niemand|is\s+(er\s+)?niemand|niemand\s+(komt|is)|geen\s+(zorg|hulp|begeleiding|thuiszorg))"
URGENT = re.compile(
    rf"\b{_SOON}\b.{{0,80}}\b{_STOPS}|\b{_STOPS}\b.{{0,60}}\b{_SOON}\b|\bkomt\s+(er\s+)?{_SOON}\s+niemand\b|"
    rf"\b(komt|komen)\s+(\w+\s+){{0,3}}{_SOON}\s+niet\b|"
    r"(huis|woning)\s+uit\s+(moet|moeten|gezet)|moet(en)?\s+(\w+\s+){0,5}(huis|woning)\s+uit\b|"
    r"uit\s+((mijn|ons|onze|zijn|haar|het|de)\s+)?(huis|woning)\s+(\w+\s+){0,2}gezet|(huis)?uitzetting|ontruim|op\s+straat\s+(staan|komen|belanden|gezet)|dakloos|"
    r"geen\s+(eten|plek\s+om\s+te\s+slapen|slaapplek)|"
    # "de woningbouw dreigt me eruit te zetten": an eviction told with the landlord or the rent
    r"(woningbouw\w*|verhuurder|woningcorporatie|corporatie|huisbaas|huur\w*)\b.{0,80}\b(eruit|er\s+(\w+\s+)?uit)\s+(te\s+)?(zetten|gezet|zet)\b|"
    # English: "the care stops tomorrow", "nobody is coming tonight", "we are being evicted", "homeless"
    rf"\b{_SOON_EN}\b.{{0,80}}\b{_STOPS_EN}|\b{_STOPS_EN}\b.{{0,60}}\b{_SOON_EN}\b|"
    r"\bevict\w*|\bthrown\s+out\s+of\s+(my|our|the|his|her)\s+(house|home|apartment|flat)|"
    r"\b(throw|throwing|kick|kicking|put|putting)\w*\s+(me|us|him|her|them)\s+out\b|\bon\s+the\s+street\b|\bhomeless|"
    r"\bnowhere\s+to\s+(sleep|go|stay|live)|\bno\s+(food|place\s+to\s+sleep|roof)\b",
    re.IGNORECASE,
)


# "hij is terminaal ziek en wil thuis sterven": where someone who is dying wants to die is palliative
# care, not a thought of suicide (no 113).
DYING_AT_HOME = re.compile(
    r"\b(wil|willen|wilde|wilden|mag|mogen)\s+(\w+\s+){0,2}(thuis|in\s+(zijn|haar|mijn|ons|het)\s+(eigen\s+)?"
    r"(bed|huis|omgeving)|in\s+(een|het)\s+hospice)\s+(\w+\s+)?(sterven|overlijden|doodgaan)\b|"
    # English: "he is terminally ill and wants to die at home"
    r"\b(want|wants|wanted|wish|wishes|may|can)\s+(\w+\s+){0,2}(to\s+)?die\s+(at\s+home|in\s+(his|her|my|our|their)\s+own\s+"
    r"(bed|home|house)|in\s+(a|the)\s+hospice)\b",
    re.IGNORECASE,
)


PALLIATIVE = re.compile(r"terminaal|palliati\w*|uitbehandeld|ongeneeslijk|hospice|laatste\s+(fase|levensfase|weken)|"
                        r"stervensfase|"
                        r"terminal\w*|incurabl\w*|end\s+of\s+(his|her|their)?\s*life|last\s+(weeks|phase|stage)", re.IGNORECASE)
OWN_WISH_OR_DESPAIR = re.compile(r"\bik\s+(wil|zou|mag|ga)\b|niet\s+meer|liever|overal\s+vanaf|vannacht|vandaag|"
                                 r"niemand\s+mist|"
                                 r"\bi\s+(want|would|wish|will|am\s+going)\b|\bi'd\b|any\s*more|\brather\b|tonight|today|"
                                 r"nobody\s+(would\s+)?miss", re.IGNORECASE)


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
    r"(ik\s+)?weet\s+(het\s+)?niet\s+meer\s+(wat\s+ik\s+moet|waar\s+ik)|!!!|"
    # English: "I'm furious", "fed up", "I can't take it anymore", "I'm at my wits' end"
    r"\b(furious|livid|outrageous|ridiculous|disgrace\w*|shameful|desperate|pissed\s+off)\b|\b(so|really|very)\s+(angry|mad)\b|"
    r"\b(fed\s+up|sick\s+and\s+tired|sick\s+of\s+(it|this))\b|\b(going|drives?\s+me|driving\s+me)\s+(crazy|mad|insane)\b|"
    r"\bend\s+of\s+my\s+(rope|tether)|\bwits'?\s+end|\bcan'?t\s+(take|handle|do)\s+(it|this)\s+any\s*more|\b(i|we)\s+(just\s+)?can'?t\s+go\s+on\b|"
    r"\bi'?m\s+(so|really|completely|totally)\s+(tired|exhausted|done|drained|burned\s+out|burnt\s+out)\b|"
    r"\b(don'?t|do\s+not)\s+know\s+what\s+to\s+do\s+any\s*more|"
    # "I'm exhausted", "I can't keep carrying this any longer", "ik ben uitgeput", "ik hou het niet meer vol"
    r"\bi\s*('m|\s+am)\s+(\w+\s+)?(exhausted|burned\s+out|burnt\s+out|worn\s+out)\b|"
    r"\b(i|we)\s+(just\s+|really\s+)?can'?t\s+(keep\s+)?(carry|carrying|cope|coping|bear|bearing)\b.{0,40}?\bany\s*(more|longer)\b|"
    r"\b(i|we)\s+(just\s+|really\s+)?can'?t\s+cope\b|\bcan'?t\s+keep\s+(this|it)\s+up\b|"
    # "this whole system is a joke and you are useless", "ARE YOU SERIOUS??"; not "my wheelchair is useless"
    r"\b(you|this\s+(\w+\s+)?(system|chat|bot|website|service)|it\s+all)\s+(is|are|'re)\s+(\w+\s+)?(a\s+joke|useless)\b|"
    r"\byou('re|\s+are)\s+(just\s+)?(as\s+)?useless\b|\bare\s+you\s+(serious|kidding)\b|"
    r"\bik\s+ben\s+(\w+\s+)?(uitgeput|overbelast|opgebrand)\b|\bhou\s+(het|dit)\s+(\w+\s+)?niet\s+(meer\s+)?vol\b",
    re.IGNORECASE,
)
SENT_AROUND = re.compile(
    r"kastje\s+naar\s+de\s+muur|van\s+(het\s+)?(ene|één)\s+naar\s+(het\s+)?(andere|ander)|wijzen\s+naar\s+elkaar|"
    r"(stuurt|sturen|stuurde|stuurden|verwijst|verwijzen|verwees|verwezen)\s+(mij|me|ons|haar|hem)\s+(\w+\s+){0,8}"
    r"(terug|door|weer)\b|niemand\s+(voelt\s+zich|is|wil\s+zich)\s+verantwoordelijk|(heen\s+en\s+weer|rondgestuurd)|"
    # English: "from pillar to post", "they send me back and forth", "they point at each other", "nobody feels responsible"
    r"\bpillar\s+to\s+post|\bback\s+and\s+forth\b|\bback\s+(at|to)\s+(the\s+start|square\s+one)\b|"
    r"\b(don'?t|do\s+not)\s+know\s+(who|where)\s+(else\s+)?(to|i\s+(should|can))\s+(ask|turn\s+to|call|go)(\s+to)?\s+any\s*more\b|\b(point|pointing|points)\s+(at|to)\s+each\s+other|\bblame\s+each\s+other|"
    r"\b(send|sends|sent|sending|refer|refers|referred|redirect\w*|bounced|passed)\s+(me|us|her|him)\s+(\w+\s+){0,3}"
    r"(around|on(?!\s+(my|the|your|their|his|her|our|a|an)\b)|back|elsewhere|to\s+someone\s+else)\b|\b(nobody|no\s+one|no-one)\s+(feels|is|takes|wants\s+to\s+(be|take))\s+"
    r"(\w+\s+)?responsib|\bpass(ing)?\s+the\s+buck|\b(going|go|went|sent)\s+(\w+\s+)?(round\s+)?in\s+circles|merry-go-round",
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
    r"\b(iemand|een\s+medewerker)\s+(te\s+)?spreken\b|\b(iemand|een\s+medewerker)\s+aan\s+de\s+(telefoon|lijn)\s+(krijgen|hebben)\b|"
    # English: "can I talk to a real person", "please call me back", "transfer me to a human";
    # not "I spoke to someone at the council" or "they promised to call me back"
    r"\b(can|could|may|want\s+to|wanna|like\s+to|need\s+to|prefer\s+to|possible\s+to|let\s+me)\s+(i\s+|we\s+)?(please\s+)?(talk|speak|chat)\s+"
    r"(to|with)\s+(a\s+|an\s+|some\s+)?(real\s+|actual\s+|live\s+)?(person|human|employee|someone|somebody|staff|agent|caseworker|"
    r"colleague|advis[oe]r|people)\b|^\W*(speak|talk)\s+(to|with)\s+(a\s+)?(human|person)\b|"
    r"\b(person|human|someone|somebody)\s+(i|we)\s+can\s+(talk|speak)\s+(to|with)\b|"
    r"\b((i|we)\s+(want|prefer)|give\s+me)\s+(a\s+|an\s+)?(real\s+|actual\s+)?(human|person|employee|agent)\b|"
    r"\b(real\s+person|human\s+being|human|agent|employee)\s+please\b|^\W*(human|agent|real\s+person)\W*$|"
    r"\b(please|can|could|would|will)\s+(you\s+|someone\s+|somebody\s+|anyone\s+|a\s+staff\s+member\s+|an\s+employee\s+|"
    r"a\s+person\s+|one\s+of\s+your\s+colleagues\s+|(someone|somebody|anyone)\s+(from|of|at)\s+your\s+(office|team|organi[sz]ation|service)\s+)?"
    r"(please\s+)?(call|phone|ring|contact)\s+(me|us)\b|"
    r"\b(like|want|need)\s+(someone|somebody|a\s+person|an\s+employee)\s+to\s+(call|phone|contact)\s+(me|us)\b|"
    r"\blet\s+(someone|somebody)\s+(call|phone|contact)\s+(me|us)\b|\b(get|have|request|want)\s+a\s+(callback|call-back|call\s+back)\b|"
    r"\b(connect|transfer|put)\s+me\s+(\w+\s+){0,2}(with|to|through)\b|\b(don'?t|do\s+not)\s+want\s+(to\s+talk\s+to\s+)?a\s+(bot|robot|computer)\b",
    re.IGNORECASE,
)


def asks_for_person(text: str) -> bool:
    return bool(ASKS_PERSON.search(text))
