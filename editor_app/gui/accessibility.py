"""Accessible names: every control a screen reader can land on says what it is.

Contract:

- :func:`accessible_name` is the name Qt's accessibility layer exposes for a widget (its
  ``accessibleName``, else what Qt derives: a button's text, a label buddy's text, …),
  exactly what an assistive tool reads.
- :func:`needs_name` says whether a widget is a control that must have a name: it can take
  keyboard focus (or is a button) and is not one of Qt's own internals (a combo box's popup
  list, a spin box's inner line edit, a line edit's clear button, a table's corner button,
  the "more" arrows of tool and menu bars) nor a plain container (scroll area, tab widget:
  their pages and tab bar carry the names).
- :func:`unnamed_controls` lists the controls under ``root`` (hidden ones included: a
  collapsed panel or a tab not shown yet still counts) that have no name.
- :func:`name_from_labels` gives each unnamed control under ``root`` the name its screen
  already shows beside it: its placeholder text, else the label of its
  :class:`QFormLayout` row (a field inside a row's layout or inside a compound editor
  counts as that row's), else the short plain-text heading label placed right before it
  in the same box layout (``QLabel("Body")`` above a text box), else the first line of its
  tooltip. It never replaces a name that
  is there. It returns the controls still without a name (they need an explicit
  ``setAccessibleName(translate(...))``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

__all__ = ["accessible_name", "name_from_labels", "needs_name", "unnamed_controls"]

log = logging.getLogger(__name__)

#: Plain containers: focus passes through them to their children, which carry the names.
_CONTAINERS = (QScrollArea, QTabWidget, QStackedWidget)


def accessible_name(widget: QWidget) -> str:
    """The name Qt's accessibility layer gives ``widget`` ("" when none)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name).strip()


def _is_qt_internal(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    if parent is None:
        return False
    if parent.inherits("QComboBoxPrivateContainer"):  # a combo box's popup list
        return True
    if isinstance(parent, QComboBox | QAbstractSpinBox) and isinstance(widget, QLineEdit):
        return True  # the inner line edit: the combo/spin box carries the name
    return isinstance(parent, QLineEdit) and isinstance(widget, QAbstractButton)


def needs_name(widget: QWidget) -> bool:
    """True for a control that must have an accessible name (see the module contract)."""
    if type(widget) in _CONTAINERS or _is_qt_internal(widget):
        return False
    if isinstance(widget, QAbstractButton):
        return True
    if isinstance(widget, QLabel):
        return False  # read as static text; a clickable label is not a control here
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Controls under ``root`` (and ``root`` itself) without an accessible name."""
    widgets = [root, *root.findChildren(QWidget)]
    return [w for w in widgets if needs_name(w) and not accessible_name(w)]


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget.placeholderText().strip()
    return ""


def _layout_holds(layout: QLayout, widget: QWidget) -> bool:
    """True when ``widget`` sits in ``layout`` or one of its nested layouts."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _layout_holds(inner, widget):
            return True
    return False


def _form_layouts(layout: QLayout) -> list[QFormLayout]:
    """``layout`` and the layouts nested in it that are form layouts."""
    found = [layout] if isinstance(layout, QFormLayout) else []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        if inner is not None:
            found += _form_layouts(inner)
    return found


def _row_label(form: QFormLayout, child: QWidget) -> str:
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label_item is None or field_item is None:
            continue
        label = label_item.widget()
        inner = field_item.layout()
        if isinstance(label, QLabel | QAbstractButton) and (
                field_item.widget() is child
                or (inner is not None and _layout_holds(inner, child))):
            return label.text().replace("&", "").strip()
    return ""


def _form_label(widget: QWidget) -> str:
    """The text of the QFormLayout row label that ``widget`` (or an ancestor) belongs to."""
    child: QWidget = widget
    parent = child.parentWidget()
    while parent is not None:
        layout = parent.layout()
        for form in _form_layouts(layout) if layout is not None else []:
            if text := _row_label(form, child):
                return text
        child, parent = parent, parent.parentWidget()
    return ""


#: A heading longer than this is an explanation, not a name.
_MAX_HEADING = 80


def _heading_before(widget: QWidget) -> str:
    """The text of a short plain QLabel directly before ``widget`` in its box layout."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    return _heading_in(layout, widget)


def _heading_in(layout: QLayout, widget: QWidget) -> str:
    previous: QWidget | None = None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if inner is not None:
            if found := _heading_in(inner, widget):
                return found
            previous = None
            continue
        current = item.widget()
        if current is widget:
            if isinstance(previous, QLabel) and previous.buddy() is None:
                text = previous.text().replace("&", "").strip().rstrip(":").strip()
                if text and len(text) <= _MAX_HEADING and "<" not in text:
                    return text
            return ""
        if current is not None:
            previous = current
    return ""


def _tooltip(widget: QWidget) -> str:
    lines = widget.toolTip().strip().splitlines()
    return lines[0].strip() if lines else ""


def name_from_labels(root: QWidget) -> list[QWidget]:
    """Name every unnamed control under ``root`` from what its screen shows (see the module
    contract); return those still without a name."""
    left: list[QWidget] = []
    for widget in unnamed_controls(root):
        name = (_placeholder(widget) or _form_label(widget) or _heading_before(widget)
                or _tooltip(widget))
        if name:
            widget.setAccessibleName(name)
        else:
            left.append(widget)
    if left:
        log.debug("controls without an accessible name: %s",
                  ", ".join(type(w).__name__ for w in left))
    return left
