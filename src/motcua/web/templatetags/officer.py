"""Template helpers for officer pages."""

from django import template

from motcua.accounts.roles import can as role_can

register = template.Library()


@register.filter
def can(user, action: str) -> bool:
    """``{% if user|can:"catalog.manage" %}``: the role table decides, never the role name."""
    return role_can(user, action)
