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


def _statuses() -> dict[str, str]:
    return {
        Status.DRAFT: translate("Status", "Draft"),
        Status.SUBMITTED: translate("Status", "Submitted"),
        Status.IN_COPY_EDIT: translate("Status", "In copy edit"),
        Status.RETURNED: translate("Status", "Returned"),
        Status.APPROVED: translate("Status", "Approved"),
        Status.EXPORTED: translate("Status", "Exported"),
        Status.SPIKED: translate("Status", "Spiked"),
    }


def _roles() -> dict[str, str]:
    return {
        Role.REPORTER: translate("Role", "Reporter"),
        Role.COPY_EDITOR: translate("Role", "Copy editor"),
        Role.DESK_CHIEF: translate("Role", "Desk chief"),
        Role.ADMIN: translate("Role", "Admin"),
    }


def _queues() -> dict[str, str]:
    return {
        Queue.MINE: translate("Queue", "My queue"),
        Queue.WAITING: translate("Queue", "Waiting for me"),
        Queue.OVERDUE: translate("Queue", "Overdue"),
    }


def _moves() -> dict[str, str]:
    return {
        "submit": translate("Move", "Submit"),
        "withdraw": translate("Move", "Withdraw"),
        "start_edit": translate("Move", "Start copy edit"),
        "return": translate("Move", "Return to reporter"),
        "resubmit": translate("Move", "Resubmit"),
        "approve": translate("Move", "Approve"),
        "reopen": translate("Move", "Reopen for copy edit"),
        "export": translate("Move", "Mark exported"),
        "update": translate("Move", "Reopen as an update"),
        "spike": translate("Move", "Spike"),
        "kill": translate("Move", "Kill"),
        "unspike": translate("Move", "Restore from spike"),
    }


def status_label(status: Status | str) -> str:
    """The display name of a story status (``"draft"`` → ``मसौदा``)."""
    return _statuses().get(str(status), str(status))


def role_label(role: Role | str) -> str:
    """The display name of a newsroom role (``"reporter"`` → ``संवाददाता``)."""
    return _roles().get(str(role), str(role))


def queue_label(queue: Queue | str) -> str:
    """The display name of a desk queue (``"mine"`` → ``मेरी सूची``)."""
    return _queues().get(str(queue), str(queue))


def move_label(rule: Transition) -> str:
    """The display name of a workflow move, by its ``action`` (``"submit"`` → ``जमा करें``);
    the core's label when the action is unknown."""
    return _moves().get(rule.action, rule.label)


def field_label(field: str) -> str:
    """The display name of an article field (``"headline"``, ``"dek"``, ``"body"``)."""
    return translate("Field", _FIELDS[field]) if field in _FIELDS else field


def field_name(field: str) -> str:
    """:func:`field_label` in one language (``शीर्षक``), for quotes and list lines."""
    return short_label("Field", _FIELDS[field]) if field in _FIELDS else field
