"""The one place where the order of the stages is written: read, extract, resolve, to RDF, store."""

import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.extract import (extract_agreements, extract_dates, extract_meetings, extract_persons, extract_topics,
                        lay_out)
from kg.ingest import MAX_BYTES, read_inputs
from kg.lexicon import Lexicon, load_lexicon
from kg.model import Article, Extraction
from kg.nlp import split_sentences
from kg.analytics import analytics_triples
from kg.queries import rdflib_select
from kg.rdf import ANALYTICS_GRAPH, article_quads, vocabulary_graphs
from kg.resolve import resolve_persons
from kg.store import Store

log = logging.getLogger(__name__)


def extract_article(article: Article, lexicon: Lexicon) -> Extraction:
    """Read everything the extractors find in one article."""
    text = article.text
    sentences = split_sentences(article)
    layouts = [lay_out(sentence, text, lexicon) for sentence in sentences]
    persons = extract_persons(layouts, text, lexicon)
    laid_out = [mention for layout in layouts for mention in layout.mentions]
    agreements, agreement_infos = extract_agreements(sentences, text, lexicon)
    organizations = [m for m in laid_out if m.kind == "organization"]
    topics = extract_topics(sentences, text, lexicon, exclude=organizations + agreements)
    dates = extract_dates(sentences, text, article.date)
    entities = laid_out + agreements + topics
    meetings = extract_meetings(sentences, persons, entities, dates, text, lexicon)

    minted = {org.key: org for layout in layouts for org in layout.minted}
    org_keys = {m.key for m in organizations} | {r.org for p in persons for r in p.roles if r.org}
    org_infos = tuple(lexicon.organizations.get(key) or minted[key] for key in sorted(org_keys))
    return Extraction(article=article, sentences=sentences, persons=persons, entities=tuple(entities),
                      dates=tuple(dates), meetings=tuple(meetings), organizations=org_infos,
                      agreements=tuple(agreement_infos.values()))


@dataclass
class BuildReport:
    """What a build did: the articles it stored and the inputs it skipped, with why."""

    articles: list[str] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    triples: int = 0
    meetings: int = 0
    persons: set[str] = field(default_factory=set)


def build(paths: Iterable[Path], store: Store, *, lexicon: Lexicon | None = None, max_bytes: int = MAX_BYTES,
          jobs: int = 1, progress: Callable[[Iterable, int], Iterable] = lambda items, total: items) -> BuildReport:
    """Build the graph from articles under paths into the store, replacing each article's named graph.

    Extraction runs in `jobs` processes. The store changes all at once when the build succeeds; a
    build that fails or is killed leaves the previous graph as it was.
    """
    lexicon = lexicon or load_lexicon()
    report = BuildReport()
    articles = []
    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            log.warning("skipped %s", item)
            report.skipped.append(item)
        else:
            articles.append(item)
    extractions = list(progress(_extract_all(articles, lexicon, jobs), len(articles)))

    with store.writer() as writer:
        known = writer.person_names()
        person_ids = resolve_persons(extractions, known)
        for name, graph in vocabulary_graphs(lexicon).items():
            writer.replace_graph(name, graph)
        for extraction in extractions:
            graph_name, quads = article_quads(extraction, person_ids, lexicon)
            writer.replace_graph(graph_name, quads)
            report.articles.append(extraction.article.id)
            report.triples += len(quads)
            report.meetings += len(extraction.meetings)
            report.persons.update(person_ids[(extraction.article.id, p.name)] for p in extraction.persons)
        writer.refresh_default_graph()  # analytics read the union as a set, not once per article graph
        writer.replace_graph(ANALYTICS_GRAPH, list(analytics_triples(rdflib_select(writer.dataset))))
    return report


def _extract_all(articles: list[Article], lexicon: Lexicon, jobs: int) -> Iterator[Extraction]:
    if jobs <= 1 or len(articles) < 2 * jobs:
        return (extract_article(article, lexicon) for article in articles)
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(lexicon.ontology_dir,))
    return _drain(pool, pool.map(_extract_in_worker, articles, chunksize=4))


def _drain(pool: ProcessPoolExecutor, results: Iterator[Extraction]) -> Iterator[Extraction]:
    with pool:
        yield from results


_worker_lexicon: Lexicon | None = None


def _start_worker(ontology_dir: Path) -> None:
    global _worker_lexicon  # one per worker process, loaded once
    _worker_lexicon = load_lexicon(ontology_dir)


def _extract_in_worker(article: Article) -> Extraction:
    return extract_article(article, _worker_lexicon)
