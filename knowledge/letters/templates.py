"""The sample letters' templates: one Markdown file per letter in this folder, readable by an editor.

A template file has YAML front matter and the letter's text:

    ---
    id: bezwaarschrift              # the file's name, one of knowledge.domain.letters.LETTER_IDS
    title: Bezwaarschrift
    summary: ...                    # B1: what the letter is for, shown above the form
    law: Algemene wet bestuursrecht, artikel 6:4, 6:5 en 6:7    # the legal ground, one plain line
    fields:                         # what the citizen fills in, in the browser only
      - id: naam
        label: Uw naam              # the visible label
        hint: ...                   # optional help under the label
        required: true
        lines: 2                    # more than 1: a text area
        autocomplete: name          # optional, the HTML autocomplete token
        options: [...]              # optional: a choice (radio buttons)
        confirm: true               # optional: a check box the citizen must tick
        when: namens                # optional: only asked when this fact is known
        default: aan                # optional: prefilled with this fact (the citizen may change it)
    ---
    [[naam]]                        # a field: filled in by the citizen in the browser
    Datum: {{datum}}                # a fact: filled in from the conversation (knowledge/domain/letters.py)
    ## Bezwaar tegen {{beslissing}} # the letter's subject (a heading)
    ### Wat wil ik?                 # a heading inside the letter
    (als wat_wilt_u) ...            # this line only when the fact or field has a value
    (als geen wat_klopt_niet) ...   # this line only when it is empty

Blank lines separate paragraphs. A line with an empty field is left out. The browser fills the
letter in (web-widget/src/letter/fill.js); `sample_text` here fills it the same way with sample
values, so the B1 checker can read what a citizen gets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import frontmatter

from knowledge.domain.letters import LETTER_IDS, CaseFacts, letter_facts

LETTERS_DIR = Path(__file__).resolve().parent
FIELD = re.compile(r"\[\[([a-z_]+)\]\]")
FACT = re.compile(r"\{\{([a-z_]+)\}\}")
CONDITION = re.compile(r"^\(als (geen )?([a-z_]+)\)\s*")
FACT_KEYS = frozenset(letter_facts(CaseFacts(), LETTER_IDS[0], today=date(2026, 1, 1), gemeente_name=""))


class TemplateError(ValueError):
    """A template file that does not follow the format above."""


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    hint: str = ""
    required: bool = False
    lines: int = 1
    autocomplete: str = ""
    options: tuple[str, ...] = ()
    confirm: bool = False
    when: str = ""
    default: str = ""

    def public(self) -> dict:
        return {"id": self.id, "label": self.label, "hint": self.hint, "required": self.required,
                "lines": self.lines, "autocomplete": self.autocomplete, "options": list(self.options),
                "confirm": self.confirm, "when": self.when, "default": self.default}


@dataclass(frozen=True)
class LetterTemplate:
    id: str
    title: str
    summary: str
    law: str
    fields: tuple[Field, ...]
    body: str
    path: Path = field(compare=False, default=Path())

    def field_ids(self) -> set[str]:
        return {f.id for f in self.fields}


def parse_template(path: Path) -> LetterTemplate:
    post = frontmatter.loads(path.read_text(encoding="utf-8"))
    meta = post.metadata
    try:
        fields = tuple(Field(id=str(f["id"]), label=str(f["label"]), hint=str(f.get("hint", "")),
                             required=bool(f.get("required", False)), lines=int(f.get("lines", 1)),
                             autocomplete=str(f.get("autocomplete", "")),
                             options=tuple(str(o) for o in f.get("options", ())), confirm=bool(f.get("confirm", False)),
                             when=str(f.get("when", "")), default=str(f.get("default", "")))
                       for f in meta.get("fields", []))
        template = LetterTemplate(id=str(meta["id"]), title=str(meta["title"]), summary=str(meta["summary"]),
                                  law=str(meta["law"]), fields=fields, body=post.content.strip() + "\n", path=path)
    except (KeyError, TypeError, ValueError) as error:
        raise TemplateError(f"{path.name}: {error!r} in the front matter") from None
    problems = template_problems(template)
    if problems:
        raise TemplateError(f"{path.name}: " + "; ".join(problems))
    return template


def template_problems(template: LetterTemplate) -> list[str]:
    """What is wrong with a template's names: unknown facts, fields without a definition, ..."""
    problems = []
    if template.id not in LETTER_IDS or template.path.stem not in ("", template.id):
        problems.append(f"id {template.id!r} must be the file's name and one of {', '.join(LETTER_IDS)}")
    fields = template.field_ids()
    for name in sorted(set(FIELD.findall(template.body)) - fields):
        problems.append(f"[[{name}]] has no field in the front matter")
    for name in sorted(set(FACT.findall(template.body)) - FACT_KEYS):
        problems.append(f"{{{{{name}}}}} is not a fact ({', '.join(sorted(FACT_KEYS))})")
    for line in template.body.splitlines():
        if (m := CONDITION.match(line)) and m[2] not in fields | FACT_KEYS:
            problems.append(f"(als {m[2]}) names neither a field nor a fact")
    for f in template.fields:
        for name, kind in ((f.when, "when"), (f.default, "default")):
            if name and name not in FACT_KEYS:
                problems.append(f"field {f.id}: {kind} {name!r} is not a fact")
    return problems


@lru_cache(maxsize=4)
def _load(folder: str, stamp: tuple) -> dict[str, LetterTemplate]:
    return {t.id: t for t in (parse_template(path) for path in sorted(Path(folder).glob("*.md")))}


def load_templates(folder: Path | str = LETTERS_DIR) -> dict[str, LetterTemplate]:
    """Every template in `folder` by id, read again when a file changed."""
    paths = sorted(Path(folder).glob("*.md"))
    return _load(str(folder), tuple((p.name, p.stat().st_mtime_ns) for p in paths))


def fill(body: str, values: dict[str, str]) -> str:
    """The letter's text with facts and fields filled in: the same rules as web-widget/src/letter/fill.js."""
    lines = []
    for line in body.splitlines():
        if m := CONDITION.match(line):
            known = bool(values.get(m[2], "").strip())
            if known == bool(m[1]):
                continue
            line = line[m.end():]
        names = FIELD.findall(line) + FACT.findall(line)
        if any(not values.get(name, "").strip() for name in names):
            continue
        lines.append(FACT.sub(lambda m: values[m[1]], FIELD.sub(lambda m: values[m[1]], line)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


SAMPLE_VALUES = {"naam": "Jan Jansen", "adres": "Dorpsstraat 1", "telefoon": "06 1234 5678", "kenmerk": "Z-123",
                 "bsn": "123456789", "naam_naaste": "Els Jansen", "adres_naaste": "Dorpsstraat 3",
                 "geboortedatum_naaste": "1 mei 1940", "organisatie": "de gemeente", "aan": "Gemeente Voorbeeld",
                 "wat_klopt_niet": "Ik heb meer hulp nodig. Ik kan niet zelf koken.",
                 "wat_wilt_u": "Ik wil weer 4 uur hulp.", "wat_gebeurde": "Niemand belde terug.",
                 "wanneer": "1 november", "waarop": "een beslissing op mijn aanvraag", "wanneer_gevraagd": "1 juli",
                 "termijn_voorbij": "ja"}


def sample_text(template: LetterTemplate, facts: dict[str, str]) -> str:
    """The letter as a citizen gets it with sample values: what the B1 checker reads."""
    values = {**SAMPLE_VALUES, **{k: v for k, v in facts.items() if v}}
    return fill(template.body, values)
