"""Per-app state kept in app.extensions (no module globals): the store, the query engine, the entity index."""

import threading

from flask import Flask, current_app

from api.engine import QueryEngine
from api.settings import Config
from kg.store import Store

KEY = "vnkg"


class AppState:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.store)
        self.engine = QueryEngine(self.store, workers=config.query_workers, timeout=config.query_timeout,
                                  max_results=config.max_results, memory_mb=config.query_memory_mb)
        self.lock = threading.Lock()
        self.cache: dict[str, tuple[str, object]] = {}  # name -> (generation, value)

    def cached(self, name: str, make):
        """A value computed from the store, kept until a build makes another generation current."""
        generation = str(self.store.current)
        with self.lock:
            hit = self.cache.get(name)
            if hit is not None and hit[0] == generation:
                return hit[1]
        value = make()
        with self.lock:
            self.cache[name] = (generation, value)
        return value


def install(app: Flask, config: Config) -> AppState:
    state = AppState(config)
    app.extensions[KEY] = state
    return state


def state() -> AppState:
    return current_app.extensions[KEY]


def engine() -> QueryEngine:
    return state().engine
