"""Province-level procedures (cấp tỉnh), by field and implementing department.

A line is a procedure name; ``[a|b|c]`` expands into one name per alternative (several groups
multiply). A line starting with ``!`` is always in force (tests and demos rely on it), one
starting with ``~`` was abolished for good.
"""

PROVINCE_FIELDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Đất đai",
        "tnmt",
        (
            "!Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất lần đầu đối với tổ chức, cơ sở tôn giáo, người Việt Nam định cư ở nước ngoài "
            "thực hiện dự án đầu tư",
            "!Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất cho người nhận chuyển nhượng quyền sử dụng đất, mua nhà ở, công trình xây "
            "dựng trong các dự án phát triển nhà ở",
            "Cấp đổi giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
            "liền với đất",
            "Cấp lại giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
            "liền với đất do bị mất",
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất [do đổi "
            "tên hoặc thay đổi thông tin về người được cấp giấy chứng nhận|do giảm diện tích thửa "
            "đất do sạt lở tự nhiên|do thay đổi hạn chế về quyền sử dụng đất|trong các trường hợp "
            "chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn]",
            "[Đăng ký thế chấp|Đăng ký thay đổi nội dung thế chấp|Xóa đăng ký thế chấp] quyền sử "
            "dụng đất, tài sản gắn liền với đất",
            "[Giao đất|Cho thuê đất] không thông qua đấu giá quyền sử dụng đất đối với [tổ "
            "chức|người Việt Nam định cư ở nước ngoài|tổ chức kinh tế có vốn đầu tư nước ngoài]",
            "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối "
            "với tổ chức",
            "Gia hạn sử dụng đất ngoài khu công nghệ cao, khu kinh tế",
            "Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật, tự nguyện trả lại đất",
            "Tách thửa hoặc hợp thửa đất",
            "Đính chính giấy chứng nhận đã cấp",
            "Chuyển từ hình thức thuê đất trả tiền hằng năm sang thuê đất trả tiền một lần cho cả "
            "thời gian thuê",
            "Xóa ghi nợ tiền sử dụng đất",
            "Cung cấp dữ liệu đất đai",
            "Thẩm định nhu cầu sử dụng đất; thẩm định điều kiện giao đất, thuê đất",
            "Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý",
            "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch UBND cấp tỉnh",
            "Xác định lại diện tích đất ở cho hộ gia đình, cá nhân đã được cấp giấy chứng nhận "
            "trước ngày 01 tháng 7 năm 2004",
            "Đăng ký chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm "
            "quyền",
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất [do "
            "chuyển mục đích sử dụng đất|do thay đổi diện tích xây dựng, diện tích sử dụng, tầng "
            "cao, kết cấu|do xóa ghi nợ tiền sử dụng đất|do thay đổi thời hạn sử dụng đất]",
            "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
            "với đất cho [tổ chức đang sử dụng đất|cơ sở tôn giáo đang sử dụng đất]",
            "Cung cấp thông tin về giá đất",
            "Gia hạn sử dụng đất đối với tổ chức kinh tế thực hiện dự án đầu tư",
            "Điều chỉnh quyết định [giao đất|cho thuê đất|cho phép chuyển mục đích sử dụng đất] "
            "của UBND cấp tỉnh",
            "[Đăng ký góp vốn|Xóa đăng ký góp vốn] bằng quyền sử dụng đất, tài sản gắn liền với "
            "đất",
        ),
    ),
    (
        "Môi trường",
        "tnmt",
        (
            "[Thẩm định|Thẩm định điều chỉnh] báo cáo đánh giá tác động môi trường",
            "[Cấp|Cấp đổi|Cấp điều chỉnh|Cấp lại] giấy phép môi trường",
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép xử lý chất thải nguy hại",
            "Vận hành thử nghiệm công trình xử lý chất thải",
            "Chấp thuận tách đấu nối khỏi hệ thống xử lý nước thải tập trung",
            "Cấp giấy chứng nhận cơ sở bảo tồn đa dạng sinh học",
            "Đăng ký cơ sở nuôi trồng, cứu hộ loài thuộc danh mục nguy cấp, quý, hiếm được ưu "
            "tiên bảo vệ",
            "Thẩm định phương án cải tạo, phục hồi môi trường trong hoạt động khai thác khoáng sản",
            "Chấp thuận về môi trường đối với đề nghị điều chỉnh, thay đổi nội dung dự án",
            "[Cấp|Cấp lại|Điều chỉnh] giấy chứng nhận đủ điều kiện hoạt động dịch vụ quan trắc "
            "môi trường",
            "Thẩm định kế hoạch ứng phó sự cố tràn dầu",
            "Xác nhận hoàn thành công trình bảo vệ môi trường",
        ),
    ),
    (
        "Tài nguyên nước",
        "tnmt",
        (
            "[Cấp|Cấp lại|Điều chỉnh|Gia hạn] giấy phép [thăm dò nước dưới đất|khai thác, sử dụng "
            "nước dưới đất|khai thác, sử dụng nước mặt|khai thác, sử dụng nước biển|xả nước thải "
            "vào nguồn nước|hành nghề khoan nước dưới đất]",
            "Lấy ý kiến về phương án chuyển nước",
            "Thẩm định, phê duyệt phương án cắm mốc giới hành lang bảo vệ nguồn nước",
            "[Phê duyệt|Điều chỉnh] tiền cấp quyền khai thác tài nguyên nước",
            "[Cấp|Cấp lại|Điều chỉnh|Gia hạn] giấy phép khai thác, sử dụng nước mặt [cho sản xuất "
            "thủy điện|cho mục đích nuôi trồng thủy sản]",
        ),
    ),
    (
        "Địa chất và khoáng sản",
        "tnmt",
        (
            "[Cấp|Gia hạn|Trả lại] giấy phép thăm dò khoáng sản",
            "[Cấp|Gia hạn|Điều chỉnh|Trả lại] giấy phép khai thác khoáng sản",
            "[Cấp|Gia hạn|Trả lại] giấy phép khai thác tận thu khoáng sản",
            "Chuyển nhượng quyền [thăm dò|khai thác] khoáng sản",
            "Phê duyệt trữ lượng khoáng sản",
            "Đóng cửa mỏ khoáng sản",
            "Đăng ký khai thác khoáng sản làm vật liệu xây dựng thông thường trong diện tích dự "
            "án xây dựng công trình",
            "Tính tiền cấp quyền khai thác khoáng sản",
            "Đấu giá quyền khai thác khoáng sản [ở khu vực chưa thăm dò|ở khu vực đã có kết quả "
            "thăm dò]",
            "Phê duyệt đề án đóng cửa mỏ khoáng sản",
            "[Cấp|Gia hạn|Trả lại] giấy phép khai thác cát, sỏi lòng sông",
        ),
    ),
    (
        "Khí tượng thủy văn",
        "tnmt",
        (
            "[Cấp|Cấp lại|Sửa đổi, bổ sung|Gia hạn] giấy phép hoạt động dự báo, cảnh báo khí "
            "tượng thủy văn",
        ),
    ),
    (
        "Biển và hải đảo",
        "tnmt",
        (
            "[Cấp|Cấp lại|Gia hạn|Sửa đổi, bổ sung|Trả lại] giấy phép nhận chìm ở biển",
            "[Giao|Công nhận|Trả lại] khu vực biển",
            "[Gia hạn|Sửa đổi, bổ sung] quyết định giao khu vực biển",
            "Thẩm định, phê duyệt hồ sơ thiết lập hành lang bảo vệ bờ biển",
        ),
    ),
    (
        "Đo đạc và bản đồ",
        "tnmt",
        (
            "[Cấp|Cấp bổ sung nội dung|Gia hạn|Cấp lại] giấy phép hoạt động đo đạc và bản đồ",
            "Cung cấp thông tin, dữ liệu, sản phẩm đo đạc và bản đồ",
            "[Cấp|Cấp lại] chứng chỉ hành nghề đo đạc và bản đồ hạng II",
        ),
    ),
    (
        "Hoạt động xây dựng",
        "xay_dung",
        (
            "![Cấp giấy phép xây dựng mới|Cấp giấy phép xây dựng sửa chữa, cải tạo|Cấp giấy phép "
            "di dời|Cấp điều chỉnh giấy phép xây dựng|Gia hạn giấy phép xây dựng|Cấp lại giấy "
            "phép xây dựng] đối với công trình cấp đặc biệt, cấp I, cấp II (công trình [không "
            "theo tuyến|theo tuyến trong đô thị|tín ngưỡng, tôn giáo|tượng đài, tranh hoành "
            "tráng|theo giai đoạn cho công trình không theo tuyến])",
            "[Thẩm định|Thẩm định điều chỉnh] [báo cáo nghiên cứu khả thi đầu tư xây dựng|thiết "
            "kế xây dựng triển khai sau thiết kế cơ sở|báo cáo kinh tế - kỹ thuật đầu tư xây dựng]",
            "[Cấp|Cấp lại|Điều chỉnh, bổ sung nội dung|Gia hạn] chứng chỉ hành nghề [hoạt động "
            "xây dựng hạng II, hạng III|kiến trúc]",
            "[Cấp|Cấp lại|Điều chỉnh, bổ sung] chứng chỉ năng lực hoạt động xây dựng hạng II, "
            "hạng III",
            "[Cấp|Điều chỉnh] giấy phép hoạt động xây dựng cho nhà thầu nước ngoài thực hiện hợp "
            "đồng của dự án nhóm B, C",
            "Kiểm tra công tác nghiệm thu hoàn thành công trình",
            "Cho ý kiến về kết quả đánh giá an toàn công trình",
            "[Cấp|Cấp lại|Điều chỉnh|Gia hạn] giấy phép xây dựng công trình quảng cáo",
            "[Thẩm định|Thẩm định điều chỉnh] [thiết kế cơ sở|dự án đầu tư xây dựng sử dụng vốn "
            "khác]",
            "[Cấp|Cấp lại|Điều chỉnh hạng|Gia hạn] chứng chỉ hành nghề [khảo sát xây dựng|thiết "
            "kế quy hoạch xây dựng|thiết kế xây dựng|giám sát thi công xây dựng|định giá xây "
            "dựng|quản lý dự án đầu tư xây dựng] hạng II, hạng III",
            "[Cấp|Cấp lại|Điều chỉnh, bổ sung] chứng chỉ năng lực [khảo sát xây dựng|lập thiết kế "
            "quy hoạch xây dựng|thiết kế, thẩm tra thiết kế xây dựng|tư vấn quản lý dự án đầu tư "
            "xây dựng|thi công xây dựng công trình|tư vấn giám sát thi công xây dựng] hạng II, "
            "hạng III",
        ),
    ),
    (
        "Quy hoạch xây dựng, kiến trúc",
        "xay_dung",
        (
            "[Thẩm định|Thẩm định điều chỉnh] [nhiệm vụ|đồ án] quy hoạch [chi tiết xây dựng|phân "
            "khu xây dựng|chung đô thị|chi tiết đô thị] thuộc thẩm quyền phê duyệt của UBND cấp "
            "tỉnh",
            "[Cấp|Gia hạn] giấy phép quy hoạch dự án đầu tư xây dựng thuộc thẩm quyền của UBND "
            "cấp tỉnh",
            "Cung cấp thông tin về quy hoạch xây dựng thuộc thẩm quyền của UBND cấp tỉnh",
            "Cấp chứng chỉ quy hoạch xây dựng",
        ),
    ),
    (
        "Nhà ở",
        "xay_dung",
        (
            "[Cho thuê|Bán] nhà ở cũ thuộc tài sản công",
            "Cho thuê nhà ở công vụ thuộc thẩm quyền quản lý của UBND cấp tỉnh",
            "Thẩm định giá bán, thuê mua, thuê nhà ở xã hội được đầu tư xây dựng theo dự án bằng "
            "nguồn vốn ngoài ngân sách",
            "Công nhận chủ đầu tư dự án xây dựng nhà ở",
            "Giải quyết [cho thuê|cho thuê mua|bán] nhà ở xã hội thuộc tài sản công",
            "Thẩm định [giá bán nhà ở phục vụ tái định cư|giá thuê nhà ở công vụ]",
            "Gia hạn thời hạn sở hữu nhà ở tại Việt Nam cho cá nhân, tổ chức nước ngoài",
            "[Chấp thuận|Điều chỉnh] chủ trương đầu tư dự án xây dựng nhà ở",
        ),
    ),
    (
        "Kinh doanh bất động sản",
        "xay_dung",
        (
            "[Cấp|Cấp lại|Gia hạn] chứng chỉ hành nghề môi giới bất động sản",
            "Chuyển nhượng toàn bộ hoặc một phần dự án bất động sản",
            "Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua",
            "[Cấp|Cấp lại] chứng chỉ hành nghề [định giá bất động sản|quản lý vận hành nhà chung "
            "cư]",
        ),
    ),
    (
        "Vật liệu xây dựng",
        "xay_dung",
        ("Tiếp nhận bản công bố hợp quy sản phẩm, hàng hóa vật liệu xây dựng",),
    ),
    (
        "Hoạt động khoa học và công nghệ",
        "khcn",
        (
            "[Cấp|Cấp lại|Cấp thay đổi nội dung] giấy chứng nhận đăng ký hoạt động [khoa học và "
            "công nghệ|của văn phòng đại diện, chi nhánh của tổ chức khoa học và công nghệ]",
            "[Cấp|Cấp lại|Cấp thay đổi nội dung] giấy chứng nhận doanh nghiệp khoa học và công "
            "nghệ",
            "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ [sử dụng ngân sách nhà "
            "nước|không sử dụng ngân sách nhà nước]",
            "Giao quyền sở hữu, quyền sử dụng kết quả nghiên cứu khoa học và phát triển công nghệ "
            "sử dụng ngân sách nhà nước",
            "Đánh giá đồng thời thẩm định kết quả thực hiện nhiệm vụ khoa học và công nghệ không "
            "sử dụng ngân sách nhà nước",
            "Tuyển chọn, giao trực tiếp tổ chức và cá nhân chủ trì nhiệm vụ khoa học và công nghệ "
            "cấp tỉnh",
            "Thẩm định [kinh phí|nội dung] nhiệm vụ khoa học và công nghệ cấp tỉnh",
            "Công nhận [sáng kiến|phạm vi ảnh hưởng cấp tỉnh của sáng kiến]",
        ),
    ),
    (
        "Tiêu chuẩn, đo lường, chất lượng",
        "khcn",
        (
            "Tiếp nhận hồ sơ công bố [hợp chuẩn|hợp quy]",
            "Kiểm tra nhà nước về chất lượng hàng hóa nhóm 2 nhập khẩu",
            "[Chứng nhận|Chứng nhận lại|Điều chỉnh nội dung] chuẩn đo lường để kiểm định, hiệu "
            "chuẩn, thử nghiệm phương tiện đo nhóm 2",
            "Miễn giảm kiểm tra chất lượng hàng hóa nhóm 2 nhập khẩu",
            "Đăng ký kiểm tra nhà nước về đo lường đối với phương tiện đo nhóm 2, lượng của hàng "
            "đóng gói sẵn nhập khẩu",
        ),
    ),
    (
        "An toàn bức xạ và hạt nhân",
        "khcn",
        (
            "[Cấp|Gia hạn|Sửa đổi, bổ sung|Cấp lại] giấy phép tiến hành công việc bức xạ - sử "
            "dụng thiết bị X-quang chẩn đoán [trong y tế|nha khoa]",
            "[Cấp|Cấp lại] chứng chỉ nhân viên bức xạ (người phụ trách an toàn cơ sở X-quang chẩn "
            "đoán trong y tế)",
            "Khai báo thiết bị X-quang chẩn đoán trong y tế",
        ),
    ),
    (
        "Chuyển giao công nghệ",
        "khcn",
        (
            "[Cấp|Sửa đổi, bổ sung] giấy chứng nhận đăng ký chuyển giao công nghệ",
            "Cấp giấy chứng nhận đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ",
            "Có ý kiến về công nghệ dự án đầu tư",
        ),
    ),
    (
        "Lý lịch tư pháp",
        "tu_phap",
        (
            "Cấp phiếu lý lịch tư pháp cho [công dân Việt Nam, người nước ngoài đang cư trú tại "
            "Việt Nam|cơ quan tiến hành tố tụng|cơ quan nhà nước, tổ chức chính trị, tổ chức "
            "chính trị - xã hội]",
        ),
    ),
    (
        "Công chứng",
        "tu_phap",
        (
            "Thành lập văn phòng công chứng",
            "[Đăng ký hoạt động|Thay đổi nội dung đăng ký hoạt động|Hợp nhất|Sáp nhập|Chuyển "
            "nhượng|Chấm dứt hoạt động] văn phòng công chứng",
            "Đăng ký hành nghề và cấp thẻ công chứng viên",
            "[Cấp lại thẻ|Xóa đăng ký hành nghề và thu hồi thẻ] công chứng viên",
            "Chuyển đổi văn phòng công chứng do một công chứng viên thành lập",
            "Thành lập hội công chứng viên",
            "Đăng ký [tập sự hành nghề công chứng|thay đổi nơi tập sự hành nghề công chứng|tập sự "
            "lại hành nghề công chứng]",
        ),
    ),
    (
        "Luật sư",
        "tu_phap",
        (
            "[Đăng ký hoạt động|Thay đổi nội dung đăng ký hoạt động] của tổ chức hành nghề luật sư",
            "Đăng ký hoạt động của chi nhánh của tổ chức hành nghề luật sư",
            "Đăng ký hành nghề luật sư với tư cách cá nhân",
            "[Hợp nhất|Sáp nhập] công ty luật",
            "Chuyển đổi công ty luật trách nhiệm hữu hạn và công ty luật hợp danh",
            "Chuyển đổi văn phòng luật sư thành công ty luật",
            "Cấp giấy phép thành lập [chi nhánh|công ty luật trách nhiệm hữu hạn một trăm phần "
            "trăm vốn nước ngoài] của tổ chức hành nghề luật sư nước ngoài",
            "[Cấp|Cấp lại] giấy đăng ký hành nghề luật sư tại Việt Nam của luật sư nước ngoài",
            "[Thay đổi nội dung|Cấp lại] giấy phép thành lập chi nhánh, công ty luật nước ngoài",
            "Thay đổi nội dung đăng ký hành nghề luật sư với tư cách cá nhân",
        ),
    ),
    (
        "Đấu giá tài sản",
        "tu_phap",
        (
            "[Đăng ký hoạt động|Đăng ký thay đổi nội dung đăng ký hoạt động] của doanh nghiệp đấu "
            "giá tài sản",
            "[Cấp|Cấp lại] thẻ đấu giá viên",
            "Phê duyệt đủ điều kiện thực hiện hình thức đấu giá trực tuyến",
            "Đăng ký hoạt động chi nhánh doanh nghiệp đấu giá tài sản",
            "Đăng ký tập sự hành nghề đấu giá",
        ),
    ),
    (
        "Giám định tư pháp",
        "tu_phap",
        (
            "[Bổ nhiệm|Miễn nhiệm] giám định viên tư pháp",
            "[Cho phép thành lập|Đăng ký hoạt động|Thay đổi, bổ sung lĩnh vực giám định|Chấm dứt "
            "hoạt động] văn phòng giám định tư pháp",
            "[Cấp|Cấp lại] thẻ giám định viên tư pháp",
        ),
    ),
    (
        "Trọng tài thương mại, hòa giải thương mại",
        "tu_phap",
        (
            "[Đăng ký hoạt động|Thay đổi nội dung đăng ký hoạt động] của trung tâm trọng tài",
            "Đăng ký hoạt động của chi nhánh trung tâm trọng tài",
            "[Đăng ký hoạt động|Thay đổi tên gọi trong giấy đăng ký hoạt động] của trung tâm hòa "
            "giải thương mại",
            "Đăng ký làm hòa giải viên thương mại vụ việc",
        ),
    ),
    (
        "Thừa phát lại",
        "tu_phap",
        (
            "[Thành lập|Đăng ký hoạt động|Chuyển đổi loại hình|Chấm dứt hoạt động] văn phòng thừa "
            "phát lại",
            "[Đăng ký hành nghề và cấp thẻ|Cấp lại thẻ] thừa phát lại",
            "Đăng ký tập sự hành nghề thừa phát lại",
        ),
    ),
    (
        "Trợ giúp pháp lý",
        "tu_phap",
        (
            "Yêu cầu trợ giúp pháp lý",
            "Lựa chọn, ký hợp đồng với [luật sư|tổ chức hành nghề luật sư, tổ chức tư vấn pháp "
            "luật]",
            "[Đăng ký tham gia|Chấm dứt tham gia] trợ giúp pháp lý",
            "Cấp lại thẻ cộng tác viên trợ giúp pháp lý",
            "Thay đổi người thực hiện trợ giúp pháp lý",
            "Giải quyết khiếu nại về trợ giúp pháp lý",
        ),
    ),
    (
        "Quốc tịch",
        "tu_phap",
        (
            "[Nhập|Trở lại|Thôi] quốc tịch Việt Nam",
            "Cấp giấy xác nhận có quốc tịch Việt Nam",
            "Cấp giấy xác nhận là người gốc Việt Nam",
            "Thông báo có quốc tịch nước ngoài",
        ),
    ),
    (
        "Tư vấn pháp luật",
        "tu_phap",
        (
            "[Đăng ký hoạt động|Thay đổi nội dung giấy đăng ký hoạt động|Chấm dứt hoạt động] của "
            "trung tâm tư vấn pháp luật",
            "[Cấp|Cấp lại] thẻ tư vấn viên pháp luật",
            "Đăng ký hành nghề quản lý, thanh lý tài sản [với tư cách cá nhân|đối với doanh "
            "nghiệp quản lý, thanh lý tài sản]",
        ),
    ),
    (
        "Bồi thường nhà nước",
        "tu_phap",
        (
            "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ "
            "gây thiệt hại",
            "Phục hồi danh dự",
            "Giải quyết yêu cầu bồi thường tại cơ quan giải quyết bồi thường",
        ),
    ),
    (
        "Điện",
        "cong_thuong",
        (
            "[Cấp|Cấp sửa đổi, bổ sung] giấy phép hoạt động [phát điện đối với nhà máy điện có "
            "quy mô dưới 3 MW|phân phối điện đến cấp điện áp 35 kV|bán lẻ điện đến cấp điện áp "
            "0,4 kV|tư vấn chuyên ngành điện]",
            "Huấn luyện và cấp mới thẻ an toàn điện",
            "Phê duyệt kế hoạch cung cấp điện khi nguồn điện không đáp ứng đủ nhu cầu",
        ),
    ),
    (
        "Hóa chất",
        "cong_thuong",
        (
            "[Cấp|Cấp lại|Cấp điều chỉnh] giấy chứng nhận đủ điều kiện [sản xuất|kinh doanh] hóa "
            "chất sản xuất, kinh doanh có điều kiện trong lĩnh vực công nghiệp",
            "Thẩm định kế hoạch phòng ngừa, ứng phó sự cố hóa chất trong lĩnh vực công nghiệp",
            "Xác nhận [khai báo hóa chất sản xuất|biện pháp phòng ngừa, ứng phó sự cố hóa chất]",
        ),
    ),
    (
        "Lưu thông hàng hóa trong nước",
        "cong_thuong",
        (
            "[Cấp|Cấp lại|Cấp sửa đổi, bổ sung] giấy phép [bán buôn rượu|bán buôn sản phẩm thuốc "
            "lá|sản xuất rượu công nghiệp quy mô dưới 3 triệu lít/năm]",
            "[Cấp|Cấp lại|Cấp sửa đổi, bổ sung] giấy chứng nhận [cửa hàng đủ điều kiện bán lẻ "
            "xăng dầu|đủ điều kiện làm tổng đại lý kinh doanh xăng dầu|đủ điều kiện làm thương "
            "nhân phân phối xăng dầu]",
            "[Cấp|Cấp lại|Cấp sửa đổi, bổ sung] giấy chứng nhận đủ điều kiện làm thương nhân nhận "
            "quyền bán lẻ xăng dầu",
        ),
    ),
    (
        "Kinh doanh khí",
        "cong_thuong",
        (
            "[Cấp|Cấp lại|Cấp điều chỉnh] giấy chứng nhận [trạm nạp LPG vào chai đủ điều kiện|cửa "
            "hàng đủ điều kiện bán LPG chai|trạm nạp LPG vào phương tiện vận tải đủ điều kiện]",
        ),
    ),
    (
        "Xúc tiến thương mại",
        "cong_thuong",
        (
            "[Đăng ký thực hiện|Đăng ký sửa đổi, bổ sung nội dung] chương trình khuyến mại theo "
            "hình thức mang tính may rủi thực hiện trên địa bàn một tỉnh",
            "Thông báo thực hiện khuyến mại",
            "[Đăng ký tổ chức|Đăng ký thay đổi, bổ sung nội dung tổ chức] hội chợ, triển lãm "
            "thương mại tại Việt Nam",
        ),
    ),
    (
        "Thương mại quốc tế",
        "cong_thuong",
        (
            "[Cấp|Cấp lại|Điều chỉnh|Gia hạn] giấy phép thành lập văn phòng đại diện của thương "
            "nhân nước ngoài tại Việt Nam",
            "Chấm dứt hoạt động văn phòng đại diện của thương nhân nước ngoài tại Việt Nam",
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước "
            "ngoài thực hiện quyền phân phối bán lẻ hàng hóa",
            "Cấp giấy phép lập cơ sở bán lẻ [thứ nhất|ngoài cơ sở bán lẻ thứ nhất]",
            "Đăng ký dấu nghiệp vụ giám định thương mại",
        ),
    ),
    (
        "Vật liệu nổ công nghiệp",
        "cong_thuong",
        (
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép sử dụng vật liệu nổ công nghiệp",
            "Huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp",
        ),
    ),
    (
        "An toàn thực phẩm",
        "cong_thuong",
        (
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản "
            "xuất, kinh doanh thực phẩm do Sở Công Thương thực hiện",
            "Xác nhận kiến thức an toàn thực phẩm thuộc phạm vi quản lý của ngành công thương",
        ),
    ),
    (
        "Quản lý cạnh tranh",
        "cong_thuong",
        (
            "[Đăng ký|Đăng ký sửa đổi, bổ sung nội dung|Chấm dứt] hoạt động bán hàng đa cấp tại "
            "địa phương",
            "Thông báo tổ chức hội nghị, hội thảo, đào tạo về bán hàng đa cấp",
        ),
    ),
    (
        "Công nghiệp địa phương",
        "cong_thuong",
        (
            "Cấp giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh",
            "Cấp giấy xác nhận ưu đãi dự án sản xuất sản phẩm công nghiệp hỗ trợ",
        ),
    ),
    (
        "Di sản văn hóa",
        "vhttdl",
        (
            "Cấp giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật",
            "Xác nhận đủ điều kiện cấp giấy phép hoạt động đối với bảo tàng ngoài công lập",
            "Cấp giấy phép làm bản sao di vật, cổ vật, bảo vật quốc gia",
            "Đăng ký di vật, cổ vật, bảo vật quốc gia",
            "Cấp phép cho người nước ngoài tiến hành nghiên cứu sưu tầm di sản văn hóa phi vật "
            "thể tại địa phương",
            "[Cấp|Cấp lại] chứng chỉ hành nghề tu bổ di tích",
            "Thẩm định dự án, báo cáo kinh tế - kỹ thuật tu bổ di tích",
            "Xếp hạng di tích cấp tỉnh",
            "Cấp giấy phép hoạt động bảo tàng ngoài công lập",
            "[Cấp phép nhập khẩu|Giám định] văn hóa phẩm không nhằm mục đích kinh doanh",
        ),
    ),
    (
        "Nghệ thuật biểu diễn",
        "vhttdl",
        (
            "Tổ chức biểu diễn nghệ thuật trên địa bàn quản lý",
            "Tổ chức cuộc thi, liên hoan trên địa bàn quản lý",
            "Tổ chức cuộc thi người đẹp, người mẫu",
        ),
    ),
    (
        "Mỹ thuật, nhiếp ảnh và triển lãm",
        "vhttdl",
        (
            "[Cấp|Cấp lại] giấy phép [sao chép tác phẩm mỹ thuật về danh nhân văn hóa, anh hùng "
            "dân tộc, lãnh tụ|tổ chức triển lãm do các tổ chức, cá nhân tại địa phương đưa ra "
            "nước ngoài|triển lãm mỹ thuật]",
            "Thông báo tổ chức triển lãm do tổ chức ở địa phương hoặc cá nhân tổ chức tại địa "
            "phương không vì mục đích thương mại",
            "[Cấp|Cấp lại] giấy phép [tổ chức triển lãm tác phẩm nhiếp ảnh tại Việt Nam|đưa tác "
            "phẩm nhiếp ảnh từ Việt Nam ra nước ngoài triển lãm|xây dựng tượng đài, tranh hoành "
            "tráng]",
        ),
    ),
    (
        "Quảng cáo",
        "vhttdl",
        (
            "Tiếp nhận thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn",
            "[Cấp|Sửa đổi, bổ sung|Cấp lại|Gia hạn] giấy phép thành lập văn phòng đại diện của "
            "doanh nghiệp quảng cáo nước ngoài tại Việt Nam",
        ),
    ),
    (
        "Văn hóa cơ sở",
        "vhttdl",
        (
            "[Cấp|Điều chỉnh] giấy phép đủ điều kiện kinh doanh dịch vụ [karaoke|vũ trường]",
            "[Đăng ký|Thông báo] tổ chức lễ hội cấp tỉnh",
        ),
    ),
    (
        "Thư viện",
        "vhttdl",
        (
            "[Thông báo thành lập|Thông báo sáp nhập, hợp nhất, chia, tách|Thông báo chấm dứt "
            "hoạt động] thư viện [chuyên ngành ở cấp tỉnh|đại học là thư viện ngoài công lập|của "
            "tổ chức, cá nhân nước ngoài có phục vụ người Việt Nam]",
        ),
    ),
    (
        "Gia đình",
        "vhttdl",
        (
            "[Cấp|Cấp lại|Đổi] giấy chứng nhận đăng ký hoạt động [cơ sở hỗ trợ nạn nhân bạo lực "
            "gia đình|cơ sở tư vấn về phòng, chống bạo lực gia đình]",
        ),
    ),
    (
        "Thể dục thể thao",
        "vhttdl",
        (
            "Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn [bơi, "
            "lặn|võ cổ truyền, vovinam|quần vợt|thể dục thẩm mỹ|thể dục thể hình và "
            "fitness|billiards & snooker|dù lượn và diều bay|mô tô nước trên biển|lặn biển thể "
            "thao giải trí|golf|bóng đá|yoga|khiêu vũ thể thao|patin|bắn súng thể "
            "thao|taekwondo|karate|judo|lân sư rồng]",
            "Cấp lại giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
            "Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao trong trường hợp thay "
            "đổi nội dung ghi trong giấy chứng nhận",
            "Đăng cai tổ chức giải thi đấu vô địch từng môn thể thao của tỉnh",
            "Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn [bóng "
            "bàn|cầu lông|bóng chuyền|bóng rổ|quyền anh|kickboxing|muay|wushu|leo núi thể "
            "thao|lướt ván buồm|thuyền buồm|đua thuyền|cờ vua|bi sắt|pencak silat|aerobic|cử "
            "tạ|bắn cung|xe đạp địa hình|vũ đạo thể thao giải trí|đấu kiếm thể thao|khúc côn "
            "cầu|bóng ném|bowling|lướt ván diều]",
            "Công nhận câu lạc bộ thể thao chuyên nghiệp",
        ),
    ),
    (
        "Du lịch",
        "vhttdl",
        (
            "[Cấp|Cấp lại|Cấp đổi] giấy phép kinh doanh dịch vụ lữ hành nội địa",
            "Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa trong trường hợp doanh nghiệp "
            "chấm dứt hoạt động kinh doanh dịch vụ lữ hành",
            "[Cấp|Cấp lại|Cấp đổi] thẻ hướng dẫn viên du lịch [quốc tế|nội địa|tại điểm]",
            "[Công nhận|Công nhận lại] hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao đối "
            "với [khách sạn|biệt thự du lịch|căn hộ du lịch|tàu thủy lưu trú du lịch]",
            "Công nhận [cơ sở kinh doanh dịch vụ ăn uống|cơ sở kinh doanh dịch vụ mua sắm|cơ sở "
            "kinh doanh dịch vụ thể thao|cơ sở kinh doanh dịch vụ chăm sóc sức khỏe|cơ sở kinh "
            "doanh dịch vụ vui chơi, giải trí] đạt tiêu chuẩn phục vụ khách du lịch",
            "Công nhận [điểm du lịch|khu du lịch cấp tỉnh]",
            "Cấp giấy chứng nhận khóa cập nhật kiến thức cho hướng dẫn viên du lịch nội địa và "
            "hướng dẫn viên du lịch quốc tế",
            "Công nhận cơ sở lưu trú du lịch đạt tiêu chuẩn phục vụ khách du lịch đối với [nhà "
            "nghỉ du lịch|nhà ở có phòng cho khách du lịch thuê|bãi cắm trại du lịch]",
            "Thẩm định lại, xếp hạng lại hạng cơ sở lưu trú du lịch",
        ),
    ),
    (
        "Trồng trọt",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại] giấy chứng nhận đủ điều kiện [sản xuất phân bón|buôn bán phân bón]",
            "Cấp quyết định công nhận [cây đầu dòng|vườn cây đầu dòng]",
            "Cấp mã số vùng trồng",
            "Cấp quyết định công nhận [lâm phần tuyển chọn|rừng giống trồng|rừng giống chuyển "
            "hóa|vườn cây đầu dòng cây lâm nghiệp]",
            "Xác nhận nội dung quảng cáo phân bón",
            "Cấp giấy chứng nhận [lưu hành|tự công bố lưu hành] giống cây trồng",
            "Cấp giấy phép vận chuyển vật thể thuộc diện kiểm dịch thực vật",
        ),
    ),
    (
        "Bảo vệ thực vật",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại] giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
            "Cấp giấy phép vận chuyển thuốc bảo vệ thực vật",
            "Cấp giấy chứng nhận kiểm dịch thực vật nội địa",
            "Xác nhận nội dung quảng cáo thuốc bảo vệ thực vật",
        ),
    ),
    (
        "Chăn nuôi",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại] giấy chứng nhận đủ điều kiện [chăn nuôi đối với chăn nuôi trang trại "
            "quy mô lớn|sản xuất thức ăn chăn nuôi thương mại, thức ăn chăn nuôi theo đặt hàng]",
            "Công bố thông tin sản phẩm thức ăn chăn nuôi",
            "[Cấp|Cấp lại] giấy chứng nhận đủ điều kiện [sản xuất, mua bán con giống vật "
            "nuôi|khảo nghiệm thức ăn chăn nuôi]",
        ),
    ),
    (
        "Thú y",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại] giấy chứng nhận đủ điều kiện vệ sinh thú y [đối với cơ sở giết mổ động "
            "vật tập trung|đối với cơ sở sơ chế, chế biến sản phẩm động vật]",
            "[Cấp|Cấp lại|Gia hạn] chứng chỉ hành nghề thú y",
            "Cấp giấy chứng nhận đủ điều kiện buôn bán thuốc thú y",
            "Cấp giấy chứng nhận cơ sở an toàn dịch bệnh động vật",
            "Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật [trên cạn|thủy sản] vận "
            "chuyển ra khỏi địa bàn cấp tỉnh",
            "[Cấp|Cấp lại] giấy chứng nhận đủ điều kiện vệ sinh thú y [đối với cơ sở kinh doanh "
            "sản phẩm động vật|đối với chợ kinh doanh động vật|đối với cơ sở cách ly kiểm dịch "
            "động vật|đối với cơ sở thu gom, buôn bán động vật|đối với cơ sở sản xuất con giống]",
            "Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật [trên cạn|thủy sản] tham "
            "gia hội chợ, triển lãm, thi đấu thể thao",
            "Gia hạn giấy chứng nhận cơ sở an toàn dịch bệnh động vật",
            "[Cấp|Cấp lại|Gia hạn] chứng chỉ hành nghề thú y [về chẩn đoán, chữa bệnh, phẫu thuật "
            "động vật|về tư vấn, các dịch vụ khác liên quan đến thú y|về buôn bán thuốc thú y]",
        ),
    ),
    (
        "Thủy sản",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại|Cấp đổi] giấy phép khai thác thủy sản",
            "Cấp văn bản chấp thuận đóng mới, cải hoán, thuê, mua tàu cá trên biển",
            "[Đăng ký|Xóa đăng ký] tàu cá",
            "Cấp giấy chứng nhận [an toàn kỹ thuật tàu cá|thẩm định thiết kế tàu cá]",
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện [sản xuất, ương dưỡng giống thủy "
            "sản|nuôi trồng thủy sản]",
            "Cấp giấy xác nhận nguyên liệu thủy sản khai thác",
            "Cấp giấy chứng nhận thủy sản khai thác",
            "Xác nhận đăng ký nuôi trồng thủy sản lồng bè, đối tượng thủy sản nuôi chủ lực",
            "Công bố mở cảng cá loại 2",
            "[Giao khu vực biển để nuôi trồng thủy sản|Cấp phép nuôi trồng thủy sản trên biển cho "
            "tổ chức, cá nhân Việt Nam]",
            "[Công nhận và giao quyền quản lý|Sửa đổi, bổ sung nội dung quyết định công nhận và "
            "giao quyền quản lý] cho tổ chức cộng đồng",
            "[Cấp|Cấp lại] [sổ danh bạ thuyền viên tàu cá|văn bằng, chứng chỉ thuyền trưởng, máy "
            "trưởng tàu cá]",
            "Xác nhận cam kết sản phẩm thủy sản xuất khẩu có nguồn gốc từ thủy sản khai thác nhập "
            "khẩu",
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện sản xuất, kinh doanh [thức ăn thủy "
            "sản|sản phẩm xử lý môi trường nuôi trồng thủy sản]",
        ),
    ),
    (
        "Lâm nghiệp",
        "nong_nghiep",
        (
            "[Phê duyệt|Điều chỉnh] phương án quản lý rừng bền vững của chủ rừng là tổ chức",
            "Chuyển loại rừng đối với khu rừng do UBND cấp tỉnh quyết định thành lập",
            "Miễn, giảm tiền dịch vụ môi trường rừng",
            "[Giao rừng|Cho thuê rừng] đối với tổ chức",
            "Phê duyệt đề án du lịch sinh thái, nghỉ dưỡng, giải trí trong rừng đặc dụng, rừng "
            "phòng hộ",
            "Công nhận nguồn giống cây trồng lâm nghiệp",
            "Phê duyệt phương án trồng rừng thay thế",
            "Phê duyệt [phương án khai thác thực vật rừng thông thường|hồ sơ thiết kế khai thác "
            "gỗ rừng trồng] của chủ rừng là tổ chức",
            "Xác nhận nguồn gốc lâm sản",
            "Đăng ký mã số cơ sở nuôi, trồng các loài động vật rừng, thực vật rừng nguy cấp, quý, "
            "hiếm",
            "Cấp giấy phép [khai thác|vận chuyển] mẫu vật loài động vật rừng, thực vật rừng nguy "
            "cấp, quý, hiếm",
            "Thẩm định, phê duyệt hồ sơ đề nghị chuyển mục đích sử dụng rừng sang mục đích khác",
        ),
    ),
    (
        "Thủy lợi",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại|Cấp gia hạn|Điều chỉnh nội dung] giấy phép cho các hoạt động trong phạm "
            "vi bảo vệ công trình thủy lợi thuộc thẩm quyền cấp phép của UBND tỉnh",
            "[Phê duyệt|Điều chỉnh] phương án bảo vệ đập, hồ chứa nước thuộc thẩm quyền của UBND "
            "tỉnh",
            "Thẩm định, phê duyệt phương án ứng phó thiên tai cho công trình, vùng hạ du đập",
            "Cấp giấy phép xả nước thải vào công trình thủy lợi",
            "Cấp phép cho các hoạt động trong phạm vi bảo vệ đê điều",
            "Cấp giấy phép [xây dựng công trình mới|nạo vét, khơi thông dòng chảy|trồng cây lâu "
            "năm|khoan, đào khảo sát địa chất] trong phạm vi bảo vệ công trình thủy lợi",
            "Phê duyệt kế hoạch phòng, chống thiên tai cấp tỉnh",
        ),
    ),
    (
        "Quản lý chất lượng nông lâm sản và thủy sản",
        "nong_nghiep",
        (
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản "
            "xuất, kinh doanh nông, lâm, thủy sản",
            "Xác nhận kiến thức an toàn thực phẩm đối với chủ cơ sở và người trực tiếp sản xuất, "
            "kinh doanh nông, lâm, thủy sản",
            "Kiểm tra chất lượng [muối nhập khẩu|thức ăn thủy sản nhập khẩu]",
            "Cấp giấy chứng nhận sản phẩm nông nghiệp hữu cơ",
        ),
    ),
    (
        "Phát triển nông thôn",
        "nong_nghiep",
        (
            "Công nhận [làng nghề|làng nghề truyền thống|nghề truyền thống]",
            "Phê duyệt dự án, kế hoạch liên kết",
            "Công nhận [doanh nghiệp nông nghiệp ứng dụng công nghệ cao|vùng nông nghiệp ứng dụng "
            "công nghệ cao]",
            "Hỗ trợ đầu tư [cơ sở giết mổ gia súc, gia cầm tập trung|cơ sở bảo quản, chế biến "
            "nông sản]",
        ),
    ),
    (
        "Giáo dục và Đào tạo",
        "gddt",
        (
            "[Thành lập|Sáp nhập, chia, tách|Giải thể] [trường trung học phổ thông|trường phổ "
            "thông dân tộc nội trú|trường trung học phổ thông chuyên|trung tâm giáo dục thường "
            "xuyên|trung tâm ngoại ngữ, tin học]",
            "Cho phép [trường trung học phổ thông|trung tâm ngoại ngữ, tin học|trung tâm giáo dục "
            "thường xuyên] hoạt động giáo dục",
            "Cho phép [trường trung học phổ thông|trung tâm ngoại ngữ, tin học] hoạt động giáo "
            "dục trở lại",
            "[Công nhận|Công nhận lại] trường [trung học phổ thông|phổ thông dân tộc nội trú] đạt "
            "chuẩn quốc gia",
            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
            "Chỉnh sửa nội dung văn bằng, chứng chỉ",
            "Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp",
            "Phúc khảo bài thi tốt nghiệp trung học phổ thông",
            "Đăng ký dự thi tốt nghiệp trung học phổ thông",
            "Xét tuyển học sinh vào trường phổ thông dân tộc nội trú",
            "Tuyển sinh trung học phổ thông",
            "Chuyển trường đối với học sinh trung học phổ thông",
            "Xin học lại tại trường khác đối với học sinh trung học",
            "Cấp phép hoạt động giáo dục kỹ năng sống và hoạt động giáo dục ngoài giờ chính khóa",
            "[Thành lập|Giải thể] trung tâm hỗ trợ và phát triển giáo dục hòa nhập",
            "Phê duyệt liên kết giáo dục",
            "Công nhận huyện đạt chuẩn phổ cập giáo dục, xóa mù chữ",
            "Xét, duyệt chính sách hỗ trợ đối với học sinh trung học phổ thông là người dân tộc "
            "thiểu số",
            "Hỗ trợ học tập đối với học sinh trung học phổ thông các dân tộc thiểu số rất ít người",
            "Cấp học bổng và hỗ trợ kinh phí mua phương tiện, đồ dùng học tập dùng riêng cho "
            "người khuyết tật học tại các cơ sở giáo dục",
            "Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm đối với cấp trung học phổ thông",
            "[Thành lập|Sáp nhập, chia, tách|Giải thể] [trường phổ thông có nhiều cấp học có cấp "
            "học cao nhất là trung học phổ thông|trường chuyên biệt|trung tâm kỹ thuật tổng hợp - "
            "hướng nghiệp|trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên|trường dành cho "
            "người khuyết tật|trường năng khiếu thể dục thể thao]",
            "Cho phép [trường phổ thông có nhiều cấp học có cấp học cao nhất là trung học phổ "
            "thông|trường chuyên biệt|trung tâm kỹ thuật tổng hợp - hướng nghiệp] hoạt động giáo "
            "dục",
            "[Gia hạn|Điều chỉnh] liên kết giáo dục",
            "Xét đặc cách tốt nghiệp trung học phổ thông",
            "Xét tặng danh hiệu Nhà giáo [nhân dân|ưu tú]",
            "Cấp học bổng chính sách đối với học sinh trường phổ thông dân tộc nội trú",
            "Hỗ trợ [chi phí học tập|tiền ăn, tiền nhà ở] đối với học sinh khuyết tật",
            "Cho phép thành lập văn phòng đại diện giáo dục nước ngoài tại Việt Nam",
            "Chuyển trường đối với học sinh [trung học phổ thông chuyên|phổ thông dân tộc nội trú]",
        ),
    ),
    (
        "Khám bệnh, chữa bệnh",
        "y_te",
        (
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép hoạt động đối với [bệnh viện|phòng khám đa "
            "khoa|phòng khám chuyên khoa|phòng chẩn trị y học cổ truyền|nhà hộ sinh|phòng xét "
            "nghiệm|cơ sở dịch vụ y tế|trạm y tế cấp xã|cơ sở dịch vụ thẩm mỹ] thuộc thẩm quyền "
            "của Sở Y tế",
            "[Cấp mới|Cấp lại|Gia hạn|Điều chỉnh] giấy phép hành nghề đối với chức danh chuyên "
            "môn là [bác sỹ|y sỹ|điều dưỡng|hộ sinh|kỹ thuật y|dinh dưỡng lâm sàng|cấp cứu viên "
            "ngoại viện|tâm lý lâm sàng|lương y|người có bài thuốc gia truyền]",
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép hoạt động đối với [phòng khám chuyên khoa răng "
            "hàm mặt|phòng khám chuyên khoa mắt|phòng khám y học gia đình|phòng khám nội tổng "
            "hợp|cơ sở chẩn đoán hình ảnh|cơ sở kính thuốc|cơ sở dịch vụ tiêm, chích, thay "
            "băng|cơ sở dịch vụ chăm sóc sức khỏe tại nhà|cơ sở dịch vụ cấp cứu, hỗ trợ vận "
            "chuyển người bệnh|phòng khám chuyên khoa phục hồi chức năng|phòng khám chuyên khoa "
            "tâm thần|phòng khám chuyên khoa phụ sản] thuộc thẩm quyền của Sở Y tế",
            "Cho phép áp dụng [kỹ thuật mới, phương pháp mới|danh mục kỹ thuật] trong khám bệnh, "
            "chữa bệnh tại cơ sở thuộc thẩm quyền của Sở Y tế",
            "Cấp giấy chứng nhận là [lương y|người có bài thuốc gia truyền|người có phương pháp "
            "chữa bệnh gia truyền]",
            "Cấp giấy xác nhận nội dung quảng cáo [dịch vụ khám bệnh, chữa bệnh|trang thiết bị y "
            "tế]",
            "[Cấp mới|Cấp lại|Gia hạn|Điều chỉnh] giấy phép hành nghề đối với chức danh chuyên "
            "môn là [bác sỹ y học cổ truyền|bác sỹ y học dự phòng|bác sỹ răng hàm mặt|y sỹ y học "
            "cổ truyền|kỹ thuật viên xét nghiệm|kỹ thuật viên hình ảnh y học|kỹ thuật viên phục "
            "hồi chức năng|kỹ thuật viên gây mê hồi sức|kỹ thuật viên khúc xạ nhãn khoa|kỹ thuật "
            "viên phục hình răng]",
        ),
    ),
    (
        "Dược phẩm",
        "y_te",
        (
            "[Cấp|Cấp lại|Điều chỉnh nội dung] chứng chỉ hành nghề dược",
            "[Cấp|Cấp lại|Điều chỉnh] giấy chứng nhận đủ điều kiện kinh doanh dược cho [cơ sở bán "
            "lẻ thuốc|cơ sở bán buôn thuốc|cơ sở kinh doanh dược liệu]",
            "Đánh giá đáp ứng thực hành tốt [cơ sở bán lẻ thuốc|phân phối thuốc]",
            "Cho phép hủy thuốc gây nghiện, thuốc hướng tâm thần, thuốc tiền chất",
            "[Cấp|Cấp lại|Điều chỉnh] giấy chứng nhận đủ điều kiện kinh doanh dược cho [nhà "
            "thuốc|quầy thuốc|tủ thuốc trạm y tế xã|cơ sở bán lẻ thuốc dược liệu, thuốc cổ "
            "truyền|cơ sở chuyên bán lẻ dược liệu]",
            "Duyệt dự trù mua [thuốc gây nghiện, thuốc hướng thần, thuốc tiền chất|nguyên liệu "
            "làm thuốc là dược chất gây nghiện]",
        ),
    ),
    (
        "Mỹ phẩm",
        "y_te",
        (
            "Tiếp nhận hồ sơ công bố sản phẩm mỹ phẩm sản xuất trong nước",
            "Cấp giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm",
        ),
    ),
    (
        "Trang thiết bị y tế",
        "y_te",
        (
            "Công bố đủ điều kiện [mua bán trang thiết bị y tế loại B, C, D|sản xuất trang thiết "
            "bị y tế]",
            "Công bố tiêu chuẩn áp dụng đối với trang thiết bị y tế loại A",
        ),
    ),
    (
        "An toàn thực phẩm và dinh dưỡng",
        "y_te",
        (
            "[Cấp|Cấp lại] giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở "
            "[sản xuất thực phẩm bảo vệ sức khỏe|kinh doanh dịch vụ ăn uống thuộc thẩm quyền của "
            "Sở Y tế]",
            "Đăng ký bản công bố sản phẩm [sản xuất trong nước đối với thực phẩm dinh dưỡng y "
            "học|nhập khẩu đối với phụ gia thực phẩm hỗn hợp]",
            "Xác nhận nội dung quảng cáo thực phẩm",
            "Xác nhận kiến thức an toàn thực phẩm thuộc phạm vi quản lý của ngành y tế",
        ),
    ),
    (
        "Y tế dự phòng",
        "y_te",
        (
            "Công bố [cơ sở xét nghiệm đạt tiêu chuẩn an toàn sinh học cấp I, cấp II|đủ điều kiện "
            "thực hiện khám sức khỏe|đủ điều kiện điều trị nghiện chất dạng thuốc phiện bằng "
            "thuốc thay thế|đủ điều kiện quan trắc môi trường lao động]",
            "Công bố cơ sở đủ điều kiện [thực hiện khám sức khỏe lái xe|cung cấp dịch vụ diệt côn "
            "trùng, diệt khuẩn trong lĩnh vực gia dụng và y tế bằng chế phẩm|tiêm chủng|xét "
            "nghiệm khẳng định các trường hợp HIV dương tính|đào tạo, cập nhật kiến thức y khoa "
            "liên tục]",
        ),
    ),
    (
        "Giám định y khoa",
        "y_te",
        (
            "Khám giám định [lần đầu|lại] [do tai nạn lao động|do bệnh nghề nghiệp|để thực hiện "
            "chế độ tử tuất|để xác định mức độ khuyết tật]",
            "Khám giám định [lần đầu|lại] [để hưởng chế độ hưu trí trước tuổi|để hưởng trợ cấp "
            "tuất hằng tháng|đối với người hoạt động kháng chiến bị phơi nhiễm với chất độc hóa "
            "học|để xác định tỷ lệ tổn thương cơ thể do thương tật|để hưởng bảo hiểm xã hội một "
            "lần|đối với trường hợp bị tai nạn giao thông được xác định là tai nạn lao động]",
        ),
    ),
    (
        "Tổ chức hành chính, đơn vị sự nghiệp công lập",
        "noi_vu",
        (
            "Thẩm định [thành lập|tổ chức lại|giải thể] [đơn vị sự nghiệp công lập|tổ chức hành "
            "chính]",
            "Thẩm định [thành lập|giải thể] tổ chức phối hợp liên ngành",
            "Thẩm định [đề án vị trí việc làm|điều chỉnh vị trí việc làm|số lượng người làm "
            "việc|điều chỉnh số lượng người làm việc]",
        ),
    ),
    (
        "Công chức, viên chức",
        "noi_vu",
        (
            "[Thi tuyển|Xét tuyển] [công chức|viên chức]",
            "Tiếp nhận vào làm công chức",
            "Xét chuyển cán bộ, công chức cấp xã thành công chức từ cấp huyện trở lên",
            "[Thi|Xét] thăng hạng chức danh nghề nghiệp viên chức",
            "[Thi|Xét] nâng ngạch công chức",
            "[Tiếp nhận vào làm viên chức|Xét chuyển viên chức thành công chức]",
        ),
    ),
    (
        "Tôn giáo",
        "noi_vu",
        (
            "Đề nghị công nhận tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh",
            "Đăng ký [người được phong phẩm hoặc suy cử làm chức sắc|người được bổ nhiệm, bầu cử, "
            "suy cử làm chức việc] của tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh",
            "Đề nghị tổ chức [đại hội của tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh|cuộc "
            "lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô tổ chức ở nhiều "
            "huyện|giảng đạo ngoài địa bàn phụ trách, cơ sở tôn giáo]",
            "Đề nghị [thành lập|chia, tách|sáp nhập|hợp nhất] tổ chức tôn giáo trực thuộc có địa "
            "bàn hoạt động ở một tỉnh",
            "Đăng ký mở lớp bồi dưỡng về tôn giáo cho người chuyên hoạt động tôn giáo",
            "Đăng ký [thuyên chuyển chức sắc, chức việc, nhà tu hành|cách chức, bãi nhiệm chức "
            "sắc, chức việc] của tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh",
            "Đề nghị sửa đổi hiến chương của tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh",
        ),
    ),
    (
        "Thi đua, khen thưởng",
        "noi_vu",
        (
            "Tặng [Bằng khen của Chủ tịch UBND tỉnh|danh hiệu Chiến sĩ thi đua cấp tỉnh|danh hiệu "
            "Tập thể lao động xuất sắc|Cờ thi đua của UBND tỉnh]",
            "Tặng Bằng khen của Chủ tịch UBND tỉnh [về thành tích thi đua theo đợt, chuyên đề|về "
            "thành tích đột xuất|cho gia đình|về thành tích đối ngoại]",
        ),
    ),
    (
        "Văn thư và lưu trữ nhà nước",
        "noi_vu",
        (
            "[Cấp|Cấp lại] chứng chỉ hành nghề lưu trữ",
            "Phục vụ việc sử dụng tài liệu của độc giả tại phòng đọc",
            "Cấp bản sao và chứng thực tài liệu lưu trữ",
        ),
    ),
    (
        "Tổ chức phi chính phủ",
        "noi_vu",
        (
            "[Công nhận ban vận động thành lập hội|Thành lập hội|Phê duyệt điều lệ hội|Chia, "
            "tách; sáp nhập; hợp nhất hội|Đổi tên hội|Hội tự giải thể|Báo cáo tổ chức đại hội "
            "nhiệm kỳ, đại hội bất thường của hội]",
            "[Cấp giấy phép thành lập và công nhận điều lệ quỹ|Công nhận quỹ đủ điều kiện hoạt "
            "động và công nhận thành viên hội đồng quản lý quỹ|Công nhận thay đổi, bổ sung thành "
            "viên hội đồng quản lý quỹ|Thay đổi giấy phép thành lập và công nhận điều lệ quỹ|Cấp "
            "lại giấy phép thành lập và công nhận điều lệ quỹ|Hợp nhất, sáp nhập, chia, tách "
            "quỹ|Đổi tên quỹ|Quỹ tự giải thể|Cho phép quỹ hoạt động trở lại sau khi bị tạm đình "
            "chỉ hoạt động]",
        ),
    ),
    (
        "Thanh niên",
        "noi_vu",
        (
            "[Thành lập|Giải thể] tổ chức thanh niên xung phong ở cấp tỉnh",
            "Xác nhận phiên hiệu thanh niên xung phong ở cấp tỉnh",
        ),
    ),
    (
        "Đường bộ",
        "gtvt",
        (
            "[Cấp mới|Cấp lại] giấy phép lái xe",
            "Đổi giấy phép lái xe [do ngành Giao thông vận tải cấp|quân sự do Bộ Quốc phòng "
            "cấp|do ngành Công an cấp|hoặc bằng lái xe của nước ngoài cấp]",
            "[Cấp|Cấp lại] giấy phép lái xe quốc tế",
            "[Cấp|Cấp lại] giấy phép xe tập lái",
            "[Cấp mới|Cấp lại] giấy phép đào tạo lái xe ô tô",
            "[Cấp|Cấp lại] giấy phép kinh doanh vận tải bằng xe ô tô",
            "[Cấp|Cấp lại] phù hiệu xe [ô tô kinh doanh vận tải|nội bộ|trung chuyển]",
            "Cấp giấy phép liên vận [Việt - Lào|Việt Nam - Campuchia|ASEAN]",
            "Cấp giấy phép thi công [công trình đường bộ trên quốc lộ đang khai thác|nút giao đấu "
            "nối vào quốc lộ|xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng "
            "giao thông đường bộ]",
            "Cấp giấy phép lưu hành xe [quá tải trọng, xe quá khổ giới hạn, xe bánh xích|vận "
            "chuyển hàng siêu trường, siêu trọng] trên đường bộ",
            "[Công bố|Công bố lại] đưa bến xe khách vào khai thác",
            "Công bố đưa trạm dừng nghỉ vào khai thác",
            "[Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô|Điều chỉnh tần suất "
            "chạy xe trên tuyến cố định]",
            "Cấp giấy chứng nhận giáo viên dạy thực hành lái xe",
            "Chấp thuận chủ trương xây dựng cơ sở đào tạo lái xe",
            "Cấp giấy chứng nhận trung tâm sát hạch lái xe loại 3 đủ điều kiện hoạt động",
            "[Cấp|Cấp lại] giấy chứng nhận [đăng ký|đăng ký tạm thời] xe máy chuyên dùng",
            "[Sang tên, di chuyển xe máy chuyên dùng ở khác tỉnh|Di chuyển đăng ký xe máy chuyên "
            "dùng ở cùng một tỉnh|Xóa sổ đăng ký xe máy chuyên dùng]",
            "Cấp lại giấy phép liên vận [Việt - Lào|Việt Nam - Campuchia|ASEAN|giữa Việt Nam, Lào "
            "và Campuchia]",
            "Gia hạn giấy phép liên vận và thời gian lưu hành tại Việt Nam cho phương tiện của "
            "[Lào|Campuchia]",
            "Chấp thuận [thiết kế kỹ thuật và phương án tổ chức thi công|vị trí, quy mô] [nút "
            "giao đấu nối vào quốc lộ|công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng "
            "giao thông đường bộ của quốc lộ]",
            "[Cấp|Cấp lại] giấy phép vận tải đường bộ quốc tế [Việt - Lào|Việt Nam - "
            "Campuchia|GMS]",
        ),
    ),
    (
        "Đường thủy nội địa",
        "gtvt",
        (
            "Đăng ký phương tiện lần đầu đối với phương tiện chưa khai thác trên đường thủy nội "
            "địa",
            "Đăng ký lại phương tiện trong trường hợp chuyển từ cơ quan đăng ký khác sang cơ quan "
            "đăng ký phương tiện thủy nội địa",
            "[Xóa|Cấp lại] giấy chứng nhận đăng ký phương tiện thủy nội địa",
            "[Công bố hoạt động|Công bố lại hoạt động|Thỏa thuận thông số kỹ thuật xây dựng] bến "
            "thủy nội địa",
            "[Cấp|Cấp lại|Chuyển đổi] giấy chứng nhận khả năng chuyên môn, chứng chỉ chuyên môn "
            "phương tiện thủy nội địa",
            "Đăng ký thay đổi tên, tính năng kỹ thuật phương tiện thủy nội địa",
            "Đăng ký lại phương tiện trong trường hợp chuyển quyền sở hữu phương tiện nhưng không "
            "thay đổi cơ quan đăng ký phương tiện",
            "Phê duyệt phương án bảo đảm an toàn giao thông [khi thi công công trình trên đường "
            "thủy nội địa|khi tổ chức hoạt động thể thao, lễ hội trên đường thủy nội địa]",
            "[Cấp|Gia hạn] giấy phép hoạt động cảng thủy nội địa",
        ),
    ),
    (
        "Đăng kiểm",
        "gtvt",
        (
            "Cấp giấy chứng nhận thẩm định thiết kế xe cơ giới cải tạo",
            "Cấp giấy chứng nhận chất lượng an toàn kỹ thuật và bảo vệ môi trường xe cơ giới cải "
            "tạo",
        ),
    ),
    (
        "Việc làm",
        "ldtbxh",
        (
            "[Cấp|Cấp lại|Gia hạn] giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt "
            "động dịch vụ việc làm",
            "[Cấp|Cấp lại|Gia hạn] giấy phép lao động cho người lao động nước ngoài làm việc tại "
            "Việt Nam",
            "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
            "Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài",
            "[Cấp|Cấp lại|Gia hạn] giấy phép hoạt động cho thuê lại lao động",
            "~Hỗ trợ người sử dụng lao động vay vốn để trả lương ngừng việc",
            "Thông báo [thành lập|thay đổi|chấm dứt hoạt động] chi nhánh doanh nghiệp hoạt động "
            "dịch vụ việc làm",
            "Thu hồi giấy phép hoạt động cho thuê lại lao động",
            "~Hỗ trợ người lao động [tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng "
            "lương|ngừng việc|bị chấm dứt hợp đồng lao động nhưng không đủ điều kiện hưởng trợ "
            "cấp thất nghiệp] do đại dịch COVID-19",
        ),
    ),
    (
        "Bảo hiểm thất nghiệp",
        "ldtbxh",
        (
            "Giải quyết hưởng trợ cấp thất nghiệp",
            "[Tạm dừng|Tiếp tục|Chấm dứt] hưởng trợ cấp thất nghiệp",
            "Chuyển nơi hưởng trợ cấp thất nghiệp ([chuyển đi|chuyển đến])",
            "Giải quyết hỗ trợ học nghề",
            "Hỗ trợ người sử dụng lao động kinh phí đào tạo, bồi dưỡng, nâng cao trình độ kỹ năng "
            "nghề để duy trì việc làm cho người lao động",
        ),
    ),
    (
        "Người lao động Việt Nam đi làm việc ở nước ngoài",
        "ldtbxh",
        (
            "Đăng ký hợp đồng nhận lao động thực tập thời hạn dưới 90 ngày",
            "Đăng ký hợp đồng lao động trực tiếp giao kết",
            "Hỗ trợ cho người lao động thuộc đối tượng là người dân tộc thiểu số, người thuộc hộ "
            "nghèo, hộ cận nghèo đi làm việc ở nước ngoài theo hợp đồng",
        ),
    ),
    (
        "An toàn, vệ sinh lao động",
        "ldtbxh",
        (
            "~Khai báo với Sở Lao động - Thương binh và Xã hội khi đưa vào sử dụng các loại máy, "
            "thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động",
            "Hỗ trợ kinh phí huấn luyện an toàn, vệ sinh lao động cho doanh nghiệp",
            "[Cấp|Cấp lại|Gia hạn] giấy chứng nhận đủ điều kiện hoạt động [kiểm định kỹ thuật an "
            "toàn lao động|huấn luyện an toàn, vệ sinh lao động hạng A]",
        ),
    ),
    (
        "Giáo dục nghề nghiệp",
        "ldtbxh",
        (
            "[Cấp|Cấp lại|Cấp bổ sung] giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối "
            "với [trường trung cấp|trung tâm giáo dục nghề nghiệp|doanh nghiệp]",
            "Cho phép thành lập [phân hiệu của trường trung cấp|trường trung cấp tư thục|trung "
            "tâm giáo dục nghề nghiệp tư thục]",
            "[Thành lập|Sáp nhập, chia, tách|Giải thể] trường trung cấp công lập",
            "Thành lập hội đồng quản trị trường trung cấp tư thục",
            "Cấp giấy chứng nhận đăng ký hoạt động liên kết đào tạo với nước ngoài đối với trường "
            "trung cấp, trung tâm giáo dục nghề nghiệp",
            "[Đổi tên|Cho phép hoạt động giáo dục nghề nghiệp trở lại|Giải thể] [trường trung "
            "cấp|trung tâm giáo dục nghề nghiệp] tư thục",
        ),
    ),
    (
        "Người có công",
        "ldtbxh",
        (
            "Xác nhận thương binh, người hưởng chính sách như thương binh đối với người bị thương "
            "không thuộc lực lượng công an, quân đội trong chiến tranh từ ngày 31/12/1991 trở về "
            "trước không còn giấy tờ",
            "Giám định lại thương tật do vết thương cũ tái phát và điều chỉnh chế độ",
            "Công nhận và giải quyết chế độ [con đẻ của người hoạt động kháng chiến bị nhiễm chất "
            "độc hóa học|người hoạt động kháng chiến bị nhiễm chất độc hóa học|người có công giúp "
            "đỡ cách mạng|người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ "
            "quốc tế bị địch bắt tù, đày]",
            "Giải quyết chế độ [trợ cấp thờ cúng liệt sĩ|trợ cấp hằng tháng đối với thân nhân "
            "liệt sĩ]",
            "Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú",
            "Cấp trích lục hoặc sao hồ sơ người có công với cách mạng",
            "Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công",
            "[Thăm viếng mộ liệt sĩ|Di chuyển hài cốt liệt sĩ]",
            "Giải quyết chế độ [trợ cấp ưu đãi đối với thương binh|trợ cấp ưu đãi đối với bệnh "
            "binh|ưu đãi đối với người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945|ưu đãi "
            "đối với người hoạt động cách mạng từ ngày 01 tháng 01 năm 1945 đến ngày khởi nghĩa "
            "tháng Tám năm 1945|người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc, "
            "làm nghĩa vụ quốc tế]",
            "[Cấp lại|Cấp đổi] [giấy chứng nhận thương binh|giấy chứng nhận bệnh binh|giấy chứng "
            "nhận gia đình liệt sĩ|bằng Tổ quốc ghi công]",
        ),
    ),
    (
        "Bảo trợ xã hội",
        "ldtbxh",
        (
            "[Thành lập|Tổ chức lại|Giải thể] cơ sở trợ giúp xã hội công lập thuộc UBND tỉnh",
            "[Cấp|Cấp lại|Điều chỉnh] giấy phép hoạt động đối với cơ sở trợ giúp xã hội thuộc "
            "thẩm quyền của Sở Lao động - Thương binh và Xã hội",
            "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp "
            "xã hội cấp tỉnh",
            "Dừng trợ giúp xã hội tại cơ sở trợ giúp xã hội cấp tỉnh",
            "Đăng ký thành lập, đăng ký thay đổi nội dung hoặc cấp lại giấy chứng nhận đăng ký "
            "thành lập đối với cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền của Sở Lao "
            "động - Thương binh và Xã hội",
        ),
    ),
    (
        "Phòng, chống tệ nạn xã hội",
        "ldtbxh",
        (
            "[Cấp|Cấp lại|Sửa đổi, bổ sung] giấy phép hoạt động cai nghiện ma túy tự nguyện",
            "[Thành lập|Tổ chức lại|Giải thể] cơ sở cai nghiện ma túy công lập",
            "Tiếp nhận đối tượng tự nguyện cai nghiện ma túy tại cơ sở cai nghiện ma túy công lập",
        ),
    ),
    (
        "Thành lập và hoạt động doanh nghiệp",
        "khdt",
        (
            "Đăng ký thành lập [doanh nghiệp tư nhân|công ty trách nhiệm hữu hạn một thành "
            "viên|công ty trách nhiệm hữu hạn hai thành viên trở lên|công ty cổ phần|công ty hợp "
            "danh]",
            "Đăng ký thay đổi [tên doanh nghiệp|địa chỉ trụ sở chính của doanh nghiệp|người đại "
            "diện theo pháp luật của công ty trách nhiệm hữu hạn, công ty cổ phần|vốn điều lệ, "
            "phần vốn góp, tỷ lệ phần vốn góp|chủ doanh nghiệp tư nhân|thành viên hợp danh|chủ sở "
            "hữu công ty trách nhiệm hữu hạn một thành viên|thành viên công ty trách nhiệm hữu "
            "hạn hai thành viên trở lên]",
            "Thông báo thay đổi [ngành, nghề kinh doanh|thông tin của cổ đông sáng lập công ty cổ "
            "phần|thông tin của cổ đông là nhà đầu tư nước ngoài|thông tin người quản lý doanh "
            "nghiệp|nội dung đăng ký thuế]",
            "Đăng ký hoạt động chi nhánh, văn phòng đại diện",
            "Thông báo lập địa điểm kinh doanh",
            "[Tạm ngừng kinh doanh|Tiếp tục kinh doanh trước thời hạn đã thông báo] của doanh "
            "nghiệp, chi nhánh, văn phòng đại diện, địa điểm kinh doanh",
            "[Giải thể doanh nghiệp|Chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm "
            "kinh doanh]",
            "Chuyển đổi [doanh nghiệp tư nhân thành công ty trách nhiệm hữu hạn|công ty trách "
            "nhiệm hữu hạn thành công ty cổ phần|công ty cổ phần thành công ty trách nhiệm hữu "
            "hạn một thành viên|công ty cổ phần thành công ty trách nhiệm hữu hạn hai thành viên "
            "trở lên|hộ kinh doanh thành doanh nghiệp]",
            "Đăng ký doanh nghiệp đối với các công ty được thành lập trên cơ sở [chia|tách|hợp "
            "nhất] doanh nghiệp",
            "Đăng ký thay đổi nội dung đăng ký doanh nghiệp đối với công ty nhận sáp nhập",
            "Hiệu đính thông tin đăng ký doanh nghiệp",
            "Cập nhật, bổ sung thông tin đăng ký doanh nghiệp",
            "Đề nghị dừng thực hiện thủ tục đăng ký doanh nghiệp",
            "~Thông báo sử dụng, thay đổi, hủy mẫu con dấu",
            "Thông báo thay đổi nội dung cam kết thực hiện mục tiêu xã hội, môi trường",
            "Chuyển đổi [công ty trách nhiệm hữu hạn một thành viên thành công ty trách nhiệm hữu "
            "hạn hai thành viên trở lên|công ty trách nhiệm hữu hạn hai thành viên trở lên thành "
            "công ty trách nhiệm hữu hạn một thành viên]",
            "Đăng ký thay đổi [chủ sở hữu công ty trách nhiệm hữu hạn một thành viên do thừa "
            "kế|địa chỉ trụ sở chính của doanh nghiệp sang tỉnh, thành phố khác]",
            "Đăng ký thay đổi nội dung đăng ký hoạt động chi nhánh, văn phòng đại diện, thông báo "
            "thay đổi nội dung đăng ký địa điểm kinh doanh",
            "Thông báo chào bán cổ phần riêng lẻ của công ty cổ phần không phải là công ty cổ "
            "phần đại chúng",
            "Cấp đổi giấy chứng nhận đăng ký doanh nghiệp, giấy chứng nhận đăng ký hoạt động chi "
            "nhánh, văn phòng đại diện",
            "Cấp lại giấy chứng nhận đăng ký doanh nghiệp theo quy trình dự phòng",
            "[Giải thể doanh nghiệp trong trường hợp bị thu hồi giấy chứng nhận đăng ký doanh "
            "nghiệp hoặc theo quyết định của tòa án|Chấm dứt tồn tại của doanh nghiệp bị sáp "
            "nhập|Chấm dứt tồn tại của doanh nghiệp bị hợp nhất|Chấm dứt tồn tại của doanh nghiệp "
            "bị chia]",
            "Thông báo [cập nhật thông tin cổ đông là cá nhân nước ngoài, người đại diện theo ủy "
            "quyền của cổ đông là tổ chức nước ngoài|về việc sáp nhập công ty|hủy bỏ nghị quyết, "
            "quyết định giải thể doanh nghiệp|thay đổi thông tin của chủ sở hữu hưởng lợi của "
            "doanh nghiệp]",
            "Đăng ký thành lập doanh nghiệp xã hội",
        ),
    ),
    (
        "Đầu tư tại Việt Nam",
        "khdt",
        (
            "[Cấp|Điều chỉnh] giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp "
            "thuận chủ trương đầu tư",
            "[Chấp thuận|Điều chỉnh] chủ trương đầu tư của UBND cấp tỉnh",
            "Chấp thuận nhà đầu tư",
            "[Chuyển nhượng dự án đầu tư|Giãn tiến độ đầu tư|Ngừng hoạt động của dự án đầu "
            "tư|Chấm dứt hoạt động của dự án đầu tư]",
            "[Thành lập|Chấm dứt hoạt động] văn phòng điều hành của nhà đầu tư nước ngoài trong "
            "hợp đồng BCC",
            "Cấp lại hoặc hiệu đính thông tin trên giấy chứng nhận đăng ký đầu tư",
            "Đăng ký góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài",
            "Cung cấp thông tin về dự án đầu tư",
            "Bảo đảm đầu tư trong trường hợp không được tiếp tục áp dụng ưu đãi đầu tư",
            "Điều chỉnh dự án đầu tư [trong trường hợp chia, tách, sáp nhập, hợp nhất, chuyển đổi "
            "loại hình tổ chức kinh tế|trong trường hợp nhà đầu tư sử dụng quyền sử dụng đất, tài "
            "sản gắn liền với đất thuộc dự án đầu tư để góp vốn|theo bản án, quyết định của tòa "
            "án, trọng tài]",
            "Điều chỉnh [tên dự án đầu tư, tên và địa chỉ nhà đầu tư|nội dung dự án đầu tư] trong "
            "giấy chứng nhận đăng ký đầu tư",
            "Thẩm định [báo cáo nghiên cứu tiền khả thi|báo cáo nghiên cứu khả thi] dự án đầu tư "
            "theo phương thức đối tác công tư",
        ),
    ),
    (
        "Thành lập và hoạt động của liên hiệp hợp tác xã",
        "khdt",
        (
            "[Đăng ký thành lập|Đăng ký thay đổi nội dung đăng ký|Giải thể tự nguyện|Tạm ngừng "
            "hoạt động|Cấp lại giấy chứng nhận đăng ký] liên hiệp hợp tác xã",
            "Đăng ký thành lập chi nhánh, văn phòng đại diện, địa điểm kinh doanh của liên hiệp "
            "hợp tác xã",
        ),
    ),
    (
        "Hỗ trợ doanh nghiệp nhỏ và vừa",
        "khdt",
        (
            "Hỗ trợ [tư vấn|đào tạo|chuyển đổi số|công nghệ] cho doanh nghiệp nhỏ và vừa",
            "Thẩm định, phê duyệt khoản viện trợ không thuộc hỗ trợ phát triển chính thức của các "
            "cơ quan, tổ chức, cá nhân nước ngoài dành cho Việt Nam dưới hình thức [dự án|phi dự "
            "án]",
        ),
    ),
    (
        "Quản lý công sản",
        "tai_chinh",
        (
            "Quyết định [mua sắm tài sản công phục vụ hoạt động của cơ quan, tổ chức, đơn vị "
            "trong trường hợp không phải lập thành dự án đầu tư|thuê tài sản phục vụ hoạt động "
            "của cơ quan, tổ chức, đơn vị|điều chuyển tài sản công|bán tài sản công|thanh lý tài "
            "sản công|tiêu hủy tài sản công|xử lý tài sản công trong trường hợp bị mất, bị hủy "
            "hoại|thu hồi tài sản công|xử lý tài sản phục vụ hoạt động của dự án sử dụng vốn nhà "
            "nước|sử dụng tài sản công để tham gia dự án đầu tư theo hình thức đối tác công tư]",
            "Xác lập quyền sở hữu toàn dân đối với tài sản [do tổ chức, cá nhân tự nguyện chuyển "
            "giao quyền sở hữu cho Nhà nước|bị chôn, giấu, bị vùi lấp, chìm đắm được tìm thấy|bị "
            "đánh rơi, bỏ quên]",
            "Phê duyệt phương án xử lý tài sản được xác lập quyền sở hữu toàn dân",
            "Phê duyệt phương án sắp xếp lại, xử lý nhà, đất",
            "Phê duyệt đề án sử dụng tài sản công vào mục đích [kinh doanh, cho thuê|liên doanh, "
            "liên kết]",
            "Thẩm định dự toán, quyết toán kinh phí bồi thường, hỗ trợ, tái định cư",
        ),
    ),
    (
        "Quản lý giá",
        "tai_chinh",
        (
            "[Đăng ký giá|Kê khai giá] của các doanh nghiệp thuộc phạm vi cấp tỉnh",
            "Quyết định giá thuộc thẩm quyền của cấp tỉnh",
            "Thẩm định phương án giá sản phẩm, dịch vụ công ích",
            "Hiệp thương giá",
        ),
    ),
    (
        "Tin học, thống kê",
        "tai_chinh",
        (
            "Đăng ký mã số đơn vị có quan hệ với ngân sách [cho các đơn vị dự toán, đơn vị sử "
            "dụng ngân sách|cho các dự án đầu tư ở giai đoạn chuẩn bị đầu tư|cho các dự án đầu tư "
            "ở giai đoạn thực hiện dự án]",
            "Chuyển giai đoạn dự án đầu tư",
        ),
    ),
    (
        "Quyết toán vốn đầu tư",
        "tai_chinh",
        ("Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn nhà nước",),
    ),
    (
        "Báo chí",
        "tttt",
        (
            "Cho phép họp báo ([trong nước|nước ngoài])",
            "[Cấp|Sửa đổi, bổ sung] giấy phép xuất bản bản tin (trong nước)",
            "Cấp giấy phép xuất bản bản tin (nước ngoài)",
            "Trưng bày tranh, ảnh và các hình thức thông tin khác bên ngoài trụ sở cơ quan đại "
            "diện nước ngoài, tổ chức nước ngoài",
            "Văn bản chấp thuận thay đổi nội dung ghi trong giấy phép xuất bản bản tin",
        ),
    ),
    (
        "Xuất bản, in và phát hành",
        "tttt",
        (
            "[Cấp|Cấp lại|Cấp đổi] giấy phép hoạt động in",
            "[Cấp|Cấp lại] giấy phép xuất bản tài liệu không kinh doanh",
            "Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh",
            "[Đăng ký|Thay đổi thông tin đăng ký] hoạt động cơ sở in",
            "[Cấp|Cấp lại] giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm",
            "[Cấp|Cấp lại] giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm",
            "Đăng ký sử dụng máy photocopy màu, máy in có chức năng photocopy màu",
            "Chuyển nhượng máy in",
        ),
    ),
    (
        "Phát thanh, truyền hình và thông tin điện tử",
        "tttt",
        (
            "[Cấp|Sửa đổi, bổ sung|Gia hạn|Cấp lại] giấy phép thiết lập trang thông tin điện tử "
            "tổng hợp",
            "[Cấp|Sửa đổi, bổ sung] giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài "
            "trực tiếp từ vệ tinh",
        ),
    ),
    (
        "Bưu chính",
        "tttt",
        (
            "[Cấp|Sửa đổi, bổ sung|Cấp lại] giấy phép bưu chính",
            "[Cấp|Cấp lại] văn bản xác nhận thông báo hoạt động bưu chính",
            "Thông báo [thay đổi chủ sở hữu|thay đổi địa chỉ trụ sở] của doanh nghiệp cung cấp "
            "dịch vụ bưu chính",
        ),
    ),
    (
        "Đầu tư tại khu công nghiệp",
        "bql_kcn",
        (
            "[Cấp|Điều chỉnh|Cấp lại|Hiệu đính thông tin trên] giấy chứng nhận đăng ký đầu tư đối "
            "với dự án đầu tư trong khu công nghiệp",
            "[Chấp thuận|Điều chỉnh] chủ trương đầu tư đối với dự án đầu tư trong khu công nghiệp",
            "[Chuyển nhượng dự án đầu tư|Giãn tiến độ đầu tư|Chấm dứt hoạt động dự án đầu tư] "
            "trong khu công nghiệp",
            "Thẩm định [thiết kế cơ sở|điều chỉnh thiết kế cơ sở] công trình trong khu công nghiệp",
            "Báo cáo giải trình nhu cầu sử dụng người lao động nước ngoài làm việc trong khu công "
            "nghiệp",
        ),
    ),
    (
        "Lao động trong khu công nghiệp",
        "bql_kcn",
        (
            "Đăng ký nội quy lao động của doanh nghiệp trong khu công nghiệp",
            "[Cấp|Cấp lại|Gia hạn] giấy phép lao động cho người lao động nước ngoài làm việc "
            "trong khu công nghiệp",
            "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động làm việc "
            "trong khu công nghiệp",
        ),
    ),
    (
        "Xây dựng trong khu công nghiệp",
        "bql_kcn",
        (
            "[Cấp|Điều chỉnh|Gia hạn|Cấp lại] giấy phép xây dựng đối với công trình trong khu "
            "công nghiệp",
            "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng công trình trong khu công nghiệp",
        ),
    ),
    (
        "Thương mại trong khu công nghiệp",
        "bql_kcn",
        (
            "Cấp giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài trong khu công "
            "nghiệp",
            "[Cấp|Điều chỉnh|Gia hạn] giấy phép thành lập văn phòng đại diện của thương nhân nước "
            "ngoài đặt trụ sở trong khu công nghiệp",
        ),
    ),
    (
        "Công tác dân tộc",
        "dan_toc",
        (
            "[Công nhận|Đưa ra khỏi danh sách] người có uy tín trong đồng bào dân tộc thiểu số",
            "Thăm hỏi, hỗ trợ người có uy tín [khi ốm đau|gia đình gặp khó khăn do thiên tai|khi "
            "từ trần]",
        ),
    ),
    (
        "Giải quyết khiếu nại, tố cáo",
        "thanh_tra",
        (
            "Giải quyết khiếu nại [lần đầu|lần hai] tại cấp tỉnh",
            "[Giải quyết tố cáo|Tiếp công dân|Xử lý đơn] tại cấp tỉnh",
        ),
    ),
    (
        "Phòng, chống tham nhũng",
        "thanh_tra",
        (
            "[Thực hiện việc kê khai|Xác minh] tài sản, thu nhập",
            "[Tiếp nhận yêu cầu giải trình|Thực hiện việc giải trình]",
        ),
    ),
    (
        "Ngoại vụ",
        "van_phong",
        (
            "Cho phép sử dụng thẻ đi lại của doanh nhân APEC",
            "Cho phép tổ chức hội nghị, hội thảo quốc tế thuộc thẩm quyền cho phép của Chủ tịch "
            "UBND tỉnh",
            "Cho chủ trương [mời đoàn nước ngoài vào làm việc|cử đoàn đi công tác nước ngoài]",
        ),
    ),
    (
        "Chính quyền địa phương",
        "noi_vu",
        (
            "Phân loại đơn vị hành chính cấp xã",
            "Thành lập thôn mới, tổ dân phố mới",
        ),
    ),
    (
        "Lao động, tiền lương",
        "ldtbxh",
        (
            "Đăng ký nội quy lao động của doanh nghiệp",
            "Xếp hạng công ty trách nhiệm hữu hạn một thành viên do UBND tỉnh làm chủ sở hữu",
        ),
    ),
)
