"""Fixtures shared by the tests: the lexicon, articles built by hand, and stores built from them."""

from pathlib import Path

import pytest

from kg.ingest import parse_article
from kg.lexicon import load_lexicon
from kg.pipeline import build, extract_article
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_GOLD = Path(__file__).resolve().parent / "gold"
OWN_ARTICLES = Path(__file__).resolve().parent / "articles"
OWN_GOLD = OWN_ARTICLES / "gold"


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def extract(lexicon):
    """Extract from an article given as text (paragraphs separated by blank lines)."""
    def run(text: str, article_id: str = "t"):
        return extract_article(parse_article(text, article_id=article_id, source_file=f"{article_id}.txt"), lexicon)
    return run


def built_store(tmp_path_factory, name: str, *paths: Path) -> Store:
    store = Store(tmp_path_factory.mktemp(name))
    build(list(paths), store)
    return store


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """A store built once from seeds/."""
    return built_store(tmp_path_factory, "seed-store", SEEDS)


@pytest.fixture(scope="session")
def seed_dataset(seed_store):
    return seed_store.open()


@pytest.fixture(scope="session")
def own_store(tmp_path_factory):
    """A store built once from the project's own annotated test articles."""
    return built_store(tmp_path_factory, "own-store", OWN_ARTICLES)


@pytest.fixture(scope="session")
def app(seed_store):
    """The web app over the seed store: short time limit and a small result cap, for the tests."""
    from api import create_app
    from api.settings import Config

    app = create_app(Config(store=seed_store.path, query_timeout=3.0, max_results=50, query_workers=2))
    app.config["TESTING"] = True
    yield app
    app.extensions["vnkg"].engine.close()


@pytest.fixture()
def client(app):
    return app.test_client()
