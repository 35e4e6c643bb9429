"""Draw the ontology (ontology/vnkg.ttl) as a picture: classes, subclasses and the properties between them.

    .venv/bin/python scripts/ontology_diagram.py            # writes docs/ontology.png
    .venv/bin/python scripts/ontology_diagram.py -o x.svg   # any format matplotlib writes
"""

import argparse
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from rdflib import OWL, RDF, RDFS, Graph, URIRef  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VNKG = "https://w3id.org/vnkg/ontology#"
CLASS_COLOR = {"Person": "#1f6fb4", "Organization": "#e67e22", "Ministry": "#c0392b", "Topic": "#27ae60",
               "Agreement": "#8e44ad", "Meeting": "#2c3e50", "Article": "#7f8c8d", "Place": "#95a5a6",
               "Country": "#95a5a6", "Membership": "#34495e"}


# Where the main classes go; a class not listed here is placed under its parent.
PLACES = {"Article": (0, 2), "Meeting": (4, 2), "Topic": (4, 5.2), "Place": (7.5, 5.2), "Country": (10.5, 5.2),
          "Person": (8, 2), "Membership": (7, -1.2), "Organization": (14, 2), "Agreement": (15.5, 5.2)}
# Properties whose domain or range the ontology leaves open (they take several classes), drawn as here.
OPEN_ENDS = {"participant": ("Meeting", "Person"), "topic": ("Meeting", "Topic"), "country": ("Person", "Country"),
             "mentions": ("Article", "Agreement"), "party": ("Agreement", "Country")}
EXTRA = [("Meeting", "prov:wasDerivedFrom", "Article"), ("Membership", "prov:wasDerivedFrom", "Article"),
         ("Organization", "vnkg:country", "Country"), ("Agreement", "vnkg:topic", "Topic")]


def read(path: Path) -> tuple[list[str], dict[str, str], list[tuple[str, str, str]]]:
    """The vnkg classes, each one's vnkg parent, and the (domain, property, range) links between them."""
    graph = Graph().parse(path, format="turtle")
    local = lambda iri: str(iri)[len(VNKG):]  # noqa: E731
    classes = sorted(local(c) for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(VNKG))
    parents = {}
    for cls in classes:
        for parent in graph.objects(URIRef(VNKG + cls), RDFS.subClassOf):
            if str(parent).startswith(VNKG):
                parents[cls] = local(parent)
    links = list(EXTRA)
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        name = local(prop)
        domain = next((local(d) for d in graph.objects(prop, RDFS.domain) if str(d).startswith(VNKG)), None)
        target = next((local(r) for r in graph.objects(prop, RDFS.range) if str(r).startswith(VNKG)), None)
        default = OPEN_ENDS.get(name, (None, None))
        domain, target = domain or default[0], target or default[1]
        if domain and target:
            links.append((domain, f"vnkg:{name}", target))
    return classes, parents, sorted(set(links))


def layout(classes: list[str], parents: dict[str, str]) -> dict[str, tuple[float, float]]:
    """The main classes where PLACES puts them; the others in rows under their parent."""
    positions = {c: PLACES[c] for c in classes if c in PLACES}
    children = defaultdict(list)
    for cls in classes:
        if cls not in positions and cls in parents:
            children[parents[cls]].append(cls)
    for parent, kids in children.items():
        px, py = positions.get(parent, (len(positions) * 2.5, 0))
        for i, cls in enumerate(sorted(kids)):
            row, column = divmod(i, 4)
            positions[cls] = (px - 3.5 + column * 2.9, py - 1.9 - row * 1.0)
    return positions


def draw(path: Path, output: Path) -> None:
    classes, parents, links = read(path)
    positions = layout(classes, parents)
    figure, axes = plt.subplots(figsize=(19, 10))
    axes.set_axis_off()
    axes.set_aspect("equal")
    for cls, parent in parents.items():
        if cls in positions and parent in positions:
            axes.add_patch(FancyArrowPatch(positions[cls], positions[parent], arrowstyle="-|>", mutation_scale=12,
                                           color="#b0b7c3", linestyle="--", shrinkA=14, shrinkB=14))
    for domain, prop, target in links:
        if domain == target or domain not in positions or target not in positions:
            continue
        (x1, y1), (x2, y2) = positions[domain], positions[target]
        rad = 0.15
        axes.add_patch(FancyArrowPatch((x1, y1), (x2, y2), arrowstyle="-|>", mutation_scale=14, color="#4a5568",
                                       connectionstyle=f"arc3,rad={rad}", shrinkA=20, shrinkB=20))
        mx, my = (x1 + x2) / 2 + rad / 2 * (y2 - y1), (y1 + y2) / 2 - rad / 2 * (x2 - x1)  # the arc's midpoint
        axes.text(mx, my, prop, fontsize=9, ha="center", va="center", color="#1a202c",
                  bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "#e2e8f0"})
    for cls, (x, y) in positions.items():
        color = CLASS_COLOR.get(cls, CLASS_COLOR.get(parents.get(cls, ""), "#e67e22"))
        axes.text(x, y, f"vnkg:{cls}", ha="center", va="center", fontsize=10, color="white", fontweight="bold",
                  bbox={"boxstyle": "round,pad=0.45", "fc": color, "ec": "none"})
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    axes.set_xlim(min(xs) - 1.8, max(xs) + 1.8)
    axes.set_ylim(min(ys) - 0.8, max(ys) + 0.9)
    axes.set_title("The vnkg ontology: classes, subclasses (dashed) and the properties between them. "
                   "Labels: rdfs:label @vi/@en, skos:altLabel; every meeting and membership carries vnkg:evidence.",
                   fontsize=12, loc="left")
    figure.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, dpi=100)
    plt.close(figure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "ontology.png")
    parser.add_argument("--ontology", type=Path, default=ROOT / "ontology" / "vnkg.ttl")
    args = parser.parse_args()
    draw(args.ontology, args.output)
    print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
