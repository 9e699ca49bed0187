"""The API with the widget's routes, for the browser tests while api/main.py does not include them yet."""
from api.main import create_app
from api.routes import widget

app = create_app()
if not any(getattr(route, "path", None) == "/widget.js" for route in app.routes):
    app.include_router(widget.router)
