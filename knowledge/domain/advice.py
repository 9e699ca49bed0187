"""What the guide tells a citizen about their case: one readable answer, a short summary first.

Pure and cited: the facts come from routes.md (the section is named at each text) and
from `routing` and `deadlines`. The bot's `action_give_advice` sends `Answer.text` as one
message and asks its one question afterwards; the tests run every route x organisation x
self/relative x deadline status through `compose` (tests/domain/test_advice_matrix.py).

Texts are B1 Dutch: short sentences, "u", one idea per sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from . import deadlines
from .case import Case
from .dates import format_date_nl
from .routing import (
    APPLICATION_DESKS,
    ORGANISATIONS,
    ROUTE_CARDS,
    advise,
    aanvraag_organisation,
    clientondersteuning_organisation,
    gemeente_care,
    provider_law,
)

# A letter that arrived at least this many days after its date: mention excusable lateness (Awb 6:11).
LATE_ARRIVAL_DAYS = 7
# Awb 7:10: the decision on bezwaar may take 12 weeks (advisory committee) after the bezwaar term,
# plus an extension of 6. Before 12 weeks since the bezwaar an ingebrekestelling is (almost
# always) premature; before 18 weeks it may be.
BEZWAAR_PERIOD_WEEKS = 12
BEZWAAR_PERIOD_EXTENDED_WEEKS = 18


@dataclass
class Answer:
    route: str
    organisation: str
    decision_date: date | None
    deadline: date | None
    summary: list[str]
    details: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    offer_person: bool = False  # a deadline within 7 days or passed (routes.md §5)

    @property
    def text(self) -> str:
        """The whole answer: the summary, then one line per detail.

        Single newlines: Rasa's REST channel cuts a text at blank lines into separate messages."""
        return "\n".join([" ".join(self.summary), *self.details])


def name(key: str | None) -> str:
    return ORGANISATIONS[key].name if key in ORGANISATIONS else "de organisatie"


def bezwaar_decision_period(org: str) -> str:
    """How long `org` may take to decide on a bezwaar (Awb 7:10: deadlines.BEZWAAR_DECISION_WEEKS)."""
    plain, committee, extension = deadlines.BEZWAAR_DECISION_WEEKS
    return (f"{capital(org)} beslist binnen {plain} weken na het einde van de bezwaartermijn. "
            f"Met een bezwaarcommissie is dat {committee} weken. Soms komen er nog {extension} weken bij.")


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def rest_day_name(day: date) -> str:
    holiday = deadlines.atw_holidays(day.year).get(day)
    if holiday:
        return holiday
    return "een zaterdag" if day.weekday() == 5 else "een zondag"


def where_next(case: Case) -> str:
    """The organisation the citizen goes to next (state.organisation)."""
    if case.route == "aanvraag":
        return aanvraag_organisation(case.text) or (case.about if case.about in APPLICATION_DESKS else "gemeente")
    if provider_handled_wmo_klacht(case):
        return "gemeente"
    return advise(case.route, case.about or "gemeente", already_complained=case.already_complained,
                  decision_on_bezwaar=case.decision_on_bezwaar).organisation


def provider_handled_wmo_klacht(case: Case) -> bool:
    """A Wmo or jeugd provider handled the klacht and the citizen is still unhappy: the gemeente that
    contracted the provider is next (routes.md §1, §3; Wmo 2015 §3.2, Jeugdwet 4.2.1)."""
    return (case.route == "klacht" and case.about == "zorgaanbieder" and case.already_complained
            and provider_law(case.text) != "wkkgz")


# ----------------------------------------------------------------- the answer


def compose(case: Case) -> Answer:
    """The advice for a case whose route and organisation are known."""
    about = case.about or "gemeente"
    if case.route == "aanvraag":
        answer = _aanvraag(case)
    else:
        advice = advise(case.route, about, already_complained=case.already_complained,
                        decision_on_bezwaar=case.decision_on_bezwaar)
        answer = Answer(advice.route, advice.organisation, None, None, [])
        if advice.deadline_kind == "beroep":
            _beroep(answer, case)
        elif advice.deadline_kind == "bezwaar":
            _bezwaar(answer, case, about)
        elif advice.route == "ingebrekestelling" and premature(case):
            answer = _too_early(case, about)
        elif advice.route == "ingebrekestelling":
            _ingebrekestelling(answer, about)
        elif about == "zorgverzekeraar":
            _zorgverzekeraar(answer, case)
        elif provider_handled_wmo_klacht(case):
            _wmo_provider_handled(answer, case)
        elif about == "zorgaanbieder":
            _zorgaanbieder(answer, case)
        elif advice.organisation == "ombudsman":
            _ombudsman(answer, case, about)
        else:
            _klacht(answer, case, about)
    if case.for_whom == "relative":
        _relative(answer, case)
    _clientondersteuning(answer, case, about)
    return answer


def _deadline(answer: Answer, case: Case, kind: str) -> None:
    """The exact last day (Awb 6:7, 6:8, Atw), or how to find it (routes.md §2)."""
    letter = "de brief over uw bezwaar" if kind == "beroep" else "de brief"
    if case.decision_date is None:
        answer.summary.append(f"U heeft 6 weken. Die tellen vanaf de dag na de datum op {letter}.")
        answer.details.append("Niet de dag dat de brief kwam telt, maar de datum die op de brief staat. "
                              "Weet u die datum niet? Vraag dan een kopie van de brief op. Wacht er niet mee.")
        return
    answer.decision_date = case.decision_date
    last_day = deadlines.bezwaar_deadline(case.decision_date)
    answer.deadline = last_day
    unextended = case.decision_date + timedelta(weeks=deadlines.BEZWAAR_WEEKS)
    status = deadlines.deadline_status(last_day, case.today)
    when = format_date_nl(last_day)
    if status.urgency is deadlines.Urgency.PASSED:
        answer.summary.append(f"U had 6 weken. De laatste dag was {when}.")
        answer.details.append("Stuur uw brief toch. Schrijf erbij waarom u te laat bent. Soms mag het dan nog.")
        answer.cards += ROUTE_CARDS["deadline_passed"]
        answer.offer_person = True
    else:
        answer.summary.append(f"U heeft 6 weken. Uw laatste dag is {when}.")
        if last_day != unextended:
            answer.details.append(f"De 6 weken eindigen op {rest_day_name(unextended)}. "
                                  "Dan telt de eerstvolgende werkdag.")
            answer.cards += ROUTE_CARDS["deadline_moved"]
        if status.days_left == 0:
            answer.details.append("Vandaag is de laatste dag. Stuur uw brief vandaag nog. De redenen mag u later sturen.")
            answer.offer_person = True
        elif status.urgency is deadlines.Urgency.CLOSE:
            answer.details.append(f"U heeft nog maar {status.days_left} dagen. Stuur uw brief snel. "
                                  "De redenen mag u later sturen.")
            answer.cards += ROUTE_CARDS["deadline_close"]
            answer.offer_person = True
    if case.received_date and (case.received_date - case.decision_date).days >= LATE_ARRIVAL_DAYS:
        answer.details.append("Kwam de brief pas veel later bij u aan? Schrijf dat in uw brief. "
                              "Bewaar de envelop. Dan kan te laat soms toch.")
        answer.cards.append("brief-te-laat-ontvangen")


def _bezwaar(answer: Answer, case: Case, about: str) -> None:
    org = name(answer.organisation)
    if answer.route == "klacht_en_bezwaar":
        answer.summary.append(f"U heeft twee dingen. Tegen de beslissing maakt u bezwaar bij {org}. "
                              f"Over hoe u bent behandeld, dient u een klacht in bij {name(about)}. "
                              "Dat zijn twee aparte brieven.")
        answer.cards += ROUTE_CARDS["klacht_en_bezwaar"]
    else:
        answer.summary.append(f"Dit is een bezwaar. U stuurt uw bezwaar naar {org}. Die nam de beslissing.")
        answer.cards += ROUTE_CARDS["bezwaar"]
    _deadline(answer, case, "bezwaar")
    answer.details.append("Zet in uw brief: uw naam en adres, de datum en over welke beslissing het gaat. "
                          "Schrijf op waarom u het er niet mee eens bent. Zet uw handtekening eronder. "
                          "Doe een kopie van de beslissing erbij.")
    answer.details.append(bezwaar_decision_period(org))
    answer.cards.append("bezwaar-beslistermijn")
    if answer.route == "klacht_en_bezwaar":
        answer.details.append(f"{capital(name(about))} moet uw klacht binnen 6 weken afhandelen. "
                              "Doe uw klacht binnen 1 jaar na wat er gebeurde.")


def _beroep(answer: Answer, case: Case) -> None:
    if case.hoger_beroep:
        answer.summary.append("Bent u het niet eens met de uitspraak van de rechtbank? "
                              "Dan kunt u in hoger beroep bij de Centrale Raad van Beroep.")
        answer.cards.append("hoger-beroep-crvb")
    else:
        answer.summary.append("U kreeg een beslissing op uw bezwaar. Bent u het daar niet mee eens? "
                              "Dan gaat u in beroep bij de rechtbank.")
        answer.cards += ROUTE_CARDS["beroep"]
    _deadline(answer, case, "beroep")
    if not case.hoger_beroep:
        answer.details.append("U stuurt een beroepschrift naar de rechtbank. Daarin schrijft u waarom u het niet "
                              "eens bent. Dat kan ook online via de website van de Rechtspraak.")
        answer.details.append("Voor beroep betaalt u griffierecht. Dat is een bedrag voor de rechtbank. "
                              "Krijgt u gelijk? Dan krijgt u dat geld terug.")
        answer.details.append("Bent u het daarna niet eens met de rechtbank? "
                              "Dan kunt u in hoger beroep bij de Centrale Raad van Beroep.")


def _klacht(answer: Answer, case: Case, about: str) -> None:
    org = name(about)
    answer.summary.append(f"Dit is een klacht. U bent niet goed behandeld door {org}. "
                          f"Dien uw klacht in bij {org}.")
    answer.details.append("Dat kan op papier, per e-mail of via de website. Schrijf op wat er gebeurde en wanneer.")
    answer.details.append(_klacht_period(org, "uw"))
    answer.details.append("Doe uw klacht binnen 1 jaar na wat er gebeurde.")
    answer.details.append(f"Bent u daarna niet tevreden? Dan kunt u naar {_ombudsman_name(case, about)}. Dat is gratis.")
    answer.cards += ROUTE_CARDS["klacht"]


def _klacht_period(org: str, article: str) -> str:
    """How long `org` may take over a klacht (Awb 9:11), from the one table in `deadlines`."""
    normal, committee, extension = deadlines.KLACHT_DECISION_WEEKS
    return (f"{capital(org)} moet {article} klacht binnen {normal} weken afhandelen. "
            f"Met een klachtencommissie is dat {committee} weken. Soms komen er nog {extension} weken bij.")


def _ombudsman_name(case: Case, about: str) -> str:
    return case.ombudsman_name if about == "gemeente" else "de Nationale ombudsman"


def _ombudsman(answer: Answer, case: Case, about: str) -> None:
    ombudsman = _ombudsman_name(case, about)
    answer.summary.append(f"U heeft al een klacht ingediend bij {name(about)}. Bent u niet tevreden over hoe dat ging? "
                          f"Dan kunt u naar {ombudsman}. Dat is gratis.")
    answer.details.append(f"Doe dat binnen 1 jaar nadat {name(about)} uw klacht afhandelde. "
                          "Kreeg u nooit een antwoord? Dan telt het jaar vanaf het moment dat dit had gemoeten.")
    answer.details.append(_klacht_period(name(about), "een"))
    answer.details.append("De ombudsman kijkt of de organisatie u goed heeft behandeld. "
                          "Over een bezwaar beslist de ombudsman niet.")
    own = about == "gemeente" and case.own_ombudsman
    answer.cards += ROUTE_CARDS["ombudsman_gemeente" if own else "ombudsman"]


def _zorgverzekeraar(answer: Answer, case: Case) -> None:
    answer.summary.append("Bij een zorgverzekeraar maakt u geen bezwaar. "
                          "U dient een klacht in bij uw zorgverzekeraar.")
    answer.details.append("Schrijf op wat u wilt en waarom. Ook als de zorgverzekeraar niet of te laat antwoordt, "
                          "dient u een klacht in.")
    answer.details.append("Komt u er samen niet uit? Dan kunt u naar Kizi. "
                          "Dat is het Klachteninstituut Zorgverzekeringen. U kunt ook naar de kantonrechter.")
    answer.cards += ROUTE_CARDS["zorgverzekeraar"]


def _zorgaanbieder(answer: Answer, case: Case) -> None:
    law = provider_law(case.text)
    if law == "wkkgz":
        answer.summary.append("Dit is een klacht over de zorg. Dien uw klacht in bij de zorgaanbieder. "
                              "Vraag naar de klachtenfunctionaris.")
        answer.details.append("Een klachtenfunctionaris helpt gratis om uw klacht op te lossen. "
                              "De zorgaanbieder moet binnen 6 weken reageren. Soms komen er 4 weken bij.")
        answer.details.append("Komt u er samen niet uit? Dan kunt u naar de geschilleninstantie. "
                              "Die doet een uitspraak. De zorgaanbieder moet zich daaraan houden.")
        answer.cards += ROUTE_CARDS["zorgaanbieder"]
        return
    answer.summary.append("Dit is een klacht over de hulp van een zorgaanbieder. "
                          "Dien uw klacht eerst in bij de aanbieder zelf.")
    answer.details.append("Elke aanbieder moet een klachtenregeling hebben. Vraag daarnaar.")
    if law == "jeugd":
        answer.details.append("Een vertrouwenspersoon van het AKJ helpt u en uw kind gratis.")
    answer.details.append("Komt u er niet uit? Meld het dan bij de gemeente. "
                          "De gemeente heeft deze aanbieder ingehuurd. De gemeente blijft verantwoordelijk.")
    ombudsman = case.ombudsman_name
    extra = " Voor kinderen is er ook de Kinderombudsman." if law == "jeugd" else ""
    answer.details.append(f"Daarna kunt u naar {ombudsman}.{extra}")
    answer.cards += ROUTE_CARDS["zorgaanbieder_wmo"]


def _wmo_provider_handled(answer: Answer, case: Case) -> None:
    answer.organisation = "gemeente"
    answer.summary.append("De aanbieder heeft uw klacht al behandeld. Bent u niet tevreden? "
                          "Dien dan een klacht in bij de gemeente. De gemeente heeft deze aanbieder ingehuurd. "
                          "De gemeente blijft verantwoordelijk voor uw hulp.")
    answer.details.append("De gemeente moet uw klacht binnen 6 weken afhandelen. Soms komen er 4 weken bij.")
    extra = " Voor kinderen is er ook de Kinderombudsman." if provider_law(case.text) == "jeugd" else ""
    answer.details.append(f"Bent u daarna nog niet tevreden? Dan kunt u naar {case.ombudsman_name}.{extra}")
    answer.cards += ROUTE_CARDS["zorgaanbieder_wmo"]


def _ingebrekestelling(answer: Answer, about: str) -> None:
    org = name(about)
    plain, committee, extension = deadlines.BEZWAAR_DECISION_WEEKS
    answer.summary.append(f"Heeft {org} niet op tijd beslist? Dan kunt u een ingebrekestelling sturen. "
                          "Dat is een brief waarin u vraagt om alsnog te beslissen.")
    answer.details.append("Dat kan pas als de termijn om te beslissen voorbij is. Te vroeg heeft geen zin. "
                          f"Bij een bezwaar is die termijn {plain} weken, of {committee} weken met een "
                          f"bezwaarcommissie. Soms komen er nog {extension} weken bij. Bij een aanvraag staat de "
                          "termijn vaak in de bevestiging van uw aanvraag.")
    answer.details.append(f"Beslist {org} 2 weken na uw brief nog steeds niet? Dan moet {org} u een dwangsom "
                          "betalen. Dat is geld voor u, voor elke dag te laat. Het gaat om hoogstens 42 dagen.")
    answer.details.append("U kunt dan ook in beroep bij de rechtbank. Daarvoor hoeft u geen bezwaar te maken.")
    answer.cards += ROUTE_CARDS["ingebrekestelling"]


def premature(case: Case) -> bool:
    """A bezwaar made less than 12 weeks ago: the decision period has most likely not ended."""
    return case.bezwaar_weeks is not None and case.bezwaar_weeks < BEZWAAR_PERIOD_WEEKS


def _too_early(case: Case, about: str) -> Answer:
    """routes.md §1: an ingebrekestelling before the decision period ended starts nothing. The
    citizen's own case is the bezwaar that waits for its decision (docs/contracts.md: `route` is what
    the case is); the answer says why the ingebrekestelling is too early."""
    org = name(about)
    weeks = round(case.bezwaar_weeks or 0)
    answer = Answer("bezwaar", about, None, None, [])
    answer.summary.append(f"U maakte {weeks} weken geleden bezwaar. {capital(org)} heeft waarschijnlijk nog tijd "
                          "om te beslissen. Een ingebrekestelling heeft nu nog geen zin.")
    answer.details.append(bezwaar_decision_period(org))
    answer.details.append(f"Vraag {org} wanneer u een beslissing krijgt. Is de termijn voorbij? "
                          "Stuur dan een ingebrekestelling. Na 2 weken krijgt u dan een dwangsom: geld voor u.")
    answer.cards += ["bezwaar-beslistermijn", "ingebrekestelling"]
    return answer


def _aanvraag(case: Case) -> Answer:
    org = where_next(case)
    answer = Answer("aanvraag", org, None, None, [])
    if org == "ciz":
        answer.summary.append("Heeft u de hele dag zorg of toezicht nodig? "
                              "Dan vraagt u een Wlz-indicatie aan bij het CIZ.")
        answer.details.append("Een Wlz-indicatie is een besluit dat u recht heeft op langdurige zorg. "
                              "Daarna regelt het zorgkantoor uw zorg.")
    elif org == "zorgkantoor":
        answer.summary.append("Heeft u al een Wlz-indicatie? Dan regelt het zorgkantoor uw zorg. "
                              "Neem contact op met het zorgkantoor.")
        answer.details.append("Een Wlz-indicatie is het besluit van het CIZ dat u langdurige zorg krijgt.")
        answer.details.append("Staat u op een wachtlijst? Het zorgkantoor moet zorgen dat u op tijd zorg krijgt. "
                              "Dat heet de zorgplicht. Vraag om bemiddeling en om zorg zolang u wacht.")
        answer.details.append("Ook een pgb uit de Wlz, of zorg thuis met een vpt of mpt, vraagt u aan bij het zorgkantoor.")
    elif org == "zorgverzekeraar":
        answer.summary.append("Hulp bij wassen en aankleden thuis is wijkverpleging. "
                              "Die zorg betaalt uw zorgverzekeraar.")
        answer.details.append("Neem contact op met een wijkverpleegkundige, of vraag het aan uw huisarts. "
                              "De wijkverpleegkundige bekijkt welke zorg u nodig heeft. U hoeft niet naar de gemeente.")
    else:
        care = gemeente_care(case.text or "")
        answer.summary.append(f"Dit is een aanvraag{f' voor {care}' if care else ''}. "
                              "Meld uw hulpvraag bij de gemeente of het wijkteam.")
        answer.details.append("Daarna volgt een gesprek over wat u nodig heeft. Dat heet het keukentafelgesprek. "
                              "Daarna beslist de gemeente over uw aanvraag.")
    answer.cards += ROUTE_CARDS[f"aanvraag_{org}"]
    return answer


def _relative(answer: Answer, case: Case) -> None:
    relative = case.relative or "naaste"
    answer.details.append(f"U vraagt dit voor uw {relative}. U mag helpen met de brief en meegaan naar gesprekken.")
    # Awb 2:1: someone else may act for the citizen with a written machtiging (routes.md §4)
    what = "het formulier tekenen" if answer.route == "aanvraag" else "zelf tekenen"
    answer.details.append(f"Wilt u {what} of alles regelen? Dan heeft u een schriftelijke machtiging nodig "
                          f"van uw {relative}. Bent u curator, mentor of bewindvoerder? Dan hoeft dat niet.")
    answer.details.append(f"Tekende uw {relative} eerder een volmacht? Die blijft geldig, ook bij dementie.")
    answer.cards += ROUTE_CARDS["relative"]


def _clientondersteuning(answer: Answer, case: Case, about: str) -> None:
    helper = clientondersteuning_organisation(case.text, about)
    answer.details.append(f"Wilt u hulp? Een cliëntondersteuner helpt u gratis. Die persoon is onafhankelijk. "
                          f"Vraag er een aan bij {name(helper)}.")
    answer.cards += ROUTE_CARDS[f"clientondersteuning_{helper}"]
