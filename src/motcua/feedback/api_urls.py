from django.urls import path

from motcua.feedback import api

urlpatterns = [
    path("", api.FeedbackList.as_view(), name="api-feedback-list"),
    path("<str:code>/", api.FeedbackDetail.as_view(), name="api-feedback"),
    *[
        path(
            f"<str:code>/{action.value.replace('_', '-')}/",
            view.as_view(),
            name=f"api-feedback-{action.value}",
        )
        for action, view in api.ACTIONS.items()
    ],
]

public_urlpatterns = [
    path("", api.PublicSend.as_view(), name="api-public-feedback"),
    path("published/", api.PublicPublished.as_view(), name="api-public-feedback-published"),
    path("<str:code>/lookup/", api.PublicLookup.as_view(), name="api-public-feedback-lookup"),
    path("<str:code>/info/", api.PublicReply.as_view(), name="api-public-feedback-info"),
    path("<str:code>/rating/", api.PublicRate.as_view(), name="api-public-feedback-rating"),
]
