"""What the dashboards show beside each figure: its name and its definition, in Vietnamese,
citing statistics.md (the figures themselves come from the selectors, never from here).

A figure is named by its §9 key path under its family: ``dossiers.received.new``,
``digitization.digitized``, ``feedback.processed.published``, ``catalog.total``,
``online_services.full``… The same names select the records behind it (``drilldown.py``).
"""

# "Trực tiếp và qua dịch vụ bưu chính": the form shows direct and postal as one column (§2).
DIRECT_AND_POSTAL = "dossiers.received.new_direct_postal"

LABELS: dict[str, str] = {
    # §2 form 06
    "dossiers.received.total": "Tổng số hồ sơ đã tiếp nhận",
    "dossiers.received.carried_over": "Từ kỳ trước chuyển qua",
    "dossiers.received.new": "Mới tiếp nhận trong kỳ",
    "dossiers.received.new_online": "Mới tiếp nhận trực tuyến",
    DIRECT_AND_POSTAL: "Mới tiếp nhận trực tiếp và qua dịch vụ bưu chính",
    "dossiers.received.new_direct": "Trực tiếp",
    "dossiers.received.new_postal": "Qua dịch vụ bưu chính",
    "dossiers.resolved.total": "Đã giải quyết",
    "dossiers.resolved.early": "Trước hạn",
    "dossiers.resolved.on_time": "Đúng hạn",
    "dossiers.resolved.late": "Quá hạn",
    "dossiers.in_process.total": "Đang giải quyết",
    "dossiers.in_process.within_deadline": "Trong hạn",
    "dossiers.in_process.overdue": "Quá hạn",
    "dossiers.on_time_rate": "Tỷ lệ giải quyết trước hạn và đúng hạn",
    "dossiers.online_share": "Tỷ lệ hồ sơ tiếp nhận trực tuyến",
    # §7 digitization: the counts, then the rates
    "digitization.new": "Hồ sơ mới tiếp nhận",
    "digitization.digitized": "Hồ sơ được số hóa (hồ sơ và kết quả)",
    "digitization.components_digitized": "Số hóa thành phần hồ sơ khi tiếp nhận",
    "digitization.approved": "Hồ sơ được cấp kết quả trong kỳ",
    "digitization.result_digitized": "Kết quả giải quyết được số hóa",
    "digitization.reused_data": "Tái sử dụng dữ liệu",
    "digitization.paid_online": "Thanh toán trực tuyến",
    "digitization.rate": "Tỷ lệ số hóa hồ sơ, kết quả giải quyết",
    "digitization.components_rate": "Tỷ lệ số hóa thành phần hồ sơ",
    "digitization.results_rate": "Tỷ lệ số hóa kết quả giải quyết",
    "digitization.reuse_rate": "Tỷ lệ tái sử dụng dữ liệu",
    "digitization.online_payment_rate": "Tỷ lệ thanh toán trực tuyến",
    # §3 feedback
    "feedback.received.total": "Tổng số phản ánh, kiến nghị đã tiếp nhận",
    "feedback.received.new": "Mới tiếp nhận trong kỳ",
    "feedback.received.carried_over": "Từ kỳ trước chuyển qua",
    "feedback.received.regulation": "Về quy định hành chính",
    "feedback.received.behaviour": "Về hành vi hành chính",
    "feedback.processed.total": "Đã xử lý",
    "feedback.processed.published": "Đã đăng tải công khai",
    "feedback.in_process": "Đang xử lý",
    # §4 catalog
    "catalog.total": "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương",
    "catalog.central": "Trung ương quy định",
    "catalog.local": "Địa phương quy định",
    "catalog.by_level.province": "Cấp tỉnh",
    "catalog.by_level.district": "Cấp huyện",
    "catalog.by_level.commune": "Cấp xã",
    "catalog.publication_decisions": "Quyết định công bố danh mục TTHC",
    "catalog.regulation_documents": "Văn bản QPPL có quy định TTHC",
    # §5 online public services
    "online_services.total": "Dịch vụ công trực tuyến",
    "online_services.full": "Toàn trình",
    "online_services.partial": "Một phần",
    "online_services.national_portal": "Tích hợp trên Cổng Dịch vụ công quốc gia",
    "online_services.national_portal_rate": "Tỷ lệ tích hợp trên Cổng Dịch vụ công quốc gia",
    "online_services.departments.covered": "Sở, ban, ngành có DVCTT",
    "online_services.departments.total": "Tổng số sở, ban, ngành",
    "online_services.districts.covered": "Cấp huyện có DVCTT",
    "online_services.districts.total": "Tổng số đơn vị cấp huyện",
    "online_services.communes.covered": "Cấp xã có DVCTT",
    "online_services.communes.total": "Tổng số đơn vị cấp xã",
}

_S2 = "statistics.md §2"
_NEW = "ngày tiếp nhận trong kỳ [F, T]"

DEFINITIONS: dict[str, str] = {
    "dossiers.received.total": (
        f"Số mới tiếp nhận trong kỳ + số từ kỳ trước chuyển qua; chỉ tính hồ sơ đã được tiếp "
        f"nhận ({_S2})."
    ),
    "dossiers.received.carried_over": (
        "Hồ sơ tiếp nhận trước ngày đầu kỳ F và chưa kết thúc trước F (chưa kết thúc, hoặc ngày "
        f"kết thúc ≥ F) ({_S2})."
    ),
    "dossiers.received.new": f"Hồ sơ có {_NEW}, theo giờ Việt Nam ({_S2}).",
    "dossiers.received.new_online": f"Hồ sơ mới (có {_NEW}) nộp trực tuyến ({_S2}).",
    DIRECT_AND_POSTAL: (
        f"Hồ sơ mới (có {_NEW}) nộp trực tiếp hoặc qua dịch vụ bưu chính; biểu 06 gộp hai kênh "
        f"này vào một cột ({_S2})."
    ),
    "dossiers.received.new_direct": f"Hồ sơ mới (có {_NEW}) nộp trực tiếp ({_S2}).",
    "dossiers.received.new_postal": f"Hồ sơ mới (có {_NEW}) nộp qua dịch vụ bưu chính ({_S2}).",
    "dossiers.resolved.total": (
        "Hồ sơ đã tiếp nhận (mới hoặc kỳ trước chuyển qua) có ngày kết thúc trong kỳ, bất kể "
        f"kết quả: cấp kết quả, từ chối, dừng xử lý, rút hồ sơ ({_S2}) = trước hạn + đúng hạn + "
        "quá hạn."
    ),
    "dossiers.resolved.early": f"Đã giải quyết, ngày kết thúc trước ngày hẹn trả ({_S2}).",
    "dossiers.resolved.on_time": (
        f"Đã giải quyết, ngày kết thúc bằng ngày hẹn trả, hoặc hồ sơ không có hạn ({_S2})."
    ),
    "dossiers.resolved.late": f"Đã giải quyết, ngày kết thúc sau ngày hẹn trả ({_S2}).",
    "dossiers.in_process.total": (
        "Hồ sơ đã tiếp nhận chưa kết thúc vào cuối ngày T (chưa kết thúc, hoặc ngày kết thúc "
        f"sau T) ({_S2}) = trong hạn + quá hạn."
    ),
    "dossiers.in_process.within_deadline": (
        "Đang giải quyết và: hạn giải quyết ≥ T, hoặc không có hạn, hoặc đang chờ bổ sung vào "
        "cuối ngày T (yêu cầu bổ sung trước hoặc trong ngày T, chưa được bổ sung: thời hạn "
        f"tạm dừng) ({_S2})."
    ),
    "dossiers.in_process.overdue": (
        f"Đang giải quyết, hạn giải quyết trước T và không chờ bổ sung vào cuối ngày T ({_S2})."
    ),
    "dossiers.on_time_rate": f"(Trước hạn + đúng hạn) / đã giải quyết, tính theo % ({_S2}).",
    "dossiers.online_share": f"Mới tiếp nhận trực tuyến / mới tiếp nhận, tính theo % ({_S2}).",
    "digitization.new": f"Hồ sơ có {_NEW}: mẫu số của các tỷ lệ số hóa (statistics.md §7).",
    "digitization.digitized": (
        "Hồ sơ mới có thành phần được số hóa khi tiếp nhận và, nếu đã được cấp kết quả đến "
        "ngày T, kết quả cũng được số hóa (statistics.md §7)."
    ),
    "digitization.components_digitized": (
        "Hồ sơ mới có thành phần được số hóa khi tiếp nhận (statistics.md §7)."
    ),
    "digitization.approved": (
        "Hồ sơ kết thúc trong kỳ với kết quả cấp kết quả: mẫu số của tỷ lệ số hóa kết quả "
        "(statistics.md §7)."
    ),
    "digitization.result_digitized": (
        "Hồ sơ được cấp kết quả trong kỳ có kết quả được số hóa (statistics.md §7)."
    ),
    "digitization.reused_data": "Hồ sơ mới có tái sử dụng dữ liệu (statistics.md §7).",
    "digitization.paid_online": "Hồ sơ mới có thanh toán trực tuyến (statistics.md §7).",
    "digitization.rate": (
        "Hồ sơ được số hóa / hồ sơ mới tiếp nhận, % một chữ số thập phân (statistics.md §7)."
    ),
    "digitization.components_rate": (
        "Số hóa thành phần khi tiếp nhận / hồ sơ mới tiếp nhận (statistics.md §7)."
    ),
    "digitization.results_rate": (
        "Kết quả được số hóa / hồ sơ được cấp kết quả trong kỳ (statistics.md §7)."
    ),
    "digitization.reuse_rate": "Tái sử dụng dữ liệu / hồ sơ mới tiếp nhận (statistics.md §7).",
    "digitization.online_payment_rate": (
        "Thanh toán trực tuyến / hồ sơ mới tiếp nhận (statistics.md §7)."
    ),
    "feedback.received.total": (
        "Mới tiếp nhận trong kỳ + từ kỳ trước chuyển qua (statistics.md §3) = đã xử lý + đang "
        "xử lý."
    ),
    "feedback.received.new": "Phản ánh, kiến nghị có ngày tiếp nhận trong kỳ (statistics.md §3).",
    "feedback.received.carried_over": (
        "Tiếp nhận trước ngày đầu kỳ F và chưa xử lý xong trước F (statistics.md §3)."
    ),
    "feedback.received.regulation": (
        "Phản ánh, kiến nghị đã tiếp nhận về quy định hành chính (statistics.md §3)."
    ),
    "feedback.received.behaviour": (
        "Phản ánh, kiến nghị đã tiếp nhận về hành vi hành chính (statistics.md §3)."
    ),
    "feedback.processed.total": ("Đã tiếp nhận và có ngày xử lý xong trong kỳ (statistics.md §3)."),
    "feedback.processed.published": (
        "Đã xử lý trong kỳ và đã đăng tải công khai đến ngày T (statistics.md §3)."
    ),
    "feedback.in_process": ("Đã tiếp nhận và chưa xử lý xong vào cuối ngày T (statistics.md §3)."),
    "catalog.total": (
        "TTHC đang áp dụng (theo trạng thái hiện hành) thuộc thẩm quyền giải quyết của địa "
        "phương (statistics.md §4)."
    ),
    "catalog.central": "TTHC đang áp dụng do trung ương quy định (statistics.md §4).",
    "catalog.local": "TTHC đang áp dụng do địa phương quy định (statistics.md §4).",
    "catalog.by_level.province": "TTHC đang áp dụng thực hiện ở cấp tỉnh (statistics.md §4).",
    "catalog.by_level.district": "TTHC đang áp dụng thực hiện ở cấp huyện (statistics.md §4).",
    "catalog.by_level.commune": "TTHC đang áp dụng thực hiện ở cấp xã (statistics.md §4).",
    "catalog.publication_decisions": (
        "Quyết định công bố danh mục TTHC ban hành trong kỳ (statistics.md §4)."
    ),
    "catalog.regulation_documents": (
        "Văn bản quy phạm pháp luật có quy định TTHC ban hành trong kỳ (statistics.md §4)."
    ),
    "online_services.total": (
        "TTHC đang áp dụng cung cấp dịch vụ công trực tuyến toàn trình hoặc một phần "
        "(statistics.md §5)."
    ),
    "online_services.full": "Dịch vụ công trực tuyến toàn trình (statistics.md §5).",
    "online_services.partial": "Dịch vụ công trực tuyến một phần (statistics.md §5).",
    "online_services.national_portal": (
        "Dịch vụ công trực tuyến được tích hợp trên Cổng Dịch vụ công quốc gia (statistics.md §5)."
    ),
    "online_services.national_portal_rate": (
        "Tích hợp trên Cổng Dịch vụ công quốc gia / dịch vụ công trực tuyến, % hai chữ số "
        "thập phân (statistics.md §5)."
    ),
    "online_services.departments.covered": (
        "Sở, ban, ngành đang hoạt động có ít nhất một dịch vụ công trực tuyến của chính mình "
        "(statistics.md §5)."
    ),
    "online_services.departments.total": "Sở, ban, ngành đang hoạt động (statistics.md §5).",
    "online_services.districts.covered": (
        "Tất cả đơn vị cấp huyện khi có ít nhất một TTHC cấp huyện cung cấp trực tuyến, nếu "
        "không thì 0 (statistics.md §5)."
    ),
    "online_services.districts.total": "Đơn vị cấp huyện đang hoạt động (statistics.md §5).",
    "online_services.communes.covered": (
        "Tất cả đơn vị cấp xã khi có ít nhất một TTHC cấp xã cung cấp trực tuyến, nếu không "
        "thì 0 (statistics.md §5)."
    ),
    "online_services.communes.total": "Đơn vị cấp xã đang hoạt động (statistics.md §5).",
}

PUBLIC_DEFINITIONS: dict[str, str] = {
    "on_time_rate": (
        "Tỷ lệ giải quyết đúng hạn = (số hồ sơ giải quyết trước hạn + đúng hạn) / số hồ sơ đã "
        "giải quyết trong kỳ. Hồ sơ đúng hạn khi ngày kết thúc không muộn hơn ngày hẹn trả; "
        "hồ sơ không có hạn được tính là đúng hạn."
    ),
    "online_share": (
        "Tỷ lệ hồ sơ trực tuyến = số hồ sơ mới tiếp nhận trực tuyến / số hồ sơ mới tiếp nhận "
        "trong kỳ (trực tuyến, trực tiếp và qua dịch vụ bưu chính)."
    ),
    "period": (
        "Kỳ báo cáo theo chế độ báo cáo của Chính phủ: từ ngày 15 tháng trước đến ngày 14 của "
        "tháng cuối kỳ; cả năm từ 15/12 năm trước đến 14/12. Ngày tính theo giờ Việt Nam."
    ),
}

# Names that stand on their own, for the title of a list or a file (the dashboard's short
# names, "Quá hạn", lean on the heading above them).
TITLES: dict[str, str] = {
    "dossiers.received.carried_over": "Hồ sơ từ kỳ trước chuyển qua",
    "dossiers.received.new": "Hồ sơ mới tiếp nhận trong kỳ",
    "dossiers.received.new_online": "Hồ sơ mới tiếp nhận trực tuyến",
    DIRECT_AND_POSTAL: "Hồ sơ mới tiếp nhận trực tiếp và qua dịch vụ bưu chính",
    "dossiers.received.new_direct": "Hồ sơ mới tiếp nhận trực tiếp",
    "dossiers.received.new_postal": "Hồ sơ mới tiếp nhận qua dịch vụ bưu chính",
    "dossiers.resolved.total": "Hồ sơ đã giải quyết",
    "dossiers.resolved.early": "Hồ sơ giải quyết trước hạn",
    "dossiers.resolved.on_time": "Hồ sơ giải quyết đúng hạn",
    "dossiers.resolved.late": "Hồ sơ giải quyết quá hạn",
    "dossiers.in_process.total": "Hồ sơ đang giải quyết",
    "dossiers.in_process.within_deadline": "Hồ sơ đang giải quyết trong hạn",
    "dossiers.in_process.overdue": "Hồ sơ đang giải quyết quá hạn",
    "feedback.received.new": "Phản ánh, kiến nghị mới tiếp nhận trong kỳ",
    "feedback.received.carried_over": "Phản ánh, kiến nghị từ kỳ trước chuyển qua",
    "feedback.received.regulation": "Phản ánh, kiến nghị về quy định hành chính",
    "feedback.received.behaviour": "Phản ánh, kiến nghị về hành vi hành chính",
    "feedback.processed.total": "Phản ánh, kiến nghị đã xử lý",
    "feedback.processed.published": "Phản ánh, kiến nghị đã xử lý và đăng tải công khai",
    "feedback.in_process": "Phản ánh, kiến nghị đang xử lý",
    "catalog.central": "TTHC do trung ương quy định",
    "catalog.local": "TTHC do địa phương quy định",
    "catalog.by_level.province": "TTHC cấp tỉnh",
    "catalog.by_level.district": "TTHC cấp huyện",
    "catalog.by_level.commune": "TTHC cấp xã",
    "online_services.full": "Dịch vụ công trực tuyến toàn trình",
    "online_services.partial": "Dịch vụ công trực tuyến một phần",
}


def title(figure: str) -> str:
    """The standalone name of a figure (its list's title)."""
    return TITLES.get(figure, LABELS[figure])
