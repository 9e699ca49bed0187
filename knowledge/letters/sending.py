"""Where a letter goes and how the citizen proves it was sent in time (B1 Dutch).

Addresses: only the gemeente's own, from its settings file (WEGWIJS_GEMEENTE_FILE, optional keys
below). For every other organisation Wegwijs names no street address: the citizen takes the one on
the organisation's letter or website (no address is invented here). Websites named are the
organisations' home pages the knowledge cards cite.

Optional keys in the gemeente's settings file (knowledge/domain/gemeente.yml):

    post_address: |          # the address for bezwaar and klacht letters, one line per line
      Gemeente Voorbeeld
      Postbus 1
      1234 AB Voorbeeld
    bezwaar_url: https://...  # the gemeente's digital form for a bezwaar
    klacht_url: https://...   # the gemeente's digital form for a klacht
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from knowledge.domain import deadlines
from knowledge.domain.gemeente import DEFAULT_FILE, load_gemeente
from knowledge.domain.letters import (
    BEROEPSCHRIFT,
    BEZWAARSCHRIFT,
    INGEBREKESTELLING,
    KLACHTBRIEF,
    MACHTIGING,
    CaseFacts,
)

WEBSITES = {
    "ciz": "https://www.ciz.nl", "cak": "https://www.hetcak.nl", "svb": "https://www.svb.nl",
    "rechtbank": "https://www.rechtspraak.nl", "ombudsman": "https://www.nationaleombudsman.nl",
}
CHECK_ADDRESS = "Kijk goed welk adres op de brief van de organisatie staat. Of kijk op hun website."


@dataclass(frozen=True)
class GemeenteMail:
    """The gemeente's postal address and digital forms (optional settings)."""

    address: tuple[str, ...] = ()
    bezwaar_url: str = ""
    klacht_url: str = ""


def load_gemeente_mail(path: Path | str | None) -> GemeenteMail:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if path else {}
    data = data or {}
    lines = str(data.get("post_address") or "").strip().splitlines()
    return GemeenteMail(address=tuple(line.strip() for line in lines if line.strip()),
                        bezwaar_url=str(data.get("bezwaar_url") or ""), klacht_url=str(data.get("klacht_url") or ""))


@dataclass
class Sending:
    """What the letter page says under "Waar stuurt u de brief heen?"."""

    address: list[str] = field(default_factory=list)  # a postal address, when the settings know it
    website: str = ""  # a digital form, or the organisation's website
    where: list[str] = field(default_factory=list)  # sentences: where to send it
    proof: list[str] = field(default_factory=list)  # sentences: how to send it and prove it was in time

    def public(self) -> dict:
        return {"address": self.address, "website": self.website, "where": self.where, "proof": self.proof}


def sending_for(case: CaseFacts, letter: str, deadline_text: str, gemeente_file: Path | str | None,
                today: date | None = None) -> Sending:
    """Where `letter` goes for `case`, and how to send it in time (Awb 6:9 for a bezwaar or beroep)."""
    sending = Sending()
    org = case.organisation or ""
    gemeente_file = gemeente_file or DEFAULT_FILE
    if letter == MACHTIGING:
        sending.where.append("Uw naaste tekent de machtiging. Stuur hem mee met uw brief.")
        sending.where.append("Of laat hem zien als de organisatie erom vraagt. Bewaar zelf een kopie.")
        return sending
    if org == "gemeente":
        gemeente = load_gemeente(gemeente_file)
        mail = load_gemeente_mail(gemeente_file)
        sending.address = list(mail.address)
        form = mail.klacht_url if letter == KLACHTBRIEF else mail.bezwaar_url
        sending.website = form or gemeente.website
        if mail.address:
            sending.where.append(f"Stuur de brief naar {gemeente.name}. Het adres staat hieronder.")
        else:
            sending.where.append(f"Stuur de brief naar {gemeente.name}. {CHECK_ADDRESS}")
        if form:
            sending.where.append("U kunt ook het formulier op de website van de gemeente gebruiken.")
    elif org == "rechtbank":
        sending.website = WEBSITES["rechtbank"]
        sending.where.append("Stuur de brief naar de rechtbank die in de brief over uw bezwaar staat.")
        sending.where.append("U kunt ook online in beroep gaan. Dat kan via de website van de Rechtspraak.")
        sending.where.append("Voor beroep betaalt u griffierecht. De rechtbank stuurt u daarover een brief.")
    elif org == "ombudsman":
        gemeente = load_gemeente(gemeente_file)
        sending.website = WEBSITES["ombudsman"]
        if gemeente.own_ombudsman:  # the gemeente's own or regional ombudsman (gemeenten/<code>.yml) comes first
            where = f" Kijk op {gemeente.own_ombudsman_url}." if gemeente.own_ombudsman_url else ""
            sending.where.append(f"Ging uw klacht over de gemeente? Stuur de brief dan naar {gemeente.own_ombudsman}.{where}")
            sending.where.append("Ging uw klacht over een andere organisatie, zoals het CIZ of het CAK? "
                                 "Stuur de brief dan naar de Nationale ombudsman.")
        else:
            sending.where.append("Stuur de brief naar de Nationale ombudsman.")
        sending.where.append("U kunt ook het formulier op de website van de ombudsman gebruiken.")
        sending.where.append("Stuur de brief en het antwoord op uw eerste klacht mee.")
    else:
        sending.website = WEBSITES.get(org, "")
        if org == "zorgaanbieder":
            sending.where.append("Stuur de brief naar de klachtenfunctionaris van de zorgaanbieder.")
        sending.where.append(f"Stuur de brief naar de organisatie. {CHECK_ADDRESS}")
    sending.proof += proof_lines(letter, deadline_text, passed=bool(case.deadline and today and case.deadline < today))
    return sending


def proof_lines(letter: str, deadline_text: str, passed: bool = False) -> list[str]:
    """How to send the letter so the citizen can prove when it was sent."""
    lines = []
    if passed and letter in (BEZWAARSCHRIFT, BEROEPSCHRIFT):
        # a late bezwaar or beroep can still be accepted when the lateness is excusable (Awb 6:11)
        lines.append(f"De laatste dag was {deadline_text}. Stuur de brief toch zo snel mogelijk.")
        lines.append("Schrijf in de brief waarom u te laat bent. Kwam de brief met de beslissing bijvoorbeeld later aan? "
                     "Dan kan de organisatie uw brief toch behandelen.")
    elif deadline_text and letter in (BEZWAARSCHRIFT, BEROEPSCHRIFT):
        lines.append(f"Stuur de brief uiterlijk op {deadline_text}. Wacht liever niet tot de laatste dag.")
        lines.append("Stuurt u de brief met de post? Dan is hij op tijd als u hem voor het einde van die dag "
                     f"verstuurt. Hij moet dan wel uiterlijk {deadlines.POSTAL_GRACE_DAYS} dagen na die laatste dag aankomen.")
    lines.append("Stuur de brief aangetekend. Dan heeft u bewijs dat u hem stuurde.")
    lines.append("Brengt u de brief zelf? Vraag dan om een bewijs dat de brief binnen is. "
                 "Dat heet een ontvangstbevestiging.")
    lines.append("Gebruikt u een formulier op de website? Bewaar dan de bevestiging of maak een schermafdruk.")
    if letter == INGEBREKESTELLING:
        lines.append(f"Tel {deadlines.DWANGSOM_AFTER_DAYS // 7} weken vanaf de dag dat de organisatie uw brief kreeg. "
                     "Is er dan nog geen beslissing? Dan moet de organisatie u een dwangsom betalen.")
    lines.append("Bewaar een kopie van uw brief.")
    return lines
