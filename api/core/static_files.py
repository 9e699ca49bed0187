"""Static files from one or more folders, with fixed headers and a Dutch 404 (FastAPI's StaticFiles)."""
from __future__ import annotations

import os
from pathlib import Path

from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import Scope

# Python 3.11 guesses application/javascript; browsers and the tests expect text/javascript.
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8"}


class StaticFolder(StaticFiles):
    """The files of `folders` (the first one wins), served with `headers`; anything else is a JSON 404."""

    def __init__(self, *folders: Path, headers: dict[str, str], not_found: str, check_dir: bool = True):
        self.more_folders = [str(folder) for folder in folders[1:]]
        self.headers = {"X-Content-Type-Options": "nosniff", **headers}
        self.not_found = not_found
        super().__init__(directory=folders[0], check_dir=check_dir)  # check_dir=False: a folder built later

    def get_directories(self, directory=None, packages=None) -> list:
        return [*super().get_directories(directory, packages), *self.more_folders]

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404:
                raise
            return JSONResponse({"detail": self.not_found}, status_code=404)
        media_type = MEDIA_TYPES.get(os.path.splitext(path)[1])
        if media_type and response.status_code == 200:
            response.headers["Content-Type"] = media_type
        response.headers.update(self.headers)
        return response
