"""Statuses and transitions as one typed table: the single place that says who may move a
story from which status to which, and who may edit its text in each status.

GUI, CLI and tests all read :data:`TRANSITIONS`, :func:`move` and :func:`may_edit`; nothing
else encodes the rules. The service that performs a move (audit event, approval gate,
tracked changes) lives beside this module and asks this table first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from editor_app.core.profiles import Role

__all__ = ["DESK", "EDIT_RIGHTS", "TRANSITIONS", "WXR_STATUSES", "Status", "Transition",
           "imported_status", "may_edit", "move", "moves_from"]


class Status(StrEnum):
    """Where a story is in the desk's cycle."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_COPY_EDIT = "in_copy_edit"
    RETURNED = "returned"
    APPROVED = "approved"
    EXPORTED = "exported"
    SPIKED = "spiked"

    @property
    def label(self) -> str:
        """Bilingual label for lists, menus and messages."""
        return _LABELS[self]


_LABELS = {
    Status.DRAFT: "मसौदा (Draft)",
    Status.SUBMITTED: "जमा (Submitted)",
    Status.IN_COPY_EDIT: "संपादन में (In copy edit)",
    Status.RETURNED: "संवाददाता को लौटाया (Returned)",
    Status.APPROVED: "स्वीकृत (Approved)",
    Status.EXPORTED: "प्रकाशन हेतु भेजा (Exported)",
    Status.SPIKED: "रद्द (Spiked)",
}

REPORTER, COPY_EDITOR, DESK_CHIEF, ADMIN = (Role.REPORTER, Role.COPY_EDITOR, Role.DESK_CHIEF,
                                            Role.ADMIN)
#: The desk chief and the administrator: may do everything a desk chief may.
DESK = frozenset({DESK_CHIEF, ADMIN})


@dataclass(frozen=True, slots=True)
class Transition:
    """One allowed move. ``action`` names it for menus, the CLI and the audit log;
    ``needs_note`` means the move is refused without a note (returning a story says why,
    spiking gives the reason); ``gated`` moves pass the approval gate first."""

    source: Status
    target: Status
    roles: frozenset[Role]
    action: str
    label: str
    needs_note: bool = False
    gated: bool = False


def _t(source: Status, target: Status, roles: frozenset[Role], action: str, label: str,
       **flags: bool) -> Transition:
    return Transition(source, target, roles, action, label, **flags)


_EDITORS = frozenset({COPY_EDITOR}) | DESK
_WRITERS = frozenset({REPORTER}) | DESK
_LIVE = (Status.DRAFT, Status.SUBMITTED, Status.IN_COPY_EDIT, Status.RETURNED,
         Status.APPROVED, Status.EXPORTED)

#: Every allowed move; anything not listed is refused.
TRANSITIONS: tuple[Transition, ...] = (
    _t(Status.DRAFT, Status.SUBMITTED, _WRITERS, "submit", "जमा करें (Submit)"),
    _t(Status.SUBMITTED, Status.DRAFT, _WRITERS, "withdraw", "वापस लें (Withdraw)"),
    _t(Status.SUBMITTED, Status.IN_COPY_EDIT, _EDITORS, "start_edit",
       "संपादन शुरू करें (Start copy edit)"),
    _t(Status.SUBMITTED, Status.RETURNED, _EDITORS, "return",
       "संवाददाता को लौटाएं (Return to reporter)", needs_note=True),
    _t(Status.IN_COPY_EDIT, Status.RETURNED, _EDITORS, "return",
       "संवाददाता को लौटाएं (Return to reporter)", needs_note=True),
    _t(Status.RETURNED, Status.SUBMITTED, _WRITERS, "resubmit", "फिर जमा करें (Resubmit)"),
    _t(Status.IN_COPY_EDIT, Status.APPROVED, _EDITORS, "approve", "स्वीकृत करें (Approve)",
       gated=True),
    _t(Status.APPROVED, Status.IN_COPY_EDIT, _EDITORS, "reopen",
       "फिर संपादन में (Reopen for copy edit)"),
    _t(Status.APPROVED, Status.EXPORTED, _EDITORS, "export",
       "प्रकाशन हेतु भेजा गया (Mark exported)"),
    _t(Status.EXPORTED, Status.IN_COPY_EDIT, _EDITORS, "update",
       "अपडेट के लिए खोलें (Reopen as an update)", needs_note=True),
    *(_t(source, Status.SPIKED, DESK, "spike" if source != Status.EXPORTED else "kill",
         "रद्द करें (Spike)" if source != Status.EXPORTED else "हटाएं (Kill)",
         needs_note=True) for source in _LIVE),
    _t(Status.SPIKED, Status.DRAFT, DESK, "unspike", "रद्द से वापस (Restore from spike)"),
)

#: Who may change an article's text (headline, dek, body, metadata) in each status.
EDIT_RIGHTS: dict[Status, frozenset[Role]] = {
    Status.DRAFT: _WRITERS,
    Status.RETURNED: _WRITERS,
    Status.SUBMITTED: DESK,
    Status.IN_COPY_EDIT: _EDITORS,
    Status.APPROVED: DESK,
    Status.EXPORTED: DESK,
    Status.SPIKED: DESK,
}


#: WordPress post status → the status a story imported from a WXR archive takes.
WXR_STATUSES: dict[str, Status] = {
    "publish": Status.EXPORTED, "future": Status.APPROVED, "pending": Status.SUBMITTED,
    "draft": Status.DRAFT, "auto-draft": Status.DRAFT, "private": Status.DRAFT,
    "inherit": Status.DRAFT, "trash": Status.SPIKED,
}


def imported_status(fmt: str, status: str) -> Status:
    """The status a story arriving from an import of format ``fmt`` takes: a field bundle
    keeps its own (a reporter's offline submission arrives submitted), a WXR post maps
    through :data:`WXR_STATUSES`; anything else, or an unknown value, is a draft."""
    if fmt == "wxr":
        return WXR_STATUSES.get(status.strip().lower(), Status.DRAFT)
    if fmt == "bundle":
        try:
            return Status(status)
        except ValueError:
            return Status.DRAFT
    return Status.DRAFT


def moves_from(status: Status | str) -> list[Transition]:
    """Every move out of ``status`` (for any role)."""
    return [t for t in TRANSITIONS if t.source == Status(status)]


def move(source: Status | str, target: Status | str) -> Transition | None:
    """The transition from ``source`` to ``target``, or ``None`` if no role may make it."""
    for transition in TRANSITIONS:
        if transition.source == Status(source) and transition.target == Status(target):
            return transition
    return None


def may_edit(role: Role, status: Status | str) -> bool:
    """Whether ``role`` may change the text of a story in ``status`` (an unknown status
    from an older build is treated as a draft)."""
    try:
        known = Status(status)
    except ValueError:
        known = Status.DRAFT
    return role in EDIT_RIGHTS[known]
