"""The status strip above the editor: the story's status, who owns it, the acting user, the
main next move as a button and every move the user may make in a
"कार्यप्रवाह (Workflow)" drop-down (the same moves as the Workflow menu).

The strip is a passive view: :meth:`WorkflowStrip.show_status` draws what it is given and
choices come out as :attr:`WorkflowStrip.move_requested` (the target status value). It never
makes the window wider: only the status chip and the two buttons keep their width, the
owner text shrinks (full text in its tooltip). :attr:`WorkflowStrip.user_label` (who is
acting) is not in the strip's own row: the caller places it (the window's status bar).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from editor_app.core.profiles import Actor
from editor_app.core.workflow.statuses import Status, Transition
from editor_app.gui.display_names import move_label, role_label, status_label
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.palette import LIGHT
from editor_app.gui.theme import colours, follow_theme

__all__ = ["PRIMARY_ACTIONS", "STATUS_COLOURS", "WorkflowStrip"]

#: Background of the status chip per status in the light theme (the live colours:
#: ``theme.colours().chip(status.value)``, with ``chip_text``).
STATUS_COLOURS = {status: LIGHT.chip(status.value) for status in Status}

#: The move shown as the strip's button, when the user may make it (first match wins);
#: the others are in the drop-down.
PRIMARY_ACTIONS = ("submit", "resubmit", "start_edit", "approve", "export", "unspike")


def _shrinkable(label: QLabel) -> QLabel:
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(0)
    return label


class WorkflowStrip(QFrame):
    """Status chip, owner, acting user, the main move and the Workflow drop-down."""

    move_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status_label = QLabel()
        self.status_label.setObjectName("workflowStatus")
        self.status_label.setMargin(3)
        self._status: Status | None = None
        follow_theme(self.status_label, lambda theme: self._colour(
            theme.chip(self._status.value) if self._status is not None else None))
        self.detail_label = _shrinkable(QLabel())
        self.user_label = QLabel()
        self.user_label.setObjectName("workflowUser")
        self.primary = QPushButton()
        self.primary.setObjectName("workflowPrimary")
        self.primary.clicked.connect(self._primary_clicked)
        self.moves_menu = QMenu(self)
        self.moves_button = QToolButton()
        self.moves_button.setObjectName("workflowMoves")
        self.moves_button.setText(translate("WorkflowStrip", "Workflow") + " ▾")
        self.moves_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.moves_button.setMenu(self.moves_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.status_label)
        layout.addWidget(self.detail_label, 2)
        layout.addWidget(self.primary)
        layout.addWidget(self.moves_button)
        #: The drop-down's action per target status value (what the user may do now).
        self.actions_by_target: dict[str, QAction] = {}
        self._primary_target = ""

    def show_status(self, status: Status | None, moves: Sequence[Transition], actor: Actor,
                    *, owner: str = "", editable: bool = False) -> None:
        """Draw ``status`` (``None``: no story open) and the moves."""
        user = f"{actor.name} — {role_label(actor.role)}"
        self.user_label.setText(short_label("WorkflowStrip", QT_TRANSLATE_NOOP("WorkflowStrip",
                                                                               "user"))
                                + f": {user}")
        self.user_label.setToolTip(translate("WorkflowStrip", "acting user") + f": {user}; "
                                   + translate("WorkflowStrip", "File → Switch user"))
        self.moves_menu.clear()
        self.actions_by_target = {}
        if status is None:
            self.status_label.setText("")
            self._status = None
            self._colour(None)
            self.detail_label.setText("")
            self.primary.setVisible(False)
            self.moves_button.setEnabled(False)
            return
        self.status_label.setText(translate("WorkflowStrip", "Status")
                                  + f": <b>{status_label(status)}</b>")
        self._status = status
        self._colour(colours().chip(status.value))
        parts = [translate("WorkflowStrip", "owner") + f": {owner}"] if owner else []
        if not editable:
            parts.append(translate("WorkflowStrip", "read-only for you"))
        self.detail_label.setText("  ·  ".join(parts))
        self.detail_label.setToolTip("\n".join(parts))
        self.status_label.setToolTip("\n".join([status_label(status), *parts]))
        for rule in moves:
            act = self.moves_menu.addAction(move_label(rule) + ("…" if rule.needs_note else ""))
            act.setToolTip(f"{status_label(status)} → {status_label(rule.target)}")
            act.triggered.connect(lambda _=False, t=rule.target.value:
                                  self.move_requested.emit(t))
            self.actions_by_target[rule.target.value] = act
        if not moves:
            self.moves_menu.addAction(translate("WorkflowStrip",
                                                "no moves for you")).setEnabled(False)
        self.moves_button.setEnabled(bool(moves))
        primary = next((t for name in PRIMARY_ACTIONS for t in moves if t.action == name),
                       None)
        self._primary_target = primary.target.value if primary is not None else ""
        self.primary.setVisible(primary is not None)
        if primary is not None:
            self.primary.setText(move_label(primary))
            self.primary.setToolTip(f"{status_label(status)} → {status_label(primary.target)}")

    def _primary_clicked(self) -> None:
        if self._primary_target:
            self.move_requested.emit(self._primary_target)

    @property
    def primary_target(self) -> str:
        """The status the main button moves to (empty when there is no button)."""
        return self._primary_target

    def _colour(self, background: str | None) -> None:
        # a palette, not a style sheet: a style sheet stops the window's font reaching it
        label = self.status_label
        label.setAutoFillBackground(background is not None)
        palette = QPalette()
        if background is not None:
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(background))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colours().chip_text))
        label.setPalette(palette)

    def status_text(self) -> str:
        """The status label as plain text (tests, screen readers)."""
        return self.status_label.text().replace("<b>", "").replace("</b>", "")
