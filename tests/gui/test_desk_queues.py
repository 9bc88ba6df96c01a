"""The desk in the window: queue selector, assignee/deadline columns, assigning, dashboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from editor_app.core.profiles import Role
from editor_app.core.users import list_users
from editor_app.gui.article_table import DEADLINE_COLUMN, OVERDUE_COLOUR
from editor_app.gui.review.desk import AssignDialog, desk_menu, unassign
from tests.core.workflow.desk_fixtures import add_story, add_user


def settle(window) -> None:
    assert window.tasks.wait_idle()


def shown_ids(window) -> set[int]:
    model = window.article_list.model
    return {model.summary(row).id for row in range(model.rowCount())}


@pytest.fixture
def desk(make_window, gui_db):
    """A window of the copy editor नेहा with a small desk around her."""
    window = make_window(role=Role.COPY_EDITOR)
    me = window.profile
    r = add_user(gui_db, "आरती कुशवाहा", Role.REPORTER, "arti")
    other = add_user(gui_db, "सुनील वर्मा", Role.COPY_EDITOR, "sunil")
    past = datetime.now(UTC) - timedelta(hours=2)
    stories = {
        "mine_late": add_story(gui_db, "जयपुर में बारिश", "in_copy_edit", owner=r,
                               assignee=me, deadline=past),
        "mine_sub": add_story(gui_db, "बजट पेश", "submitted", owner=r, assignee=me),
        "mine_done": add_story(gui_db, "मैच जीता", "approved", owner=r, assignee=me),
        "theirs": add_story(gui_db, "मेट्रो रूट", "in_copy_edit", owner=r, assignee=other),
        "free": add_story(gui_db, "डेंगू के मामले", "submitted", owner=r),
    }
    window.reload_list()
    settle(window)
    return window, stories


def test_my_queue_shows_only_my_open_stories(qtbot, desk):
    window, stories = desk
    listing = window.article_list
    assert set(stories.values()) <= shown_ids(window)  # all stories first
    combo = listing.queue_filter
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the entry after "all stories": My queue
    settle(window)
    assert combo.currentText() == "मेरी सूची (My queue)"
    assert shown_ids(window) == {stories["mine_late"], stories["mine_sub"]}
    listing.set_queue("waiting")
    settle(window)
    assert shown_ids(window) == {stories["mine_sub"], stories["free"]}
    listing.set_queue("overdue")
    settle(window)
    assert shown_ids(window) == {stories["mine_late"]}


def test_assignee_and_deadline_columns_mark_overdue(desk):
    window, stories = desk
    model = window.article_list.model
    late = model.row_of(stories["mine_late"])
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert header[4:] == ["संपादक (Assignee)", "समय-सीमा (Deadline)"]
    assert model.index(late, 4).data() == "नेहा त्रिपाठी"
    cell = model.index(late, DEADLINE_COLUMN)
    assert cell.data().startswith("⚠")
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_COLOUR
    assert "overdue" in cell.data(Qt.ItemDataRole.ToolTipRole)
    free = model.row_of(stories["free"])
    assert model.index(free, 4).data() == "" and model.index(free, DEADLINE_COLUMN).data() == ""
    assert model.index(free, DEADLINE_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is None


def test_take_a_story_and_the_dashboard_follows(qtbot, desk):
    window, stories = desk
    panel = window.desk.panel
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        window.desk.dashboard.trigger()
    assert panel.isVisible()
    counts = panel.counts
    assert counts is not None and counts.by_status["submitted"] == 2
    assert panel.unassigned_label.text().endswith(": 2")  # the free story and the sample
    assert panel.overdue_label.text() == "समय-सीमा बीती (Overdue): 1"
    bars = {b.label: (b.value, b.highlighted) for b in panel.assignee_chart.bars}
    assert bars["नेहा त्रिपाठी"] == (2, 1)
    window.article_list.select(stories["free"])
    settle(window)
    assert window.record.id == stories["free"]
    desk_menu(window).aboutToShow.emit()
    assert window.desk.take.isEnabled() and not window.desk.assign.isEnabled()
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        window.desk.take.trigger()
    settle(window)
    values = {b.label: b.value for b in panel.assignee_chart.bars}
    assert values["नेहा त्रिपाठी"] == 3 and values["(कोई नहीं)"] == 1
    assert panel.unassigned_label.text().endswith(": 1")
    model = window.article_list.model
    assert model.index(model.row_of(stories["free"]), 4).data() == "नेहा त्रिपाठी"
    assert window.record.desk.assignee_id == window.profile.id


def test_desk_chief_assigns_through_the_dialog(qtbot, desk, gui_db, monkeypatch):
    window, stories = desk
    chief = add_user(gui_db, "कविता शर्मा", Role.DESK_CHIEF, "kavita")
    window.workflow.set_actor(chief)  # File → Switch user
    window.article_list.select(stories["free"])
    settle(window)
    due = datetime(2026, 12, 24, 18, 30, tzinfo=UTC)

    def answer(dialog: AssignDialog) -> int:
        dialog.assignee.setCurrentIndex(dialog.assignee.findText("सुनील वर्मा",
                                                                 Qt.MatchFlag.MatchStartsWith))
        dialog.has_deadline.setChecked(True)
        dialog.set_deadline(due)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AssignDialog, "exec", answer)
    desk_menu(window).aboutToShow.emit()
    assert window.desk.assign.isEnabled()
    window.desk.assign.trigger()
    settle(window)
    settle(window)
    model = window.article_list.model
    row = model.row_of(stories["free"])
    assert model.index(row, 4).data() == "सुनील वर्मा"
    assert model.summary(row).deadline == due
    assert "25-12-2026 00:00 IST" in model.index(row, DEADLINE_COLUMN).data(
        Qt.ItemDataRole.ToolTipRole)


def test_a_refused_assignment_shows_the_reason(qtbot, desk, monkeypatch):
    window, stories = desk
    errors: list[str] = []
    monkeypatch.setattr("editor_app.gui.review.desk.show_error",
                        lambda _w, title, exc: errors.append(f"{title}: {exc}"))
    window.article_list.select(stories["theirs"])
    settle(window)
    desk_menu(window).aboutToShow.emit()
    assert not window.desk.unassign.isEnabled()  # not hers to give back: greyed out
    unassign(window, window.desk.panel)  # and the core refuses it all the same
    settle(window)
    assert errors and "only its assignee or a desk chief" in errors[0]


def test_dashboard_refreshes_after_a_write_in_the_window(qtbot, desk):
    window, stories = desk
    panel = window.desk.panel
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        window.desk.dashboard.trigger()
    submitted = panel.counts.by_status["submitted"]
    editing = panel.counts.by_status["in_copy_edit"]
    window.article_list.select(stories["mine_sub"])
    settle(window)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        window.workflow.request("in_copy_edit")  # a transition: the counts are read again
    settle(window)
    assert panel.counts.by_status["submitted"] == submitted - 1
    assert panel.counts.by_status["in_copy_edit"] == editing + 1
    assert dict((b.label, b.value) for b in panel.status_chart.bars)[
        "जमा (Submitted)"] == submitted - 1


def test_hidden_dashboard_reads_nothing_until_shown(qtbot, desk):
    window, _stories = desk
    panel = window.desk.panel
    assert not panel.isVisible()
    before = window.tasks.submitted.count("dashboard")
    panel.refresh()
    assert window.tasks.submitted.count("dashboard") == before


def test_switch_user_shows_the_new_users_queue(qtbot, desk, gui_db):
    window, stories = desk
    window.article_list.set_queue("mine")
    settle(window)
    assert stories["theirs"] not in shown_ids(window)
    sunil = next(u for u in list_users(gui_db) if u.login == "sunil")
    window.workflow.set_actor(sunil)
    settle(window)
    assert shown_ids(window) == {stories["theirs"]}


def test_a_search_inside_my_queue_finds_only_my_stories(qtbot, desk):
    window, stories = desk
    listing = window.article_list
    listing.search_box.setText("मेट्रो")  # another editor's story
    qtbot.waitUntil(lambda: shown_ids(window) == {stories["theirs"]}, timeout=5000)
    listing.set_queue("mine")
    settle(window)
    assert shown_ids(window) == set()
    listing.search_box.setText("बारिश")
    qtbot.waitUntil(lambda: shown_ids(window) == {stories["mine_late"]}, timeout=5000)
