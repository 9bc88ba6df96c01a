"""Display names of the core's tables (statuses, roles, queues, workflow moves) in the UI
language.

Core has no Qt, so its ``label`` properties (``Status.label``, ``Role.label``,
``Queue.label``, ``Transition.label``) stay the bilingual strings the CLI and core messages
use. Everything the GUI shows goes through the functions here instead, which translate by
value with :func:`editor_app.gui.i18n.translate`: ``"hi-en"`` gives exactly the core's
bilingual label (a test keeps the two in step), ``"hi"`` the Hindi, ``"en"`` the English.
An unknown value (a newer database) is shown as the raw value, never as an error.
"""

from __future__ import annotations

from editor_app.core.profiles import Role
from editor_app.core.workflow.queues import Queue
from editor_app.core.workflow.statuses import Status, Transition
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate

__all__ = ["field_label", "field_name", "move_label", "queue_label", "role_label",
           "status_label"]


#: Article fields (core.review.history.FIELD_LABELS has the same, bilingual, for the CLI).
_FIELDS = {"headline": QT_TRANSLATE_NOOP("Field", "Headline"),
           "dek": QT_TRANSLATE_NOOP("Field", "Dek"),
           "bylines": QT_TRANSLATE_NOOP("Field", "Bylines"),
           "dateline_place": QT_TRANSLATE_NOOP("Field", "Dateline place"),
           "dateline_date": QT_TRANSLATE_NOOP("Field", "Dateline date"),
           "category": QT_TRANSLATE_NOOP("Field", "Category"),
           "tags": QT_TRANSLATE_NOOP("Field", "Tags"),
           "slug": QT_TRANSLATE_NOOP("Field", "Slug"),
           "related": QT_TRANSLATE_NOOP("Field", "Related links"),
           "language": QT_TRANSLATE_NOOP("Field", "Language"),
           "body": QT_TRANSLATE_NOOP("Field", "Body")}


_STATUSES: dict[str, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("Status", "Draft"),
    Status.SUBMITTED: QT_TRANSLATE_NOOP("Status", "Submitted"),
    Status.IN_COPY_EDIT: QT_TRANSLATE_NOOP("Status", "In copy edit"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Returned"),
    Status.APPROVED: QT_TRANSLATE_NOOP("Status", "Approved"),
    Status.EXPORTED: QT_TRANSLATE_NOOP("Status", "Exported"),
    Status.SPIKED: QT_TRANSLATE_NOOP("Status", "Spiked"),
}

_ROLES: dict[str, str] = {
    Role.REPORTER: QT_TRANSLATE_NOOP("Role", "Reporter"),
    Role.COPY_EDITOR: QT_TRANSLATE_NOOP("Role", "Copy editor"),
    Role.DESK_CHIEF: QT_TRANSLATE_NOOP("Role", "Desk chief"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Admin"),
}

_QUEUES: dict[str, str] = {
    Queue.MINE: QT_TRANSLATE_NOOP("Queue", "My queue"),
    Queue.WAITING: QT_TRANSLATE_NOOP("Queue", "Waiting for me"),
    Queue.OVERDUE: QT_TRANSLATE_NOOP("Queue", "Overdue"),
}

_MOVES: dict[str, str] = {
    "submit": QT_TRANSLATE_NOOP("Move", "Submit"),
    "withdraw": QT_TRANSLATE_NOOP("Move", "Withdraw"),
    "start_edit": QT_TRANSLATE_NOOP("Move", "Start copy edit"),
    "return": QT_TRANSLATE_NOOP("Move", "Return to reporter"),
    "resubmit": QT_TRANSLATE_NOOP("Move", "Resubmit"),
    "approve": QT_TRANSLATE_NOOP("Move", "Approve"),
    "reopen": QT_TRANSLATE_NOOP("Move", "Reopen for copy edit"),
    "export": QT_TRANSLATE_NOOP("Move", "Mark exported"),
    "update": QT_TRANSLATE_NOOP("Move", "Reopen as an update"),
    "spike": QT_TRANSLATE_NOOP("Move", "Spike"),
    "kill": QT_TRANSLATE_NOOP("Move", "Kill"),
    "unspike": QT_TRANSLATE_NOOP("Move", "Restore from spike"),
}


def _shown(context: str, table: dict[str, str], key: str, fallback: str | None = None) -> str:
    """``table``'s English for ``key`` in the UI language; ``fallback`` (else ``key``) when
    the table has none."""
    source = table.get(key)
    return translate(context, source) if source is not None else (fallback or key)


def status_label(status: Status | str) -> str:
    """The display name of a story status (``"draft"`` → ``मसौदा``)."""
    return _shown("Status", _STATUSES, str(status))


def role_label(role: Role | str) -> str:
    """The display name of a newsroom role (``"reporter"`` → ``संवाददाता``)."""
    return _shown("Role", _ROLES, str(role))


def queue_label(queue: Queue | str) -> str:
    """The display name of a desk queue (``"mine"`` → ``मेरी सूची``)."""
    return _shown("Queue", _QUEUES, str(queue))


def move_label(rule: Transition) -> str:
    """The display name of a workflow move, by its ``action`` (``"submit"`` → ``जमा करें``);
    the core's label when the action is unknown."""
    return _shown("Move", _MOVES, rule.action, rule.label)


def field_label(field: str) -> str:
    """The display name of an article field (``"headline"``, ``"dek"``, ``"body"``)."""
    return translate("Field", _FIELDS[field]) if field in _FIELDS else field


def field_name(field: str) -> str:
    """:func:`field_label` in one language (``शीर्षक``), for quotes and list lines."""
    return short_label("Field", _FIELDS[field]) if field in _FIELDS else field
