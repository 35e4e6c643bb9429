import pytest


def meetings(extraction):
    return [set(m.participants) for m in extraction.meetings]


@pytest.mark.parametrize("text, expected", [
    ("Quyền Bộ trưởng Lê Mạnh Hùng làm việc với Thứ trưởng Năng lượng Hoa Kỳ James Danly.",
     [{"Lê Mạnh Hùng", "James Danly"}]),
    ("Thủ tướng Phạm Minh Chính tiếp Đại sứ Hoa Kỳ Marc Knapper.", [{"Phạm Minh Chính", "Marc Knapper"}]),
    ("Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Mỹ Marco Rubio.",
     [{"Bùi Thanh Sơn", "Marco Rubio"}]),
    ("Chủ tịch nước Lương Cường điện đàm với Tổng thống Hoa Kỳ Donald Trump.", [{"Lương Cường", "Donald Trump"}]),
    ("Phó Thủ tướng Bùi Thanh Sơn hội kiến Bộ trưởng Thương mại Hoa Kỳ Howard Lutnick.",
     [{"Bùi Thanh Sơn", "Howard Lutnick"}]),
    ("Chiều 5/3, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp ông Marc Knapper, Đại sứ Hoa Kỳ tại Việt Nam.",
     [{"Bùi Thanh Sơn", "Marc Knapper"}]),
    ("Thủ tướng Phạm Minh Chính và Thủ tướng Nhật Bản Ishiba Shigeru đã hội đàm tại Tokyo.",
     [{"Phạm Minh Chính", "Ishiba Shigeru"}]),
    ("Phó Tổng thống Mỹ J.D. Vance gặp Chủ tịch Quốc hội Trần Thanh Mẫn.", [{"J.D. Vance", "Trần Thanh Mẫn"}]),
    # word segmentation glues "Bình" to the verb: "Bình hội kiến"
    ("Chủ tịch Trung Quốc Tập Cận Bình hội kiến Tổng Bí thư, Chủ tịch nước Tô Lâm tại Bắc Kinh.",
     [{"Tập Cận Bình", "Tô Lâm"}]),
    ("Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng tiếp đoàn IMF do ông Paulo Medas dẫn đầu.",
     [{"Nguyễn Thị Hồng", "Paulo Medas"}]),
    # not meetings: one person, a person only cited, continuing (tiếp tục) is no receiving (tiếp)
    ("Thủ tướng Phạm Minh Chính tiếp tục chỉ đạo đẩy mạnh đàm phán.", []),
    ("Bộ trưởng Nguyễn Hồng Diên làm việc với các doanh nghiệp.", []),
    ("Thủ tướng Phạm Minh Chính làm việc với các bộ theo chỉ đạo của Tổng Bí thư Tô Lâm.", []),
])
def test_meetings_from_one_sentence(extract, text, expected):
    assert meetings(extract(text)) == expected


def test_meetings_attendance_of_a_named_meeting(extract):
    x = extract("Tham dự cuộc họp có đồng chí Nguyễn Hòa Bình, Phó Thủ tướng Thường trực Chính phủ; "
                "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên.\n\n"
                "Thủ tướng Phạm Minh Chính phát biểu kết luận cuộc họp.\n\n"
                "Thủ tướng nhấn mạnh tinh thần bám sát chỉ đạo của Bộ Chính trị, Tổng Bí thư Tô Lâm.")
    assert meetings(x) == [{"Nguyễn Hòa Bình", "Nguyễn Hồng Diên", "Phạm Minh Chính"}]


def test_meetings_conference_with_one_named_person_is_no_meeting(extract):
    x = extract("Hội nghị do Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên chủ trì, với sự tham dự của đại diện các Bộ.")
    assert x.meetings == ()


def test_meetings_counterpart_named_alone_meets_the_host(extract):
    x = extract("Quyền Bộ trưởng Lê Mạnh Hùng làm việc với Thứ trưởng Năng lượng Hoa Kỳ James Danly.\n\n"
                "Tại cuộc làm việc với Thứ trưởng Bộ Nông nghiệp Mỹ Stephen Vaden, hai bên trao đổi về kiểm dịch.")
    assert meetings(x) == [{"Lê Mạnh Hùng", "James Danly"}, {"Lê Mạnh Hùng", "Stephen Vaden"}]


def test_meetings_topics_place_and_date(extract):
    x = extract("Ngày 26/10/2025, Bộ trưởng Nguyễn Hồng Diên làm việc với Thứ trưởng Jacob Helberg tại Kuala Lumpur.\n\n"
                "Hai bên trao đổi về hợp tác bán dẫn, trí tuệ nhân tạo (AI) và chuỗi cung ứng.\n\n"
                "Quyền Bộ trưởng Lê Mạnh Hùng tiếp Thứ trưởng Năng lượng Hoa Kỳ James Danly.\n\n"
                "Hai bên bàn về LNG.")
    first, second = x.meetings
    assert first.place == "place/kuala-lumpur" and str(first.date) == "2025-10-26"
    assert {"ban-dan", "tri-tue-nhan-tao", "chuoi-cung-ung"} <= set(first.topics)
    assert "lng" not in first.topics and "lng" in second.topics


def test_meetings_same_people_elsewhere_is_another_meeting(extract):
    x = extract("Bộ trưởng Nguyễn Hồng Diên làm việc với Thứ trưởng Bộ Ngoại giao Hoa Kỳ Jacob Helberg.\n\n"
                "Thứ trưởng Jacob Helberg nhấn mạnh hợp tác về năng lượng.\n\n"
                "Ông nhắc lại các nội dung ông và Bộ trưởng Nguyễn Hồng Diên đã trao đổi tại Malaysia về bán dẫn.\n\n"
                "Hai bên thống nhất thúc đẩy chuỗi cung ứng.")
    main, recalled = x.meetings
    assert main.place is None and recalled.place == "country/my"
    assert {"ban-dan", "chuoi-cung-ung"} <= set(main.topics)
