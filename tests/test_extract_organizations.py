import pytest


def orgs(extraction):
    return {o.key: o.kind for o in extraction.organizations}


@pytest.mark.parametrize("text, expected", [
    ("Đại diện các Bộ Ngoại giao, Tài chính, Xây dựng tham dự.",
     {"bo-ngoai-giao": "Ministry", "bo-tai-chinh": "Ministry", "bo-xay-dung": "Ministry"}),
    ("Các Bộ, ngành gồm: Bộ Ngoại giao, Nông nghiệp và Phát triển nông thôn, Khoa học và Công nghệ.",
     {"bo-ngoai-giao": "Ministry", "bo-nong-nghiep-va-phat-trien-nong-thon": "Ministry",
      "bo-khoa-hoc-va-cong-nghe": "Ministry"}),
    ("Bộ Công thương cho biết.", {"bo-cong-thuong": "Ministry"}),
    ("Bộ Ngoại giao Mỹ cho biết.", {"bo-ngoai-giao-hoa-ky": "Ministry"}),
    ("Bộ Năng lượng Hoa Kỳ cho biết.", {"bo-nang-luong-hoa-ky": "Ministry"}),
    ("Bám sát chỉ đạo của Bộ Chính trị.", {"bo-chinh-tri": "PartyOrganization"}),
    ("Thứ trưởng Ngoại giao Mỹ Jacob Helberg đến.", {"bo-ngoai-giao-hoa-ky": "Ministry"}),
    ("Thứ trưởng Năng lượng Hoa Kỳ James Danly đến.", {"bo-nang-luong-hoa-ky": "Ministry"}),
    ("Văn phòng Đại diện Thương mại Hoa Kỳ (USTR) thông báo.",
     {"van-phong-dai-dien-thuong-mai-hoa-ky": "Agency"}),
])
def test_organizations_found_and_typed(extract, text, expected):
    assert orgs(extract(text)) == expected


def test_organizations_party_body_is_not_a_ministry(extract):
    x = extract("Ủy viên Bộ Chính trị Nguyễn Hòa Bình dự họp.")
    assert orgs(x) == {"bo-chinh-tri": "PartyOrganization"}
