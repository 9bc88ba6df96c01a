"""The status strip above the editor: the story's status, who owns it, the acting user, and
one button per move that user may make (the same moves in the Workflow menu).

The strip is a passive view: :meth:`WorkflowStrip.show_status` draws what it is given and
clicks come out as :attr:`WorkflowStrip.move_requested` (the target status value).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from editor_app.core.profiles import Actor
from editor_app.core.workflow.statuses import Status, Transition

__all__ = ["STATUS_COLOURS", "WorkflowStrip"]

#: Background of the status chip per status (light, readable with dark text).
STATUS_COLOURS = {
    Status.DRAFT: "#eeeeee",
    Status.SUBMITTED: "#fff3c4",
    Status.IN_COPY_EDIT: "#d6e9ff",
    Status.RETURNED: "#ffe0cc",
    Status.APPROVED: "#d7f5d7",
    Status.EXPORTED: "#c8e6c9",
    Status.SPIKED: "#f8d0d0",
}


class WorkflowStrip(QFrame):
    """Status chip, owner, acting user and move buttons (see the module contract)."""

    move_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status_label = QLabel()
        self.status_label.setObjectName("workflowStatus")
        self.status_label.setMargin(3)
        self.detail_label = QLabel()
        self.user_label = QLabel()
        self.user_label.setObjectName("workflowUser")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 3, 6, 3)
        self._layout.addWidget(self.status_label)
        self._layout.addWidget(self.detail_label)
        self._layout.addStretch(1)
        self._buttons_at = self._layout.count()
        self._layout.addWidget(self.user_label)
        self.buttons: dict[str, QPushButton] = {}

    def show_status(self, status: Status | None, moves: Sequence[Transition], actor: Actor,
                    *, owner: str = "", editable: bool = False) -> None:
        """Draw ``status`` (``None``: no story open) and a button per move."""
        self.user_label.setText(f"{actor.name} — {actor.role.label}")
        self.user_label.setToolTip("उपयोगकर्ता (acting user); फ़ाइल → उपयोगकर्ता बदलें "
                                   "(File → Switch user)")
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        if status is None:
            self.status_label.setText("")
            self._colour(None)
            self.detail_label.setText("")
            return
        self.status_label.setText(f"स्थिति (Status): <b>{status.label}</b>")
        self._colour(STATUS_COLOURS[status])
        parts = [f"स्वामी (owner): {owner}"] if owner else []
        if not editable:
            parts.append("केवल पढ़ें (read-only for you)")
        self.detail_label.setText("  ·  ".join(parts))
        for index, rule in enumerate(moves):
            button = QPushButton(rule.label + ("…" if rule.needs_note else ""))
            button.setObjectName(f"workflow_{rule.target.value}")
            button.setToolTip(f"{status.label} → {rule.target.label}")
            button.clicked.connect(lambda _=False, t=rule.target.value:
                                   self.move_requested.emit(t))
            self._layout.insertWidget(self._buttons_at + index, button)
            self.buttons[rule.target.value] = button

    def _colour(self, background: str | None) -> None:
        # a palette, not a style sheet: a style sheet stops the window's font reaching it
        label = self.status_label
        label.setAutoFillBackground(background is not None)
        palette = label.palette()
        if background is not None:
            palette.setColor(QPalette.ColorRole.Window, QColor(background))
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#222222"))
        label.setPalette(palette if background is not None else QPalette())

    def status_text(self) -> str:
        """The status label as plain text (tests, screen readers)."""
        return self.status_label.text().replace("<b>", "").replace("</b>", "")
