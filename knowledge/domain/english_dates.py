"""English dates, read by the Dutch date parser (issue 13).

`as_dutch` rewrites the English date mentions in a message, and the words around them that tell
which date is which, into the Dutch forms knowledge/domain/dates.py reads:

  "November 10th", "the 10th of November"  -> "November 10", "10 November"
  "on the 13th"                             -> "op de 13e" (a day of this month)
  "yesterday", "last Tuesday", "Tuesday last week", "two weeks ago"
                                            -> "gisteren", "afgelopen dinsdag", "vorige week dinsdag", "twee weken geleden"
  "dated 10 November", "the letter is from 10 November"
                                            -> "gedateerd 10 November", "the brief is van 10 November" (the date ON the letter)
  "I received it on 16 November", "the letter came on 16 November"
                                            -> "I ontvangen hem on 16 November", "the brief kwam on 16 November" (the day it arrived)
  "stops from 1 January", "until 1 January" -> "vanaf 1 January", "tot 1 January" (the day a decision takes effect)

English month names are in dates.MONTHS already; "10/11" is read in the Dutch order (day/month).
The rewritten text is only read for dates, never shown. A message without any English word is
returned as it is, so Dutch text ("3 of 4 november") is never rewritten.
"""
from __future__ import annotations

import re

ENGLISH = re.compile(
    r"\b(the|my|our|it|i|and|from|this|that|received|letter|dated|ago|yesterday|today|tomorrow|got|came|arrived|sent|on|"
    r"last\s+(week|month|\w+day)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(st|nd|rd|th))\b",
    re.IGNORECASE,
)
WEEKDAYS = {"monday": "maandag", "tuesday": "dinsdag", "wednesday": "woensdag", "thursday": "donderdag",
            "friday": "vrijdag", "saturday": "zaterdag", "sunday": "zondag"}
NUMBERS = {"a": "een", "an": "een", "one": "een", "two": "twee", "three": "drie", "four": "vier", "five": "vijf",
           "six": "zes", "seven": "zeven", "eight": "acht", "nine": "negen", "ten": "tien", "a couple of": "twee",
           "couple of": "twee"}
UNITS = {"day": "dag", "days": "dagen", "week": "week", "weeks": "weken", "month": "maand", "months": "maanden"}
_ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINALS = {word: n for n, word in enumerate(_ORDINAL_UNITS, 1)}
ORDINALS.update({"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                 "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                 "thirtieth": 30, "thirty-first": 31, "thirty first": 31})
ORDINALS.update({f"twenty{sep}{word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS, 1) for sep in ("-", " ")})

_weekday = "|".join(WEEKDAYS)
_number = "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"|\d{1,2}"
_unit = "|".join(sorted(UNITS, key=len, reverse=True))
_ordinal = "|".join(sorted(ORDINALS, key=len, reverse=True))
_month = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?")
_suffix = r"(?:st|nd|rd|th)"
# Something that starts a date once the rewrites above it are done.
_DATE_AHEAD = (rf"(?=(?:the\s+|de\s+)?\d|{_month}|(?:eer)?gisteren\b|vandaag\b|vanochtend\b|afgelopen\b|vorige\b|"
               rf"(?:{'|'.join(WEEKDAYS.values())})\b)")


def _ordinal_day(m: re.Match) -> str:
    return str(ORDINALS[re.sub(r"\s+", " ", m["word"].lower())])


def _ago(m: re.Match) -> str:
    amount = " ".join(m["n"].lower().split())
    return f"{NUMBERS.get(amount, amount)} {UNITS[m['unit'].lower()]} geleden"


def _for_weeks(m: re.Match) -> str:
    amount = m["n"].lower()
    return f"al {NUMBERS.get(amount, amount)} {UNITS[m['unit'].lower()]}"


# (pattern, replacement) in order: dates first, then the words around them.
REWRITES: list[tuple[re.Pattern, object]] = [(re.compile(p, re.IGNORECASE), r) for p, r in [
    # "the first of November", "November the first", "twenty-third November"
    (rf"\b(?:the\s+)?(?P<word>{_ordinal})(?:\s+of)?\s+(?={_month})", lambda m: _ordinal_day(m) + " "),
    (rf"(?P<month>{_month})\s+(?:the\s+)?(?P<word>{_ordinal})\b", lambda m: f"{m['month']} {_ordinal_day(m)}"),
    # "the 5th of November", "5 of November" -> "5 November"
    (rf"\b(?:the\s+)?(\d{{1,2}}){_suffix}?\s+of\s+(?={_month})", r"\1 "),
    # "the 3rd of last month", "last month on the 20th": a day of last month
    (rf"\b(?:on\s+)?the\s+(\d{{1,2}}){_suffix}?\s+of\s+last\s+month\b", r"de \1e van vorige maand"),
    (rf"\blast\s+month\s+on\s+the\s+(\d{{1,2}}){_suffix}?\b", r"vorige maand de \1e"),
    # "on the 13th": a day of this month (or last month's, when still to come)
    (rf"\b(?:on\s+)?the\s+(\d{{1,2}}){_suffix}\b(?!\s+of\b)", r"op de \1e"),
    (rf"\b(\d{{1,2}}){_suffix}\b", r"\1"),  # "November 10th" -> "November 10"
    (r"\b(?:the\s+)?day\s+before\s+yesterday\b", "eergisteren"),
    (r"\byesterday\b", "gisteren"),
    (r"\bthis\s+morning\b", "vanochtend"),
    (r"\btoday\b", "vandaag"),
    (rf"\b(?:last|past|previous)\s+week\s+(?:on\s+)?({_weekday})\b", r"vorige week \1"),
    (rf"\b({_weekday})\s+(?:of\s+)?(?:last|the\s+previous)\s+week\b", r"vorige week \1"),
    (rf"\b(?:last|past|previous|this\s+past)\s+({_weekday})\b", r"afgelopen \1"),
    (r"\b(?:last|previous)\s+week\b", "vorige week"),
    (r"\b(?:last|previous)\s+month\b", "vorige maand"),
    (rf"\b(?P<n>{_number})\s+(?P<unit>{_unit})\s+ago\b", _ago),
    (rf"\b(?:for|already|since|more\s+than|over|almost|nearly)\s+(?P<n>{_number})\s+(?P<unit>weeks?|months?)\b", _for_weeks),
    # the words that end a clause (dates._clause)
    (r"\bbut\b", "maar"), (r"\band\s+then\b", "en toen"), (r"\bbecause\b", "want"),
    # the day a decision takes effect: "stops from 1 January", "as of 1 December", "until 1 January"
    (rf"\b(letter|decision|notice|it|one|that|this|e?-?mail|message)(\s+is|\s+was|'s)?(\s+dated)?\s+from\s+{_DATE_AHEAD}",
     r"\1\2\3 van "),
    # "the letter from the gemeente is from 12 nov": a sender between, then "is/was from" (not "a letter from
    # the gemeente from 1 January my help stops": the day it takes effect)
    (rf"\b(letter|decision|notice)(\s+(?:from|of|by)\s+(?:the\s+)?[\w-]+)(\s+is|\s+was)(\s+dated)?\s+from\s+{_DATE_AHEAD}",
     r"\1\2\3\4 van "),
    (rf"\b(?:as\s+of|starting(?:\s+from|\s+on)?|effective(?:\s+from)?|with\s+effect\s+from|from)\s+{_DATE_AHEAD}", "vanaf "),
    (rf"\b(?:until|till|up\s+to)\s+{_DATE_AHEAD}", "tot "),
    (rf"\bof\s+{_DATE_AHEAD}", "van "),
    # the date ON the letter ...
    (r"\bdated\b", "gedateerd"),
    (r"\b(?:the\s+)?date\s+(?:on|of)\s+the\s+(?:letter|decision)\b|\bthe\s+date\b", "datum"),
    (r"\bwritten\b", "geschreven"),
    (r"\bsays\b", "staat"),
    (r"\b(i|we)\s+(?:sent|submitted|filed|lodged|made)\b", r"\1 stuurde"),  # "I sent my objection": the citizen's own
    (r"\b(?:sent|posted|mailed)\b", "verstuurd"),
    (r"\b(?:submitted|filed|lodged)\b", "ingediend"),
    # ... or the day it arrived
    (r"\b(?:received|receive|receiving)\b", "ontvangen"),
    (r"\b(?:got|get|gotten)\b", "kreeg"),
    (r"\b(?:came|come|comes|arrived|arrive|arrives)\b", "kwam"),
    (r"\bdelivered\b", "bezorgd"),
    (r"\b(?:brought|handed)\b", "bezorgd"),  # "my neighbour only brought it over on 6 November"
    (r"\bin\s+(?:the|my)\s+(?:mail|post|mailbox|letterbox|letter\s+box)\b", "in de bus"),
    (r"\b(?:saw|seen|noticed|found|discovered|opened)\b", "zag"),  # "I only opened MijnOverheid on 2 November"
    (r"\breached\b", "kwam"),  # "the letter reached us on Friday"
    (r"\bread\s+(?=it\b|the\b)", "gelezen "),
    # what the dates are about
    (r"\bobjection\b", "bezwaar"),
    (r"\bletters?\b", "brief"),
    (r"\b(?:decision|notice)\b", "besluit"),
    (r"\bit\b", "hem"),
    (rf"\b({_weekday})\b", lambda m: WEEKDAYS[m[1].lower()]),
]]


def as_dutch(text: str) -> str:
    """The text with its English dates and date words in the Dutch forms dates.py reads."""
    if not ENGLISH.search(text):
        return text
    for pattern, replacement in REWRITES:
        text = pattern.sub(replacement, text)
    return text
