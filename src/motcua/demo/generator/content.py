"""What the catalog says about each procedure (interchange.md, the texts of procedures.csv and
components.csv): steps, ways to submit, requirements, legal basis, result and the documents
to bring.

The procedures the desks see most (land, civil status, certification, judicial records,
construction, business registration, social support…) are written from the published
procedure records; every other procedure gets sensible text built from its name, level and
time limit. Deterministic and without randomness: the dossier history draws from its own
random streams, which this module leaves alone.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from motcua.demo.generator.model import Component, Procedure

ONE_STOP_DECREES = (
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, "
    "một cửa liên thông trong giải quyết thủ tục hành chính\n"
    "Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều "
    "của Nghị định số 61/2018/NĐ-CP"
)


@dataclass(frozen=True)
class Content:
    """The written content of a family of procedures. ``{name}``, ``{result}``… in the texts
    are filled from the procedure."""

    legal_basis: str
    result: str
    components: tuple[Component, ...]
    requirements: str = "Không."
    steps: str = ""  # empty: the common steps of the procedure's level
    extra_steps: tuple[str, ...] = field(default=())


def _c(
    name: str, originals: int = 1, copies: int = 0, required: bool = True, form: str = ""
) -> Component:
    return Component(name, originals, copies, required, form)


ID_COPY = _c(
    "Giấy tờ tùy thân có ảnh (Căn cước công dân, Căn cước hoặc Hộ chiếu) để xuất trình, hoặc "
    "bản chụp khi nộp qua bưu chính (không yêu cầu khi thông tin đã có trong Cơ sở dữ liệu quốc "
    "gia về dân cư)",
    originals=0,
    copies=1,
)
AUTHORISATION = _c(
    "Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền nộp hồ sơ)",
    required=False,
)

LAND_LAW = (
    "Luật Đất đai số 31/2024/QH15 ngày 18/01/2024\n"
    "Nghị định số 101/2024/NĐ-CP ngày 29/7/2024 của Chính phủ quy định về điều tra cơ bản đất "
    "đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất "
    "và Hệ thống thông tin đất đai\n"
    "Nghị định số 102/2024/NĐ-CP ngày 30/7/2024 của Chính phủ quy định chi tiết thi hành một số "
    "điều của Luật Đất đai"
)
LAND_CERTIFICATE = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
CIVIL_STATUS_LAW = (
    "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014\n"
    "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và "
    "biện pháp thi hành Luật Hộ tịch\n"
    "Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ trưởng Bộ Tư pháp quy định chi tiết thi "
    "hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP\n"
    "Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ Tài chính hướng dẫn về phí và lệ phí "
    "thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh"
)
CERTIFICATION_LAW = (
    "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về cấp bản sao từ sổ gốc, chứng "
    "thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch\n"
    "Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ trưởng Bộ Tư pháp quy định chi tiết, "
    "hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP\n"
    "Thông tư số 226/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, "
    "nộp, quản lý và sử dụng phí chứng thực"
)
JUDICIAL_RECORD_LAW = (
    "Luật Lý lịch tư pháp số 28/2009/QH12 ngày 17/6/2009\n"
    "Nghị định số 111/2010/NĐ-CP ngày 23/11/2010 của Chính phủ quy định chi tiết và hướng dẫn "
    "thi hành một số điều của Luật Lý lịch tư pháp\n"
    "Thông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, "
    "nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp"
)
CONSTRUCTION_LAW = (
    "Luật Xây dựng số 50/2014/QH13 ngày 18/6/2014\n"
    "Luật số 62/2020/QH14 ngày 17/6/2020 sửa đổi, bổ sung một số điều của Luật Xây dựng\n"
    "Nghị định số 15/2021/NĐ-CP ngày 03/3/2021 của Chính phủ quy định chi tiết một số nội dung "
    "về quản lý dự án đầu tư xây dựng"
)
ENTERPRISE_LAW = (
    "Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020\n"
    "Nghị định số 168/2025/NĐ-CP ngày 30/6/2025 của Chính phủ về đăng ký doanh nghiệp"
)
SOCIAL_LAW = (
    "Luật Người cao tuổi số 39/2009/QH12; Luật Người khuyết tật số 51/2010/QH12\n"
    "Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ quy định chính sách trợ giúp xã "
    "hội đối với đối tượng bảo trợ xã hội"
)
RESIDENCE_LAW = (
    "Luật Cư trú số 68/2020/QH14 ngày 13/11/2020\n"
    "Nghị định số 62/2021/NĐ-CP ngày 29/6/2021 của Chính phủ quy định chi tiết một số điều của "
    "Luật Cư trú"
)

# (words the name contains, the content), the first match wins: specific before general.
_RULES: tuple[tuple[tuple[str, ...], Content], ...] = (
    (
        ("lý lịch tư pháp",),
        Content(
            legal_basis=JUDICIAL_RECORD_LAW,
            result="Phiếu lý lịch tư pháp",
            requirements=(
                "Người yêu cầu cấp Phiếu lý lịch tư pháp số 2 không được ủy quyền cho người "
                "khác làm thủ tục."
            ),
            components=(
                _c(
                    "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)",
                    form="Mẫu số 03/2013/TT-LLTP",
                ),
                ID_COPY,
                _c(
                    "Bản chụp giấy tờ chứng minh nơi cư trú (trường hợp thông tin chưa có trong "
                    "Cơ sở dữ liệu quốc gia về dân cư)",
                    originals=0,
                    copies=1,
                    required=False,
                ),
                _c(
                    "Văn bản ủy quyền có chứng thực (trường hợp ủy quyền yêu cầu cấp Phiếu số 1)",
                    required=False,
                ),
            ),
        ),
    ),
    (
        ("đăng ký khai sinh",),
        Content(
            legal_basis=CIVIL_STATUS_LAW,
            result="Giấy khai sinh (bản chính) và bản sao Giấy khai sinh nếu có yêu cầu",
            requirements=(
                "Cha, mẹ hoặc người thân thích có trách nhiệm đăng ký khai sinh cho trẻ em trong "
                "thời hạn 60 ngày kể từ ngày sinh."
            ),
            components=(
                _c("Tờ khai đăng ký khai sinh (theo mẫu)", form="Tờ khai đăng ký khai sinh"),
                _c(
                    "Giấy chứng sinh; trường hợp không có thì văn bản của người làm chứng xác "
                    "nhận về việc sinh"
                ),
                _c(
                    "Giấy chứng nhận kết hôn của cha, mẹ (trường hợp cha, mẹ đã đăng ký kết hôn)",
                    originals=0,
                    copies=1,
                    required=False,
                ),
                ID_COPY,
                AUTHORISATION,
            ),
        ),
    ),
    (
        ("đăng ký kết hôn", "xác nhận tình trạng hôn nhân"),
        Content(
            legal_basis="Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014\n"
            + CIVIL_STATUS_LAW,
            result="Giấy chứng nhận kết hôn hoặc Giấy xác nhận tình trạng hôn nhân",
            requirements=(
                "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; việc kết hôn do hai bên tự nguyện; không "
                "thuộc các trường hợp cấm kết hôn theo Luật Hôn nhân và gia đình."
            ),
            components=(
                _c(
                    "Tờ khai đăng ký kết hôn hoặc Tờ khai cấp Giấy xác nhận tình trạng hôn nhân "
                    "(theo mẫu)",
                    form="Tờ khai đăng ký kết hôn",
                ),
                ID_COPY,
                _c(
                    "Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký kết hôn không tại nơi "
                    "thường trú)",
                    required=False,
                ),
                _c(
                    "Bản án, quyết định ly hôn đã có hiệu lực (trường hợp đã ly hôn)",
                    originals=0,
                    copies=1,
                    required=False,
                ),
            ),
        ),
    ),
    (
        ("khai tử",),
        Content(
            legal_basis=CIVIL_STATUS_LAW,
            result="Trích lục khai tử (bản chính)",
            requirements=(
                "Người thân thích của người chết có trách nhiệm đăng ký khai tử trong thời hạn "
                "15 ngày kể từ ngày có người chết."
            ),
            components=(
                _c("Tờ khai đăng ký khai tử (theo mẫu)", form="Tờ khai đăng ký khai tử"),
                _c("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"),
                ID_COPY,
                AUTHORISATION,
            ),
        ),
    ),
    (
        ("hộ tịch", "nhận cha, mẹ, con", "giám hộ", "trích lục"),
        Content(
            legal_basis=CIVIL_STATUS_LAW,
            result="Trích lục hộ tịch tương ứng với việc đăng ký",
            components=(
                _c("Tờ khai theo mẫu quy định (theo mẫu)", form="Tờ khai hộ tịch"),
                _c(
                    "Giấy tờ làm căn cứ cho việc đăng ký (chứng cứ chứng minh, văn bản của cơ "
                    "quan có thẩm quyền)",
                    originals=0,
                    copies=1,
                ),
                ID_COPY,
                AUTHORISATION,
            ),
        ),
    ),
    (
        ("chứng thực",),
        Content(
            legal_basis=CERTIFICATION_LAW,
            result="Bản sao, chữ ký hoặc hợp đồng, giao dịch được chứng thực",
            requirements=(
                "Bản chính giấy tờ không thuộc các trường hợp không được dùng làm cơ sở để chứng "
                "thực bản sao (điều 22 Nghị định số 23/2015/NĐ-CP)."
            ),
            steps=(
                "Bước 1: Người yêu cầu chứng thực xuất trình bản chính giấy tờ, văn bản (hoặc "
                "dự thảo hợp đồng, giao dịch) tại Bộ phận Một cửa.\n"
                "Bước 2: Người thực hiện chứng thực kiểm tra, đối chiếu; nếu đúng thì ghi lời "
                "chứng, ký, ghi rõ họ tên, đóng dấu và ghi vào sổ chứng thực.\n"
                "Bước 3: Người yêu cầu nộp phí và nhận kết quả ngay trong ngày (trường hợp tiếp "
                "nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)."
            ),
            components=(
                _c("Bản chính giấy tờ, văn bản hoặc dự thảo hợp đồng, giao dịch"),
                _c("Bản sao cần chứng thực", originals=0, copies=1),
                ID_COPY,
            ),
        ),
    ),
    (
        ("giấy phép xây dựng",),
        Content(
            legal_basis=CONSTRUCTION_LAW,
            result="Giấy phép xây dựng (hoặc giấy phép được điều chỉnh, gia hạn, cấp lại)",
            requirements=(
                "Công trình phù hợp với quy hoạch được duyệt, mục đích sử dụng đất, bảo đảm an "
                "toàn công trình và công trình lân cận (điều 91-93 Luật Xây dựng)."
            ),
            components=(
                _c(
                    "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định số "
                    "15/2021/NĐ-CP)",
                    form="Mẫu số 01 Phụ lục II NĐ 15/2021/NĐ-CP",
                ),
                _c(
                    "Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật "
                    "về đất đai",
                    originals=0,
                    copies=1,
                ),
                _c(
                    "Hai bộ bản vẽ thiết kế xây dựng: mặt bằng công trình trên lô đất, mặt bằng, "
                    "mặt cắt, mặt đứng chính, mặt bằng móng, sơ đồ đấu nối hạ tầng",
                    originals=2,
                ),
                _c(
                    "Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế (trường hợp "
                    "chưa có chứng chỉ năng lực)",
                    required=False,
                ),
                _c(
                    "Văn bản cam kết bảo đảm an toàn đối với công trình liền kề (công trình xây "
                    "chen có tầng hầm)",
                    required=False,
                ),
            ),
        ),
    ),
    (
        ("hộ kinh doanh",),
        Content(
            legal_basis=ENTERPRISE_LAW,
            result="Giấy chứng nhận đăng ký hộ kinh doanh hoặc thông báo về việc đăng ký",
            requirements=(
                "Ngành, nghề kinh doanh không bị cấm; tên hộ kinh doanh không trùng với tên hộ "
                "kinh doanh đã đăng ký trong phạm vi cấp huyện."
            ),
            components=(
                _c(
                    "Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)",
                    form="Giấy đề nghị đăng ký hộ kinh doanh",
                ),
                _c(
                    "Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh, thành viên "
                    "hộ gia đình đăng ký hộ kinh doanh",
                    originals=0,
                    copies=1,
                ),
                _c(
                    "Biên bản họp thành viên hộ gia đình về việc đăng ký hộ kinh doanh (trường "
                    "hợp các thành viên hộ gia đình cùng đăng ký)",
                    required=False,
                ),
                _c(
                    "Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ",
                    originals=0,
                    copies=1,
                    required=False,
                ),
            ),
        ),
    ),
    (
        (
            "đăng ký doanh nghiệp",
            "thành lập doanh nghiệp",
            "thành lập công ty",
            "giải thể doanh nghiệp",
            "chi nhánh, văn phòng đại diện",
        ),
        Content(
            legal_basis=ENTERPRISE_LAW,
            result="Giấy chứng nhận đăng ký doanh nghiệp hoặc xác nhận thay đổi nội dung đăng ký",
            requirements=(
                "Ngành, nghề kinh doanh không bị cấm đầu tư kinh doanh; tên doanh nghiệp đặt "
                "đúng quy định; hồ sơ hợp lệ; nộp đủ phí, lệ phí đăng ký doanh nghiệp."
            ),
            components=(
                _c(
                    "Giấy đề nghị đăng ký doanh nghiệp (theo mẫu)",
                    form="Giấy đề nghị đăng ký doanh nghiệp",
                ),
                _c("Điều lệ công ty (đối với công ty)", required=False),
                _c(
                    "Danh sách thành viên, cổ đông sáng lập, cổ đông là nhà đầu tư nước ngoài "
                    "(theo mẫu)",
                    required=False,
                ),
                _c(
                    "Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật "
                    "và các thành viên, cổ đông",
                    originals=0,
                    copies=1,
                ),
                AUTHORISATION,
            ),
        ),
    ),
    (
        (
            "đăng ký đất đai",
            "đăng ký biến động",
            "giấy chứng nhận quyền sử dụng đất",
            "tài sản gắn liền với đất lần đầu",
            "tách thửa",
            "hợp thửa",
        ),
        Content(
            legal_basis=LAND_LAW,
            result=LAND_CERTIFICATE + " hoặc xác nhận nội dung biến động trên Giấy chứng nhận",
            requirements=(
                "Đất không có tranh chấp, không bị kê biên để bảo đảm thi hành án, còn trong "
                "thời hạn sử dụng đất; người sử dụng đất đã hoàn thành nghĩa vụ tài chính."
            ),
            extra_steps=(
                "Trường hợp phải thực hiện nghĩa vụ tài chính, cơ quan thuế ra thông báo; thời "
                "gian người sử dụng đất thực hiện nghĩa vụ tài chính không tính vào thời hạn "
                "giải quyết.",
            ),
            components=(
                _c(
                    "Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK) hoặc Đơn đăng "
                    "ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)",
                    form="Mẫu số 04/ĐK, 11/ĐK",
                ),
                _c(
                    "Giấy chứng nhận đã cấp hoặc giấy tờ về quyền sử dụng đất (điều 137 Luật Đất "
                    "đai)"
                ),
                _c(
                    "Hợp đồng, văn bản về chuyển quyền sử dụng đất đã được công chứng, chứng thực "
                    "(trường hợp chuyển nhượng, tặng cho, thừa kế)",
                    required=False,
                ),
                _c(
                    "Tờ khai lệ phí trước bạ, tờ khai thuế thu nhập cá nhân (trường hợp phải nộp)",
                    required=False,
                ),
                _c("Mảnh trích đo địa chính thửa đất (nếu có)", required=False),
                AUTHORISATION,
            ),
        ),
    ),
    (
        ("cư trú", "thường trú", "tạm trú"),
        Content(
            legal_basis=RESIDENCE_LAW,
            result="Thông tin cư trú được cập nhật trong Cơ sở dữ liệu về cư trú",
            components=(
                _c(
                    "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
                    form="Mẫu CT01",
                ),
                _c("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", originals=0, copies=1),
                ID_COPY,
            ),
        ),
    ),
    (
        ("trợ cấp xã hội", "trợ giúp xã hội", "bảo trợ xã hội", "người khuyết tật"),
        Content(
            legal_basis=SOCIAL_LAW,
            result="Quyết định hưởng (hoặc điều chỉnh, thôi hưởng) trợ cấp xã hội hằng tháng",
            components=(
                _c("Tờ khai đề nghị trợ giúp xã hội (theo mẫu)", form="Mẫu số 1a, 1b, 1c, 1d"),
                _c(
                    "Giấy tờ chứng minh đối tượng (giấy xác nhận khuyết tật, giấy khai sinh…)",
                    originals=0,
                    copies=1,
                ),
                ID_COPY,
            ),
        ),
    ),
)

_LEVEL_DESK = {
    "province": "Trung tâm Phục vụ hành chính công tỉnh",
    "district": "Bộ phận Tiếp nhận và Trả kết quả của UBND cấp huyện",
    "commune": "Bộ phận Tiếp nhận và Trả kết quả của UBND cấp xã",
}
_LEVEL_DECIDER = {
    "province": "Lãnh đạo cơ quan giải quyết",
    "district": "Chủ tịch hoặc Phó Chủ tịch UBND cấp huyện",
    "commune": "Chủ tịch hoặc Phó Chủ tịch UBND cấp xã",
}
_ACTIONS = re.compile(
    r"^(Cấp lại|Cấp đổi|Cấp điều chỉnh|Cấp|Gia hạn|Điều chỉnh|Thu hồi|Công nhận lại|Công nhận|"
    r"Đăng ký lại|Đăng ký|Xác nhận|Thẩm định|Phê duyệt|Giải quyết|Thành lập|Cho phép)\s+"
)


def _days(procedure: Procedure) -> str:
    days = procedure.processing_days
    if days is None:
        return "theo từng trường hợp cụ thể"
    count = str(int(days)) if days == days.to_integral_value() else str(days).replace(".", ",")
    if days == Decimal("0.5"):
        return "trong ngày làm việc"
    unit = "ngày" if procedure.day_unit == "calendar" else "ngày làm việc"
    return f"{count} {unit} kể từ ngày nhận đủ hồ sơ hợp lệ"


def _methods(procedure: Procedure) -> str:
    lines = [f"- Nộp trực tiếp tại {_LEVEL_DESK[procedure.level]}."]
    if procedure.online_level != "none":
        portal = (
            "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc Hệ thống thông tin giải quyết "
            "thủ tục hành chính tỉnh"
            if procedure.national_portal
            else "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh"
        )
        kind = "toàn trình" if procedure.online_level == "full" else "một phần"
        lines.append(f"- Nộp trực tuyến ({kind}) qua {portal}.")
    lines.append("- Nộp qua dịch vụ bưu chính công ích.")
    lines.append(f"Thời hạn giải quyết: {_days(procedure)}.")
    if procedure.fee_vnd:
        lines.append(f"Phí, lệ phí: {procedure.fee_vnd:,} đồng.".replace(",", "."))
    else:
        lines.append("Phí, lệ phí: không.")
    return "\n".join(lines)


def _steps(procedure: Procedure, extra: tuple[str, ...]) -> str:
    desk = _LEVEL_DESK[procedure.level]
    steps = [
        f"Tổ chức, cá nhân chuẩn bị hồ sơ và nộp tại {desk}, trực tuyến hoặc qua bưu chính.",
        "Công chức tiếp nhận kiểm tra hồ sơ: hồ sơ đầy đủ thì lập Giấy tiếp nhận hồ sơ và hẹn "
        "trả kết quả (Mẫu 01); chưa đầy đủ thì hướng dẫn bổ sung một lần (Mẫu 02); không thuộc "
        "thẩm quyền hoặc không đủ điều kiện thì từ chối (Mẫu 03).",
        "Cơ quan có thẩm quyền thẩm định hồ sơ, trình "
        f"{_LEVEL_DECIDER[procedure.level]} quyết định.",
        *extra,
        "Trả kết quả tại nơi nộp hồ sơ, qua bưu chính hoặc trực tuyến theo yêu cầu.",
    ]
    return "\n".join(f"Bước {i}: {step}" for i, step in enumerate(steps, 1))


# The law of a field, for the procedures of that field not written one by one.
_FIELD_LAWS = {
    "Đất đai": LAND_LAW,
    "Hộ tịch": CIVIL_STATUS_LAW,
    "Chứng thực": CERTIFICATION_LAW,
    "Lý lịch tư pháp": JUDICIAL_RECORD_LAW,
    "Hoạt động xây dựng": CONSTRUCTION_LAW,
    "Xây dựng": CONSTRUCTION_LAW,
    "Thành lập và hoạt động doanh nghiệp": ENTERPRISE_LAW,
    "Thành lập và hoạt động của hộ kinh doanh": ENTERPRISE_LAW,
    "Bảo trợ xã hội": SOCIAL_LAW,
    "Người có công": (
        "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14 ngày 09/12/2020\n"
        "Nghị định số 131/2021/NĐ-CP ngày 30/12/2021 của Chính phủ quy định chi tiết và biện "
        "pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng"
    ),
    "Đường thủy nội địa": (
        "Luật Giao thông đường thủy nội địa số 23/2004/QH11\n"
        "Luật số 48/2014/QH13 sửa đổi, bổ sung một số điều của Luật Giao thông đường thủy nội địa"
    ),
    "Văn hóa cơ sở": (
        "Nghị định số 86/2023/NĐ-CP ngày 07/12/2023 của Chính phủ quy định về khung tiêu chuẩn "
        "và trình tự, thủ tục, hồ sơ xét tặng danh hiệu «Gia đình văn hóa»; «Thôn, tổ dân phố "
        "văn hóa»; «Xã, phường, thị trấn tiêu biểu»"
    ),
    "Giải quyết khiếu nại, tố cáo": (
        "Luật Khiếu nại số 02/2011/QH13\nLuật Tố cáo số 25/2018/QH14\n"
        "Luật Tiếp công dân số 42/2013/QH13"
    ),
    "Thể dục thể thao": (
        "Luật Thể dục, thể thao số 77/2006/QH11\n"
        "Luật số 26/2018/QH14 sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao\n"
        "Nghị định số 36/2019/NĐ-CP ngày 29/4/2019 của Chính phủ quy định chi tiết một số điều "
        "của Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao"
    ),
    "Tổ chức phi chính phủ": (
        "Nghị định số 45/2010/NĐ-CP ngày 21/4/2010 của Chính phủ quy định về tổ chức, hoạt động "
        "và quản lý hội\n"
        "Nghị định số 93/2019/NĐ-CP ngày 25/11/2019 của Chính phủ về tổ chức, hoạt động của quỹ "
        "xã hội, quỹ từ thiện"
    ),
    "Tôn giáo": "Luật Tín ngưỡng, tôn giáo số 02/2016/QH14\n"
    "Nghị định số 95/2023/NĐ-CP ngày 29/12/2023 của Chính phủ quy định chi tiết Luật Tín "
    "ngưỡng, tôn giáo",
    "Tín ngưỡng, tôn giáo": "Luật Tín ngưỡng, tôn giáo số 02/2016/QH14\n"
    "Nghị định số 95/2023/NĐ-CP ngày 29/12/2023 của Chính phủ quy định chi tiết Luật Tín "
    "ngưỡng, tôn giáo",
    "Quy hoạch xây dựng, kiến trúc": CONSTRUCTION_LAW + "\nLuật Kiến trúc số 40/2019/QH14",
    "Khám bệnh, chữa bệnh": (
        "Luật Khám bệnh, chữa bệnh số 15/2023/QH15\n"
        "Nghị định số 96/2023/NĐ-CP ngày 30/12/2023 của Chính phủ quy định chi tiết một số điều "
        "của Luật Khám bệnh, chữa bệnh"
    ),
    "An toàn thực phẩm": (
        "Luật An toàn thực phẩm số 55/2010/QH12\n"
        "Nghị định số 15/2018/NĐ-CP ngày 02/02/2018 của Chính phủ quy định chi tiết thi hành một "
        "số điều của Luật An toàn thực phẩm"
    ),
    "Giám định tư pháp": (
        "Luật Giám định tư pháp số 13/2012/QH13\n"
        "Luật số 56/2020/QH14 sửa đổi, bổ sung một số điều của Luật Giám định tư pháp"
    ),
    "Nghĩa vụ quân sự": "Luật Nghĩa vụ quân sự số 78/2015/QH13",
    "Thư viện": (
        "Luật Thư viện số 46/2019/QH14\n"
        "Nghị định số 93/2020/NĐ-CP ngày 18/8/2020 của Chính phủ quy định chi tiết một số điều "
        "của Luật Thư viện"
    ),
    "Giáo dục và Đào tạo": (
        "Luật Giáo dục số 43/2019/QH14\n"
        "Nghị định số 125/2024/NĐ-CP ngày 05/10/2024 của Chính phủ quy định về điều kiện đầu tư "
        "và hoạt động trong lĩnh vực giáo dục"
    ),
    "Thi đua, khen thưởng": (
        "Luật Thi đua, khen thưởng số 06/2022/QH15\n"
        "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng"
    ),
    "Lưu thông hàng hóa trong nước": "Luật Thương mại số 36/2005/QH11",
    "Trẻ em": (
        "Luật Trẻ em số 102/2016/QH13\n"
        "Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ quy định chi tiết một số điều "
        "của Luật Trẻ em"
    ),
    "Thành lập và hoạt động của hợp tác xã": "Luật Hợp tác xã số 17/2023/QH15",
    "Lâm nghiệp": "Luật Lâm nghiệp số 16/2017/QH14",
    "Du lịch": "Luật Du lịch số 09/2017/QH14",
    "Thủy lợi": (
        "Luật Thủy lợi số 08/2017/QH14\n"
        "Nghị định số 114/2018/NĐ-CP ngày 04/9/2018 của Chính phủ về quản lý an toàn đập, hồ "
        "chứa nước"
    ),
    "Tài nguyên nước": "Luật Tài nguyên nước số 28/2023/QH15",
    "Tư vấn pháp luật": (
        "Nghị định số 77/2008/NĐ-CP ngày 16/7/2008 của Chính phủ về tư vấn pháp luật"
    ),
    "Hòa giải ở cơ sở": "Luật Hòa giải ở cơ sở số 35/2013/QH13",
    "Công chứng": "Luật Công chứng số 46/2024/QH15",
}


def _generic(procedure: Procedure) -> Content:
    """Sensible content from the name alone, for the procedures not written one by one."""
    name = procedure.name
    match = _ACTIONS.match(name)
    subject = name[match.end() :] if match else name[0].lower() + name[1:]
    if name.startswith(("Cấp", "Gia hạn")):
        result = subject[0].upper() + subject[1:]
    else:
        result = f"Văn bản giải quyết thủ tục {name[0].lower() + name[1:]}"
    request = f"Đơn (tờ khai) đề nghị {name[0].lower() + name[1:]} (theo mẫu)"
    components: list[Component] = [_c(request, form="Mẫu đơn, tờ khai")]
    components.append(
        _c(
            "Giấy tờ, tài liệu chứng minh đủ điều kiện theo quy định của pháp luật chuyên ngành",
            originals=0,
            copies=1,
        )
    )
    if procedure.level != "province" or "cá nhân" in name:
        components.append(ID_COPY)
    components.append(AUTHORISATION)
    laws = [_FIELD_LAWS[procedure.field]] if procedure.field in _FIELD_LAWS else []
    if procedure.decision_number:
        laws.append(
            f"Quyết định số {procedure.decision_number} của Chủ tịch UBND tỉnh công bố danh mục "
            f"thủ tục hành chính lĩnh vực {procedure.field}"
        )
    legal = "\n".join([*laws, ONE_STOP_DECREES])
    return Content(legal_basis=legal, result=result, components=tuple(components))


def is_written(name: str) -> bool:
    """Whether the procedure ``name`` has content written from its law (not ``_generic``):
    the procedures a province's desks handle most (certification, civil status, land,
    construction, business, social support)."""
    lowered = name.lower()
    return any(any(word in lowered for word in words) for words, _content in _RULES)


def content_for(procedure: Procedure) -> Content:
    name = procedure.name.lower()
    for words, content in _RULES:
        if any(word in name for word in words):
            return content
    return _generic(procedure)


def write_content(procedures: list[Procedure]) -> None:
    """Fill in the texts and components of every procedure."""
    for procedure in procedures:
        content = content_for(procedure)
        procedure.steps = content.steps or _steps(procedure, content.extra_steps)
        procedure.submission_methods = _methods(procedure)
        procedure.requirements = content.requirements
        procedure.legal_basis = content.legal_basis
        procedure.result = content.result
        procedure.components = list(content.components)
