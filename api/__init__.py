"""The web server: a SPARQL 1.1 endpoint, a JSON API and a query page over a vnkg store."""

from collections.abc import Mapping
from typing import Any

from flask import Flask

from api.settings import Config, resolve


def create_app(config: Config | Mapping[str, Any] | None = None) -> Flask:
    """Make the app; config is a Config, or settings by name (the rest come from the environment)."""
    from api import errors, graphs, rest, sparql, state, views

    if not isinstance(config, Config):
        config = resolve(config)
    app = Flask(__name__)
    app.config["VNKG"] = config
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    state.install(app, config)
    errors.register(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(rest.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(graphs.bp)
    return app
