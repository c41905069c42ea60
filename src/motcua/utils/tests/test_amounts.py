import pytest

from motcua.utils.amounts import vnd_in_words, words_of


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (105, "một trăm lẻ năm"),
        (110, "một trăm mười"),
        (1_000, "một nghìn"),
        (1_005, "một nghìn không trăm lẻ năm"),
        (50_000, "năm mươi nghìn"),
        (350_000, "ba trăm năm mươi nghìn"),
        (1_250_000, "một triệu hai trăm năm mươi nghìn"),
        (2_000_500, "hai triệu năm trăm"),
        (1_000_000_000, "một tỷ"),
        (3_000_000_021, "ba tỷ không trăm hai mươi mốt"),
        (1_000_000_000_000, "một nghìn tỷ"),
    ],
)
def test_words(n, words):
    assert words_of(n) == words


def test_with_the_currency_capitalised():
    assert vnd_in_words(350_000) == "Ba trăm năm mươi nghìn đồng"


def test_negative_is_refused():
    with pytest.raises(ValueError):
        words_of(-1)
