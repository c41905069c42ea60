"""Roles of lifecycle.md and the actions each may perform, declared in one table.

Views and API endpoints name the action they perform (``catalog.manage``); whether a user may do
it is answered here and nowhere else.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    INTAKE_OFFICER = "intake_officer", _("Cán bộ một cửa")
    HANDLER = "handler", _("Chuyên viên xử lý")
    APPROVER = "approver", _("Lãnh đạo phê duyệt")
    CONTROLLER = "controller", _("Cán bộ kiểm soát TTHC")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")
    EDITOR = "editor", _("Biên tập sổ tay CCHC")


R = Role
ACTIONS: dict[str, frozenset[str]] = {
    # Catalog: the provincial office (controller) keeps it; administrators too.
    "catalog.view_private": frozenset(
        {R.INTAKE_OFFICER, R.HANDLER, R.APPROVER, R.CONTROLLER, R.ADMINISTRATOR}
    ),
    "catalog.manage": frozenset({R.CONTROLLER, R.ADMINISTRATOR}),
    "decision.manage": frozenset({R.CONTROLLER, R.ADMINISTRATOR}),
    "shortening.manage": frozenset({R.CONTROLLER, R.ADMINISTRATOR}),
    "report.view": frozenset({R.CONTROLLER, R.ADMINISTRATOR, R.APPROVER}),
    # The dashboard of one's own agency (and those below it): every officer of a dossier role.
    "report.agency": frozenset(
        {R.INTAKE_OFFICER, R.HANDLER, R.APPROVER, R.CONTROLLER, R.ADMINISTRATOR}
    ),
    # Dossiers: the desk's pages, and the work list and dossier pages. The controller sees the
    # whole province read-only (the transition table gives that role no action).
    "dossier.desk": frozenset({R.INTAKE_OFFICER}),
    "dossier.work": frozenset({R.INTAKE_OFFICER, R.HANDLER, R.APPROVER, R.CONTROLLER}),
    # Seeing every agency's dossiers and records, not only one's own agency and those below it.
    "dossier.view_all": frozenset({R.CONTROLLER, R.ADMINISTRATOR}),
    "agency.view_all": frozenset({R.CONTROLLER, R.ADMINISTRATOR}),
    # Feedback (PAKN): the provincial office handles every item, an agency's handler and leader
    # those assigned to it (feedback/authz.py answers for each step).
    "feedback.work": frozenset({R.HANDLER, R.APPROVER, R.CONTROLLER}),
    "feedback.view_all": frozenset({R.CONTROLLER}),
    "agency.manage": frozenset({R.ADMINISTRATOR}),
    "calendar.manage": frozenset({R.ADMINISTRATOR}),
    "user.manage": frozenset({R.ADMINISTRATOR}),
    "interchange.run": frozenset({R.ADMINISTRATOR}),
    # Inspections (issue #11): the provincial office plans, records and accepts; the inspected
    # agency's officers report on its recommendations (scoped by inspections/authz.py).
    "inspection.manage": frozenset({R.CONTROLLER}),
    "inspection.respond": frozenset({R.INTAKE_OFFICER, R.HANDLER, R.APPROVER}),
    # The electronic handbook of administrative reform: its editors keep it (docs/handbook.md).
    "handbook.manage": frozenset({R.EDITOR}),
}


def can(user, action: str) -> bool:
    """Whether ``user`` may perform ``action``. Unknown actions are a programming error."""
    allowed = ACTIONS[action]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.role in allowed


def role_can(role: str, action: str) -> bool:
    """Whether the role ``role`` is given ``action`` (for a user not yet saved: an import)."""
    return role in ACTIONS[action]
