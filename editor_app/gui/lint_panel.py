"""Checks panel: copy-desk findings grouped by kind beside the editor.

Click a finding to jump to it and select it; fix one; fix all of a kind (one undo step per
field); ignore with an optional reason (stored with the article, shown to reviewers when
"show ignored" is on). Findings refresh in the background a moment after typing stops.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.db import Database
from editor_app.core.errors import SampadakError
from editor_app.core.house_style import HouseStyle
from editor_app.core.lint_ignores import IgnoreEntry, add_ignore, list_ignores
from editor_app.core.text.findings import Finding
from editor_app.core.text.lint.engine import FieldFinding, rule_catalog
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.display_names import field_name
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, in_language, translate
from editor_app.gui.lint_worker import LintRunner
from editor_app.gui.locale_format import format_count
from editor_app.gui.text_targets import TextTarget

__all__ = ["RULE_ROLE", "SPELLING_TITLE", "ChecksPanel"]

log = logging.getLogger(__name__)

#: Title of spelling findings (not a lint rule, so not in the rule catalog).
SPELLING_TITLE = QT_TRANSLATE_NOOP("ChecksPanel", "Spelling")
_FINDING_ROLE = int(Qt.ItemDataRole.UserRole)
RULE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
DEBOUNCE_MS = 400


class ChecksPanel(QWidget):
    """Findings tree plus Fix / Fix all / Ignore buttons."""

    findings_changed = Signal(int)  # number of open findings

    def __init__(self, db: Database, style: Callable[[], HouseStyle], user: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._style, self._user = db, style, user
        self._targets: dict[str, TextTarget] = {}
        self._article_id: int | None = None
        self._findings: list[FieldFinding] = []
        self._ignores: list[IgnoreEntry] = []
        self._titles = {r["id"]: in_language(r["title_hi"], r["title"]) for r in rule_catalog()}
        self._titles.setdefault("spelling", translate("ChecksPanel", SPELLING_TITLE))
        self.summary = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: shown while a background check runs
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(translate("ChecksPanel", "Check findings"))
        self.tree.setHeaderLabels([translate("ChecksPanel", "Check"),
                                   translate("ChecksPanel", "Text")])
        self.tree.setColumnWidth(0, 260)
        self.fix_button = QPushButton(translate("ChecksPanel", "Fix"))
        self.fix_all_button = QPushButton(translate("ChecksPanel", "Fix all of kind"))
        self.ignore_button = QPushButton(translate("ChecksPanel", "Ignore…"))
        self.show_ignored = QCheckBox(translate("ChecksPanel", "Show ignored"))
        buttons = QHBoxLayout()
        for button in (self.fix_button, self.fix_all_button, self.ignore_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.show_ignored)
        self.runner = LintRunner(self)
        self.runner.finished.connect(self._on_results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(lambda item, _c: self._jump(item))
        self.tree.itemClicked.connect(lambda item, _c: self._jump(item))
        self.fix_button.clicked.connect(self.fix_current)
        self.fix_all_button.clicked.connect(self.fix_all_current_kind)
        self.ignore_button.clicked.connect(self.ignore_current)
        self.show_ignored.toggled.connect(lambda _on: self._rebuild())
        self._on_current(None, None)

    # ------------------------------------------------------------ inputs
    def set_targets(self, targets: Sequence[TextTarget]) -> None:
        """The fields to check, by name (headline, dek, body)."""
        self._targets = {t.name: t for t in targets}

    def set_article(self, article_id: int | None) -> None:
        """Check another article now (loads its ignores)."""
        self._article_id = article_id
        self._ignores = list_ignores(self._db, article_id) if article_id is not None else []
        self.refresh()

    def schedule(self) -> None:
        """Re-check a moment after the latest edit."""
        self._timer.start()

    def refresh(self) -> int:
        """Start a background check of the current texts; return its job number."""
        self._timer.stop()
        fields = {name: t.text() for name, t in self._targets.items()}
        self.busy.show()
        return self.runner.request(fields, self._style())

    # ------------------------------------------------------------ results
    def findings(self) -> list[FieldFinding]:
        """The latest findings, ignored ones left out."""
        keys = {(i.rule_id, i.text) for i in self._ignores}
        return [f for f in self._findings if (f.finding.rule, f.finding.text) not in keys]

    def _on_results(self, _job: int, findings: list[FieldFinding]) -> None:
        self._findings = [f for f in findings if f.field in self._targets]
        self.busy.hide()
        self._rebuild()

    def _rebuild(self) -> None:
        open_findings = self.findings()
        groups: dict[str, list[FieldFinding]] = defaultdict(list)
        for item in open_findings:
            groups[item.finding.rule].append(item)
        self.tree.clear()
        for rule, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            parent = QTreeWidgetItem([f"{len(items)} · {self._titles.get(rule, rule)}", ""])
            parent.setData(0, RULE_ROLE, rule)
            parent.setToolTip(0, self.rule_title(rule))
            for item in items:
                self._add_child(parent, item)
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(len(groups) <= 4)
        if self.show_ignored.isChecked() and self._ignores:
            ignored = QTreeWidgetItem([translate("ChecksPanel", "ignored")
                                       + f" — {format_count(len(self._ignores))}", ""])
            for entry in self._ignores:
                reason = entry.reason or "({})".format(
                    translate("ChecksPanel", "no reason given"))
                child = QTreeWidgetItem([f"{self.rule_title(entry.rule_id)}: {reason}",
                                         entry.text])
                child.setToolTip(0, f"{entry.user}, {entry.created_at:%d-%m-%Y %H:%M}")
                ignored.addChild(child)
            self.tree.addTopLevelItem(ignored)
        self.summary.setText(translate("ChecksPanel", "checks: {n} findings").format(
            n=format_count(len(open_findings))))
        self.findings_changed.emit(len(open_findings))

    def _add_child(self, parent: QTreeWidgetItem, item: FieldFinding) -> None:
        finding = item.finding
        shown = finding.text.replace("\n", "⏎") or "∅"
        fix = f" → {finding.fix}" if finding.fix is not None else ""
        child = QTreeWidgetItem([field_name(item.field), shown + fix])
        child.setData(0, _FINDING_ROLE, item)
        tip = (f"{self.rule_title(finding.rule)}\n"
               + in_language(finding.message_hi, finding.message, "\n"))
        child.setToolTip(0, tip)
        child.setToolTip(1, tip)
        parent.addChild(child)

    def rule_title(self, rule: str) -> str:
        """The readable name of ``rule`` ("हिंदी (English)"); the id only if it has none."""
        return self._titles.get(rule, rule)

    # ------------------------------------------------------------ actions
    def _selected(self) -> FieldFinding | None:
        item = self.tree.currentItem()
        value = item.data(0, _FINDING_ROLE) if item is not None else None
        return value if isinstance(value, FieldFinding) else None

    def _selected_rule(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        selected = self._selected()
        if selected is not None:
            return selected.finding.rule
        rule = item.data(0, RULE_ROLE)
        return rule if isinstance(rule, str) else None

    def _on_current(self, _current: object, _previous: object) -> None:
        selected = self._selected()
        self.fix_button.setEnabled(selected is not None and selected.finding.fix is not None)
        rule = self._selected_rule()
        self.fix_all_button.setEnabled(rule is not None and any(
            f.finding.rule == rule and f.finding.fix is not None for f in self.findings()))
        self.ignore_button.setEnabled(selected is not None and self._article_id is not None)

    def _jump(self, item: QTreeWidgetItem) -> None:
        value = item.data(0, _FINDING_ROLE)
        if isinstance(value, FieldFinding) and value.field in self._targets:
            self._targets[value.field].select(value.finding.start, value.finding.end)

    def _still_there(self, field: str, finding: Finding) -> bool:
        return self._targets[field].text()[finding.start:finding.end] == finding.text

    def fix_current(self) -> None:
        """Apply the selected finding's fix."""
        selected = self._selected()
        if selected is None or selected.finding.fix is None:
            return
        self._apply([selected])

    def fix_all_current_kind(self) -> None:
        """Apply every fix of the selected kind (one undo step per field)."""
        rule = self._selected_rule()
        if rule is not None:
            self.fix_all(rule)

    def fix_all(self, rule: str) -> int:
        """Fix every open finding of ``rule``; return how many were fixed."""
        return self._apply([f for f in self.findings() if f.finding.rule == rule
                            and f.finding.fix is not None])

    def _apply(self, items: Sequence[FieldFinding]) -> int:
        by_field: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        last_end: dict[str, int] = {}
        for item in sorted(items, key=lambda i: (i.field, i.finding.start)):
            f = item.finding
            if f.fix is None or not self._still_there(item.field, f):
                continue  # stale: the text moved since the check; the next check re-finds it
            if f.start < last_end.get(item.field, -1):
                continue  # overlapping fixes: the first wins
            by_field[item.field].append((f.start, f.end, f.fix))
            last_end[item.field] = f.end
        for field, edits in by_field.items():
            self._targets[field].replace_spans(edits)
        count = sum(len(e) for e in by_field.values())
        if count:
            self._findings = [f for f in self._findings if f not in items]
            self._rebuild()
            self.schedule()
        return count

    def ignore_current(self) -> None:
        """Ignore the selected finding in this article, asking for an optional reason."""
        selected = self._selected()
        if selected is None or self._article_id is None:
            return
        reason, ok = QInputDialog.getText(
            self, translate("ChecksPanel", "Ignore"),
            translate("ChecksPanel", "Reason (optional), reviewers see it:"))
        if not ok:
            return
        try:
            entry = add_ignore(self._db, self._article_id, selected.finding.rule,
                               selected.finding.text, reason=reason, user=self._user)
        except SampadakError as exc:
            show_error(self, translate("ChecksPanel", "Could not ignore"), exc)
            return
        self._ignores.append(entry)
        self._rebuild()
