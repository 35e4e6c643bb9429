"""Real headless Chromium (Debian's package, installed by scripts/bootstrap.sh) against a real server."""

import dataclasses
import shutil
import threading
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import PROV
from waitress.server import create_server

from kg.analytics import analytics_triples
from kg.namespaces import GRAPH, ID, VNKG
from kg.network import entity_network
from kg.queries import rdflib_select
from kg.store import Store

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
HOSTILE = ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=1</script>Ông Độc"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: scripts/test installs Debian's chromium package (apt-get).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def serve(app):
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


@pytest.fixture(scope="module")
def site(app):
    server, base = serve(app)
    yield base
    server.close()


@pytest.fixture()
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith(site) else None)
    yield page
    context.close()


def drawn(page, path: str, site: str) -> int:
    page.goto(site + path)
    page.wait_for_selector("#network[data-ready=true]", timeout=30_000)
    return page.evaluate("window.vnkgNetworks.network.body.data.nodes.length")


def click_node(page, node_id: str) -> None:
    point = page.evaluate("""(id) => { const n = window.vnkgNetworks.network;
        return n.canvasToDOM(n.getPositions([id])[id]); }""", node_id)
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_browser_meeting_network_renders_and_a_click_opens_the_entity(page, site):
    assert drawn(page, "/graph/meetings", site) == 11
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "meeting-network.png"))
    print(f"screenshot: {ARTIFACTS / 'meeting-network.png'}")
    with page.expect_navigation():
        click_node(page, "person/jacob-helberg")
    assert page.url == site + "/entity/person/jacob-helberg"
    assert page.inner_text("h1") == "Jacob Helberg"
    assert page.outside == []


@pytest.mark.parametrize("radius", [1, 2])
def test_browser_ego_view_shows_the_neighbourhood(page, site, seed_dataset, radius):
    iri = ID["person/nguyen-hong-dien"]
    expected = nx.ego_graph(entity_network(rdflib_select(seed_dataset)), str(iri), radius=radius).number_of_nodes()
    assert drawn(page, f"/graph/entity/person/nguyen-hong-dien?radius={radius}", site) == expected
    page.screenshot(path=str(ARTIFACTS / f"ego-radius-{radius}.png"))
    assert page.outside == []


def test_browser_big_view_keeps_the_top_nodes_and_says_so(app, page, site):
    state = app.extensions["vnkg"]
    original = state.config
    state.config = dataclasses.replace(original, graph_max_nodes=5)
    try:
        assert drawn(page, "/graph", site) == 5
        assert "Showing the 5 most central" in page.inner_text("#notice")
    finally:
        state.config = original


def test_browser_query_page_runs_a_query(page, site):
    page.goto(site + "/")
    page.click("#run")
    page.wait_for_selector("table.results")
    assert page.locator("table.results tbody tr").count() == 6
    page.screenshot(path=str(ARTIFACTS / "query-page.png"), full_page=True)
    assert page.outside == []


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, browser):
    """A store whose labels are attacks, served by an app of its own."""
    from api import create_app
    from api.settings import Config

    store = Store(tmp_path_factory.mktemp("hostile"))
    evil, plain, article, meeting = ID["person/evil"], ID["person/plain"], ID["article/x"], ID["meeting/x-1"]
    triples = [(article, RDF.type, VNKG.Article), (article, VNKG.sourceFile, Literal(HOSTILE[0] + ".txt")),
               (meeting, RDF.type, VNKG.Meeting), (meeting, PROV.wasDerivedFrom, article),
               (meeting, RDFS.label, Literal(HOSTILE[1], lang="vi")),
               (meeting, VNKG.participant, evil), (meeting, VNKG.participant, plain),
               (meeting, VNKG.evidence, Literal(HOSTILE[1] + " gặp ông Thường.", lang="vi")),
               (plain, RDF.type, VNKG.Person), (plain, RDFS.label, Literal("Ông Thường", lang="vi")),
               (evil, RDF.type, VNKG.Person)]
    triples += [(evil, RDFS.label, Literal(label, lang="vi")) for label in HOSTILE[:1]]
    with store.writer() as writer:
        writer.replace_graph(GRAPH["article/x"], triples)
        writer.replace_graph(GRAPH["analytics"], list(analytics_triples(rdflib_select(writer.dataset))))
    app = create_app(Config(store=store.path, query_workers=1))
    server, base = serve(app)
    yield base
    server.close()
    app.extensions["vnkg"].engine.close()


@pytest.mark.parametrize("path", ["/graph/meetings", "/graph/entity/person/evil", "/entity/person/evil",
                                  "/entity/meeting/x-1"])
def test_browser_hostile_labels_show_as_text_and_run_nothing(browser, hostile_site, path):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site + path)
    if path.startswith("/graph"):
        page.wait_for_selector("#network[data-ready=true]", timeout=30_000)
        page.hover("#network")
    else:
        assert HOSTILE[0] in page.inner_text("main")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None and dialogs == []
    assert page.locator("main img").count() == 0
    page.close()
