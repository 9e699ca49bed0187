"""The chat widget: its bundle, its interface texts and a demo municipal page ("Gemeente Voorbeeld").

    GET /                          demo page with the widget embedded (strict CSP, no inline code)
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
from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response

from api.core.static_files import StaticFolder

API_DIR = Path(__file__).resolve().parents[1]
WIDGET_BUNDLE = API_DIR.parent / "web-widget" / "dist" / "widget.js"
DEMO_PAGE = API_DIR / "templates" / "demo.html"
DEMO_DIR = API_DIR / "static" / "demo"
LOCALES_DIR = API_DIR / "locales"
LOCALES = ("nl", "en")

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


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def demo_page() -> HTMLResponse:
    return HTMLResponse(DEMO_PAGE.read_text(encoding="utf-8"), headers=PAGE_HEADERS)


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
