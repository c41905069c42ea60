"""The English interface.

Pages follow the reader's language (the switcher's cookie, else the browser's Accept-Language),
Vietnamese stays the default, numbers and dates keep the Vietnamese format in both languages,
and the English catalog (locale/en/LC_MESSAGES/django.po and its compiled .mo) translates every
string of the source. When a check on the catalog fails, docs/i18n.md says how to fix it.
"""

import ast
import gettext
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

PACKAGE_DIR = Path(__file__).resolve().parents[2]
PO_PATH = PACKAGE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
# The same exclusions as the makemessages command in docs/i18n.md.
MAKEMESSAGES_IGNORE = ["tests", "testing", "conftest.py"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
HELP = "see docs/i18n.md: makemessages, translate, compilemessages"


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_catalog_in_english_when_the_browser_asks(client, province, catalog):
    html = client.get(reverse("catalog"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,vi;q=0.5").content
    html = html.decode()

    assert '<html lang="en">' in html
    for english in [
        "<h1>Search administrative procedures</h1>",
        ">Keywords</label>",
        ">Search</button>",
        "3 procedures found",
        "Administrative Procedures System of Bình Thuận Province",
        "Dossier lookup",
    ]:
        assert english in html
    for vietnamese in [
        "Tra cứu thủ tục hành chính",
        "Từ khóa",
        "Tìm kiếm",
        "Tìm thấy 3 thủ tục",
        "Hệ thống giải quyết TTHC",
        "Tra cứu hồ sơ",
    ]:
        assert vietnamese not in html


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language", [None, "vi", "fr-FR,fr;q=0.9", "de"])
def test_vietnamese_is_the_default(client, province, catalog, accept_language):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    html = client.get(reverse("catalog"), **headers).content.decode()

    assert '<html lang="vi">' in html
    assert "<h1>Tra cứu thủ tục hành chính</h1>" in html
    assert "Tìm thấy 3 thủ tục" in html
    assert "Search administrative procedures" not in html


@pytest.mark.django_db
def test_language_switcher_sets_the_language_cookie(client, settings, province, catalog):
    html = client.get(reverse("catalog")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    # Django spells "Tiếng Việt" decomposed (e + combining marks): compare composed forms.
    assert '<option value="vi" lang="vi" selected>Tiếng Việt</option>' in unicodedata.normalize(
        "NFC", html
    )

    response = client.post(reverse("set_language"), {"language": "en", "next": "/?q=dat"})
    assert response.status_code == 302
    assert response["Location"] == "/?q=dat"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(reverse("catalog")).content.decode()
    assert "<h1>Search administrative procedures</h1>" in html
    # Each language named in its own language, the current one selected.
    assert '<option value="vi" lang="vi">Tiếng Việt</option>' in unicodedata.normalize("NFC", html)
    assert '<option value="en" lang="en" selected>English</option>' in html

    # The chosen language wins over the browser's.
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "vi"
    html = client.get(reverse("catalog"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Tra cứu thủ tục hành chính</h1>" in html


@pytest.mark.django_db
def test_language_outside_settings_languages_falls_back_to_vietnamese(client, province, catalog):
    # Django itself has French: the switcher stores it, but pages only use LANGUAGES.
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    html = client.get(reverse("catalog"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="vi">' in html
    assert "<h1>Tra cứu thủ tục hành chính</h1>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # Labels and choices in English; numbers and dates in the Vietnamese format.
        (
            "land",
            [
                "<dt>Procedure code</dt>",
                "<dt>Processing time limit</dt><dd>15 working days</dd>",
                "<dt>Fees and charges</dt><dd>50.000 VND</dd>",
                "<dd>Province level</dd>",
                "<dd>Partial</dd>",
                "Decision No. 123/QĐ-UBND of 05/03/2024",
                "Submit a dossier online",
            ],
        ),
        (
            "birth",
            [
                "<dd>0,5 working days</dd>",
                "<dd>Free of charge</dd>",
                "<dd>Commune People&#x27;s Committee</dd>",
            ],
        ),
    ],
)
def test_procedure_page_in_english(client, catalog, key, expected):
    response = client.get(
        reverse("procedure-detail", args=[catalog[key].code]), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = re.sub(r">\s+<", "><", response.content.decode())
    for text in expected:
        assert text in html
    assert "ngày làm việc" not in html
    assert "Thông tin chung" not in html


# --- the catalog of translations ---------------------------------------------------------------


@dataclass
class PoEntry:
    line: int = 0
    msgid: str | None = None
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    def __str__(self) -> str:
        context = f" [{self.msgctxt}]" if self.msgctxt else ""
        return f"line {self.line}: {self.msgid!r}{context}"


def read_po(path: Path) -> list[PoEntry]:
    """Every live entry of a .po file, the header (msgid "") first; obsolete ``#~`` entries are
    comments here. Just enough of the format for the checks below, so that the tests need
    neither gettext nor polib."""
    entries: list[PoEntry] = []
    entry = PoEntry()
    target: tuple[str, int] = ("msgid", 0)  # the field that continuation lines extend
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            if entry.msgid is not None:
                entries.append(entry)
            entry = PoEntry()
            continue
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if not line.startswith('"'):
            keyword, _, line = line.partition(" ")
            if keyword.startswith("msgstr["):
                target = ("msgstr", int(keyword[7:-1]))
            elif keyword in {"msgid", "msgid_plural", "msgctxt", "msgstr"}:
                target = (keyword, 0)
            else:
                raise ValueError(f"{path}:{number}: cannot read {raw!r}")
            entry.line = entry.line or number
        text = ast.literal_eval(line)  # PO strings escape like Python's: \n, \", \\
        name, index = target
        if name == "msgstr":
            entry.msgstrs += [""] * (index + 1 - len(entry.msgstrs))
            entry.msgstrs[index] += text
        else:
            setattr(entry, name, (getattr(entry, name) or "") + text)
    if entry.msgid is not None:
        entries.append(entry)
    return entries


def read_translations(path: Path) -> list[PoEntry]:
    return [entry for entry in read_po(path) if entry.msgid]


def read_header(path: Path) -> dict[str, str]:
    header = next(entry for entry in read_po(path) if entry.msgid == "")
    pairs = (line.partition(":") for line in header.msgstrs[0].splitlines())
    return {key.strip(): value.strip() for key, _, value in pairs}


def problems(entries: list[PoEntry]) -> list[str]:
    """Entries that would show Vietnamese (or a wrong guess) to an English reader."""
    found = []
    for entry in entries:
        expected_forms = 2 if entry.msgid_plural else 1
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy {entry}")
        elif len(entry.msgstrs) != expected_forms or not all(entry.msgstrs):
            found.append(f"untranslated {entry}")
    return found


def test_catalog_is_for_english_with_two_plural_forms():
    header = read_header(PO_PATH)
    assert header["Language"] == "en"
    assert header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert header["Content-Type"] == "text/plain; charset=UTF-8"


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = read_translations(PO_PATH)
    assert len(entries) > 500  # the parser read the file, not a fragment of it
    assert problems(entries) == [], HELP


def test_translations_keep_their_placeholders():
    wrong = [
        f"{entry}: {msgstr!r}"
        for entry in read_translations(PO_PATH)
        for msgstr in entry.msgstrs
        if sorted(PLACEHOLDER.findall(msgstr)) != sorted(PLACEHOLDER.findall(entry.msgid))
    ]
    assert wrong == []


def test_compiled_catalog_matches_the_po_file():
    """The runtime reads only the .mo: it must be compiled from the current .po."""
    with MO_PATH.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in read_translations(PO_PATH):
        if entry.msgid_plural:
            got = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        elif entry.msgctxt:
            got = [compiled.pgettext(entry.msgctxt, entry.msgid)]
        else:
            got = [compiled.gettext(entry.msgid)]
        if got != entry.msgstrs:
            stale.append(str(entry))
    assert stale == [], f"django.mo is out of date: run compilemessages ({HELP})"


@pytest.mark.parametrize(
    ("po_text", "expected"),
    [
        ('msgid "a"\nmsgstr "b"\n', []),
        ('msgid "a"\nmsgstr ""\n', ["untranslated line 1: 'a'"]),
        (
            '#, fuzzy, python-format\nmsgid "a %(x)s"\nmsgstr "b %(x)s"\n',
            ["fuzzy line 2: 'a %(x)s'"],
        ),
        ('msgid ""\n"a"\n"b"\nmsgstr ""\n"c"\n', []),
        (
            'msgid "%(n)s bộ"\nmsgid_plural "%(n)s bộ"\nmsgstr[0] "%(n)s set"\nmsgstr[1] ""\n',
            ["untranslated line 1: '%(n)s bộ'"],
        ),
        ('#~ msgid "old"\n#~ msgstr ""\n', []),
    ],
)
def test_problems_found_by_the_po_reader(tmp_path, po_text, expected):
    path = tmp_path / "django.po"
    path.write_text(po_text, encoding="utf-8")
    assert problems(read_translations(path)) == expected


needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs GNU gettext (apt-get install gettext)"
)


def problems_after_makemessages(tmp_path: Path, settings, extra: dict[str, str]) -> list[str]:
    """makemessages (as in docs/i18n.md) on a copy of the package, plus ``extra`` files."""
    copy = tmp_path / "motcua"
    shutil.copytree(
        PACKAGE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*MAKEMESSAGES_IGNORE, "__pycache__", "*.mo"),
    )
    for name, text in extra.items():
        (copy / name).write_text(text, encoding="utf-8")
    settings.LOCALE_PATHS = [copy / "locale"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        call_command(
            "makemessages",
            locale=["en"],
            no_obsolete=True,
            ignore_patterns=MAKEMESSAGES_IGNORE,
            verbosity=0,
        )
    return problems(read_translations(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))


@needs_gettext
def test_every_string_of_the_source_is_translated(tmp_path, settings):
    """A string marked for translation after the last update of django.po shows up here as
    untranslated (or fuzzy, when gettext guessed its translation from a similar one)."""
    assert problems_after_makemessages(tmp_path, settings, extra={}) == [], HELP


@needs_gettext
def test_a_new_string_without_translation_is_reported(tmp_path, settings):
    probe = 'from django.utils.translation import gettext as _\n\n_("Chuỗi mới chưa dịch")\n'
    found = problems_after_makemessages(tmp_path, settings, extra={"i18n_probe.py": probe})
    assert len(found) == 1
    assert re.fullmatch(r"(untranslated|fuzzy) line \d+: 'Chuỗi mới chưa dịch'", found[0])
