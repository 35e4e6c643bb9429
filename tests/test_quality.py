"""Extraction quality by the scoring rules, on the seeds and on the project's own annotated articles."""

import pytest

from kg.evaluate import evaluate, load_gold

from conftest import OWN_GOLD, SEED_GOLD

THRESHOLDS = {
    "persons F1": 0.95, "ministries F1": 0.95, "memberOf F1": 0.9, "meetings F1": 0.9, "participants F1": 0.95,
    "meeting topic recall": 0.8, "agreement recall": 0.8, "article topic recall": 0.7,
}


def metrics(report):
    return {
        "persons F1": report.persons.f1, "ministries F1": report.ministries.f1, "memberOf F1": report.member_of.f1,
        "meetings F1": report.meetings.f1, "participants F1": report.participants.f1,
        "meeting topic recall": report.meeting_topic_recall, "agreement recall": report.agreement_recall,
        "article topic recall": report.article_topic_recall,
    }


@pytest.fixture(scope="module")
def seed_report(seed_dataset):
    return evaluate(seed_dataset, load_gold(SEED_GOLD))


@pytest.fixture(scope="module")
def own_report(own_store):
    return evaluate(own_store.open(), load_gold(OWN_GOLD))


@pytest.mark.parametrize("metric", THRESHOLDS)
def test_quality_seeds(seed_report, metric):
    assert metrics(seed_report)[metric] >= THRESHOLDS[metric], "\n".join(seed_report.lines())


@pytest.mark.parametrize("metric", THRESHOLDS)
def test_quality_own_articles(own_report, metric):
    assert metrics(own_report)[metric] >= THRESHOLDS[metric], "\n".join(own_report.lines())


@pytest.mark.parametrize("report", ["seed_report", "own_report"])
def test_quality_no_entity_split_over_two_iris(request, report):
    result = request.getfixturevalue(report)
    assert result.split_persons == [] and result.split_ministries == [] and result.missing_articles == []
