"""Searches match Vietnamese with or without diacritics, in the database (run on SQLite and
on PostgreSQL: DATABASE_URL)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.handbook.models import Document
from motcua.handbook.selectors import document_search, question_search
from motcua.handbook.services import (
    document_save,
    question_answer,
    question_ask,
    question_category_ensure,
)

pytestmark = pytest.mark.django_db


def _published(title: str, answer: str):
    question = question_ask(title=title, asked_at=timezone.now())
    return question_answer(question=question, answer=answer, answered_at=timezone.now())


@pytest.fixture
def questions():
    land = _published("Thủ tục đất đai nộp ở đâu?", "Tại Bộ phận Một cửa cấp huyện.")
    other = _published("Đăng ký kết hôn cần giấy tờ gì?", "Tờ khai và giấy tờ tùy thân.")
    hidden = question_ask(title="Thủ tục đất đai có mất phí không?", asked_at=timezone.now())
    return land, other, hidden


@pytest.mark.parametrize(
    "query",
    ["thu tuc dat dai", "thủ tục đất đai", "THỦ TỤC ĐẤT ĐAI", "Thu Tuc  DAT dai", "dat dai"],
)
def test_question_search_with_or_without_diacritics(questions, query):
    land, _other, _hidden = questions
    assert list(question_search(query=query)) == [land]


def test_question_search_matches_the_answer_too_and_every_word(questions):
    land, other, _hidden = questions
    assert list(question_search(query="mot cua")) == [land]
    assert list(question_search(query="giay to")) == [other]
    assert list(question_search(query="dat dai ket hon")) == []
    assert set(question_search(query="")) == {land, other}


def test_unanswered_questions_are_not_found(questions):
    _land, _other, hidden = questions
    assert hidden not in question_search(query="mat phi")


def test_category_filter(questions):
    land, _other, _hidden = questions
    category = question_category_ensure(name="Thủ tục đất đai")
    question_answer(
        question=land, answer=land.answer, answered_at=timezone.now(), category=category
    )
    assert list(question_search(category_id=category.pk)) == [land]


def test_the_page_searches_without_diacritics(client, questions):
    response = client.get(reverse("handbook-questions"), {"q": "thu tuc dat dai"})
    html = response.content.decode()
    assert "Thủ tục đất đai nộp ở đâu?" in html
    assert "Đăng ký kết hôn" not in html
    assert "có mất phí" not in html


def test_document_search_by_number_and_words_without_diacritics():
    values = {
        "number": "76/NQ-CP",
        "issued_on": dt.date(2021, 7, 15),
        "issuer": "Chính phủ",
        "level": "central",
        "kind": "resolution",
        "title": "Ban hành Chương trình tổng thể cải cách hành chính nhà nước",
        "summary": "",
        "status": "in_force",
    }
    resolution = document_save(values=values)
    decree = document_save(
        values={**values, "number": "61/2018/NĐ-CP", "kind": "decree", "title": "Cơ chế một cửa"}
    )
    assert list(document_search(query="chuong trinh tong the")) == [resolution]
    assert list(document_search(query="61/2018/nđ-cp")) == [decree]
    assert list(document_search(query="61/2018/nd-cp")) == [decree]
    assert list(document_search(query="co che mot cua", year=2021, kind="decree")) == [decree]
    assert list(document_search(year=2020)) == []
    assert Document.objects.get(pk=decree.pk).search_text.startswith("61/2018/nd-cp")
