"""Sample letters drafted from a conversation (issue 12): the templates (one file per letter here),
where to send them (`sending.py`), and `letter_drafts`, the non-personal draft the letter page fills in.

Which letters fit a case and the facts they use: knowledge/domain/letters.py. The citizen's own
details (name, address, BSN, reasons) are never part of a draft: the browser adds them.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Mapping

from knowledge.domain.case import slot_date
from knowledge.domain.gemeente import DEFAULT_FILE, load_gemeente
from knowledge.domain.letters import KLACHTBRIEF, CaseFacts, letter_facts, letters_for
from knowledge.domain.routing import ORGANISATIONS

from .sending import sending_for
from .templates import LETTERS_DIR, LetterTemplate, load_templates

NO_LETTER = ("Er is nog geen voorbeeldbrief voor dit gesprek. Vertel Wegwijs eerst wat er aan de hand is. "
             "Bijvoorbeeld dat u het niet eens bent met een beslissing. Of dat u een klacht heeft.")


def case_facts(state: Mapping[str, Any]) -> CaseFacts:
    """The letter's view of the public state (api/schemas.py State, or its dict)."""
    get = state.get if isinstance(state, Mapping) else lambda key: getattr(state, key, None)
    return CaseFacts(route=get("route"), organisation=get("organisation"),
                     decision_date=slot_date(get("decision_date")), deadline=slot_date(get("deadline")),
                     asking_for=get("asking_for"))


# A klacht follows the Awb only at a bestuursorgaan; elsewhere the legal ground differs (routes.md §3).
KLACHT_LAW = {
    "zorgaanbieder": "Wet kwaliteit, klachten en geschillen zorg (Wkkgz). Voor Wmo-hulp of jeugdhulp: "
                     "de klachtenregeling van de zorgaanbieder",
    "zorgverzekeraar": "De klachtenregeling van uw zorgverzekeraar. Daarna kunt u naar Kizi",
    "ombudsman": "Algemene wet bestuursrecht, artikel 9:18",
}


def law_for(case: CaseFacts, template: LetterTemplate) -> str:
    """The legal ground in one plain line: the template's, or for a klacht the one of the organisation."""
    if template.id == KLACHTBRIEF:
        return KLACHT_LAW.get(case.organisation or "", template.law)
    return template.law


def shown_facts(case: CaseFacts, facts: dict[str, str], template: LetterTemplate) -> list[dict[str, str]]:
    """The facts the page lists under "Wat Wegwijs al weet" (labels in B1 Dutch)."""
    rows = [("Soort brief", template.title)]
    if case.organisation in ORGANISATIONS:
        rows.append(("Organisatie", facts["aan"] or ORGANISATIONS[case.organisation].name))
    if facts["besluit_datum"] and template.id != "klachtbrief":
        rows.append(("Datum van de brief met de beslissing", facts["besluit_datum"]))
    if facts["termijn"]:
        rows.append(("Uw laatste dag", facts["termijn"]))
    rows.append(("Wet", law_for(case, template)))
    return [{"label": label, "value": value} for label, value in rows]


def letter_drafts(state: Mapping[str, Any], *, today: date, gemeente_file: Path | str | None = None,
                  folder: Path | str = LETTERS_DIR) -> dict[str, Any]:
    """Every letter that fits the conversation's state, with its facts, fields and template text."""
    case = case_facts(state)
    gemeente = load_gemeente(gemeente_file or DEFAULT_FILE)
    templates = load_templates(folder)
    drafts = []
    for letter in letters_for(case):
        template = templates[letter]
        facts = letter_facts(case, letter, today=today, gemeente_name=gemeente.name)
        drafts.append({
            "id": template.id, "title": template.title, "summary": template.summary, "law": law_for(case, template),
            "facts": facts, "shown_facts": shown_facts(case, facts, template),
            "fields": [f.public() for f in template.fields], "body": template.body,
            "sending": sending_for(case, letter, facts["termijn"], gemeente_file, today).public(),
        })
    return {"gemeente": gemeente.name, "letters": drafts, "message": "" if drafts else NO_LETTER}
