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
from ..i18n import _, format_day, ngettext
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
    return _(ORGANISATIONS[key].name) if key in ORGANISATIONS else _("de organisatie")


def bezwaar_decision_period(org: str) -> str:
    """How long `org` may take to decide on a bezwaar (Awb 7:10: deadlines.BEZWAAR_DECISION_WEEKS)."""
    plain, committee, extension = deadlines.BEZWAAR_DECISION_WEEKS
    return _("{org} beslist binnen {plain} weken na het einde van de bezwaartermijn. "
             "Met een bezwaarcommissie is dat {committee} weken. Soms komen er nog {extension} weken bij.").format(
        org=capital(org), plain=plain, committee=committee, extension=extension)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def rest_day_name(day: date) -> str:
    holiday = deadlines.atw_holidays(day.year).get(day)
    if holiday:
        return _(holiday)
    return _("een zaterdag") if day.weekday() == 5 else _("een zondag")


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
    if case.decision_date is None:
        answer.summary.append(_("U heeft 6 weken. Die tellen vanaf de dag na de datum op de brief over uw bezwaar.")
                              if kind == "beroep" else _("U heeft 6 weken. Die tellen vanaf de dag na de datum op de brief."))
        answer.details.append(_("Niet de dag dat de brief kwam telt, maar de datum die op de brief staat. "
                                "Weet u die datum niet? Vraag dan een kopie van de brief op. Wacht er niet mee."))
        return
    answer.decision_date = case.decision_date
    last_day = deadlines.bezwaar_deadline(case.decision_date)
    answer.deadline = last_day
    unextended = case.decision_date + timedelta(weeks=deadlines.BEZWAAR_WEEKS)
    status = deadlines.deadline_status(last_day, case.today)
    when = format_day(last_day)
    if status.urgency is deadlines.Urgency.PASSED:
        answer.summary.append(_("U had 6 weken. De laatste dag was {when}.").format(when=when))
        answer.details.append(_("Stuur uw brief toch. Schrijf erbij waarom u te laat bent. Soms mag het dan nog."))
        answer.cards += ROUTE_CARDS["deadline_passed"]
        answer.offer_person = True
    else:
        answer.summary.append(_("U heeft 6 weken. Uw laatste dag is {when}.").format(when=when))
        if last_day != unextended:
            answer.details.append(_("De 6 weken eindigen op {day}. Dan telt de eerstvolgende werkdag.").format(
                day=rest_day_name(unextended)))
            answer.cards += ROUTE_CARDS["deadline_moved"]
        if status.days_left == 0:
            answer.details.append(_("Vandaag is de laatste dag. Stuur uw brief vandaag nog. De redenen mag u later sturen."))
            answer.offer_person = True
        elif status.urgency is deadlines.Urgency.CLOSE:
            answer.details.append(ngettext("U heeft nog maar {days} dag. Stuur uw brief snel.",
                                           "U heeft nog maar {days} dagen. Stuur uw brief snel.",
                                           status.days_left).format(days=status.days_left)
                                  + " " + _("De redenen mag u later sturen."))
            answer.cards += ROUTE_CARDS["deadline_close"]
            answer.offer_person = True
    if case.received_date and (case.received_date - case.decision_date).days >= LATE_ARRIVAL_DAYS:
        answer.details.append(_("Kwam de brief pas veel later bij u aan? Schrijf dat in uw brief. "
                                "Bewaar de envelop. Dan kan te laat soms toch."))
        answer.cards.append("brief-te-laat-ontvangen")


def _bezwaar(answer: Answer, case: Case, about: str) -> None:
    org = name(answer.organisation)
    if answer.route == "klacht_en_bezwaar":
        answer.summary.append(_("U heeft twee dingen. Tegen de beslissing maakt u bezwaar bij {org}. "
                                "Over hoe u bent behandeld, dient u een klacht in bij {about}. "
                                "Dat zijn twee aparte brieven.").format(org=org, about=name(about)))
        answer.cards += ROUTE_CARDS["klacht_en_bezwaar"]
    else:
        answer.summary.append(_("Dit is een bezwaar. U stuurt uw bezwaar naar {org}. Die nam de beslissing.").format(org=org))
        answer.cards += ROUTE_CARDS["bezwaar"]
    _deadline(answer, case, "bezwaar")
    answer.details.append(_("Zet in uw brief: uw naam en adres, de datum en over welke beslissing het gaat. "
                            "Schrijf op waarom u het er niet mee eens bent. Zet uw handtekening eronder. "
                            "Doe een kopie van de beslissing erbij."))
    answer.details.append(bezwaar_decision_period(org))
    answer.cards.append("bezwaar-beslistermijn")
    if answer.route == "klacht_en_bezwaar":
        answer.details.append(_("{about} moet uw klacht binnen 6 weken afhandelen. "
                                "Doe uw klacht binnen 1 jaar na wat er gebeurde.").format(about=capital(name(about))))


def _beroep(answer: Answer, case: Case) -> None:
    if case.hoger_beroep:
        answer.summary.append(_("Bent u het niet eens met de uitspraak van de rechtbank? "
                                "Dan kunt u in hoger beroep bij de Centrale Raad van Beroep."))
        answer.cards.append("hoger-beroep-crvb")
    else:
        answer.summary.append(_("U kreeg een beslissing op uw bezwaar. Bent u het daar niet mee eens? "
                                "Dan gaat u in beroep bij de rechtbank."))
        answer.cards += ROUTE_CARDS["beroep"]
    _deadline(answer, case, "beroep")
    if not case.hoger_beroep:
        answer.details.append(_("U stuurt een beroepschrift naar de rechtbank. Daarin schrijft u waarom u het niet "
                                "eens bent. Dat kan ook online via de website van de Rechtspraak."))
        answer.details.append(_("Voor beroep betaalt u griffierecht. Dat is een bedrag voor de rechtbank. "
                                "Krijgt u gelijk? Dan krijgt u dat geld terug."))
        answer.details.append(_("Bent u het daarna niet eens met de rechtbank? "
                                "Dan kunt u in hoger beroep bij de Centrale Raad van Beroep."))


def _klacht(answer: Answer, case: Case, about: str) -> None:
    org = name(about)
    answer.summary.append(_("Dit is een klacht. U bent niet goed behandeld door {org}. "
                            "Dien uw klacht in bij {org}.").format(org=org))
    answer.details.append(_("Dat kan op papier, per e-mail of via de website. Schrijf op wat er gebeurde en wanneer."))
    answer.details.append(_klacht_period(org, own=True))
    answer.details.append(_("Doe uw klacht binnen 1 jaar na wat er gebeurde."))
    answer.details.append(_("Bent u daarna niet tevreden? Dan kunt u naar {ombudsman}. Dat is gratis.").format(
        ombudsman=_ombudsman_name(case, about)))
    answer.cards += ROUTE_CARDS["klacht"]


def _klacht_period(org: str, own: bool) -> str:
    """How long `org` may take over a klacht (Awb 9:11), from the one table in `deadlines`."""
    normal, committee, extension = deadlines.KLACHT_DECISION_WEEKS
    text = _("{org} moet uw klacht binnen {normal} weken afhandelen. ") if own else \
        _("{org} moet een klacht binnen {normal} weken afhandelen. ")
    return (text + _("Met een klachtencommissie is dat {committee} weken. Soms komen er nog {extension} weken bij.")
            ).format(org=capital(org), normal=normal, committee=committee, extension=extension)


def _ombudsman_name(case: Case, about: str) -> str:
    return _(case.ombudsman_name) if about == "gemeente" else _("de Nationale ombudsman")


def _ombudsman(answer: Answer, case: Case, about: str) -> None:
    ombudsman = _ombudsman_name(case, about)
    answer.summary.append(_("U heeft al een klacht ingediend bij {org}. Bent u niet tevreden over hoe dat ging? "
                            "Dan kunt u naar {ombudsman}. Dat is gratis.").format(org=name(about), ombudsman=ombudsman))
    answer.details.append(_("Doe dat binnen 1 jaar nadat {org} uw klacht afhandelde. Kreeg u nooit een antwoord? "
                            "Dan telt het jaar vanaf het moment dat dit had gemoeten.").format(org=name(about)))
    answer.details.append(_klacht_period(name(about), own=False))
    answer.details.append(_("De ombudsman kijkt of de organisatie u goed heeft behandeld. "
                            "Over een bezwaar beslist de ombudsman niet."))
    own = about == "gemeente" and case.own_ombudsman
    answer.cards += ROUTE_CARDS["ombudsman_gemeente" if own else "ombudsman"]


def _zorgverzekeraar(answer: Answer, case: Case) -> None:
    answer.summary.append(_("Bij een zorgverzekeraar maakt u geen bezwaar. "
                          "U dient een klacht in bij uw zorgverzekeraar."))
    answer.details.append(_("Schrijf op wat u wilt en waarom. Ook als de zorgverzekeraar niet of te laat antwoordt, "
                          "dient u een klacht in."))
    answer.details.append(_("Komt u er samen niet uit? Dan kunt u naar Kizi. "
                          "Dat is het Klachteninstituut Zorgverzekeringen. U kunt ook naar de kantonrechter."))
    answer.cards += ROUTE_CARDS["zorgverzekeraar"]


def _zorgaanbieder(answer: Answer, case: Case) -> None:
    law = provider_law(case.text)
    if law == "wkkgz":
        answer.summary.append(_("Dit is een klacht over de zorg. Dien uw klacht in bij de zorgaanbieder. "
                              "Vraag naar de klachtenfunctionaris."))
        answer.details.append(_("Een klachtenfunctionaris helpt gratis om uw klacht op te lossen. "
                              "De zorgaanbieder moet binnen 6 weken reageren. Soms komen er 4 weken bij."))
        answer.details.append(_("Komt u er samen niet uit? Dan kunt u naar de geschilleninstantie. "
                              "Die doet een uitspraak. De zorgaanbieder moet zich daaraan houden."))
        answer.cards += ROUTE_CARDS["zorgaanbieder"]
        return
    answer.summary.append(_("Dit is een klacht over de hulp van een zorgaanbieder. "
                          "Dien uw klacht eerst in bij de aanbieder zelf."))
    answer.details.append(_("Elke aanbieder moet een klachtenregeling hebben. Vraag daarnaar."))
    if law == "jeugd":
        answer.details.append(_("Een vertrouwenspersoon van het AKJ helpt u en uw kind gratis."))
    answer.details.append(_("Komt u er niet uit? Meld het dan bij de gemeente. "
                          "De gemeente heeft deze aanbieder ingehuurd. De gemeente blijft verantwoordelijk."))
    extra = " " + _("Voor kinderen is er ook de Kinderombudsman.") if law == "jeugd" else ""
    answer.details.append(_("Daarna kunt u naar {ombudsman}.").format(ombudsman=_(case.ombudsman_name)) + extra)
    answer.cards += ROUTE_CARDS["zorgaanbieder_wmo"]


def _wmo_provider_handled(answer: Answer, case: Case) -> None:
    answer.organisation = "gemeente"
    answer.summary.append(_("De aanbieder heeft uw klacht al behandeld. Bent u niet tevreden? "
                          "Dien dan een klacht in bij de gemeente. De gemeente heeft deze aanbieder ingehuurd. "
                          "De gemeente blijft verantwoordelijk voor uw hulp."))
    answer.details.append(_("De gemeente moet uw klacht binnen 6 weken afhandelen. Soms komen er 4 weken bij."))
    extra = " " + _("Voor kinderen is er ook de Kinderombudsman.") if provider_law(case.text) == "jeugd" else ""
    answer.details.append(_("Bent u daarna nog niet tevreden? Dan kunt u naar {ombudsman}.").format(
        ombudsman=_(case.ombudsman_name)) + extra)
    answer.cards += ROUTE_CARDS["zorgaanbieder_wmo"]


def _ingebrekestelling(answer: Answer, about: str) -> None:
    org = name(about)
    plain, committee, extension = deadlines.BEZWAAR_DECISION_WEEKS
    answer.summary.append(_("Heeft {org} niet op tijd beslist? Dan kunt u een ingebrekestelling sturen. "
                            "Dat is een brief waarin u vraagt om alsnog te beslissen.").format(org=org))
    answer.details.append(_("Dat kan pas als de termijn om te beslissen voorbij is. Te vroeg heeft geen zin. "
                            "Bij een bezwaar is die termijn {plain} weken, of {committee} weken met een "
                            "bezwaarcommissie. Soms komen er nog {extension} weken bij. Bij een aanvraag staat de "
                            "termijn vaak in de bevestiging van uw aanvraag.").format(
        plain=plain, committee=committee, extension=extension))
    answer.details.append(_("Beslist {org} 2 weken na uw brief nog steeds niet? Dan moet {org} u een dwangsom "
                            "betalen. Dat is geld voor u, voor elke dag te laat. Het gaat om hoogstens 42 dagen."
                            ).format(org=org))
    answer.details.append(_("U kunt dan ook in beroep bij de rechtbank. Daarvoor hoeft u geen bezwaar te maken."))
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
    answer.summary.append(_("U maakte {weeks} weken geleden bezwaar. {org} heeft waarschijnlijk nog tijd "
                            "om te beslissen. Een ingebrekestelling heeft nu nog geen zin.").format(
        weeks=weeks, org=capital(org)))
    answer.details.append(bezwaar_decision_period(org))
    answer.details.append(_("Vraag {org} wanneer u een beslissing krijgt. Is de termijn voorbij? "
                            "Stuur dan een ingebrekestelling. Na 2 weken krijgt u dan een dwangsom: geld voor u."
                            ).format(org=org))
    answer.cards += ["bezwaar-beslistermijn", "ingebrekestelling"]
    return answer


def _aanvraag(case: Case) -> Answer:
    org = where_next(case)
    answer = Answer("aanvraag", org, None, None, [])
    if org == "ciz":
        answer.summary.append(_("Heeft u de hele dag zorg of toezicht nodig? "
                              "Dan vraagt u een Wlz-indicatie aan bij het CIZ."))
        answer.details.append(_("Een Wlz-indicatie is een besluit dat u recht heeft op langdurige zorg. "
                              "Daarna regelt het zorgkantoor uw zorg."))
    elif org == "zorgkantoor":
        answer.summary.append(_("Heeft u al een Wlz-indicatie? Dan regelt het zorgkantoor uw zorg. "
                              "Neem contact op met het zorgkantoor."))
        answer.details.append(_("Een Wlz-indicatie is het besluit van het CIZ dat u langdurige zorg krijgt."))
        answer.details.append(_("Staat u op een wachtlijst? Het zorgkantoor moet zorgen dat u op tijd zorg krijgt. "
                              "Dat heet de zorgplicht. Vraag om bemiddeling en om zorg zolang u wacht."))
        answer.details.append(_("Ook een pgb uit de Wlz, of zorg thuis met een vpt of mpt, vraagt u aan bij het zorgkantoor."))
    elif org == "zorgverzekeraar":
        answer.summary.append(_("Hulp bij wassen en aankleden thuis is wijkverpleging. "
                              "Die zorg betaalt uw zorgverzekeraar."))
        answer.details.append(_("Neem contact op met een wijkverpleegkundige, of vraag het aan uw huisarts. "
                              "De wijkverpleegkundige bekijkt welke zorg u nodig heeft. U hoeft niet naar de gemeente."))
    else:
        care = gemeente_care(case.text or "")
        answer.summary.append((_("Dit is een aanvraag voor {care}.").format(care=_(care)) if care
                               else _("Dit is een aanvraag.")) + " " + _("Meld uw hulpvraag bij de gemeente of het wijkteam."))
        answer.details.append(_("Daarna volgt een gesprek over wat u nodig heeft. Dat heet het keukentafelgesprek. "
                              "Daarna beslist de gemeente over uw aanvraag."))
    answer.cards += ROUTE_CARDS[f"aanvraag_{org}"]
    return answer


def _relative(answer: Answer, case: Case) -> None:
    relative = _(case.relative or "naaste")
    answer.details.append(_("U vraagt dit voor uw {relative}. U mag helpen met de brief en meegaan naar gesprekken."
                            ).format(relative=relative))
    # Awb 2:1: someone else may act for the citizen with a written machtiging (routes.md §4)
    what = _("het formulier tekenen") if answer.route == "aanvraag" else _("zelf tekenen")
    answer.details.append(_("Wilt u {what} of alles regelen? Dan heeft u een schriftelijke machtiging nodig "
                            "van uw {relative}. Bent u curator, mentor of bewindvoerder? Dan hoeft dat niet.").format(
        what=what, relative=relative))
    answer.details.append(volmacht_stays_valid(relative))
    answer.cards += ROUTE_CARDS["relative"]


def volmacht_stays_valid(relative: str) -> str:
    """A volmacht signed earlier stays valid with dementia (routes.md §4); `relative` already translated."""
    return _("Tekende uw {relative} eerder een volmacht? Die blijft geldig, ook bij dementie.").format(relative=relative)


def _clientondersteuning(answer: Answer, case: Case, about: str) -> None:
    helper = clientondersteuning_organisation(case.text, about)
    answer.details.append(_("Wilt u hulp? Een cliëntondersteuner helpt u gratis. Die persoon is onafhankelijk. "
                            "Vraag er een aan bij {org}.").format(org=name(helper)))
    answer.cards += ROUTE_CARDS[f"clientondersteuning_{helper}"]
