"""NetworkX -> an interactive pyvis view: node size by centrality, colour by type, tooltips as text.

pyvis renders through a template of our own (kg/templates/network.html) instead of its stock one,
which links Bootstrap from a CDN: the view loads vis-network from the page that embeds it (the
server's copy, or inlined for a notebook) and nothing else. Text from articles reaches the page
only as JSON inside a script element, escaped by Jinja's tojson, and vis-network shows string
tooltips as text, never as HTML.
"""

import html
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_NETWORK = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
COLORS = {"Person": "#1f6fb4", "Ministry": "#c0392b", "Organization": "#e67e22", "Topic": "#27ae60",
          "Agreement": "#8e44ad", "Country": "#7f8c8d", "Place": "#95a5a6", "Thing": "#bdc3c7"}
DEFAULT_MAX_NODES = 300


@dataclass(frozen=True)
class View:
    """A rendered view: the HTML fragment, and how many of the graph's nodes it shows."""

    html: str
    shown: int
    total: int
    measure: str

    @property
    def notice(self) -> str | None:
        if self.shown < self.total:
            return (f"Showing the {self.shown} most central of {self.total} nodes (by {self.measure}); "
                    "narrow the view with the filters to see the rest.")
        return None


def render(graph: nx.Graph, values: dict[str, float], *, measure: str = "pagerank",
           max_nodes: int = DEFAULT_MAX_NODES, focus: str | None = None, element_id: str = "network") -> View:
    """Render graph with nodes sized by values; above max_nodes keep the top nodes by value."""
    total = graph.number_of_nodes()
    if total > max_nodes:
        keep = sorted(graph, key=lambda n: (n != focus, -values.get(n, 0.0), str(n)))[:max_nodes]
        graph = graph.subgraph(keep)
    top = max((values.get(n, 0.0) for n in graph), default=0.0) or 1.0

    net = Network(height="100%", width="100%", directed=False)
    net.set_template_dir(str(TEMPLATES), "network.html")
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "Thing")
        value = values.get(node, 0.0)
        net.add_node(data.get("id", node), label=data.get("label", str(node)), title=_node_tooltip(data, measure, value),
                     color=COLORS.get(kind, COLORS["Thing"]), size=10 + 30 * (value / top), group=kind,
                     shape="star" if node == focus else "dot", font={"size": 14})
    for a, b, data in graph.edges(data=True):
        net.add_edge(graph.nodes[a].get("id", a), graph.nodes[b].get("id", b), title=_edge_tooltip(data),
                     width=1 + min(data.get("weight", 1), 10), color="#9aa5b1")
    net.set_options(_OPTIONS)
    net.heading = element_id  # the template's one free variable: the id of the element to draw in
    return View(html=net.generate_html(), shown=graph.number_of_nodes(), total=total, measure=measure)


def standalone(view: View, title: str = "vnkg") -> str:
    """A whole HTML document with vis-network inlined: for a notebook or a file, needing no server."""
    script = (VIS_NETWORK / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    style = (VIS_NETWORK / "vis-network.css").read_text(encoding="utf-8")
    notice = f"<p>{html.escape(view.notice)}</p>" if view.notice else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style><style>body{{margin:0;font-family:sans-serif}}#network{{height:600px}}</style>"
            f"<script>{script}</script></head><body>{notice}<div id='network'></div>{view.html}</body></html>")


def _node_tooltip(data: dict, measure: str, value: float) -> str:
    return f"{data.get('label', '')}\n{data.get('type', '')} · {measure} {value:.4f}"


def _edge_tooltip(data: dict) -> str:
    lines = []
    if data.get("meetings"):
        lines.append(f"{len(data['meetings'])} meeting(s)")
    if data.get("kinds"):
        lines.append(", ".join(sorted(data["kinds"])))
    if data.get("topics"):
        lines.append("Topics: " + ", ".join(sorted(data["topics"])))
    if data.get("dates"):
        lines.append("Dates: " + ", ".join(sorted(data["dates"])))
    if data.get("articles"):
        lines.append("Articles: " + ", ".join(sorted(data["articles"])))
    return "\n".join(lines)


_OPTIONS = """{
  "physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": true, "iterations": 400, "fit": true},
              "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}},
  "interaction": {"hover": true, "tooltipDelay": 120, "navigationButtons": false},
  "nodes": {"borderWidth": 1},
  "edges": {"smooth": false}
}"""


def notebook_frame(view: View, height: int = 620, title: str = "vnkg") -> str:
    """The view as an iframe whose document is inline: interactive in a notebook, saved with it."""
    document = html.escape(standalone(view, title), quote=True)
    return f'<iframe srcdoc="{document}" style="width:100%;height:{height}px;border:1px solid #ddd"></iframe>'
