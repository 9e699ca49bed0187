"""The API documentation (/docs): Swagger UI served from this API, no CDN, under a CSP.

The Swagger UI files come from the pinned `fastapi-offline` package; the page has no inline script.
`WEGWIJS_API_DOCS=0` switches /docs off (the schema stays at /openapi.json).
"""
from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse, HTMLResponse

SWAGGER_DIR = Path(fastapi_offline.__file__).parent / "static"
INIT_SCRIPT = Path(__file__).resolve().parents[1] / "static" / "docs" / "docs-init.js"
ASSETS = {
    "swagger-ui-bundle.js": (SWAGGER_DIR / "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
    "swagger-ui.css": (SWAGGER_DIR / "swagger-ui.css", "text/css; charset=utf-8"),
    "favicon.png": (SWAGGER_DIR / "favicon.png", "image/png"),
    "docs-init.js": (INIT_SCRIPT, "text/javascript; charset=utf-8"),
}
# Swagger UI sets style attributes and shows data: images; scripts only from here.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Wegwijs API</title>
<link rel="icon" href="/docs/assets/favicon.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs-init.js"></script>
</body>
</html>
"""
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs_page() -> HTMLResponse:
    return HTMLResponse(PAGE, headers=HEADERS)


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Dit bestand bestaat niet.")
    path, media_type = ASSETS[name]
    return FileResponse(path, media_type=media_type, headers={**HEADERS, "Cache-Control": "public, max-age=86400"})
