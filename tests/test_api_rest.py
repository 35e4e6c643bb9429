import re
from pathlib import Path

import pytest

from api.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def error_of(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()["error"]
    assert body["status"] == status and body["code"] == code and body["message"]
    return body


def pairs(body):
    return [sorted(p["name"] for p in m["participants"]) for m in body["meetings"]]


@pytest.mark.parametrize("params, expected", [
    ({"person": "nguyen hong dien"}, [["Jacob Helberg", "Nguyễn Hồng Diên"]] * 2 + [
        ["Hồ Đức Phớc", "Lê Thành Long", "Nguyễn Chí Dũng", "Nguyễn Hòa Bình", "Nguyễn Hồng Diên", "Phạm Minh Chính",
         "Trần Hồng Hà"]]),
    ({"person": "person/le-manh-hung", "counterpart": "DANLY"}, [["James Danly", "Lê Mạnh Hùng"]]),
    ({"person": "Helberg", "topic": "bán dẫn"}, [["Jacob Helberg", "Nguyễn Hồng Diên"]] * 2),
    ({"topic": "LNG"}, [["James Danly", "Lê Mạnh Hùng"]]),
    ({"topic": "liquefied natural gas"}, [["James Danly", "Lê Mạnh Hùng"]]),
    ({"from": "2026-02-01", "to": "2026-02-28"}, [["Jacob Helberg", "Lê Mạnh Hùng"], ["James Danly", "Lê Mạnh Hùng"],
                                                  ["Lê Mạnh Hùng", "Stephen Vaden"]]),
    ({"person": "nobody at all"}, []),
])
def test_api_meetings_filters(client, params, expected):
    response = client.get("/api/meetings", query_string=params)
    assert response.status_code == 200
    assert sorted(pairs(response.get_json())) == sorted(expected)


def test_api_meetings_carry_the_whole_answer(client):
    body = client.get("/api/meetings", query_string={"person": "James Danly"}).get_json()
    (meeting,) = body["meetings"]
    danly = next(p for p in meeting["participants"] if p["name"] == "James Danly")
    assert danly["organizations"] == [{"id": "organization/bo-nang-luong-hoa-ky",
                                       "iri": "https://w3id.org/vnkg/id/organization/bo-nang-luong-hoa-ky",
                                       "name": "Bộ Năng lượng Hoa Kỳ"}]
    assert "Thứ trưởng" in danly["roles"]
    assert {"vi": "Khí tự nhiên hóa lỏng", "en": "Liquefied natural gas"}.items() <= next(
        t for t in meeting["topics"] if t["id"] == "topic/lng").items()
    assert meeting["place"]["name"] == "Washington D.C."
    assert meeting["article"]["file"] == "003_970878c4d8d396b1.txt" and meeting["article"]["date"] == "2026-02-08"
    assert any("James Danly" in sentence for sentence in meeting["evidence"])
    assert body["resolved"]["person"][0]["id"] == "person/james-danly"


@pytest.mark.parametrize("params, field", [
    ({"from": "yesterday"}, "from"), ({"to": "2026-13-01"}, "to"), ({"limit": "ten"}, "limit"),
    ({"limit": "0"}, "limit"), ({"offset": "-1"}, "offset"), ({"person": " "}, None),
    ({"from": "2026-03-01", "to": "2026-01-01"}, "from"),
])
def test_api_meetings_bad_parameters(client, params, field):
    error = error_of(client.get("/api/meetings", query_string=params), 400, "bad_parameter")
    assert field is None or field in error["detail"]


@pytest.mark.parametrize("q, kind, first", [
    ("nguyen hong dien", None, "person/nguyen-hong-dien"),
    ("NGUYỄN HỒNG", "person", "person/nguyen-hong-dien"),
    ("bo cong thuong", "ministry", "organization/bo-cong-thuong"),
    ("Department of Energy", None, "organization/bo-nang-luong-hoa-ky"),
    ("ban dan", "topic", "topic/ban-dan"),
    ("my", "country", "country/us"),
])
def test_api_entities_search_ignores_case_and_diacritics(client, q, kind, first):
    params = {"q": q, **({"type": kind} if kind else {})}
    body = client.get("/api/entities", query_string=params).get_json()
    assert body["entities"][0]["id"] == first


def test_api_entities_bad_type(client):
    error_of(client.get("/api/entities", query_string={"type": "animal"}), 400, "bad_parameter")


def test_api_entity_profile(client):
    body = client.get("/api/entities/person/nguyen-hong-dien").get_json()
    assert body["name"] == "Nguyễn Hồng Diên" and body["type"] == "Person"
    assert {o["id"] for o in body["organizations"]} >= {"organization/bo-cong-thuong"}
    assert body["counterparts"][0] == {"id": "person/jacob-helberg", "name": "Jacob Helberg", "meetings": 2}
    assert {a["file"] for a in body["articles"]} == {"000_b382879b4de611dc.txt", "002_136b04ba426796cd.txt",
                                                     "004_0752c72360714cb8.txt"}
    assert any("Nguyễn Hồng Diên" in e["sentence"] for e in body["evidence"])
    assert any(t["id"] == "topic/ban-dan" for t in body["topics"])


def test_api_entity_profile_of_an_organization_and_a_topic(client):
    ministry = client.get("/api/entities/organization/bo-cong-thuong").get_json()
    assert "Ministry" in ministry["types"] and ministry["labels"]["en"] == ["Ministry of Industry and Trade"]
    assert {m["name"] for m in ministry["members"]} == {"Nguyễn Hồng Diên", "Lê Mạnh Hùng"}
    topic = client.get("/api/entities/topic/lng").get_json()
    assert [sorted(p["name"] for p in m["participants"]) for m in topic["meetings"]] == [["James Danly", "Lê Mạnh Hùng"]]


def test_api_entity_not_found(client):
    error_of(client.get("/api/entities/person/nobody"), 404, "not_found")


def test_api_stats(client):
    body = client.get("/api/stats").get_json()
    assert body["Article"] == 5 and body["Person"] == 13 and body["Meeting"] == 6 and body["named_graphs"] == 8


def test_api_openapi_document_is_valid_and_complete(client, app):
    from openapi_spec_validator import validate

    document = client.get("/api/openapi.json").get_json()
    validate(document)
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.rule) for r in app.url_map.iter_rules()
              if r.rule.startswith("/api/") and r.rule not in ("/api/openapi.json", "/api/docs")}
    routes = {"/api/entities/{id}" if "entity_id" in r else r for r in routes}
    assert routes <= set(document["paths"])


def test_api_docs_and_query_page_load_nothing_from_outside(client):
    for path in ("/", "/api/docs"):
        html = client.get(path).get_data(as_text=True)
        references = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert references and all(r.startswith("/") or r.startswith("#") for r in references), references


def test_api_query_page_offers_the_example_queries(client):
    html = client.get("/").get_data(as_text=True)
    for path in sorted((ROOT / "api" / "queries").glob("*.rq")):
        title = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
        assert title in html
    assert html.count("<option") == 5


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_api_readme_documents_every_setting(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setting = next(s for s in SETTINGS if s.name == name)
    assert f"`{setting.env}`" in readme and f"`{setting.flag}`" in readme
