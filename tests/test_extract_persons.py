import pytest


def people(extraction):
    """{name: {org keys}} of the persons present (not only cited)."""
    result = {}
    for mention in extraction.persons:
        result.setdefault(mention.name, set()).update(r.org for r in mention.roles if r.org)
    return result


@pytest.mark.parametrize("text, expected", [
    ("Thứ trưởng Năng lượng Hoa Kỳ James Danly phát biểu.", {"James Danly": {"bo-nang-luong-hoa-ky"}}),
    ("Tôi gặp ông Jacob Helberg, Thứ trưởng Bộ Ngoại giao Hoa Kỳ.", {"Jacob Helberg": {"bo-ngoai-giao-hoa-ky"}}),
    ("Thứ trưởng Ngoại giao Mỹ Jacob Helberg phát biểu.", {"Jacob Helberg": {"bo-ngoai-giao-hoa-ky"}}),
    ("Bộ trưởng Công thương Nguyễn Hồng Diên phát biểu.", {"Nguyễn Hồng Diên": {"bo-cong-thuong"}}),
    ("Bộ trưởng Bộ Công thương Nguyễn Hồng Diên phát biểu.", {"Nguyễn Hồng Diên": {"bo-cong-thuong"}}),
    ("Bộ trưởng Thương mại Hoa Kỳ Howard Lutnick cho biết.", {"Howard Lutnick": {"bo-thuong-mai-hoa-ky"}}),
    ("Bộ trưởng Tài chính Scott Bessent cho biết.", {"Scott Bessent": {"bo-tai-chinh-hoa-ky"}}),
    ("Bộ trưởng Tài chính Nguyễn Văn Thắng cho biết.", {"Nguyễn Văn Thắng": {"bo-tai-chinh"}}),
    ("Ngoại trưởng Mỹ Marco Rubio cho biết.", {"Marco Rubio": {"bo-ngoai-giao-hoa-ky"}}),
    ("Bộ trưởng Ngoại giao Nhật Bản Iwaya Takeshi cho biết.", {"Iwaya Takeshi": {"bo-ngoai-giao-nhat-ban"}}),
    ("Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper cho biết.", {"Marc Knapper": set()}),
    ("Thủ tướng Phạm Minh Chính chủ trì.", {"Phạm Minh Chính": {"chinh-phu"}}),
    ("Tham dự có đồng chí Nguyễn Hòa Bình, Ủy viên Bộ Chính trị, Phó Thủ tướng Thường trực Chính phủ.",
     {"Nguyễn Hòa Bình": {"bo-chinh-tri", "chinh-phu"}}),
    ("các đồng chí Phó Thủ tướng Chính phủ: Trần Hồng Hà, Lê Thành Long, Hồ Đức Phớc dự họp.",
     {"Trần Hồng Hà": {"chinh-phu"}, "Lê Thành Long": {"chinh-phu"}, "Hồ Đức Phớc": {"chinh-phu"}}),
    ("Thứ trưởng Ngoại giao Mỹ phụ trách tăng trưởng kinh tế, năng lượng và môi trường Jacob Helberg đến.",
     {"Jacob Helberg": {"bo-ngoai-giao-hoa-ky"}}),
    ("Tổng thống Hoa Kỳ Donald Trump tuyên bố.", {"Donald Trump": set()}),
    ("Bà Katherine Tai, Đại diện Thương mại Hoa Kỳ, cho biết.",
     {"Katherine Tai": {"van-phong-dai-dien-thuong-mai-hoa-ky"}}),
    ("Thủ tướng Singapore Lawrence Wong cho biết.", {"Lawrence Wong": set()}),
    ("Chủ tịch Quốc hội Trần Thanh Mẫn phát biểu.", {"Trần Thanh Mẫn": {"quoc-hoi"}}),
])
def test_persons_with_titles_and_organisations(extract, text, expected):
    assert people(extract(text)) == expected


@pytest.mark.parametrize("text, not_persons", [
    ("Các địa phương giải quyết các dự án tại Bà Rịa – Vũng Tàu và Hưng Yên.", {"Rịa", "Vũng Tàu"}),
    ("Ký các FTA mới với Trung Đông, Châu Phi, Mỹ La-tinh.", {"Châu Phi"}),
    ("Tại Hà Nội, Phía Mỹ đánh giá cao. Hai bên thống nhất.", {"Hà Nội", "Phía Mỹ", "Hai"}),
    ("Ông đánh giá cao Việt Nam.", {"Ông"}),
])
def test_persons_places_and_sentence_openers_are_not_persons(extract, text, not_persons):
    assert not set(people(extract(text))) & not_persons


def test_persons_title_alone_resolves_to_the_named_holder(extract):
    x = extract("Thủ tướng Phạm Minh Chính chủ trì cuộc họp.\n\nThủ tướng nhấn mạnh tinh thần chủ động.")
    assert [(m.name, m.via) for m in x.persons] == [("Phạm Minh Chính", "name"), ("Phạm Minh Chính", "title")]


def test_persons_title_with_organisation_adds_membership(extract):
    x = extract("Quyền Bộ trưởng Lê Mạnh Hùng làm việc.\n\nQuyền Bộ trưởng Bộ Công Thương nhấn mạnh.")
    assert people(x) == {"Lê Mạnh Hùng": {"bo-cong-thuong"}}


def test_persons_short_name_resolves_to_full_name(extract):
    x = extract("Thứ trưởng Jacob Helberg đến Hà Nội.\n\nÔng Helberg cho biết hai bên sẽ hợp tác.")
    assert {m.name for m in x.persons} == {"Jacob Helberg"}


def test_persons_unresolvable_title_is_no_person(extract):
    assert extract("Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ tổ chức hội nghị.").persons == ()


@pytest.mark.parametrize("text, cited", [
    ("Thủ tướng Phạm Minh Chính yêu cầu bám sát chỉ đạo của Bộ Chính trị, Tổng Bí thư Tô Lâm.", "Tô Lâm"),
    ("Ông sẽ báo cáo tới lãnh đạo cấp cao, trong đó có Tổng thống Hoa Kỳ Donald Trump.", "Donald Trump"),
    ("Theo chỉ đạo của Tổng Bí thư Tô Lâm, các bộ triển khai ngay.", "Tô Lâm"),
])
def test_persons_cited_are_marked(extract, text, cited):
    x = extract(text)
    assert [m.cited for m in x.persons if m.name == cited] == [True]
