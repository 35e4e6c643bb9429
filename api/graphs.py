"""Graph views (pyvis) and entity pages: /graph, /graph/meetings, /graph/entity/{id}, /graph/topic/{id}, /entity/{id}."""

import datetime

import networkx as nx
from flask import Blueprint, render_template, request

from api import catalog, params
from api.errors import BadParameter, NotFound
from api.rest import index
from api.state import engine, state
from kg.analytics import PREDICATES, stored_measure
from kg.network import entity_network, meeting_network
from kg.visualize import COLORS, render

bp = Blueprint("graphs", __name__)
TYPE_FILTERS = {"person": {"Person"}, "organization": {"Ministry", "Organization"}, "topic": {"Topic"},
                "agreement": {"Agreement"}}


def networks() -> tuple[nx.Graph, nx.Graph]:
    """The meeting network and the entity network of the current store, built once per build."""
    def make():
        select = engine().rows
        return meeting_network(select), entity_network(select)
    return state().cached("networks", make)


def measures(measure: str) -> dict[str, float]:
    """The stored centrality values (the build computed them) of one measure."""
    return state().cached(f"measure-{measure}", lambda: stored_measure(engine().rows, measure))


@bp.get("/graph")
def whole():
    graph = _filtered(networks()[1])
    return _page(graph, "The whole graph", "Persons, organisations, topics and agreements, linked by membership, "
                 "meetings, topics and mentions.")


@bp.get("/graph/meetings")
def meetings():
    graph = _filtered(networks()[0])
    return _page(graph, "Who met whom", "Persons linked by their meetings; an edge's tooltip lists the topics, "
                 "dates and articles of the meetings.")


@bp.get("/graph/entity/<path:entity_id>")
def ego(entity_id: str):
    entity = _entity(entity_id)
    radius = params.choice("radius", ("1", "2"), "1")
    graph = networks()[1]
    if entity.iri not in graph:
        raise NotFound(f"{entity_id} has no links in the graph.", {"id": entity_id})
    graph = _filtered(nx.ego_graph(graph, entity.iri, radius=int(radius)), keep=entity.iri)
    return _page(graph, f"Around {entity.name}", f"Everything within {radius} step(s) of {entity.name}.",
                 focus=entity.iri, radius=radius)


@bp.get("/graph/topic/<path:topic_id>")
def topic(topic_id: str):
    entity = _entity(topic_id)
    if "Topic" not in entity.types:
        raise NotFound(f"{topic_id} is not a topic.", {"id": topic_id})
    label = entity.labels["vi"][0] if entity.labels.get("vi") else entity.name
    people = networks()[0]
    edges = [(a, b) for a, b, d in people.edges(data=True) if label in d["topics"]]
    graph = nx.Graph(people.edge_subgraph(edges)) if edges else nx.Graph()
    entities = networks()[1]
    if entity.iri in entities:
        graph.add_node(entity.iri, **entities.nodes[entity.iri])
        for person in list(graph):
            if person != entity.iri:
                graph.add_edge(entity.iri, person, weight=1, kinds={"topic"})
    return _page(_filtered(graph, keep=entity.iri), f"Around the topic {label}",
                 f"Who met whom on {label}.", focus=entity.iri)


@bp.get("/entity/<path:entity_id>")
def entity_page(entity_id: str):
    entity = _entity(entity_id)
    return render_template("entity.html", entity=catalog.profile(engine(), index(), entity),
                           in_graph=entity.iri in networks()[1])


def _entity(entity_id: str) -> catalog.Entity:
    found = index().get(entity_id)
    if found is None:
        raise NotFound(f"No entity has the id {entity_id!r}.", {"id": entity_id})
    return found


def _filtered(graph: nx.Graph, keep: str | None = None) -> nx.Graph:
    """Apply the type, topic and date filters of the request to a graph (a new graph)."""
    types = request.args.getlist("type")
    unknown = [t for t in types if t not in TYPE_FILTERS]
    if unknown:
        raise BadParameter(f"`type` must be among: {', '.join(TYPE_FILTERS)}.", {"type": unknown})
    start, end = params.date("from"), params.date("to")
    topic = request.args.get("topic")
    result = nx.Graph(graph)
    if types:
        allowed = set().union(*(TYPE_FILTERS[t] for t in types))
        result.remove_nodes_from([n for n, d in graph.nodes(data=True) if d.get("type") not in allowed and n != keep])
    if topic or start or end:
        label = _topic_label(topic) if topic else None
        drop = []
        for a, b, data in result.edges(data=True):
            dated = "dates" in data or "meetings" in data
            if label and "topics" in data and label not in data["topics"]:
                drop.append((a, b))
            elif (start or end) and dated and not any(_within(d, start, end) for d in data.get("dates", ())):
                drop.append((a, b))
        result.remove_edges_from(drop)
        result.remove_nodes_from([n for n in list(result) if result.degree(n) == 0 and n != keep])
    return result


def _topic_label(value: str) -> str:
    found = index().resolve(value, "topic")
    if not found:
        raise BadParameter(f"No topic is called {value!r}.", {"topic": value})
    return found[0].labels["vi"][0] if found[0].labels.get("vi") else found[0].name


def _page(graph: nx.Graph, title: str, description: str, focus: str | None = None, radius: str | None = None):
    measure = params.choice("measure", tuple(PREDICATES), "pagerank")
    view = render(graph, measures(measure), measure=measure, max_nodes=state().config.graph_max_nodes, focus=focus)
    legend = [(kind, COLORS[kind]) for kind in ("Person", "Ministry", "Organization", "Topic", "Agreement")
              if any(d.get("type") == kind for _, d in graph.nodes(data=True))]
    return render_template("graph.html", title=title, description=description, view=view, legend=legend,
                           measures=list(PREDICATES), measure=measure, radius=radius, filters=request.args,
                           types=list(TYPE_FILTERS), edges=graph.number_of_edges())


def _within(value: str, start: datetime.date | None, end: datetime.date | None) -> bool:
    day = datetime.date.fromisoformat(value[:10])
    return (start is None or day >= start) and (end is None or day <= end)
