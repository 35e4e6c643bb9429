import json
import unicodedata
from datetime import date

import pytest

from kg.errors import InputError
from kg.ingest import parse_article, read_article, read_inputs, read_jsonl


def segments(article):
    return [(article.text[s.start:s.end], s.kind) for s in article.segments]


def test_ingest_date_line_gives_date_and_title():
    article = parse_article(" date 2026-02-08 Vòng đàm phán thứ 6\n\nTPO - Bộ Công Thương cho biết.",
                            article_id="a", source_file="a.txt")
    assert article.date == date(2026, 2, 8)
    assert article.title == "Vòng đàm phán thứ 6"
    assert article.source == "TPO"
    assert segments(article) == [("Vòng đàm phán thứ 6", "title"), ("Bộ Công Thương cho biết.", "body")]


@pytest.mark.parametrize("line, expected", [
    ("![]() |", None),
    ("Hình ảnh tại buổi làm việc |", ("Hình ảnh tại buổi làm việc", "caption")),
    ("Quyền Bộ trưởng Lê Mạnh Hùng làm việc với ông Stephen Vaden. Ảnh: BTC.",
     ("Quyền Bộ trưởng Lê Mạnh Hùng làm việc với ông Stephen Vaden.", "caption")),
])
def test_ingest_captions_and_image_lines(line, expected):
    article = parse_article(f"Bộ trưởng phát biểu.\n{line}\nHai bên thống nhất.", article_id="a", source_file="a.txt")
    kinds = segments(article)
    if expected is None:
        assert len(kinds) == 2
    else:
        assert kinds[1] == expected


def test_ingest_title_line_without_full_stop():
    article = parse_article("Đoàn đàm phán họp với doanh nghiệp\nBộ Công Thương vừa tổ chức hội nghị.",
                            article_id="a", source_file="a.txt")
    assert article.title == "Đoàn đàm phán họp với doanh nghiệp"


@pytest.mark.parametrize("byline, author", [("KIM DUNG", "Kim Dung"), ("Theo Minh Anh", "Minh Anh")])
def test_ingest_byline_is_the_author_not_text(byline, author):
    article = parse_article(f"Bộ trưởng phát biểu.\nHai bên thống nhất.\n{byline}", article_id="a",
                            source_file="a.txt")
    assert article.authors == (author,)
    assert byline not in article.text


def test_ingest_normalises_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Hồng Diên làm việc.")
    article = parse_article(decomposed, article_id="a", source_file="a.txt")
    assert article.text == "Nguyễn Hồng Diên làm việc."


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"   \n\n ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("Bộ Công Thương".encode("utf-16"), "binary"),
    (b"Vi\xea\xf2t Nam", "not UTF-8"),  # "Việt Nam" in Windows-1258
])
def test_ingest_bad_file_is_named_and_explained(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(path) in str(error.value) and problem in str(error.value)


def test_ingest_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Bộ trưởng phát biểu. " * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="over the .* limit"):
        read_article(path, max_bytes=10_000)


def test_ingest_jsonl_reads_good_lines_and_names_bad_ones(tmp_path):
    path = tmp_path / "bulk.jsonl"
    good = {"id": "x1", "title": "Tiêu đề", "date": "2026-01-02", "source": "VNA", "text": "Bộ trưởng phát biểu."}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n" + json.dumps({"id": "x2"}) + "\n",
                    encoding="utf-8")
    results = list(read_jsonl(path))
    article, bad_json, no_text = results
    assert article.id == "x1" and article.date == date(2026, 1, 2) and article.source == "VNA"
    assert article.title == "Tiêu đề"
    assert isinstance(bad_json, InputError) and f"{path}:2" in str(bad_json)
    assert isinstance(no_text, InputError) and f"{path}:3" in str(no_text) and '"text"' in str(no_text)


def test_ingest_folder_yields_articles_and_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Bộ trưởng phát biểu.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    results = list(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [type(r).__name__ for r in results] == ["Article", "InputError", "InputError"]
    assert "does not exist" in str(results[2])
