"""District-level (cấp huyện) and commune-level (cấp xã) procedures, and the procedures the
province itself defines (do địa phương quy định). Same line syntax as ``catalog_province``.
District and commune procedures have no implementing department: every district (commune)
settles them.
"""

# Some procedures exist under the same name at several levels: the national catalog lists
# them once per level.
DISTRICT_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Hộ tịch",
        (
            "Đăng ký [khai sinh|kết hôn|khai tử|nhận cha, mẹ, con|giám hộ|chấm dứt giám hộ] có "
            "yếu tố nước ngoài",
            "Đăng ký khai sinh có yếu tố nước ngoài cho người đã có hồ sơ, giấy tờ cá nhân",
            "Đăng ký khai sinh kết hợp nhận cha, mẹ, con có yếu tố nước ngoài",
            "Đăng ký lại [khai sinh|kết hôn|khai tử] có yếu tố nước ngoài",
            "Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
            "Thay đổi, cải chính, bổ sung thông tin hộ tịch có yếu tố nước ngoài",
            "Ghi vào sổ hộ tịch [việc kết hôn|việc ly hôn, hủy việc kết hôn|việc khai sinh|việc "
            "khai tử|việc nuôi con nuôi|việc hộ tịch khác] của công dân Việt Nam đã được giải "
            "quyết tại cơ quan có thẩm quyền của nước ngoài",
            "Cấp bản sao trích lục hộ tịch",
            "Đăng ký thay đổi giám hộ có yếu tố nước ngoài",
            "Xác định lại dân tộc",
        ),
    ),
    (
        "Chứng thực",
        (
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
            "của [Việt Nam cấp|nước ngoài cấp; cơ quan tổ chức có thẩm quyền của Việt Nam liên "
            "kết với cơ quan tổ chức có thẩm quyền của nước ngoài cấp]",
            "Chứng thực chữ ký [trong các giấy tờ, văn bản|người dịch mà người dịch là cộng tác "
            "viên dịch thuật của Phòng Tư pháp|người dịch mà người dịch không phải là cộng tác "
            "viên dịch thuật]",
            "Chứng thực [hợp đồng, giao dịch liên quan đến tài sản là động sản|việc sửa đổi, bổ "
            "sung, hủy bỏ hợp đồng, giao dịch|văn bản thỏa thuận phân chia di sản mà di sản là "
            "động sản|văn bản khai nhận di sản mà di sản là động sản|văn bản từ chối nhận di sản]",
            "Sửa lỗi sai sót trong hợp đồng, giao dịch",
            "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
        ),
    ),
    (
        "Phổ biến, giáo dục pháp luật",
        ("[Công nhận|Miễn nhiệm] báo cáo viên pháp luật cấp huyện",),
    ),
    (
        "Bồi thường nhà nước",
        (
            "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ "
            "gây thiệt hại",
            "Phục hồi danh dự",
            "Giải quyết yêu cầu bồi thường tại cơ quan giải quyết bồi thường",
        ),
    ),
    (
        "Đất đai",
        (
            "!Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất lần đầu",
            "!Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất cho hộ gia đình, cá nhân đã đăng ký quyền sử dụng đất lần đầu",
            "[Giao đất|Cho thuê đất] không thông qua đấu giá quyền sử dụng đất đối với hộ gia "
            "đình, cá nhân",
            "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối "
            "với hộ gia đình, cá nhân",
            "Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật, tự nguyện trả lại đất đối "
            "với hộ gia đình, cá nhân",
            "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch UBND cấp huyện",
            "[Gia hạn sử dụng đất|Xác nhận tiếp tục sử dụng đất] nông nghiệp của hộ gia đình, cá "
            "nhân khi hết hạn sử dụng đất",
            "Thẩm định nhu cầu sử dụng đất để xem xét giao đất, cho thuê đất không thông qua hình "
            "thức đấu giá quyền sử dụng đất đối với hộ gia đình, cá nhân",
            "Giao đất cho cộng đồng dân cư đối với trường hợp giao đất không thông qua hình thức "
            "đấu giá quyền sử dụng đất",
            "[Tách thửa hoặc hợp thửa đất|Đính chính giấy chứng nhận đã cấp]",
            "Cấp đổi giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
            "liền với đất",
        ),
    ),
    (
        "Môi trường",
        (
            "[Cấp|Cấp đổi|Cấp điều chỉnh|Cấp lại] giấy phép môi trường (cấp huyện)",
            "~Xác nhận đăng ký kế hoạch bảo vệ môi trường",
        ),
    ),
    (
        "Hoạt động xây dựng",
        (
            "![Cấp giấy phép xây dựng mới|Cấp giấy phép xây dựng sửa chữa, cải tạo|Cấp giấy phép "
            "di dời|Cấp điều chỉnh giấy phép xây dựng|Gia hạn giấy phép xây dựng|Cấp lại giấy "
            "phép xây dựng] đối với [công trình cấp III, cấp IV (công trình không theo "
            "tuyến)|công trình cấp III, cấp IV (công trình theo tuyến trong đô thị)|nhà ở riêng "
            "lẻ]",
            "[Thẩm định|Thẩm định điều chỉnh] [báo cáo nghiên cứu khả thi đầu tư xây dựng|thiết "
            "kế xây dựng triển khai sau thiết kế cơ sở|báo cáo kinh tế - kỹ thuật đầu tư xây "
            "dựng] thuộc thẩm quyền của cơ quan chuyên môn cấp huyện",
            "Cấp giấy phép chặt hạ, dịch chuyển cây xanh đô thị",
            "[Cấp|Gia hạn] giấy phép sử dụng tạm thời một phần lòng đường, hè phố không vào mục "
            "đích giao thông",
            "[Cấp|Cấp lại|Điều chỉnh|Gia hạn] giấy phép xây dựng công trình quảng cáo",
            "Kiểm tra công tác nghiệm thu hoàn thành công trình",
        ),
    ),
    (
        "Quy hoạch xây dựng, kiến trúc",
        (
            "[Thẩm định|Thẩm định điều chỉnh] [nhiệm vụ|đồ án] quy hoạch [chi tiết xây dựng|xây "
            "dựng khu chức năng|chung xây dựng xã|chi tiết đô thị] thuộc thẩm quyền phê duyệt của "
            "UBND cấp huyện",
            "Cung cấp thông tin về quy hoạch xây dựng thuộc thẩm quyền của UBND cấp huyện",
            "Cấp giấy phép quy hoạch dự án đầu tư xây dựng thuộc thẩm quyền của UBND cấp huyện",
        ),
    ),
    (
        "Thành lập và hoạt động của hộ kinh doanh",
        (
            "[Đăng ký thành lập hộ kinh doanh|Đăng ký thay đổi nội dung đăng ký hộ kinh doanh|Tạm "
            "ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh "
            "doanh|Chấm dứt hoạt động hộ kinh doanh|Cấp lại giấy chứng nhận đăng ký hộ kinh doanh]",
        ),
    ),
    (
        "Thành lập và hoạt động của hợp tác xã",
        (
            "[Đăng ký thành lập|Đăng ký thay đổi nội dung đăng ký|Giải thể tự nguyện|Tạm ngừng "
            "hoạt động|Cấp lại giấy chứng nhận đăng ký] hợp tác xã",
            "[Đăng ký thành lập|Chấm dứt hoạt động] chi nhánh, văn phòng đại diện, địa điểm kinh "
            "doanh của hợp tác xã",
            "Thông báo thay đổi nội dung đăng ký hợp tác xã",
            "Đăng ký khi hợp tác xã [chia|tách|hợp nhất|sáp nhập]",
        ),
    ),
    (
        "Lưu thông hàng hóa trong nước",
        (
            "[Cấp|Cấp lại|Cấp sửa đổi, bổ sung] giấy phép [bán lẻ rượu|bán lẻ sản phẩm thuốc "
            "lá|sản xuất rượu thủ công nhằm mục đích kinh doanh]",
        ),
    ),
    (
        "Công nghiệp địa phương",
        ("Cấp giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp huyện",),
    ),
    (
        "Giáo dục và Đào tạo",
        (
            "[Thành lập|Sáp nhập, chia, tách|Giải thể] [trường mầm non|trường tiểu học|trường "
            "trung học cơ sở|trường phổ thông dân tộc bán trú|trường phổ thông có nhiều cấp học "
            "có cấp học cao nhất là trung học cơ sở]",
            "Cho phép [trường mầm non|trường tiểu học|trường trung học cơ sở|trường phổ thông dân "
            "tộc bán trú] hoạt động giáo dục",
            "Cho phép [trường mầm non|trường tiểu học|trường trung học cơ sở] hoạt động giáo dục "
            "trở lại",
            "[Công nhận|Công nhận lại] trường [mầm non|tiểu học|trung học cơ sở] đạt chuẩn quốc "
            "gia",
            "Chuyển trường đối với học sinh trung học cơ sở",
            "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú đang học tại các trường tiểu "
            "học, trung học cơ sở ở xã, thôn đặc biệt khó khăn",
            "Hỗ trợ ăn trưa đối với trẻ em mẫu giáo",
            "Trợ cấp đối với giáo viên mầm non làm việc tại cơ sở giáo dục mầm non dân lập, tư "
            "thục ở địa bàn có khu công nghiệp",
            "Công nhận xã đạt chuẩn phổ cập giáo dục, xóa mù chữ",
            "Đề nghị miễn, giảm học phí, hỗ trợ chi phí học tập",
            "Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm đối với cấp trung học cơ sở",
            "Tuyển sinh trung học cơ sở",
            "Chuyển đổi nhà trẻ, trường mẫu giáo, trường mầm non tư thục do nhà đầu tư trong nước "
            "đầu tư sang nhà trẻ, trường mẫu giáo, trường mầm non tư thục hoạt động không vì lợi "
            "nhuận",
            "[Thành lập|Sáp nhập, chia, tách|Giải thể] [nhà trẻ|trường mẫu giáo|trường mầm non tư "
            "thục]",
            "Chuyển trường đối với học sinh tiểu học",
            "Xin học lại tại trường khác đối với học sinh trung học cơ sở",
            "[Cấp bản sao văn bằng, chứng chỉ từ sổ gốc|Chỉnh sửa nội dung văn bằng, chứng chỉ]",
            "Hỗ trợ [chi phí học tập|tiền ăn, tiền nhà ở] đối với học sinh khuyết tật",
            "Cấp giấy chứng nhận kiểm định chất lượng giáo dục đối với [trường mầm non|trường "
            "tiểu học|trường trung học cơ sở]",
        ),
    ),
    (
        "An toàn thực phẩm",
        (
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở "
            "kinh doanh dịch vụ ăn uống thuộc thẩm quyền của UBND cấp huyện",
            "Xác nhận kiến thức an toàn thực phẩm cho chủ cơ sở và người trực tiếp chế biến thực "
            "phẩm",
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản "
            "xuất, kinh doanh nông, lâm, thủy sản thuộc thẩm quyền của UBND cấp huyện",
        ),
    ),
    (
        "Văn hóa cơ sở",
        (
            "[Cấp|Điều chỉnh] giấy phép đủ điều kiện kinh doanh dịch vụ karaoke do cơ quan quản "
            "lý nhà nước về văn hóa cấp huyện cấp",
            "Xét tặng danh hiệu [Khu dân cư văn hóa|Xã, phường, thị trấn tiêu biểu] hằng năm",
            "[Đăng ký|Thông báo] tổ chức lễ hội cấp huyện",
            "Thông báo tổ chức [biểu diễn nghệ thuật|cuộc thi, liên hoan] trên địa bàn huyện",
            "[Công nhận lần đầu|Công nhận lại] [phường, thị trấn đạt chuẩn văn minh đô thị|xã đạt "
            "chuẩn văn hóa nông thôn mới]",
        ),
    ),
    (
        "Thư viện",
        (
            "[Thông báo thành lập|Thông báo sáp nhập, hợp nhất, chia, tách|Thông báo chấm dứt "
            "hoạt động] thư viện thuộc cơ sở giáo dục mầm non, cơ sở giáo dục phổ thông",
        ),
    ),
    (
        "Phát thanh, truyền hình và thông tin điện tử",
        (
            "[Cấp|Sửa đổi, bổ sung|Gia hạn|Cấp lại] giấy chứng nhận đủ điều kiện hoạt động điểm "
            "cung cấp dịch vụ trò chơi điện tử công cộng",
        ),
    ),
    (
        "Người có công",
        (
            "Giải quyết chế độ trợ cấp một lần đối với người được cử làm chuyên gia sang giúp "
            "Lào, Campuchia",
            "Giải quyết chế độ ưu đãi đối với [Bà mẹ Việt Nam anh hùng|Anh hùng lực lượng vũ "
            "trang nhân dân, Anh hùng lao động trong thời kỳ kháng chiến|thân nhân liệt sĩ|người "
            "có công giúp đỡ cách mạng]",
            "Thực hiện chế độ [ưu đãi trong giáo dục đào tạo đối với người có công với cách mạng "
            "và con của họ|bảo hiểm y tế đối với người có công và thân nhân|trợ cấp dụng cụ chỉnh "
            "hình, phương tiện trợ giúp]",
            "Hỗ trợ người có công với cách mạng cải thiện nhà ở",
            "Giải quyết chế độ đối với [người hoạt động kháng chiến bị nhiễm chất độc hóa học|con "
            "đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học|người hoạt động cách "
            "mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày]",
        ),
    ),
    (
        "Bảo trợ xã hội",
        (
            "[Thực hiện|Điều chỉnh|Thôi hưởng] trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm "
            "sóc, nuôi dưỡng hằng tháng",
            "Thực hiện trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú [trong cùng "
            "địa bàn huyện|giữa các huyện, thị xã, thành phố thuộc tỉnh]",
            "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
            "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở",
            "Tiếp nhận đối tượng cần bảo vệ khẩn cấp vào cơ sở trợ giúp xã hội cấp huyện",
            "[Thành lập|Tổ chức lại|Giải thể] cơ sở trợ giúp xã hội công lập thuộc UBND cấp huyện",
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép hoạt động đối với cơ sở trợ giúp xã hội thuộc "
            "thẩm quyền của Phòng Lao động - Thương binh và Xã hội",
            "Đăng ký thành lập, đăng ký thay đổi nội dung hoặc cấp lại giấy chứng nhận đăng ký "
            "thành lập đối với cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền thành lập "
            "của Phòng Lao động - Thương binh và Xã hội",
            "Tiếp nhận [người cao tuổi|trẻ em có hoàn cảnh đặc biệt|người khuyết tật đặc biệt "
            "nặng] vào chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội cấp huyện",
        ),
    ),
    (
        "Trẻ em",
        (
            "Đăng ký nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình "
            "nhận chăm sóc thay thế không phải là người thân thích của trẻ em",
            "Chấm dứt việc chăm sóc thay thế cho trẻ em",
            "Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em bị xâm hại hoặc có nguy cơ bị "
            "bạo lực, bóc lột, bỏ rơi và trẻ em có hoàn cảnh đặc biệt",
        ),
    ),
    (
        "Lao động, tiền lương",
        (
            "Đăng ký nội quy lao động của doanh nghiệp",
            "Gửi thỏa ước lao động tập thể cấp doanh nghiệp",
            "Giải quyết tranh chấp lao động tập thể về quyền",
        ),
    ),
    (
        "Nông nghiệp",
        (
            "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai",
            "Hỗ trợ dự án liên kết",
            "Phê duyệt kế hoạch khuyến nông địa phương",
            "Đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
            "~Cấp giấy chứng nhận kinh tế trang trại",
            "Hỗ trợ [giống cây trồng|giống vật nuôi|giống thủy sản] để khôi phục sản xuất vùng bị "
            "thiệt hại do thiên tai, dịch bệnh",
        ),
    ),
    (
        "Lâm nghiệp",
        (
            "Xác nhận bảng kê lâm sản",
            "Phê duyệt phương án khai thác thực vật rừng thông thường",
            "[Giao rừng|Cho thuê rừng|Thu hồi rừng] đối với hộ gia đình, cá nhân, cộng đồng dân cư",
            "Phê duyệt phương án quản lý rừng bền vững của chủ rừng là hộ gia đình, cá nhân, cộng "
            "đồng dân cư",
            "Phê duyệt hồ sơ thiết kế khai thác gỗ rừng trồng của hộ gia đình, cá nhân",
            "Xác nhận nguồn gốc lâm sản",
        ),
    ),
    (
        "Thủy lợi",
        (
            "[Phê duyệt|Điều chỉnh] phương án ứng phó với tình huống khẩn cấp hồ chứa thuộc thẩm "
            "quyền của UBND cấp huyện",
            "Thẩm định, phê duyệt đề cương, kết quả kiểm định an toàn đập, hồ chứa thủy lợi thuộc "
            "thẩm quyền của UBND cấp huyện",
            "Hỗ trợ đầu tư xây dựng phát triển thủy lợi nhỏ, thủy lợi nội đồng và tưới tiên tiến, "
            "tiết kiệm nước",
        ),
    ),
    (
        "Tôn giáo",
        (
            "Đăng ký [người được bổ nhiệm, bầu cử, suy cử làm chức việc của tổ chức được cấp "
            "chứng nhận đăng ký hoạt động tôn giáo có địa bàn hoạt động ở một huyện|thuyên chuyển "
            "chức sắc, chức việc, nhà tu hành]",
            "Đề nghị [tổ chức đại hội của tổ chức tôn giáo cơ sở có địa bàn hoạt động ở một "
            "huyện|tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô "
            "tổ chức ở một huyện|giảng đạo ngoài địa bàn phụ trách, cơ sở tôn giáo, địa điểm hợp "
            "pháp đã đăng ký có quy mô tổ chức ở một huyện|thay đổi địa điểm sinh hoạt tôn giáo "
            "tập trung đến địa bàn huyện khác]",
            "Thông báo [danh mục hoạt động tôn giáo bổ sung đối với tổ chức có địa bàn hoạt động "
            "tôn giáo ở nhiều xã thuộc một huyện|tổ chức hội nghị thường niên, đại hội của tổ "
            "chức tôn giáo cơ sở]",
        ),
    ),
    (
        "Thi đua, khen thưởng",
        (
            "Tặng giấy khen của Chủ tịch UBND cấp huyện [về thực hiện nhiệm vụ chính trị|theo đợt "
            "hoặc chuyên đề|về thành tích đột xuất|cho gia đình|về thành tích đối ngoại]",
            "Tặng danh hiệu [Lao động tiên tiến|Chiến sĩ thi đua cơ sở|Tập thể lao động tiên tiến]",
        ),
    ),
    (
        "Tổ chức phi chính phủ",
        (
            "[Công nhận ban vận động thành lập hội|Thành lập hội|Phê duyệt điều lệ hội|Đổi tên "
            "hội|Hội tự giải thể] có phạm vi hoạt động trong huyện",
            "[Cấp giấy phép thành lập và công nhận điều lệ quỹ|Đổi tên quỹ|Quỹ tự giải thể] có "
            "phạm vi hoạt động trong huyện",
        ),
    ),
    (
        "Giải quyết khiếu nại, tố cáo",
        (
            "Giải quyết khiếu nại [lần đầu|lần hai] tại cấp huyện",
            "[Giải quyết tố cáo|Tiếp công dân|Xử lý đơn] tại cấp huyện",
        ),
    ),
    (
        "Quản lý công sản",
        (
            "Quyết định [mua sắm tài sản công phục vụ hoạt động của cơ quan, tổ chức, đơn vị "
            "trong trường hợp không phải lập thành dự án đầu tư|điều chuyển tài sản công|bán tài "
            "sản công|thanh lý tài sản công|tiêu hủy tài sản công]",
            "Quyết định [thuê tài sản phục vụ hoạt động của cơ quan, tổ chức, đơn vị|xử lý tài "
            "sản công trong trường hợp bị mất, bị hủy hoại|thu hồi tài sản công]",
            "Xác lập quyền sở hữu toàn dân đối với tài sản [bị chôn, giấu, bị vùi lấp, chìm đắm "
            "được tìm thấy|bị đánh rơi, bỏ quên]",
        ),
    ),
    (
        "Đường bộ",
        (
            "Cấp giấy phép thi công công trình đường bộ trên đường bộ đang khai thác thuộc phạm "
            "vi quản lý của UBND cấp huyện",
            "Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao "
            "thông đường bộ của đường huyện",
        ),
    ),
    (
        "Nhà ở",
        (
            "[Công nhận ban quản trị nhà chung cư|Công nhận bổ sung, thay thế thành viên ban quản "
            "trị nhà chung cư]",
        ),
    ),
    (
        "Tổ chức hành chính, đơn vị sự nghiệp công lập",
        (
            "Thẩm định [thành lập|tổ chức lại|giải thể] đơn vị sự nghiệp công lập thuộc UBND cấp "
            "huyện",
        ),
    ),
    (
        "Đường thủy nội địa",
        (
            "Đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác trên đường thủy nội "
            "địa",
            "Đăng ký lại phương tiện trong trường hợp chuyển từ cơ quan đăng ký khác sang cơ quan "
            "đăng ký phương tiện thủy nội địa",
            "[Xóa|Cấp lại] giấy chứng nhận đăng ký phương tiện thủy nội địa",
            "Đăng ký thay đổi tên, tính năng kỹ thuật phương tiện thủy nội địa",
        ),
    ),
    (
        "Tài nguyên nước",
        (
            "Lấy ý kiến UBND cấp huyện đối với các dự án đầu tư có chuyển nước từ nguồn nước nội "
            "tỉnh",
        ),
    ),
)

COMMUNE_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Hộ tịch",
        (
            "Đăng ký [khai sinh|kết hôn|khai tử|nhận cha, mẹ, con|giám hộ|chấm dứt giám hộ|thay "
            "đổi giám hộ]",
            "Đăng ký lại [khai sinh|kết hôn|khai tử]",
            "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
            "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân",
            "Đăng ký [khai sinh|kết hôn|khai tử] lưu động",
            "Thay đổi, cải chính, bổ sung thông tin hộ tịch",
            "Cấp giấy xác nhận tình trạng hôn nhân",
            "Cấp bản sao trích lục hộ tịch",
            "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo "
            "hiểm y tế cho trẻ em dưới 6 tuổi",
            "Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế "
            "độ tử tuất, hỗ trợ chi phí mai táng, hưởng mai táng phí",
            "Đăng ký [việc nuôi con nuôi trong nước|lại việc nuôi con nuôi trong nước|việc nuôi "
            "con nuôi thực tế]",
        ),
    ),
    (
        "Chứng thực",
        (
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
            "của Việt Nam cấp",
            "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực "
            "điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ "
            "được)",
            "Chứng thực [hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất "
            "và nhà ở|văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng "
            "đất, nhà ở|văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà "
            "ở|di chúc|văn bản từ chối nhận di sản|việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao "
            "dịch]",
            "Sửa lỗi sai sót trong hợp đồng, giao dịch",
            "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
        ),
    ),
    (
        "Phổ biến, giáo dục pháp luật",
        (
            "[Công nhận|Cho thôi làm] tuyên truyền viên pháp luật",
            "Xét, công nhận xã đạt chuẩn tiếp cận pháp luật",
        ),
    ),
    (
        "Hòa giải ở cơ sở",
        (
            "[Công nhận|Thôi làm] hòa giải viên",
            "[Công nhận|Thôi làm] tổ trưởng tổ hòa giải",
            "Thanh toán thù lao cho hòa giải viên",
            "Thực hiện hỗ trợ khi hòa giải viên gặp tai nạn hoặc rủi ro ảnh hưởng đến sức khỏe, "
            "tính mạng trong khi thực hiện hoạt động hòa giải",
        ),
    ),
    (
        "Bồi thường nhà nước",
        (
            "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ "
            "gây thiệt hại",
        ),
    ),
    (
        "Người có công",
        (
            "Giải quyết [chế độ mai táng phí đối với cựu chiến binh|chế độ mai táng phí đối với "
            "thanh niên xung phong thời kỳ chống Pháp|trợ cấp một lần đối với thanh niên xung "
            "phong đã hoàn thành nhiệm vụ trong kháng chiến]",
            "Xác nhận vào [đơn đề nghị di chuyển hài cốt liệt sĩ|đơn đề nghị thăm viếng mộ liệt "
            "sĩ]",
            "Hưởng mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần",
            "Cấp giấy xác nhận thân nhân của người có công",
            "Giải quyết chế độ [trợ cấp một lần đối với người có thành tích tham gia kháng chiến "
            "đã được tặng Bằng khen|trợ cấp hằng tháng đối với thanh niên xung phong]",
        ),
    ),
    (
        "Bảo trợ xã hội",
        (
            "Xác định, xác định lại mức độ khuyết tật và cấp giấy xác nhận khuyết tật",
            "[Đổi|Cấp lại] giấy xác nhận khuyết tật",
            "Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng",
            "Nhận chăm sóc, nuôi dưỡng đối tượng cần bảo vệ khẩn cấp",
            "Công nhận hộ [nghèo, hộ cận nghèo|thoát nghèo, thoát cận nghèo] phát sinh trong năm",
            "Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình",
            "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó "
            "khăn",
            "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở",
        ),
    ),
    (
        "Trẻ em",
        (
            "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi "
            "trường hoặc người gây tổn hại cho trẻ em",
            "Chấm dứt việc chăm sóc thay thế cho trẻ em",
            "Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em bị xâm hại hoặc có nguy cơ bị "
            "bạo lực, bóc lột, bỏ rơi và trẻ em có hoàn cảnh đặc biệt",
            "Thông báo nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình "
            "nhận chăm sóc thay thế là người thân thích của trẻ em",
        ),
    ),
    (
        "Phòng, chống tệ nạn xã hội",
        (
            "Đăng ký cai nghiện ma túy tự nguyện",
            "Quyết định quản lý sau cai nghiện ma túy",
            "Hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu cho nạn nhân bị mua bán",
            "Xác định, xác nhận nạn nhân bị mua bán",
        ),
    ),
    (
        "Đất đai",
        (
            "Hòa giải tranh chấp đất đai",
            "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
        ),
    ),
    (
        "Môi trường",
        (
            "Đăng ký môi trường",
            "Tham vấn trong đánh giá tác động môi trường",
            "~Xác nhận đăng ký kế hoạch bảo vệ môi trường",
        ),
    ),
    (
        "Tài nguyên nước",
        (
            "Đăng ký khai thác nước dưới đất",
            "Lấy ý kiến UBND cấp xã đối với các dự án đầu tư có chuyển nước từ nguồn nước nội tỉnh",
        ),
    ),
    (
        "Tín ngưỡng, tôn giáo",
        (
            "Đăng ký [hoạt động tín ngưỡng|bổ sung hoạt động tín ngưỡng|sinh hoạt tôn giáo tập "
            "trung]",
            "Thông báo danh mục hoạt động tôn giáo [đối với tổ chức|bổ sung đối với tổ chức] có "
            "địa bàn hoạt động tôn giáo ở một xã",
            "Thông báo tổ chức quyên góp trong địa bàn một xã của cơ sở tín ngưỡng, tổ chức tôn "
            "giáo, tổ chức tôn giáo trực thuộc",
            "Đề nghị thay đổi địa điểm sinh hoạt tôn giáo tập trung trong địa bàn một xã",
            "[Đề nghị|Thông báo] tổ chức lễ hội tín ngưỡng",
            "Đăng ký thay đổi người đại diện của nhóm sinh hoạt tôn giáo tập trung",
        ),
    ),
    (
        "Thi đua, khen thưởng",
        (
            "Tặng giấy khen của Chủ tịch UBND cấp xã [về thực hiện nhiệm vụ chính trị|cho gia "
            "đình|về thành tích thi đua theo đợt, chuyên đề|về thành tích đột xuất]",
            "Xét tặng danh hiệu Lao động tiên tiến",
        ),
    ),
    (
        "Văn hóa cơ sở",
        (
            "Xét tặng danh hiệu [Gia đình văn hóa|Thôn, tổ dân phố văn hóa] hằng năm",
            "Xét tặng giấy khen [Gia đình văn hóa|Thôn, tổ dân phố văn hóa]",
            "[Đăng ký|Thông báo] tổ chức lễ hội",
            "Công nhận câu lạc bộ thể thao cơ sở",
        ),
    ),
    (
        "Thư viện",
        (
            "[Thông báo thành lập|Thông báo sáp nhập, hợp nhất, chia, tách|Thông báo chấm dứt "
            "hoạt động] thư viện cộng đồng",
        ),
    ),
    (
        "Giáo dục và Đào tạo",
        (
            "[Thành lập|Sáp nhập, chia, tách|Giải thể] nhóm trẻ, lớp mẫu giáo độc lập",
            "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục",
            "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục trở lại",
            "[Thành lập|Giải thể] trung tâm học tập cộng đồng",
            "Cho phép trung tâm học tập cộng đồng hoạt động trở lại",
            "Cho phép trung tâm học tập cộng đồng hoạt động giáo dục",
        ),
    ),
    (
        "Nông nghiệp",
        (
            "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do [thiên tai|dịch bệnh]",
            "Chuyển đổi cơ cấu cây trồng trên đất trồng lúa",
            "Đăng ký kê khai số lượng chăn nuôi tập trung và nuôi trồng thủy sản ban đầu",
            "Kê khai hoạt động chăn nuôi",
            "Hỗ trợ dự án liên kết",
            "Xác nhận bảng kê lâm sản",
            "Thẩm định, phê duyệt phương án ứng phó với tình huống khẩn cấp hồ chứa thuộc thẩm "
            "quyền của UBND cấp xã",
        ),
    ),
    (
        "Giải quyết khiếu nại, tố cáo",
        ("[Giải quyết khiếu nại lần đầu|Giải quyết tố cáo|Tiếp công dân|Xử lý đơn] tại cấp xã",),
    ),
    (
        "Nghĩa vụ quân sự",
        (
            "Đăng ký nghĩa vụ quân sự [lần đầu|bổ sung]",
            "Đăng ký nghĩa vụ quân sự [chuyển đi|chuyển đến] khi thay đổi nơi cư trú hoặc nơi làm "
            "việc, học tập",
            "Đăng ký [miễn gọi nhập ngũ thời chiến|tạm vắng nghĩa vụ quân sự]",
            "Đăng ký [quân nhân dự bị|phương tiện kỹ thuật dự bị]",
            "Xét [miễn|tạm hoãn] gọi nhập ngũ",
        ),
    ),
    (
        "Kinh tế hợp tác",
        ("Thông báo [thành lập|thay đổi|chấm dứt hoạt động] tổ hợp tác",),
    ),
    (
        "Đường thủy nội địa",
        (
            "Đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác trên đường thủy nội "
            "địa",
            "[Xóa|Cấp lại] giấy chứng nhận đăng ký phương tiện thủy nội địa",
            "Đăng ký thay đổi tên, tính năng kỹ thuật phương tiện thủy nội địa",
        ),
    ),
    (
        "Tổ chức phi chính phủ",
        (
            "[Công nhận ban vận động thành lập hội|Thành lập hội|Phê duyệt điều lệ hội|Đổi tên "
            "hội|Hội tự giải thể] có phạm vi hoạt động trong xã",
        ),
    ),
)

# Procedures the province defines itself (authority local): (level, field, department key or
# "" below province level, name). The seed counts 21 in force; the rest were abolished.
LOCAL_PROCEDURES: tuple[tuple[str, str, str, str], ...] = (
    (
        "province",
        "Phát triển nông thôn",
        "nong_nghiep",
        "Hỗ trợ lãi suất vay vốn cho doanh nghiệp đầu tư vào nông nghiệp, nông thôn trên địa bàn "
        "tỉnh Bình Thuận",
    ),
    (
        "province",
        "Trồng trọt",
        "nong_nghiep",
        "Hỗ trợ kinh phí áp dụng quy trình thực hành sản xuất nông nghiệp tốt (VietGAP) đối với "
        "cây thanh long",
    ),
    (
        "province",
        "Hoạt động khoa học và công nghệ",
        "khcn",
        "Hỗ trợ phát triển tài sản trí tuệ trên địa bàn tỉnh Bình Thuận",
    ),
    (
        "province",
        "Công nghiệp địa phương",
        "cong_thuong",
        "Hỗ trợ kinh phí khuyến công địa phương",
    ),
    (
        "province",
        "Công nghiệp địa phương",
        "cong_thuong",
        "Xét công nhận danh hiệu nghệ nhân, thợ giỏi ngành nghề nông thôn tỉnh Bình Thuận",
    ),
    (
        "province",
        "Hỗ trợ doanh nghiệp nhỏ và vừa",
        "khdt",
        "Hỗ trợ doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo theo chính sách của tỉnh",
    ),
    (
        "province",
        "Giáo dục nghề nghiệp",
        "ldtbxh",
        "Hỗ trợ chi phí đào tạo nghề cho lao động nông thôn theo Nghị quyết của HĐND tỉnh",
    ),
    (
        "province",
        "Người lao động Việt Nam đi làm việc ở nước ngoài",
        "ldtbxh",
        "Hỗ trợ kinh phí cho người lao động đi làm việc ở nước ngoài theo hợp đồng theo chính "
        "sách của tỉnh",
    ),
    (
        "province",
        "Văn hóa cơ sở",
        "vhttdl",
        "Xét tặng Giải thưởng Văn học - Nghệ thuật tỉnh Bình Thuận",
    ),
    (
        "province",
        "Du lịch",
        "vhttdl",
        "Hỗ trợ đầu tư phát triển du lịch cộng đồng trên địa bàn tỉnh Bình Thuận",
    ),
    (
        "province",
        "Du lịch",
        "vhttdl",
        "Chấp thuận phương án hoạt động dịch vụ thể thao, vui chơi giải trí dưới nước tại các khu "
        "du lịch ven biển",
    ),
    (
        "province",
        "Công tác dân tộc",
        "dan_toc",
        "Hỗ trợ học phí cho sinh viên người dân tộc thiểu số theo chính sách của tỉnh",
    ),
    (
        "province",
        "Khám bệnh, chữa bệnh",
        "y_te",
        "Hỗ trợ kinh phí thu hút bác sĩ về công tác tại các cơ sở y tế công lập của tỉnh",
    ),
    (
        "province",
        "Thi đua, khen thưởng",
        "noi_vu",
        "Xét tặng Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển tỉnh Bình Thuận",
    ),
    (
        "province",
        "Bưu chính",
        "tttt",
        "Hỗ trợ kinh phí chuyển đổi số cho doanh nghiệp nhỏ và vừa trên địa bàn tỉnh",
    ),
    (
        "province",
        "Môi trường",
        "tnmt",
        "Hỗ trợ hộ chăn nuôi xây dựng công trình xử lý chất thải chăn nuôi theo chính sách của "
        "tỉnh",
    ),
    (
        "district",
        "Bảo trợ xã hội",
        "",
        "Hỗ trợ hộ nghèo xây dựng nhà ở theo chính sách của tỉnh",
    ),
    (
        "district",
        "Nông nghiệp",
        "",
        "Hỗ trợ ngư dân khai thác hải sản xa bờ theo chính sách của tỉnh",
    ),
    (
        "district",
        "Nông nghiệp",
        "",
        "Hỗ trợ chuyển đổi nghề cho lao động khai thác thủy sản ven bờ",
    ),
    (
        "district",
        "Nông nghiệp",
        "",
        "Hỗ trợ giống cây trồng phục hồi sản xuất sau thiên tai theo chính sách của tỉnh",
    ),
    (
        "district",
        "Giáo dục và Đào tạo",
        "",
        "Hỗ trợ tiền ăn cho học sinh bán trú theo chính sách của tỉnh",
    ),
    (
        "commune",
        "Bảo trợ xã hội",
        "",
        "Hỗ trợ kinh phí mua thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo theo chính sách của "
        "tỉnh",
    ),
    (
        "commune",
        "Bảo trợ xã hội",
        "",
        "Trợ cấp cho người cao tuổi từ đủ 75 tuổi đến dưới 80 tuổi theo chính sách của tỉnh",
    ),
)
