"""The chat widget: its bundle, its interface texts and a demo municipal page (an example gemeente).

    GET /?gemeente=<code>          demo page of one gemeente with the widget embedded (strict CSP, no
                                   inline code); links to the installation's other gemeenten
    GET /widget/gemeente/{code}.json  the gemeente's name and the widget's colours and logo
    GET /widget.js                 the bundle built from web-widget/ (`make widget`)
    GET /widget/i18n/{locale}.json the interface texts, from the gettext catalogs in api/locales/
    GET /static/{name}             the demo page's own files (api/static/demo/: demo.css, favicon.svg)
"""
from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response

from fastapi.templating import Jinja2Templates

from api.core.config import Settings, get_settings
from api.core.static_files import StaticFolder
from api.services.gemeenten import gemeenten_of
from knowledge.domain.gemeenten import WEEKDAYS, Gemeente
from knowledge.i18n import LOCALES  # one widget catalog (api/locales/<lang>/) per language

API_DIR = Path(__file__).resolve().parents[1]
WIDGET_BUNDLE = API_DIR.parent / "web-widget" / "dist" / "widget.js"
DEMO_PAGE = API_DIR / "templates" / "demo.html"
DEMO_DIR = API_DIR / "static" / "demo"
LOCALES_DIR = API_DIR / "locales"

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self'",
    "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
NOT_BUILT = "De chatwidget is nog niet gebouwd. Voer `make widget` uit (of `make run`) en laad de pagina opnieuw."
UNKNOWN_LOCALE = "Deze taal is er niet. Kies nl of en."

router = APIRouter(tags=["widget"])


def compile_catalog(po_file: Path, locale: str) -> dict[str, str]:
    """Compile a .po catalog with babel (in memory) and return {English msgid: translation}."""
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain="widget")
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as `pybabel compile` does
    compiled.seek(0)
    translations = gettext.GNUTranslations(compiled)
    return {message.id: translations.gettext(message.id) for message in catalog if message.id}


# Compiled once, when the app starts: a broken catalog stops the start with a clear error.
CATALOGS = {locale: compile_catalog(LOCALES_DIR / locale / "LC_MESSAGES" / "widget.po", locale) for locale in LOCALES}


templates = Jinja2Templates(directory=str(DEMO_PAGE.parent))
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
UNKNOWN_GEMEENTE = "Deze gemeente kent Wegwijs niet."


def _clock(value: str) -> str:
    return value.strip().lstrip("0").replace(":", ".") or "0.00"


def opening_hours(gemeente: Gemeente, settings: Settings) -> str:
    """"op maandag, dinsdag en woensdag van 8.30 tot 12.30 uur" (B1); without hours in the gemeente's
    file the installation's (WEGWIJS_OFFICE_OPEN/_CLOSE on working days)."""
    if not gemeente.office_hours:
        open_, close = (t.strftime("%H:%M") for t in (settings.office_open, settings.office_close))
        return f"op werkdagen van {_clock(open_)} tot {_clock(close)} uur"
    groups: dict[str, list[str]] = {}
    for day, name in zip(WEEKDAYS, DAY_NAMES):
        if gemeente.office_hours.get(day):
            groups.setdefault(gemeente.office_hours[day], []).append(name)
    parts = []
    for hours, days in groups.items():
        start, end = (_clock(t) for t in hours.split("-"))
        listed = days[0] if len(days) == 1 else ", ".join(days[:-1]) + " en " + days[-1]
        parts.append(f"op {listed} van {start} tot {end} uur")
    return "; ".join(parts)


def _settings(request: Request) -> Settings:
    """The app's settings (an app with only this router: the environment's)."""
    return getattr(request.app.state, "settings", None) or get_settings()


def _gemeente(request: Request, code: str | None) -> Gemeente:
    gemeenten = gemeenten_of(_settings(request))
    if code and not gemeenten.known(code):
        raise HTTPException(status.HTTP_404_NOT_FOUND, UNKNOWN_GEMEENTE)
    return gemeenten.get(code)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def demo_page(request: Request, gemeente: str | None = Query(default=None, max_length=8),
              lang: str | None = Query(default=None, max_length=5)) -> HTMLResponse:
    """The demo page; `?lang=en` sets the widget's language (data-locale) as an English page would."""
    chosen = _gemeente(request, gemeente)
    others = [g for g in gemeenten_of(_settings(request)).by_code.values() if g.code != chosen.code]
    return templates.TemplateResponse(request, DEMO_PAGE.name, {"g": chosen, "others": others,
                                                                "locale": lang if lang in LOCALES else "nl",
                                                                "hours": opening_hours(chosen, _settings(request))},
                                      headers=PAGE_HEADERS)


@router.get("/widget/gemeente/{code}.json", summary="A gemeente's name and the widget's colours on its site",
            responses={404: {"description": UNKNOWN_GEMEENTE}})
def widget_gemeente(request: Request, code: str) -> JSONResponse:
    chosen = _gemeente(request, code)
    return JSONResponse({"code": chosen.code, "name": chosen.name, **chosen.widget.model_dump(),
                         "colour_dark": chosen.widget.colour_dark},
                        headers={"Cache-Control": "no-cache"})


@router.get("/widget.js", include_in_schema=False)
def widget_bundle() -> Response:
    if not WIDGET_BUNDLE.is_file():
        return PlainTextResponse(NOT_BUILT, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
    return FileResponse(WIDGET_BUNDLE, media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})


@router.get("/widget/i18n/{locale}.json", summary="Interface texts of the chat widget",
            responses={404: {"description": UNKNOWN_LOCALE}})
def widget_texts(locale: str) -> JSONResponse:
    if locale not in CATALOGS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, UNKNOWN_LOCALE)
    return JSONResponse({"locale": locale, "strings": CATALOGS[locale]}, headers={"Cache-Control": "no-cache"})


# the demo page's own files (api/static/demo/): demo.css, favicon.svg
router.mount("/static", StaticFolder(DEMO_DIR, headers={}, not_found="Dit bestand bestaat niet."))
