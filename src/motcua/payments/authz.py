"""Who may do what with payments: the one authorisation module of this app.

- Starting an online payment is the applicant's, on their own dossier (proven by the lookup or
  their signed-in account, checked by the page), while it awaits payment.
- Recording a refund is the settling agency's: its approvers (the leader) and handlers, of the
  dossier's agency or one above it.
- Seeing a dossier's payments and downloading its receipts: any officer who may see the dossier
  (``dossiers_visible_to``).
"""

from __future__ import annotations

from motcua.accounts.roles import Role
from motcua.agencies.selectors import agency_descendant_ids
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossiers_visible_to
from motcua.utils.errors import DomainError

REFUNDERS = frozenset({Role.APPROVER, Role.HANDLER})


def may_see(user, dossier: Dossier) -> bool:
    return dossiers_visible_to(user).filter(pk=dossier.pk).exists()


def may_refund(user, dossier: Dossier) -> bool:
    if getattr(user, "role", "") not in REFUNDERS or not getattr(user, "agency_id", None):
        return False
    return dossier.agency_id in agency_descendant_ids(user.agency)


def check_refund(user, dossier: Dossier) -> None:
    if not may_refund(user, dossier):
        raise DomainError(
            "Chỉ lãnh đạo và chuyên viên của cơ quan giải quyết được ghi nhận hoàn tiền.",
            "Only approvers and handlers of the settling agency may record a refund.",
            code="permission_denied",
            status_code=403,
        )
