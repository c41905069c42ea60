"""Feedback for tests, with named states: ``processed``, ``published``."""

import datetime as dt

import factory

from motcua.feedback.models import Feedback, FeedbackKind, FeedbackState
from motcua.interchange.parsing import LOCAL_TZ


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    code = factory.Sequence(lambda n: f"PAKN-T-{n:05d}")
    kind = FeedbackKind.REGULATION
    received_at = dt.datetime(2024, 3, 5, 8, 15, tzinfo=LOCAL_TZ)
    state = factory.LazyAttribute(
        lambda o: FeedbackState.PROCESSED if o.processed_at else FeedbackState.RECEIVED
    )
    processed_at = None
    published_at = None

    class Params:
        processed = factory.Trait(
            processed_at=factory.LazyAttribute(lambda o: o.received_at + dt.timedelta(days=10))
        )
        published = factory.Trait(
            processed=True,
            published_at=factory.LazyAttribute(lambda o: o.processed_at + dt.timedelta(days=1)),
        )
