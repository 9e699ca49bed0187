"""Names and addresses in citizens' free text: a simple heuristic, tested in tests/api/test_names.py.

Masked (the cue stays, the name or address becomes a label):
- a name after a strong cue, also in lowercase: "mijn naam is jan de vries", "ik heet Anna",
  "naam: Bakker", "genaamd Piet", "mijn moeder heet Truus";
- a capitalised name after a weaker cue: "ik ben Jan Jansen", "dit is Fatima", "u spreekt met Kees",
  "meneer De Vries", "mevrouw J. van den Berg", "dhr. Öztürk", "mijn moeder Truus Bakker",
  "de zoon van Mohammed";
- a street with a house number: a word ending in straat, laan, weg, plein, gracht, kade, singel, dijk,
  pad, hof, dreef, steeg, park, plantsoen, markt, allee, haven or wal, then a number
  ("Dorpsstraat 12a", "op de kerkweg 3-2", "Laan van Meerdervoort 120");
- a Dutch postcode ("1234 AB", "1234ab").

Not masked (the limits, on purpose, to keep the rest of the question readable):
- names without such a cue ("Truus belde me gisteren") and lowercase names after a weak cue
  ("ik ben jan": "ik ben boos" must stay);
- streets without one of those endings ("Achter de Dom 3", "Oudegracht" without a number),
  house numbers written in words, place names;
- names of care workers or organisations mentioned in passing ("de wijkverpleegkundige Sandra").
A capitalised word after a weak cue that is not a name ("Ik ben Mantelzorger") is masked too: better
one word too many than a name left in.
"""
from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_PARTICLE = r"(?i:van|de|der|den|het|ter|ten|te|'t|la|le|du|da|di|von|vd\.?)"
_CAP_WORD = rf"[{_UP}][{_LETTER}'’\-]*"
_INITIALS = rf"(?:[{_UP}]\.\s?)+"
_NAME_CAP = (rf"(?:{_INITIALS})?(?:{_PARTICLE}\s+)*{_CAP_WORD}"
             rf"(?:\s+(?:{_PARTICLE}\s+)*{_CAP_WORD}){{0,3}}")
_NOT_A_NAME = r"(?i:niet|geen|een|de|het|u|dus|eigenlijk|ook|wel|nu|al|zo|hier)\b"
_NAME_LOW = rf"(?!{_NOT_A_NAME})[{_LETTER}'’\-]{{2,}}(?:\s+(?:{_PARTICLE}\s+)+[{_LETTER}'’\-]{{2,}})?"

_RELATIVE = (r"(?:moeder|vader|man|vrouw|partner|zoon|dochter|kind|broer|zus|zuster|oma|opa|buurman|buurvrouw|"
             r"schoonmoeder|schoonvader|tante|oom|neef|nicht|vriend|vriendin|cliënt|client)")
_STRONG_CUE = rf"(?i:mijn\s+naam\s+is|mijn\s+naam\s*:|naam\s*:|ik\s+heet|heet\s+ik|genaamd|{_RELATIVE}\s+heet|(?:hij|zij|ze)\s+heet)"
_WEAK_CUE = (rf"(?i:ik\s+ben|dit\s+is|u\s+spreekt\s+met|spreekt\s+met|meneer|mevrouw|mijnheer|de\s+heer|"
             rf"dhr\.?|mevr\.?|mw\.?|dr\.?|mijn\s+{_RELATIVE},?|{_RELATIVE}\s+van)")

STRONG_NAME = re.compile(rf"\b(?P<cue>{_STRONG_CUE})(?P<gap>(?<=:)\s*|\s+)(?P<name>{_NAME_CAP}|{_NAME_LOW})")
WEAK_NAME = re.compile(rf"\b(?P<cue>{_WEAK_CUE})(?P<gap>\s+)(?P<name>{_NAME_CAP})")

_SUFFIX = r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|dreef|steeg|park|plantsoen|markt|allee|haven|wal)"
_HOUSE_NUMBER = r"(?:\s*,?\s*(?i:nr\.?|nummer|no\.?)?\s*)\d{1,5}(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?|\s?[a-zA-Z](?![\w])|\s?(?i:hs|bis))?(?!\d)"
STREET = re.compile(
    rf"(?i:(?<![{_LETTER}'’\-])(?!(?:onder|half|mid)weg\b)[{_LETTER}'’\-]{{2,}}{_SUFFIX}"
    rf"|\b(?:laan|plein|park|hof|kade|dijk|singel|weg)\s+(?:van|der|de|den|ter|te|het)\s+(?:[{_LETTER}'’\-]+\s+){{0,2}}[{_LETTER}'’\-]+)"
    rf"{_HOUSE_NUMBER}"
)
POSTCODE = re.compile(r"\b[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})\b")


def _name(match: re.Match) -> str:
    return f"{match.group('cue')}{match.group('gap')}[naam]"


def mask_names_and_addresses(text: str) -> str:
    text = STREET.sub("[adres]", text)
    text = POSTCODE.sub("[postcode]", text)
    text = STRONG_NAME.sub(_name, text)
    return WEAK_NAME.sub(_name, text)
