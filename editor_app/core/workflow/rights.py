"""Rights checks the core services share, read from the one table in
:mod:`editor_app.core.workflow.statuses`: each raises :class:`PermissionDenied` with a
bilingual message saying who was refused, in which status, and who may."""

from __future__ import annotations

from editor_app.core.errors import PermissionDenied
from editor_app.core.profiles import Actor, Role
from editor_app.core.workflow.statuses import EDIT_RIGHTS, Status

__all__ = ["known_status", "require_edit", "role_names"]


def known_status(status: Status | str) -> Status:
    """``status`` as a :class:`Status` (an unknown one from an older build reads as draft,
    as in :func:`~editor_app.core.workflow.statuses.may_edit`)."""
    try:
        return Status(status)
    except ValueError:
        return Status.DRAFT


def role_names(roles: frozenset[Role]) -> str:
    """The roles' bilingual labels, least rights first."""
    order = list(Role)
    return ", ".join(r.label for r in sorted(roles, key=order.index))


def require_edit(actor: Actor, status: Status | str, what: str = "") -> None:
    """Refuse unless ``actor`` may change the text of a story in ``status``."""
    state = known_status(status)
    allowed = EDIT_RIGHTS[state]
    if actor.role in allowed:
        return
    subject = f" ({what})" if what else ""
    raise PermissionDenied(
        f"{actor.name} ({actor.role.label}) “{state.label}” स्थिति में लेख नहीं बदल सकते"
        f"{subject}; बदल सकते हैं: {role_names(allowed)} — {actor.name} may not edit a story "
        f"that is {state.value}")
