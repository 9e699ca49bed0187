"""Many gemeenten in one installation: one settings file per gemeente, checked by one schema.

A regional service or a vendor embeds Wegwijs on many municipal sites. Each gemeente has its own
file `<folder>/<code>.yml`, named by its CBS gemeentecode (four digits). What depends on the gemeente:
the ombudsman after its klacht procedure (routes.md §3: its own or a regional ombudsman or
ombudscommissie, else the Nationale ombudsman), the wijkteam and cliëntondersteuning, its phone
number, the address for bezwaar and klacht letters, office hours and closed days, the staff team
that answers its chats, and the widget's colours.

Without a folder the single file (`gemeente.yml`, setting WEGWIJS_GEMEENTE_FILE) is the one gemeente,
read as before. A bad file stops the start with `GemeenteFileError`: the file, the field and the fix.
The API reads this module (pydantic 2); the action server gets the facts it needs with each message.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator,
                      model_validator)

from ..i18n import _

logger = logging.getLogger(__name__)

NATIONAL_OMBUDSMAN = "de Nationale ombudsman"
NATIONAL_OMBUDSMAN_URL = "https://www.nationaleombudsman.nl"
LEGACY_CODE = "0000"  # the code of a single gemeente.yml that names none
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIN_CONTRAST = 4.5  # WCAG 2.1, 1.4.3: normal text
DEFAULT_COLOUR, DEFAULT_COLOUR_DARK = "#154273", "#0b2a4d"  # the widget's own (web-widget/src/styles.css)
CODE = re.compile(r"^\d{4}$")
HOURS = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# How to fix a field, for the start-up message (the schema's own message says what is wrong).
FIXES = {
    "code": 'write the CBS gemeentecode as four digits in quotes, e.g. code: "0363", and name the file after it',
    "name": 'write the name citizens know, e.g. name: "Gemeente Voorbeeld"',
    "phone": 'write the number citizens call, in quotes, e.g. phone: "14 0123"',
    "website": "write the full address of the gemeente's website, starting with https://",
    "ombudsman": "write kind: own, regional or national; own and regional also need name and url",
    "wijkteam": "give name and at least a phone or url",
    "clientondersteuning": "give name and at least a phone or url",
    "office_hours": 'give weekdays (mon … sun) with "HH:MM-HH:MM", e.g. mon: "09:00-17:00"; leave a closed day out',
    "holidays_closed": "list dates as YYYY-MM-DD, e.g. - 2026-12-24",
    "widget": 'give colours as #rrggbb; text on the colour needs a contrast of at least 4.5:1 (WCAG 1.4.3)',
    "staff_team": "write a short team name of lowercase letters, digits and hyphens, e.g. staff_team: team-noord",
    "default": "write default: true in exactly one gemeente's file",
}


LEGACY = {"legacy": True}  # validation context of a single gemeente.yml: read as leniently as before


def _legacy(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("legacy"))


def _https(value: str, info: ValidationInfo) -> str:
    if not value.startswith("https://") and not (_legacy(info) and value.startswith("http://")):
        raise ValueError(f"{value!r} must start with https://")
    return value


HttpsUrl = Annotated[str, AfterValidator(_https)]


class Contact(BaseModel):
    """A desk citizens can reach: the wijkteam, the cliëntondersteuning organisation."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=2)
    phone: str | None = None
    url: HttpsUrl | None = None


    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.url):
            raise ValueError("needs a phone or a url: citizens must be able to reach it")
        return self


class Ombudsman(BaseModel):
    """Where a klacht about the gemeente goes after the gemeente handled it (Awb 9:17-9:18)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["own", "regional", "national"]
    name: str | None = None  # "de ombudscommissie Proefstad"; the Nationale ombudsman needs none
    url: HttpsUrl | None = None
    phone: str | None = None


    @model_validator(mode="after")
    def _named(self, info: ValidationInfo) -> Ombudsman:
        if self.kind != "national" and not (self.name and (self.url or _legacy(info))):
            raise ValueError(f"an ombudsman of kind {self.kind!r} needs a name and a url")
        return self

    @property
    def display_name(self) -> str:
        return self.name if self.kind != "national" and self.name else NATIONAL_OMBUDSMAN

    @property
    def link(self) -> str | None:
        """Its website; None for an own ombudsman without one (a single gemeente.yml may leave it out)."""
        return self.url if self.kind != "national" else NATIONAL_OMBUDSMAN_URL

    @property
    def is_own(self) -> bool:
        """The gemeente's own or a regional ombudsman (not the Nationale ombudsman)."""
        return self.kind != "national"


class WidgetStyle(BaseModel):
    """The widget's colours on this gemeente's site: `colour` behind `text_colour` (buttons, header)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    colour: str = DEFAULT_COLOUR
    text_colour: str = "#ffffff"
    logo: HttpsUrl | None = None  # https URL of a logo shown in the widget's header


    @field_validator("colour", "text_colour")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not COLOUR.match(value):
            raise ValueError(f"{value!r} is no colour in the form #rrggbb")
        return value.lower()

    @model_validator(mode="after")
    def _readable(self) -> WidgetStyle:
        ratio = contrast(self.colour, self.text_colour)
        if ratio < MIN_CONTRAST:
            raise ValueError(f"text {self.text_colour} on {self.colour} has a contrast of {ratio:.1f}:1, "
                             f"below {MIN_CONTRAST}:1; choose a darker colour or another text colour")
        on_white = contrast(self.colour, "#ffffff")
        if on_white < MIN_CONTRAST:  # the widget also writes links and names in this colour on white
            raise ValueError(f"{self.colour} on white has a contrast of {on_white:.1f}:1, below {MIN_CONTRAST}:1 "
                             "(the widget writes text in it on white); choose a darker colour")
        return self

    @property
    def colour_dark(self) -> str:
        """The colour for hover: 30% darker (more contrast with the text colour on it when that is light)."""
        if self.colour == DEFAULT_COLOUR:
            return DEFAULT_COLOUR_DARK  # the widget's own hover colour (web-widget/src/styles.css)
        return "#" + "".join(f"{int(int(self.colour[i:i + 2], 16) * 0.7):02x}" for i in (1, 3, 5))


class Gemeente(BaseModel):
    """One gemeente's settings file. Unknown keys are refused (a typo would otherwise be ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str = Field(min_length=2)
    phone: str = Field(min_length=3)
    website: HttpsUrl
    ombudsman: Ombudsman = Field(default_factory=lambda: Ombudsman(kind="national"))
    wijkteam: Contact | None = None
    clientondersteuning: Contact | None = None
    # None: the installation's office hours (WEGWIJS_OFFICE_OPEN/_CLOSE, Monday to Friday)
    office_hours: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], str] | None = None
    holidays_closed: list[date] = []
    post_address: str | None = None  # for bezwaar and klacht letters (knowledge/letters/sending.py)
    bezwaar_url: HttpsUrl | None = None
    klacht_url: HttpsUrl | None = None
    staff_team: str | None = Field(default=None, pattern=r"^[a-z0-9-]{1,40}$")  # None: the code
    widget: WidgetStyle = Field(default_factory=WidgetStyle)
    default: bool = False  # the gemeente of a widget that names none

    @field_validator("code", mode="before")
    @classmethod
    def _cbs_code(cls, value: Any) -> str:
        if not isinstance(value, str) or not CODE.match(value):
            raise ValueError(f"{value!r} is no CBS gemeentecode (four digits, in quotes)")
        return value

    @field_validator("office_hours")
    @classmethod
    def _hours(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        for day, hours in (value or {}).items():
            span = _span(hours)
            if span is None or span[0] >= span[1] or span[1] > 24 * 60:
                raise ValueError(f"{day}: {hours!r} is no opening time like \"09:00-17:00\"")
        return value

    @property
    def team(self) -> str:
        return self.staff_team or self.code

    @property
    def ombudsman_name(self) -> str:
        return self.ombudsman.display_name

    def open_at(self, moment: datetime, default_open: time, default_close: time) -> bool:
        """Staff of this gemeente work at `moment` (local time): a working day, not closed, in hours."""
        if moment.date() in self.holidays_closed:
            return False
        if self.office_hours is None:
            return moment.weekday() < 5 and default_open <= moment.time() < default_close
        hours = self.office_hours.get(WEEKDAYS[moment.weekday()])
        if not hours:
            return False
        start, end = _span(hours)
        return start <= moment.hour * 60 + moment.minute < end

    def contact_line(self, desk: Literal["wijkteam", "clientondersteuning"]) -> str | None:
        """"Voor Gemeente Proefstad: Sociaal Team Proefstad. Bel 14 0999." (B1), or None without that contact."""
        contact = self.wijkteam if desk == "wijkteam" else self.clientondersteuning
        if contact is None:
            return None
        reach = " ".join(part for part in (_("Bel {phone}.").format(phone=contact.phone) if contact.phone else "",
                                           _("Kijk op {url}.").format(url=contact.url) if contact.url else "") if part)
        return _("Voor {gemeente}: {contact}.").format(gemeente=self.name, contact=contact.name) + f" {reach}"

    def for_the_bot(self) -> dict[str, Any]:
        """What the action server needs of this gemeente, sent with every message (metadata `gemeente`)."""
        contact = lambda c: c.model_dump(exclude_none=True) if c else None  # noqa: E731
        return {"code": self.code, "name": self.name, "phone": self.phone,
                "ombudsman_name": self.ombudsman_name, "own_ombudsman": self.ombudsman.is_own,
                "wijkteam": contact(self.wijkteam), "clientondersteuning": contact(self.clientondersteuning)}


def _span(hours: str) -> tuple[int, int] | None:
    """"08:30-12:30" -> (510, 750): minutes after midnight; None when it is not written so."""
    match = HOURS.match(hours.replace(" ", ""))
    if not match:
        return None
    return int(match[1]) * 60 + int(match[2]), int(match[3]) * 60 + int(match[4])


def contrast(colour: str, other: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours (1.0 … 21.0)."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(colour), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class GemeenteFileError(ValueError):
    """A gemeente file that cannot be used; the message names the file, the field and the fix."""


@dataclass(frozen=True)
class Gemeenten:
    """Every gemeente of this installation, by CBS code, and the one for a widget that names none."""

    by_code: dict[str, Gemeente]
    default_code: str
    files: dict[str, Path]  # each gemeente's own file (knowledge/letters reads its post address there)
    single: bool = False  # one gemeente.yml, no folder: new conversations store no code

    @property
    def default(self) -> Gemeente:
        return self.by_code[self.default_code]

    def code_of(self, code: str | None) -> str:
        """A stored code as this installation reads it: None, or a code it no longer has (a removed
        file, "0000" of a former single gemeente.yml), is the default gemeente's."""
        return code if code in self.by_code else self.default_code

    def get(self, code: str | None) -> Gemeente:
        """The gemeente with `code`; None or an unknown code (an old conversation): the default."""
        return self.by_code[self.code_of(code)]

    def known(self, code: str) -> bool:
        return code in self.by_code

    def file_of(self, code: str | None) -> Path:
        return self.files[self.code_of(code)]

    def codes_of_team(self, team: str) -> set[str]:
        """The codes of the team's gemeenten; the default team's also holds LEGACY_CODE when this
        installation has no such gemeente (conversations of a former single gemeente.yml)."""
        codes = {code for code, gemeente in self.by_code.items() if gemeente.team == team}
        if team == self.default.team and LEGACY_CODE not in self.by_code:
            codes.add(LEGACY_CODE)
        return codes


def _error(file: Path, error: ValidationError) -> GemeenteFileError:
    lines = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"]) or "(the whole file)"
        fix = FIXES.get(str(problem["loc"][0]) if problem["loc"] else "", "see the schema in knowledge/domain/gemeenten.py")
        if problem["type"] == "extra_forbidden":
            fix = f"remove {field!r} or correct its spelling (known fields: {', '.join(Gemeente.model_fields)})"
        elif problem["type"] == "missing":
            fix = f"add {field}: {FIXES.get(field, 'a value')}"
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{file}: field '{field}': {message}. Fix: {fix}.")
    return GemeenteFileError("\n".join(lines))


def _read(file: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise GemeenteFileError(f"{file}: no valid YAML{where}. Fix: check the indentation and quotes there "
                                f"(compare with gemeenten/9991.yml).") from None
    if not isinstance(data, dict):
        raise GemeenteFileError(f"{file}: field '(the whole file)': is empty or no list of fields. "
                                "Fix: write one field per line, e.g. name: \"Gemeente Voorbeeld\".")
    return data


def parse_gemeente(file: Path, data: dict[str, Any], context: dict[str, Any] | None = None) -> Gemeente:
    try:
        return Gemeente.model_validate(data, context=context)
    except ValidationError as error:
        raise _error(file, error) from None


def legacy_gemeente(file: Path) -> Gemeente:
    """The single gemeente.yml of an installation without a folder, read as leniently as before this
    schema: its earlier keys still count, an own ombudsman may lack a url (then no link is shown),
    a website may start with http://, and unknown keys are ignored with a warning."""
    data = _read(file)
    own, own_url = data.pop("own_ombudsman", None), data.pop("own_ombudsman_url", None) or None
    if "ombudsman" not in data:
        data["ombudsman"] = {"kind": "own", "name": own, "url": own_url} if own else {"kind": "national"}
    for key in sorted(set(data) - set(Gemeente.model_fields)):
        logger.warning("%s: unknown field %r is ignored (known fields: %s)", file, key, ", ".join(Gemeente.model_fields))
        del data[key]
    data.setdefault("code", LEGACY_CODE)
    data.setdefault("default", True)
    return parse_gemeente(file, data, context=LEGACY)


def load_gemeenten(folder: Path | None, single_file: Path) -> Gemeenten:
    """The folder's gemeenten (every `<code>.yml`), or the single file when there is no folder."""
    if folder is not None and not (folder.is_dir() and any(folder.glob("*.yml"))):
        raise GemeenteFileError(f"{folder}: {'has no <code>.yml files' if folder.is_dir() else 'does not exist'}. "
                                "Fix: put one settings file per gemeente in it (see gemeenten/9991.yml), "
                                "or unset WEGWIJS_GEMEENTEN_DIR to use the one gemeente file.")
    if folder is None:
        gemeente = legacy_gemeente(single_file)
        return Gemeenten({gemeente.code: gemeente}, gemeente.code, {gemeente.code: single_file}, single=True)
    by_code: dict[str, Gemeente] = {}
    for file in sorted(folder.glob("*.yml")):
        gemeente = parse_gemeente(file, _read(file))
        if file.stem != gemeente.code:
            raise GemeenteFileError(f"{file}: field 'code': {gemeente.code!r} differs from the file name. "
                                    f"Fix: rename the file to {gemeente.code}.yml or correct the code.")
        by_code[gemeente.code] = gemeente
    defaults = [code for code, gemeente in by_code.items() if gemeente.default]
    if len(by_code) == 1 and not defaults:
        defaults = list(by_code)
    if len(defaults) != 1:
        named = ", ".join(f"{folder / code}.yml" for code in defaults) or "none of the files"
        raise GemeenteFileError(f"{folder}: field 'default': {len(defaults)} gemeenten are the default ({named}). "
                                f"Fix: {FIXES['default']}.")
    return Gemeenten(by_code, defaults[0], {code: folder / f"{code}.yml" for code in by_code})
