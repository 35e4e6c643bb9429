from kg.network import entity_network, meeting_network
from kg.queries import rdflib_select

ID = "https://w3id.org/vnkg/id/"


def test_meeting_network_of_the_seeds(seed_dataset):
    graph = meeting_network(rdflib_select(seed_dataset))
    dien, helberg = ID + "person/nguyen-hong-dien", ID + "person/jacob-helberg"
    edge = graph.edges[dien, helberg]
    assert edge["weight"] == 2 and edge["articles"] == {"004_0752c72360714cb8.txt"}
    assert {"Bán dẫn", "Trí tuệ nhân tạo"} <= edge["topics"]
    assert graph.nodes[dien] == {"type": "Person", "label": "Nguyễn Hồng Diên", "id": "person/nguyen-hong-dien"}
    assert graph.number_of_nodes() == 11  # the 7 at the government meeting, Hùng, Helberg, Danly and Vaden


def test_entity_network_links_membership_meetings_topics_and_mentions(seed_dataset):
    graph = entity_network(rdflib_select(seed_dataset))
    kinds = {k for _, _, d in graph.edges(data=True) for k in d["kinds"]}
    assert kinds == {"membership", "met", "topic", "mention"}
    assert "membership" in graph.edges[ID + "person/james-danly", ID + "organization/bo-nang-luong-hoa-ky"]["kinds"]
    assert graph.nodes[ID + "topic/lng"]["type"] == "Topic"


def test_analytics_written_back_and_queryable(seed_dataset):
    rows = list(seed_dataset.query("""PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
        SELECT ?p ?rank WHERE { GRAPH <https://w3id.org/vnkg/graph/analytics> { ?p vnkg:pagerank ?rank }
                                ?p a vnkg:Person } ORDER BY DESC(?rank)"""))
    assert len(rows) == 13  # every person, those who met no one as isolates
    assert str(rows[0][0]) == ID + "person/nguyen-hong-dien"
    (count,), = seed_dataset.query("""PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
        SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a vnkg:Topic ; vnkg:community ?c ; vnkg:eigenvector ?e }""")
    assert int(count) > 20


def test_analytics_rank_command_and_api(capsys, seed_store, client):
    from kg.cli import main

    assert main(["rank", "--store", str(seed_store.path), "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["rank", "name", "id", "pagerank"] and "Nguyễn Hồng Diên" in lines[2]
    body = client.get("/api/centrality", query_string={"measure": "betweenness", "top": 2}).get_json()
    assert [e["id"] for e in body["entities"]] == ["person/nguyen-hong-dien", "person/jacob-helberg"]
    assert body["network"] == "meetings" and {"pagerank", "degree", "community"} <= set(body["entities"][0])
    assert client.get("/api/centrality", query_string={"measure": "fame"}).status_code == 400
    assert client.get("/api/centrality", query_string={"type": "Topic", "top": 0}).status_code == 400
