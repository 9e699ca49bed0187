"""Answers beside the full advice (advice.py): the key facts before the letter's date is known,
a receipt date that is not the letter's, cliëntondersteuning asked on its own, care that stops.

Pure and cited like advice.py; B1 Dutch: short sentences, "u", one idea per sentence.
"""
from __future__ import annotations

from datetime import date

from .advice import bezwaar_decision_period, name, volmacht_stays_valid
from ..i18n import _, format_day
from .routing import BEZWAAR_ROUTES, ORGANISATIONS, ROUTE_CARDS, clientondersteuning_organisation


# ----------------------------------------------------------------- key facts (before the date is known)


def key_facts(route: str, about: str | None, decision_on_bezwaar: bool = False, relative: str | None = None,
              asks_decision_period: bool = False, mentions_volmacht: bool = False) -> str:
    """What the citizen must know at once, before the guide asks for the letter's date (routes.md §1, §2);
    for a mantelzorger (`relative`: whom the case is about) also that signing needs a machtiging (§4), and,
    when they name a volmacht, that it stays valid with dementia;
    when the citizen asks how long a decision on bezwaar may take, that period (Awb 7:10)."""
    facts = _route_facts(route, about, decision_on_bezwaar)
    if facts and asks_decision_period and route in BEZWAAR_ROUTES and not decision_on_bezwaar:
        facts += " " + bezwaar_decision_period(name(about))
    if facts and relative and route in BEZWAAR_ROUTES:
        facts += " " + _("U mag dit voor uw {relative} doen. Tekent u zelf? "
                         "Dan heeft u een schriftelijke machtiging van uw {relative} nodig.").format(
            relative=_(relative))  # Awb 2:1
        if mentions_volmacht:
            facts += " " + volmacht_stays_valid(_(relative))
    return facts


def _route_facts(route: str, about: str | None, decision_on_bezwaar: bool) -> str:
    if about in ORGANISATIONS and not ORGANISATIONS[about].bezwaar_possible:
        return ""
    org = name(about) if about in ORGANISATIONS else None
    if decision_on_bezwaar:
        return _("Bent u het niet eens met de beslissing op uw bezwaar? Dan gaat u in beroep bij de rechtbank. "
                 "Dat moet binnen 6 weken na de datum op die brief.")
    if route == "bezwaar":
        where = " " + _("U stuurt uw bezwaar naar {org}.").format(org=org) if org else ""
        return _("Dit is een bezwaar.") + where + " " + _("Dat moet binnen 6 weken na de datum op de brief.")
    if route == "klacht_en_bezwaar":
        first = _("U kunt bezwaar maken en een klacht indienen bij {org}.").format(org=org) if org else \
            _("U kunt bezwaar maken en een klacht indienen.")
        return first + " " + _("Voor het bezwaar heeft u 6 weken na de datum op de brief.")
    if route == "klacht" and org is None:
        return _("Dit is een klacht over hoe u bent behandeld. U dient die in bij de organisatie zelf.")
    if route == "ingebrekestelling" and org is None:
        return _("Duurt een beslissing te lang? Dan kunt u een ingebrekestelling sturen. "
                 "Dat kan pas als de termijn om te beslissen voorbij is.")
    return ""


def received_only(received: date) -> str:
    return _("U kreeg de brief op {day}. De 6 weken tellen niet vanaf die dag. "
             "Ze tellen vanaf de datum die óp de brief staat.").format(day=format_day(received))


# ----------------------------------------------------------------- cliëntondersteuning on its own


def clientondersteuning(text: str, about: str | None = None) -> tuple[str, str, list[str]]:
    """(organisation, text, cards) for a question about free independent help (routes.md §4)."""
    helper = clientondersteuning_organisation(text, about)
    if helper == "zorgkantoor":
        message = _("Een cliëntondersteuner helpt u gratis. Die persoon is onafhankelijk. U heeft zorg uit de Wlz. "
                    "Vraag daarom het zorgkantoor om een cliëntondersteuner.")
    else:
        message = _("Een cliëntondersteuner helpt u gratis. Die persoon is onafhankelijk. "
                    "Vraag de gemeente of het wijkteam om een cliëntondersteuner. "
                    "Dat kan ook als u nog een Wlz-indicatie aanvraagt.")
    return helper, message, ["clientondersteuning-wat", *ROUTE_CARDS[f"clientondersteuning_{helper}"]]


# ----------------------------------------------------------------- urgent, not dangerous (routes.md §5)


def urgent(about: str | None, last_day: date | None = None) -> tuple[str, list[str]]:
    """What can be done today when care stops (Awb 8:81): no emergency numbers. With the date of
    the decision known, the last day for the bezwaar too (Awb 6:7, 6:8, Atw)."""
    org = name(about) if about in ORGANISATIONS and ORGANISATIONS[about].decides else _("de organisatie")
    lines = [_("Dit is dringend. Dit kunt u nu doen."),
             _("Stopt de zorg door een beslissing? Maak dan meteen bezwaar. Vraag daarbij de rechter om een "
               "voorlopige voorziening. Dat is een snelle, tijdelijke beslissing."),
             _("Vraag {org} ook om de zorg door te laten gaan tot er een beslissing is.").format(org=org)]
    if last_day:
        lines.append(_("Uw bezwaar gaat naar {org}. Uw laatste dag voor het bezwaar is {day}.").format(
            org=org, day=format_day(last_day)))
    return "\n".join(lines), ["zorg-stopt-morgen", "voorlopige-voorziening"]
