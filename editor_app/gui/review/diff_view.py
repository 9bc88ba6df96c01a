"""Showing a revision diff: metadata changes above the body diff, inline or side by side.

Contract:
- :func:`render_diff` turns a :class:`RevisionDiff` into HTML for both modes. It is plain
  Python (no widget), so the history panel builds it on a worker thread and the GUI thread
  only sets it.
- Removed words are red and struck through, added words green and underlined; inside a
  changed word the changed aksharas (the hunk's ``inner`` runs) get a stronger shade of the
  same colour. Every span starts and ends on a grapheme boundary (the diff guarantees it),
  so Qt never shapes half a conjunct or a detached matra.
- Long texts show only the changed lines with :data:`CONTEXT_LINES` unchanged lines around
  them; the lines left out are one ``⋯`` line.
- The HTML names its marks by class (``add``, ``add-strong``, ``del``, ``del-strong``,
  ``ctx``), never by colour: :func:`diff_css` gives the colours of a theme, and
  :class:`DiffView` sets them as its document's default style sheet, again on every theme
  change (live, without re-rendering).
- :class:`DiffView` shows the HTML in a read-only browser and switches modes without
  re-rendering.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from editor_app.core.review.diff import Hunk
from editor_app.core.review.history import FieldChange, RevisionDiff
from editor_app.gui.display_names import field_label
from editor_app.gui.i18n import translate
from editor_app.gui.palette import LIGHT, AppColours
from editor_app.gui.theme import follow_theme

__all__ = ["ADDED", "ADDED_STRONG", "CONTEXT_LINES", "REMOVED", "REMOVED_STRONG", "DiffView",
           "RenderedDiff", "diff_css", "render_diff", "render_field"]

log = logging.getLogger(__name__)

#: Background colours of added/removed words and of the changed aksharas inside them, in
#: the light theme (the live ones come from ``theme.colours()`` through :func:`diff_css`).
ADDED = LIGHT.diff_added
ADDED_STRONG = LIGHT.diff_added_strong
REMOVED = LIGHT.diff_removed
REMOVED_STRONG = LIGHT.diff_removed_strong
#: Unchanged lines shown before and after each changed stretch of a long text.
CONTEXT_LINES = 2

Mode = Literal["inline", "side"]
Side = Literal["old", "new"]


@dataclass(frozen=True, slots=True)
class RenderedDiff:
    """The HTML of one diff in both modes."""

    inline: str
    side: str


def render_diff(diff: RevisionDiff) -> RenderedDiff:
    """HTML of ``diff`` (see the module contract): a title, the metadata changes, the body."""
    revisions = translate("DiffView", "revision {old} → {new}").format(
        old=diff.old.number, new=diff.new.number)
    title = f"<p><b>{html.escape(revisions)}</b></p>"
    if not diff.changes:
        empty = title + "<p>" + html.escape(translate("DiffView", "no changes")) + "</p>"
        return RenderedDiff(empty, empty)
    inline = "".join(render_field(change, "inline") for change in diff.changes)
    side = "".join(render_field(change, "side") for change in diff.changes)
    return RenderedDiff(title + inline, title + side)


def render_field(change: FieldChange, mode: Mode) -> str:
    """One field's change: its label, then its text with the marks."""
    label = f'<p style="margin-top:8px"><b>{html.escape(field_label(change.field))}</b></p>'
    groups = _groups(change.old, change.new, change.hunks)
    if mode == "inline":
        body = "".join(_inline_group(change.old, change.new, g) for g in groups)
        return f'{label}<div style="white-space:pre-wrap">{body}</div>'
    rows = "".join(
        f'<tr><td width="50%" style="white-space:pre-wrap">{left}</td>'
        f'<td width="50%" style="white-space:pre-wrap">{right}</td></tr>'
        for left, right in (_side_group(change.old, change.new, g) for g in groups))
    return (f'{label}<table width="100%" cellspacing="0" cellpadding="3" border="1" '
            f'style="border-collapse:collapse">{rows}</table>')


# --- grouping ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Group:
    """Either unchanged text (``hunks`` empty; the same in old and new) or whole lines of
    old and new holding one or more hunks."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    hunks: tuple[Hunk, ...]


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole lines (the newline ending the last line kept)."""
    line_start = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", max(end - 1, start) if end > start else start)
    line_end = len(text) if stop < 0 else stop + 1
    return line_start, max(line_end, end)


def _groups(old: str, new: str, hunks: Sequence[Hunk]) -> list[_Group]:
    """Changed line groups and the unchanged text between them, in order. Hunks that share
    a line (in old or new) go into one group; the text between groups is unchanged and
    starts and ends at line starts on both sides."""
    spans: list[tuple[int, int, int, int, tuple[Hunk, ...]]] = []
    for hunk in hunks:
        old_start, old_end = _line_span(old, hunk.old_start, hunk.old_end)
        new_start, new_end = _line_span(new, hunk.new_start, hunk.new_end)
        if spans and (old_start < spans[-1][1] or new_start < spans[-1][3]):
            a, b, c, d, grouped = spans[-1]
            spans[-1] = (a, max(b, old_end), c, max(d, new_end), (*grouped, hunk))
        else:
            spans.append((old_start, old_end, new_start, new_end, (hunk,)))
    out: list[_Group] = []
    old_pos = new_pos = 0
    for old_start, old_end, new_start, new_end, grouped in spans:
        if old_start > old_pos:
            out.append(_Group(old_pos, old_start, new_pos, new_start, ()))
        out.append(_Group(old_start, old_end, new_start, new_end, grouped))
        old_pos, new_pos = old_end, new_end
    if old_pos < len(old):
        out.append(_Group(old_pos, len(old), new_pos, len(new), ()))
    return out


def _context(text: str, *, first: bool, last: bool) -> str:
    """Unchanged text, its middle lines collapsed to ``⋯`` when long."""
    lines = text.splitlines(keepends=True)
    keep_head = 0 if first else CONTEXT_LINES
    keep_tail = 0 if last else CONTEXT_LINES
    if len(lines) <= keep_head + keep_tail + 1:
        return html.escape(text)
    head = "".join(lines[:keep_head])
    tail = "".join(lines[len(lines) - keep_tail:]) if keep_tail else ""
    return (html.escape(head) + '<span class="ctx">⋯</span>\n'
            + html.escape(tail))


def _span(text: str, side: Side, strong: bool = False) -> str:
    if not text:
        return ""
    kind = "add" if side == "new" else "del"
    return f'<span class="{kind}{"-strong" if strong else ""}">{html.escape(text)}</span>'


def diff_css(theme: AppColours) -> str:
    """The style sheet that colours the marks of :func:`render_diff` in ``theme``."""
    add = f"color:{theme.diff_added_text}; text-decoration:underline"
    remove = f"color:{theme.diff_removed_text}; text-decoration:line-through"
    return (f".add {{ {add}; background-color:{theme.diff_added} }}\n"
            f".add-strong {{ {add}; background-color:{theme.diff_added_strong} }}\n"
            f".del {{ {remove}; background-color:{theme.diff_removed} }}\n"
            f".del-strong {{ {remove}; background-color:{theme.diff_removed_strong} }}\n"
            f".ctx {{ color:{theme.muted_text} }}\n")


def _marked(text: str, start: int, end: int, hunk: Hunk, side: Side) -> str:
    """``text[start:end]`` (one side of ``hunk``) with its inner akshara runs stronger."""
    pieces = []
    pos = start
    for run in hunk.inner:
        run_start, run_end = ((run.old_start, run.old_end) if side == "old"
                              else (run.new_start, run.new_end))
        pieces.append(_span(text[pos:run_start], side))
        pieces.append(_span(text[run_start:run_end], side, strong=True))
        pos = run_end
    pieces.append(_span(text[pos:end], side))
    return "".join(pieces)


def _is_edge(group: _Group, old: str) -> tuple[bool, bool]:
    return group.old_start == 0, group.old_end == len(old)


def _inline_group(old: str, new: str, group: _Group) -> str:
    if not group.hunks:
        first, last = _is_edge(group, old)
        return _context(old[group.old_start:group.old_end], first=first, last=last)
    out = []
    pos = group.old_start
    for hunk in group.hunks:
        out.append(html.escape(old[pos:hunk.old_start]))
        out.append(_marked(old, hunk.old_start, hunk.old_end, hunk, "old"))
        out.append(_marked(new, hunk.new_start, hunk.new_end, hunk, "new"))
        pos = hunk.old_end
    out.append(html.escape(old[pos:group.old_end]))
    return "".join(out)


def _side_group(old: str, new: str, group: _Group) -> tuple[str, str]:
    if not group.hunks:
        first, last = _is_edge(group, old)
        same = _context(old[group.old_start:group.old_end], first=first, last=last)
        return same, same
    left, right = [], []
    old_pos, new_pos = group.old_start, group.new_start
    for hunk in group.hunks:
        left.append(html.escape(old[old_pos:hunk.old_start]))
        left.append(_marked(old, hunk.old_start, hunk.old_end, hunk, "old"))
        right.append(html.escape(new[new_pos:hunk.new_start]))
        right.append(_marked(new, hunk.new_start, hunk.new_end, hunk, "new"))
        old_pos, new_pos = hunk.old_end, hunk.new_end
    left.append(html.escape(old[old_pos:group.old_end]))
    right.append(html.escape(new[new_pos:group.new_end]))
    return "".join(left), "".join(right)


# --- widget --------------------------------------------------------------------------------

class DiffView(QWidget):
    """A read-only view of one rendered diff, inline or side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(translate("DiffView", "Differences between revisions"))
        self.browser.setPlaceholderText(
            translate("DiffView", "select revisions to compare"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._rendered: RenderedDiff | None = None
        self._mode: Mode = "inline"
        follow_theme(self, self._recolour)

    def _recolour(self, theme: AppColours) -> None:
        self.browser.document().setDefaultStyleSheet(diff_css(theme))
        if self._rendered is not None:
            self._refresh()

    @property
    def mode(self) -> Mode:
        """``"inline"`` or ``"side"`` (side by side)."""
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        """Show the current diff in ``mode``."""
        self._mode = mode
        self._refresh()

    def show_diff(self, rendered: RenderedDiff | None) -> None:
        """Show ``rendered`` (``None`` clears the view)."""
        self._rendered = rendered
        self._refresh()

    def show_message(self, text: str) -> None:
        """Show a short message instead of a diff."""
        self._rendered = None
        self.browser.setHtml(f"<p>{html.escape(text)}</p>")

    def _refresh(self) -> None:
        if self._rendered is None:
            self.browser.clear()
            return
        self.browser.setHtml(self._rendered.inline if self._mode == "inline"
                             else self._rendered.side)
