"""What the dashboards show beside each figure: its name and its definition, in Vietnamese,
citing statistics.md (the figures themselves come from the selectors, never from here).

The names and definitions are only marked for translation here (``gettext_noop``): they stay
Vietnamese in exports, which are official documents, and the pages translate them where they
show them (``dashboard.Item``, the drill-down view).

A figure is named by its §9 key path under its family: ``dossiers.received.new``,
``digitization.digitized``, ``feedback.processed.published``, ``catalog.total``,
``online_services.full``… The same names select the records behind it (``drilldown.py``).
"""

import re

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_noop as _

# "Trực tiếp và qua dịch vụ bưu chính": the form shows direct and postal as one column (§2).
DIRECT_AND_POSTAL = "dossiers.received.new_direct_postal"

LABELS: dict[str, str] = {
    # §2 form 06
    "dossiers.received.total": _("Tổng số hồ sơ đã tiếp nhận"),
    "dossiers.received.carried_over": _("Từ kỳ trước chuyển qua"),
    "dossiers.received.new": _("Mới tiếp nhận trong kỳ"),
    "dossiers.received.new_online": _("Mới tiếp nhận trực tuyến"),
    DIRECT_AND_POSTAL: _("Mới tiếp nhận trực tiếp và qua dịch vụ bưu chính"),
    "dossiers.received.new_direct": _("Trực tiếp"),
    "dossiers.received.new_postal": _("Qua dịch vụ bưu chính"),
    "dossiers.resolved.total": _("Đã giải quyết"),
    "dossiers.resolved.early": _("Trước hạn"),
    "dossiers.resolved.on_time": _("Đúng hạn"),
    "dossiers.resolved.late": _("Quá hạn"),
    "dossiers.in_process.total": _("Đang giải quyết"),
    "dossiers.in_process.within_deadline": _("Trong hạn"),
    "dossiers.in_process.overdue": _("Quá hạn"),
    "dossiers.on_time_rate": _("Tỷ lệ giải quyết trước hạn và đúng hạn"),
    "dossiers.online_share": _("Tỷ lệ hồ sơ tiếp nhận trực tuyến"),
    # §7 digitization: the counts, then the rates
    "digitization.new": _("Hồ sơ mới tiếp nhận"),
    "digitization.digitized": _("Hồ sơ được số hóa (hồ sơ và kết quả)"),
    "digitization.components_digitized": _("Số hóa thành phần hồ sơ khi tiếp nhận"),
    "digitization.approved": _("Hồ sơ được cấp kết quả trong kỳ"),
    "digitization.result_digitized": _("Kết quả giải quyết được số hóa"),
    "digitization.reused_data": _("Tái sử dụng dữ liệu"),
    "digitization.paid_online": _("Thanh toán trực tuyến"),
    "digitization.rate": _("Tỷ lệ số hóa hồ sơ, kết quả giải quyết"),
    "digitization.components_rate": _("Tỷ lệ số hóa thành phần hồ sơ"),
    "digitization.results_rate": _("Tỷ lệ số hóa kết quả giải quyết"),
    "digitization.reuse_rate": _("Tỷ lệ tái sử dụng dữ liệu"),
    "digitization.online_payment_rate": _("Tỷ lệ thanh toán trực tuyến"),
    # evaluations of the settlement (9 indicators, 0–18 points)
    "evaluations.count": _("Đánh giá của người nộp"),
    "evaluations.satisfied": _("Đánh giá đạt từ 15/18 điểm"),
    "evaluations.satisfied_rate": _("Tỷ lệ đánh giá đạt từ 15/18 điểm"),
    "evaluations.desk_on_behalf": _("Đánh giá do cán bộ ghi thay (không tính)"),
    # §3 feedback
    "feedback.received.total": _("Tổng số phản ánh, kiến nghị đã tiếp nhận"),
    "feedback.received.new": _("Mới tiếp nhận trong kỳ"),
    "feedback.received.carried_over": _("Từ kỳ trước chuyển qua"),
    "feedback.received.regulation": _("Về quy định hành chính"),
    "feedback.received.behaviour": _("Về hành vi hành chính"),
    "feedback.processed.total": _("Đã xử lý"),
    "feedback.processed.published": _("Đã đăng tải công khai"),
    "feedback.in_process": _("Đang xử lý"),
    # §4 catalog
    "catalog.total": _("Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương"),
    "catalog.central": _("Trung ương quy định"),
    "catalog.local": _("Địa phương quy định"),
    "catalog.by_level.province": _("Cấp tỉnh"),
    "catalog.by_level.district": _("Cấp huyện"),
    "catalog.by_level.commune": _("Cấp xã"),
    "catalog.publication_decisions": _("Quyết định công bố danh mục TTHC"),
    "catalog.regulation_documents": _("Văn bản QPPL có quy định TTHC"),
    # §5 online public services
    "online_services.total": _("Dịch vụ công trực tuyến"),
    "online_services.full": _("Toàn trình"),
    "online_services.partial": _("Một phần"),
    "online_services.national_portal": _("Tích hợp trên Cổng Dịch vụ công quốc gia"),
    "online_services.national_portal_rate": _("Tỷ lệ tích hợp trên Cổng Dịch vụ công quốc gia"),
    "online_services.departments.covered": _("Sở, ban, ngành có DVCTT"),
    "online_services.departments.total": _("Tổng số sở, ban, ngành"),
    "online_services.districts.covered": _("Cấp huyện có DVCTT"),
    "online_services.districts.total": _("Tổng số đơn vị cấp huyện"),
    "online_services.communes.covered": _("Cấp xã có DVCTT"),
    "online_services.communes.total": _("Tổng số đơn vị cấp xã"),
    # §8 inspections
    "inspections.planned": _("Cơ quan được kiểm tra theo kế hoạch"),
    "inspections.done": _("Đã kiểm tra theo kế hoạch"),
    "inspections.rate": _("Tỷ lệ hoàn thành kế hoạch kiểm tra"),
    "inspections.surprise": _("Kiểm tra đột xuất"),
}

# The reference to the domain documents that ends each definition, for the maintainers: never
# shown to users (issue #8 §5).
SOURCE_REFERENCE = re.compile(r"\s*\((?:xem |see )?statistics\.md[^)]*\)")


def definition_text(key: str) -> str:
    """The definition of figure ``key`` in the page's language, without its source reference."""
    return SOURCE_REFERENCE.sub("", gettext(DEFINITIONS[key]))


DEFINITIONS: dict[str, str] = {
    "dossiers.received.total": _(
        "Số mới tiếp nhận trong kỳ + số từ kỳ trước chuyển qua; chỉ tính hồ sơ đã được tiếp "
        "nhận (statistics.md §2)."
    ),
    "dossiers.received.carried_over": _(
        "Hồ sơ tiếp nhận trước ngày đầu kỳ F và chưa kết thúc trước F (chưa kết thúc, hoặc "
        "ngày kết thúc ≥ F) (statistics.md §2)."
    ),
    "dossiers.received.new": _(
        "Hồ sơ có ngày tiếp nhận trong kỳ [F, T], theo giờ Việt Nam (statistics.md §2)."
    ),
    "dossiers.received.new_online": _(
        "Hồ sơ mới (có ngày tiếp nhận trong kỳ [F, T]) nộp trực tuyến (statistics.md §2)."
    ),
    DIRECT_AND_POSTAL: _(
        "Hồ sơ mới (có ngày tiếp nhận trong kỳ [F, T]) nộp trực tiếp hoặc qua dịch vụ bưu "
        "chính; biểu 06 gộp hai kênh này vào một cột (statistics.md §2)."
    ),
    "dossiers.received.new_direct": _(
        "Hồ sơ mới (có ngày tiếp nhận trong kỳ [F, T]) nộp trực tiếp (statistics.md §2)."
    ),
    "dossiers.received.new_postal": _(
        "Hồ sơ mới (có ngày tiếp nhận trong kỳ [F, T]) nộp qua dịch vụ bưu chính "
        "(statistics.md §2)."
    ),
    "dossiers.resolved.total": _(
        "Hồ sơ đã tiếp nhận (mới hoặc kỳ trước chuyển qua) có ngày kết thúc trong kỳ, bất "
        "kể kết quả: cấp kết quả, từ chối, dừng xử lý, rút hồ sơ (statistics.md §2) = trước "
        "hạn + đúng hạn + quá hạn."
    ),
    "dossiers.resolved.early": _(
        "Đã giải quyết, ngày kết thúc trước ngày hẹn trả (statistics.md §2)."
    ),
    "dossiers.resolved.on_time": _(
        "Đã giải quyết, ngày kết thúc bằng ngày hẹn trả, hoặc hồ sơ không có hạn "
        "(statistics.md §2)."
    ),
    "dossiers.resolved.late": _(
        "Đã giải quyết, ngày kết thúc sau ngày hẹn trả (statistics.md §2)."
    ),
    "dossiers.in_process.total": _(
        "Hồ sơ đã tiếp nhận chưa kết thúc vào cuối ngày T (chưa kết thúc, hoặc ngày kết "
        "thúc sau T) (statistics.md §2) = trong hạn + quá hạn."
    ),
    "dossiers.in_process.within_deadline": _(
        "Đang giải quyết và: hạn giải quyết ≥ T, hoặc không có hạn, hoặc đang chờ bổ sung "
        "vào cuối ngày T (yêu cầu bổ sung trước hoặc trong ngày T, chưa được bổ sung: thời "
        "hạn tạm dừng) (statistics.md §2)."
    ),
    "dossiers.in_process.overdue": _(
        "Đang giải quyết, hạn giải quyết trước T và không chờ bổ sung vào cuối ngày T "
        "(statistics.md §2)."
    ),
    "dossiers.on_time_rate": _(
        "(Trước hạn + đúng hạn) / đã giải quyết, tính theo % (statistics.md §2)."
    ),
    "dossiers.online_share": _(
        "Mới tiếp nhận trực tuyến / mới tiếp nhận, tính theo % (statistics.md §2)."
    ),
    "digitization.new": _(
        "Hồ sơ có ngày tiếp nhận trong kỳ [F, T]: mẫu số của các tỷ lệ số hóa (statistics.md §7)."
    ),
    "digitization.digitized": _(
        "Hồ sơ mới có thành phần được số hóa khi tiếp nhận và, nếu đã được cấp kết quả đến "
        "ngày T, kết quả cũng được số hóa (statistics.md §7)."
    ),
    "digitization.components_digitized": _(
        "Hồ sơ mới có thành phần được số hóa khi tiếp nhận (statistics.md §7)."
    ),
    "digitization.approved": _(
        "Hồ sơ kết thúc trong kỳ với kết quả cấp kết quả: mẫu số của tỷ lệ số hóa kết quả "
        "(statistics.md §7)."
    ),
    "digitization.result_digitized": _(
        "Hồ sơ được cấp kết quả trong kỳ có kết quả được số hóa (statistics.md §7)."
    ),
    "digitization.reused_data": _("Hồ sơ mới có tái sử dụng dữ liệu (statistics.md §7)."),
    "digitization.paid_online": _("Hồ sơ mới có thanh toán trực tuyến (statistics.md §7)."),
    "digitization.rate": _(
        "Hồ sơ được số hóa / hồ sơ mới tiếp nhận, % một chữ số thập phân (statistics.md §7)."
    ),
    "digitization.components_rate": _(
        "Số hóa thành phần khi tiếp nhận / hồ sơ mới tiếp nhận (statistics.md §7)."
    ),
    "digitization.results_rate": _(
        "Kết quả được số hóa / hồ sơ được cấp kết quả trong kỳ (statistics.md §7)."
    ),
    "digitization.reuse_rate": _("Tái sử dụng dữ liệu / hồ sơ mới tiếp nhận (statistics.md §7)."),
    "digitization.online_payment_rate": _(
        "Thanh toán trực tuyến / hồ sơ mới tiếp nhận (statistics.md §7)."
    ),
    "evaluations.count": _(
        "Đánh giá do chính người nộp thực hiện, của hồ sơ trả kết quả trong kỳ [F, T] "
        "(statistics.md §9)."
    ),
    "evaluations.satisfied": _(
        "Đánh giá của người nộp có tổng điểm từ 15/18 trở lên (statistics.md §9)."
    ),
    "evaluations.satisfied_rate": _(
        "Đánh giá đạt từ 15/18 điểm / đánh giá của người nộp, tính theo % (statistics.md §9)."
    ),
    "evaluations.desk_on_behalf": _(
        "Đánh giá do cán bộ Bộ phận Một cửa ghi thay người nộp: giữ riêng, không tính vào "
        "điểm trung bình và tỷ lệ (statistics.md §9)."
    ),
    "feedback.received.total": _(
        "Mới tiếp nhận trong kỳ + từ kỳ trước chuyển qua (statistics.md §3) = đã xử lý + "
        "đang xử lý."
    ),
    "feedback.received.new": _(
        "Phản ánh, kiến nghị có ngày tiếp nhận trong kỳ (statistics.md §3)."
    ),
    "feedback.received.carried_over": _(
        "Tiếp nhận trước ngày đầu kỳ F và chưa xử lý xong trước F (statistics.md §3)."
    ),
    "feedback.received.regulation": _(
        "Phản ánh, kiến nghị đã tiếp nhận về quy định hành chính (statistics.md §3)."
    ),
    "feedback.received.behaviour": _(
        "Phản ánh, kiến nghị đã tiếp nhận về hành vi hành chính (statistics.md §3)."
    ),
    "feedback.processed.total": _(
        "Đã tiếp nhận và có ngày xử lý xong trong kỳ (statistics.md §3)."
    ),
    "feedback.processed.published": _(
        "Đã xử lý trong kỳ và đã đăng tải công khai đến ngày T (statistics.md §3)."
    ),
    "feedback.in_process": _("Đã tiếp nhận và chưa xử lý xong vào cuối ngày T (statistics.md §3)."),
    "catalog.total": _(
        "TTHC đang áp dụng (theo trạng thái hiện hành) thuộc thẩm quyền giải quyết của địa "
        "phương (statistics.md §4)."
    ),
    "catalog.central": _("TTHC đang áp dụng do trung ương quy định (statistics.md §4)."),
    "catalog.local": _("TTHC đang áp dụng do địa phương quy định (statistics.md §4)."),
    "catalog.by_level.province": _("TTHC đang áp dụng thực hiện ở cấp tỉnh (statistics.md §4)."),
    "catalog.by_level.district": _("TTHC đang áp dụng thực hiện ở cấp huyện (statistics.md §4)."),
    "catalog.by_level.commune": _("TTHC đang áp dụng thực hiện ở cấp xã (statistics.md §4)."),
    "catalog.publication_decisions": _(
        "Quyết định công bố danh mục TTHC ban hành trong kỳ (statistics.md §4)."
    ),
    "catalog.regulation_documents": _(
        "Văn bản quy phạm pháp luật có quy định TTHC ban hành trong kỳ (statistics.md §4)."
    ),
    "online_services.total": _(
        "TTHC đang áp dụng cung cấp dịch vụ công trực tuyến toàn trình hoặc một phần "
        "(statistics.md §5)."
    ),
    "online_services.full": _("Dịch vụ công trực tuyến toàn trình (statistics.md §5)."),
    "online_services.partial": _("Dịch vụ công trực tuyến một phần (statistics.md §5)."),
    "online_services.national_portal": _(
        "Dịch vụ công trực tuyến được tích hợp trên Cổng Dịch vụ công quốc gia (statistics.md §5)."
    ),
    "online_services.national_portal_rate": _(
        "Tích hợp trên Cổng Dịch vụ công quốc gia / dịch vụ công trực tuyến, % hai chữ số "
        "thập phân (statistics.md §5)."
    ),
    "online_services.departments.covered": _(
        "Sở, ban, ngành đang hoạt động có ít nhất một dịch vụ công trực tuyến của chính "
        "mình (statistics.md §5)."
    ),
    "online_services.departments.total": _("Sở, ban, ngành đang hoạt động (statistics.md §5)."),
    "online_services.districts.covered": _(
        "Tất cả đơn vị cấp huyện khi có ít nhất một TTHC cấp huyện cung cấp trực tuyến, nếu "
        "không thì 0 (statistics.md §5)."
    ),
    "online_services.districts.total": _("Đơn vị cấp huyện đang hoạt động (statistics.md §5)."),
    "online_services.communes.covered": _(
        "Tất cả đơn vị cấp xã khi có ít nhất một TTHC cấp xã cung cấp trực tuyến, nếu không "
        "thì 0 (statistics.md §5)."
    ),
    "online_services.communes.total": _("Đơn vị cấp xã đang hoạt động (statistics.md §5)."),
    "inspections.planned": _(
        "Cơ quan trong kế hoạch kiểm tra của năm Y, năm của ngày cuối kỳ T (statistics.md §8)."
    ),
    "inspections.done": _(
        "Cơ quan trong kế hoạch năm Y đã được kiểm tra đến hết ngày T (statistics.md §8)."
    ),
    "inspections.rate": _("Số đã kiểm tra / số theo kế hoạch (statistics.md §8)."),
    "inspections.surprise": _(
        "Cuộc kiểm tra đột xuất có ngày kiểm tra trong kỳ [F, T] (statistics.md §8)."
    ),
}

PUBLIC_DEFINITIONS: dict[str, Promise] = {
    "on_time_rate": gettext_lazy(
        "Tỷ lệ giải quyết đúng hạn = (số hồ sơ giải quyết trước hạn + đúng hạn) / số hồ sơ đã "
        "giải quyết trong kỳ. Hồ sơ đúng hạn khi ngày kết thúc không muộn hơn ngày hẹn trả; "
        "hồ sơ không có hạn được tính là đúng hạn."
    ),
    "online_share": gettext_lazy(
        "Tỷ lệ hồ sơ trực tuyến = số hồ sơ mới tiếp nhận trực tuyến / số hồ sơ mới tiếp nhận "
        "trong kỳ (trực tuyến, trực tiếp và qua dịch vụ bưu chính)."
    ),
    "period": gettext_lazy(
        "Kỳ báo cáo theo chế độ báo cáo của Chính phủ: từ ngày 15 tháng trước đến ngày 14 của "
        "tháng cuối kỳ; cả năm từ 15/12 năm trước đến 14/12. Ngày tính theo giờ Việt Nam."
    ),
}

# Names that stand on their own, for the title of a list or a file (the dashboard's short
# names, "Quá hạn", lean on the heading above them).
TITLES: dict[str, str] = {
    "dossiers.received.carried_over": _("Hồ sơ từ kỳ trước chuyển qua"),
    "dossiers.received.new": _("Hồ sơ mới tiếp nhận trong kỳ"),
    "dossiers.received.new_online": _("Hồ sơ mới tiếp nhận trực tuyến"),
    DIRECT_AND_POSTAL: _("Hồ sơ mới tiếp nhận trực tiếp và qua dịch vụ bưu chính"),
    "dossiers.received.new_direct": _("Hồ sơ mới tiếp nhận trực tiếp"),
    "dossiers.received.new_postal": _("Hồ sơ mới tiếp nhận qua dịch vụ bưu chính"),
    "dossiers.resolved.total": _("Hồ sơ đã giải quyết"),
    "dossiers.resolved.early": _("Hồ sơ giải quyết trước hạn"),
    "dossiers.resolved.on_time": _("Hồ sơ giải quyết đúng hạn"),
    "dossiers.resolved.late": _("Hồ sơ giải quyết quá hạn"),
    "dossiers.in_process.total": _("Hồ sơ đang giải quyết"),
    "dossiers.in_process.within_deadline": _("Hồ sơ đang giải quyết trong hạn"),
    "dossiers.in_process.overdue": _("Hồ sơ đang giải quyết quá hạn"),
    "feedback.received.new": _("Phản ánh, kiến nghị mới tiếp nhận trong kỳ"),
    "feedback.received.carried_over": _("Phản ánh, kiến nghị từ kỳ trước chuyển qua"),
    "feedback.received.regulation": _("Phản ánh, kiến nghị về quy định hành chính"),
    "feedback.received.behaviour": _("Phản ánh, kiến nghị về hành vi hành chính"),
    "feedback.processed.total": _("Phản ánh, kiến nghị đã xử lý"),
    "feedback.processed.published": _("Phản ánh, kiến nghị đã xử lý và đăng tải công khai"),
    "feedback.in_process": _("Phản ánh, kiến nghị đang xử lý"),
    "catalog.central": _("TTHC do trung ương quy định"),
    "catalog.local": _("TTHC do địa phương quy định"),
    "catalog.by_level.province": _("TTHC cấp tỉnh"),
    "catalog.by_level.district": _("TTHC cấp huyện"),
    "catalog.by_level.commune": _("TTHC cấp xã"),
    "online_services.full": _("Dịch vụ công trực tuyến toàn trình"),
    "online_services.partial": _("Dịch vụ công trực tuyến một phần"),
}


def title(figure: str) -> str:
    """The standalone name of a figure (its list's title)."""
    if figure.startswith(SERVICE_INDEX):
        return INDEX_COUNTS[figure.removeprefix(SERVICE_INDEX)]
    return TITLES.get(figure, LABELS[figure])


# --- the national service index (Decision 766/QĐ-TTg; service-index.md) ------------------------

SERVICE_INDEX = "service_index."  # the prefix of its counts' names in the drill-down
LEGAL_SOURCE = _(
    "Quyết định số 766/QĐ-TTg ngày 23/6/2023 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ "
    "đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ "
    "tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử"
)

INDEX_GROUPS: dict[str, str] = {
    "publicity": _("Công khai, minh bạch"),
    "progress": _("Tiến độ giải quyết"),
    "digitization": _("Số hóa hồ sơ"),
    "online": _("Dịch vụ công trực tuyến và thanh toán trực tuyến"),
    "satisfaction": _("Mức độ hài lòng"),
}

INDEX_LABELS: dict[str, str] = {
    "publicity.published_on_time": _("TTHC được công bố, công khai đúng hạn"),
    "publicity.updated_on_time": _("TTHC được cập nhật thông tin công khai đúng hạn"),
    "publicity.complete_content": _("TTHC có nội dung công khai đầy đủ"),
    "publicity.synchronised": _("Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia"),
    "progress.on_time": _("Hồ sơ giải quyết trước hạn và đúng hạn"),
    "online.procedures_online": _("TTHC cung cấp dịch vụ công trực tuyến"),
    "online.services_used": _("Dịch vụ công trực tuyến có phát sinh hồ sơ"),
    "online.dossiers_online": _("Hồ sơ nộp trực tuyến"),
    "online.dossiers_paid_online": _("Hồ sơ thanh toán trực tuyến"),
    "online.fee_procedures_paid_online": _("TTHC có phí có thanh toán trực tuyến thành công"),
    "online.fee_procedures_used": _("TTHC có phí có phát sinh hồ sơ"),
    "satisfaction.evaluations_satisfied": _("Hồ sơ được đánh giá hài lòng"),
    "satisfaction.feedback_on_time": _("Phản ánh, kiến nghị được xử lý đúng hạn"),
    "satisfaction.feedback_satisfied": _("Phản ánh, kiến nghị được người gửi hài lòng"),
    "digitization.electronic_results": _("Hồ sơ có kết quả điện tử"),
    "digitization.components_digitized": _("Hồ sơ được số hóa thành phần"),
    "digitization.certified_copies": _("Cấp bản sao điện tử chứng thực từ bản chính"),
    "digitization.reused_data": _("Hồ sơ tái sử dụng dữ liệu số hóa"),
    "digitization.shared_to_store": _("Hồ sơ số hóa được chia sẻ vào kho dữ liệu của người dân"),
    "digitization.population_db_used": _("Hồ sơ khai thác Cơ sở dữ liệu quốc gia về dân cư"),
    "digitization.population_db_connected": _("TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư"),
}

# Each indicator's formula as the page shows it (numbers in Vietnamese format).
INDEX_FORMULAS: dict[str, str] = {
    "publicity.published_on_time": _("6 × (công bố đúng hạn / được công bố)"),
    "publicity.updated_on_time": _("4 × (cập nhật đúng hạn / phải cập nhật)"),
    "publicity.complete_content": _(
        "2 × (TTHC có nội dung công khai đầy đủ / TTHC đang áp dụng). Đầy đủ: có trình tự, "
        "cách thức thực hiện, căn cứ pháp lý, kết quả và ít nhất một thành phần hồ sơ."
    ),
    "publicity.synchronised": _("6 × (hồ sơ đã đồng bộ / hồ sơ)"),
    "progress.on_time": _(
        "20 × (hồ sơ giải quyết trước hạn và đúng hạn / hồ sơ đã tiếp nhận, gồm mới tiếp nhận "
        "và kỳ trước chuyển qua)."
    ),
    "online.procedures_online": _(
        "min(2; 2 × tỷ lệ / 80%): TTHC có dịch vụ công trực tuyến (toàn trình hoặc một phần) / "
        "TTHC đang áp dụng; đủ điểm từ 80%."
    ),
    "online.services_used": _(
        "4 × (dịch vụ công trực tuyến có ít nhất một hồ sơ nộp trực tuyến trong kỳ / dịch vụ "
        "công trực tuyến)."
    ),
    "online.dossiers_online": _(
        "min(6; 6 × tỷ lệ / 50%): hồ sơ mới nộp trực tuyến / hồ sơ mới tiếp nhận; đủ điểm từ 50%."
    ),
    "online.dossiers_paid_online": _(
        "6 × (hồ sơ thanh toán trực tuyến / hồ sơ mới tiếp nhận có nghĩa vụ tài chính). Phần "
        "thanh toán trực tuyến tối đa 10 điểm."
    ),
    "online.fee_procedures_paid_online": _(
        "min(2; 2,5 × tỷ lệ): TTHC có phí có hồ sơ thanh toán trực tuyến trong kỳ / TTHC có phí."
    ),
    "online.fee_procedures_used": _(
        "2,5 × (TTHC có phí có hồ sơ trong kỳ / TTHC có phí). Phần thanh toán trực tuyến tối "
        "đa 10 điểm."
    ),
    "satisfaction.evaluations_satisfied": _(
        "min(6; 6 × tỷ lệ / 90%): đánh giá của chính người nộp đạt từ 15/18 điểm / đánh giá "
        "của người nộp; 0 điểm khi không có đánh giá."
    ),
    "satisfaction.feedback_on_time": _(
        "6 × (phản ánh, kiến nghị xử lý đúng hạn / đến hạn xử lý); 6 điểm khi không có."
    ),
    "satisfaction.feedback_satisfied": _(
        "6 × (phản ánh, kiến nghị người gửi hài lòng / đã trả lời); 6 điểm khi không có."
    ),
    "digitization.electronic_results": _(
        "6 × (hồ sơ đã giải quyết có kết quả số hóa / hồ sơ đã giải quyết trong kỳ)."
    ),
    "digitization.components_digitized": _(
        "4 × (hồ sơ được số hóa thành phần / hồ sơ đã tiếp nhận)."
    ),
    "digitization.certified_copies": _("2 × (bản sao điện tử đã cấp / đủ điều kiện)"),
    "digitization.reused_data": _(
        "min(2; 2 × tỷ lệ / 80%): hồ sơ tái sử dụng dữ liệu / hồ sơ đã tiếp nhận; đủ điểm từ 80%."
    ),
    "digitization.shared_to_store": _("4 × (hồ sơ được chia sẻ / hồ sơ được số hóa)"),
    "digitization.population_db_used": _("2 × (hồ sơ khai thác / hồ sơ đã tiếp nhận)"),
    "digitization.population_db_connected": _("2 × (TTHC đã kết nối / TTHC)"),
}

# Why an indicator is not computed here (service-index.md, "What our data can and cannot give").
INDEX_REASONS: dict[str, str] = {
    "national_database": _(
        "Không tính được: cần ngày công bố, cập nhật trên Cơ sở dữ liệu quốc gia về TTHC; hệ "
        "thống chỉ có ngày của quyết định công bố của tỉnh."
    ),
    "portal_exchange": _(
        "Chưa tính được: Cổng Dịch vụ công quốc gia chấm chỉ tiêu này từ hồ sơ Cổng đã nhận; "
        "lịch sử nhập từ hệ thống cũ không được đồng bộ lại. Tình trạng đồng bộ từng hồ sơ xem "
        "ở trang quản trị (Đồng bộ hồ sơ với Cổng) hoặc lệnh motcua portal status."
    ),
    "certified_copies": _(
        "Không tính được: cấp bản sao điện tử từ bản chính là một dịch vụ riêng, ngoài hệ thống."
    ),
    "data_store": _(
        "Chưa tính được: việc chia sẻ hồ sơ số hóa vào kho dữ liệu điện tử của người dân chưa "
        "được ghi nhận."
    ),
    "population_db": _(
        "Chưa tính được: hồ sơ chưa ghi nhận việc khai thác Cơ sở dữ liệu quốc gia về dân cư."
    ),
    "population_db_setting": _(
        "Không tính được: kết nối Cơ sở dữ liệu quốc gia về dân cư là thiết lập của từng thủ "
        "tục, chưa có tích hợp."
    ),
    "feedback_deadline": _(
        "Chưa tính được: phản ánh, kiến nghị trong kỳ là dữ liệu nhập từ hệ thống cũ, không ghi "
        "hạn xử lý của phản ánh, kiến nghị, và chưa có phản ánh nào đến hạn (khi không có phản "
        "ánh, kiến nghị: 6 điểm)."
    ),
    "feedback_satisfaction": _(
        "Chưa tính được: phản ánh, kiến nghị trong kỳ là dữ liệu nhập từ hệ thống cũ, không ghi "
        "ý kiến hài lòng của người gửi, và chưa người gửi nào đánh giá (khi không có phản ánh, "
        "kiến nghị: 6 điểm)."
    ),
}

# The counts divided, by their names in ``selectors.service_index.COUNT_NAMES``.
INDEX_COUNTS: dict[str, str] = {
    "dossiers.received": _("Hồ sơ đã tiếp nhận (mới và kỳ trước chuyển qua)"),
    "dossiers.settled_on_time": _("Hồ sơ giải quyết trước hạn và đúng hạn"),
    "dossiers.new": _("Hồ sơ mới tiếp nhận trong kỳ"),
    "dossiers.new_online": _("Hồ sơ mới nộp trực tuyến"),
    "dossiers.payable": _("Hồ sơ mới có nghĩa vụ tài chính"),
    "dossiers.paid_online": _("Hồ sơ thanh toán trực tuyến"),
    "dossiers.resolved": _("Hồ sơ đã giải quyết trong kỳ"),
    "dossiers.electronic_results": _("Hồ sơ đã giải quyết có kết quả số hóa"),
    "dossiers.components_digitized": _("Hồ sơ đã tiếp nhận được số hóa thành phần"),
    "dossiers.reused_data": _("Hồ sơ đã tiếp nhận có tái sử dụng dữ liệu"),
    "procedures.total": _("TTHC đang áp dụng"),
    "procedures.complete": _("TTHC có nội dung công khai đầy đủ"),
    "procedures.online": _("TTHC có dịch vụ công trực tuyến"),
    "procedures.online_used": _("Dịch vụ công trực tuyến có hồ sơ nộp trực tuyến trong kỳ"),
    "procedures.fee": _("TTHC có phí, lệ phí"),
    "procedures.fee_paid_online": _("TTHC có phí có hồ sơ thanh toán trực tuyến trong kỳ"),
    "procedures.fee_used": _("TTHC có phí có hồ sơ trong kỳ"),
    "evaluations.count": _("Đánh giá của người nộp"),
    "evaluations.satisfied": _("Đánh giá đạt từ 15/18 điểm"),
    "feedback.received": _("Phản ánh, kiến nghị đã tiếp nhận"),
    "feedback.with_deadline": _("Phản ánh, kiến nghị xử lý trên hệ thống (có thời hạn)"),
    "feedback.due": _("Phản ánh, kiến nghị đã đến hạn trả lời"),
    "feedback.on_time": _("Phản ánh, kiến nghị trả lời đúng hạn"),
    "feedback.rated": _("Phản ánh, kiến nghị người gửi đã đánh giá"),
    "feedback.satisfied": _("Phản ánh, kiến nghị người gửi hài lòng"),
}
