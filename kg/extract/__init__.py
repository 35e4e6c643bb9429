"""Extractors: one module per family, each a function from sentences (and lexicon) to mentions."""

from kg.extract.agreements import extract_agreements
from kg.extract.dates import extract_dates
from kg.extract.layout import lay_out
from kg.extract.meetings import extract_meetings
from kg.extract.persons import extract_persons
from kg.extract.topics import extract_topics

__all__ = ["extract_agreements", "extract_dates", "extract_meetings", "extract_persons", "extract_topics", "lay_out"]
