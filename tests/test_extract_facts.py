from datetime import date

import pytest

from kg.extract.dates import extract_dates
from kg.ingest import parse_article
from kg.nlp import split_sentences


def labels(extraction):
    return {a.label for a in extraction.agreements}


@pytest.mark.parametrize("text, expected", [
    ("Thủ tướng lưu ý sớm kết thúc đàm phán FTA với MERCOSUR, Brazil.", {"FTA với MERCOSUR"}),
    ("Thúc đẩy ký Hiệp định thương mại gạo với 5 nước Indonesia, Philippines.", {"Hiệp định thương mại gạo"}),
    ("Triển khai Nghị quyết 222/2025/QH15 về Trung tâm tài chính quốc tế.", {"Nghị quyết 222/2025/QH15"}),
    ("Góp phần triển khai Nghị quyết 59 của Bộ Chính trị.", {"Nghị quyết 59"}),
    ("Khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.", {"Hiệp định thương mại tự do (FTA)"}),
    ("Thúc đẩy Hiệp định thương mại đối ứng.", {"Hiệp định thương mại đối ứng"}),
    ("Vòng đàm phán thứ 6 về thương mại đối ứng Việt - Mỹ.", {"Hiệp định thương mại đối ứng"}),
    ("Việt Nam là thành viên CPTPP và EVFTA.",
     {"Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương", "Hiệp định Thương mại tự do Việt Nam – EU"}),
    ("Triển khai ngay các thỏa thuận cấp cao và các nghị quyết quan trọng khác.", set()),
])
def test_agreements_named(extract, text, expected):
    assert labels(extract(text)) == expected


@pytest.mark.parametrize("text, present, absent", [
    ("Hai bên bàn về LNG, tua-bin điện và lưới điện.", {"lng", "tua-bin", "luoi-dien"}, set()),
    ("Hợp tác trí tuệ nhân tạo (AI) và bán dẫn.", {"tri-tue-nhan-tao", "ban-dan"}, set()),
    ("Ai cũng cần điều chỉnh lịch trình.", set(), {"tri-tue-nhan-tao", "hat-dieu"}),
    ("Bộ Tài chính cho biết.", set(), {"tai-chinh"}),
    ("Công nhận nền kinh tế thị trường và gỡ hạn chế xuất khẩu.",
     {"nen-kinh-te-thi-truong", "kiem-soat-xuat-khau"}, set()),
])
def test_topics_on_word_boundaries(extract, text, present, absent):
    found = {e.key for e in extract(text).entities if e.kind == "topic"}
    assert present <= found and not (absent & found)


@pytest.mark.parametrize("text, published, expected", [
    ("Ngày 26/10, hai bên gặp nhau.", date(2025, 11, 2), date(2025, 10, 26)),
    ("Ngày 26/12, hai bên gặp nhau.", date(2026, 1, 5), date(2025, 12, 26)),
    ("Hôm 3/2/2026 hai bên gặp nhau.", None, date(2026, 2, 3)),
    ("Ngày 5 tháng 9 năm 2025, hai bên gặp nhau.", None, date(2025, 9, 5)),
])
def test_dates_in_text(text, published, expected):
    article = parse_article(text, article_id="d", source_file="d.txt", published=published)
    assert [d.value for d in extract_dates(split_sentences(article), article.text, published)] == [expected]


def test_dates_without_year_or_article_date_are_left_out():
    article = parse_article("Ngày 26/10, hai bên gặp nhau.", article_id="d", source_file="d.txt")
    assert extract_dates(split_sentences(article), article.text, None) == []


def test_mentions_point_into_the_text(extract):
    x = extract("Thứ trưởng Năng lượng Hoa Kỳ James Danly làm việc với Quyền Bộ trưởng Lê Mạnh Hùng về LNG.")
    assert {m.name for m in x.persons} == {"James Danly", "Lê Mạnh Hùng"}
    for mention in x.persons:  # a person's span runs from its title to its name
        assert x.article.text[mention.start:mention.end].endswith(mention.name)
        for role in mention.roles:
            assert x.article.text[role.start:role.end] == role.phrase
    assert {e.text for e in x.entities} >= {"Hoa Kỳ", "LNG"}
    for entity in x.entities:
        assert x.article.text[entity.start:entity.end] == entity.text
