"""Checks panel: findings grouped by kind, jump and select, fix, fix all with one undo,
ignore with a reason; the house style dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.house_style import load_style
from editor_app.core.lint_ignores import list_ignores
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.text.lint.engine import rule_catalog
from editor_app.gui.dialogs.house_style_dialog import HouseStyleDialog
from editor_app.gui.lint_panel import RULE_ROLE

BODY = "राम औऱ श्याम बाज़ार गए।  वहाँ औऱ लोग भी थे।"


def open_problem_article(qtbot, make_window, gui_db):
    window = make_window()
    record = ArticleService(gui_db, "x").create(
        ArticleData(headline="बाज़ार में भीड़ औऱ शोर", body=BODY))
    window.reload_list(record.id)
    window.open_article(record.id)
    panel = window.checks
    qtbot.waitUntil(lambda: any(f.finding.rule == "unicode.rra" for f in panel.findings()))
    return window, panel


def rule_item(panel, rule):
    for i in range(panel.tree.topLevelItemCount()):
        item = panel.tree.topLevelItem(i)
        if item.data(0, RULE_ROLE) == rule:
            return item
    raise AssertionError(f"no group for {rule}")


def test_findings_grouped_and_jump_selects_span(qtbot, make_window, gui_db):
    window, panel = open_problem_article(qtbot, make_window, gui_db)
    group = rule_item(panel, "unicode.rra")
    assert group.childCount() == 3  # two in the body, one in the headline
    body_child = next(group.child(i) for i in range(group.childCount())
                      if group.child(i).text(0) == "मुख्य पाठ")
    panel.tree.setCurrentItem(body_child)
    panel._jump(body_child)
    assert window.editor.text_edit.textCursor().selectedText() == "औऱ"
    assert "जांच (Checks)" in window.side_tabs.tabText(1)


def test_tooltips_name_the_rule_and_show_the_mark(qtbot, make_window, gui_db):
    """Tooltips give the rule's readable name (never its id) and show a named mark on a
    dotted circle, not an empty "()"."""
    window = make_window()
    record = ArticleService(gui_db, "x").create(
        ArticleData(headline="नई जाँच", body="वहाँ आॅफिस है।"))
    window.reload_list(record.id)
    window.open_article(record.id)
    panel = window.checks
    qtbot.waitUntil(lambda: {"style.nasal", "unicode.donotemit"} <= {
        f.finding.rule for f in panel.findings()})
    titles = {r["id"]: r for r in rule_catalog()}
    for rule in ("style.nasal", "unicode.donotemit"):
        group = rule_item(panel, rule)
        title = f"{titles[rule]['title_hi']} ({titles[rule]['title']})"
        assert group.toolTip(0) == title and rule not in group.toolTip(0)
        for i in range(group.childCount()):
            tip = group.child(i).toolTip(1)
            assert tip.startswith(title) and rule not in tip
            assert "()" not in tip and "( " not in tip
            assert "\u25cc" in tip  # the mark is shown on a dotted circle


def test_fix_all_of_kind_is_one_undo_step(qtbot, make_window, gui_db):
    window, panel = open_problem_article(qtbot, make_window, gui_db)
    edit = window.editor.text_edit
    panel.tree.setCurrentItem(rule_item(panel, "unicode.rra"))
    assert panel.fix_all_button.isEnabled()
    panel.fix_all_button.click()
    assert edit.toPlainText() == BODY.replace("औऱ", "और")
    assert window.metadata.headline.text() == "बाज़ार में भीड़ और शोर"
    edit.undo()
    assert edit.toPlainText() == BODY
    qtbot.waitUntil(lambda: sum(f.finding.rule == "unicode.rra" for f in panel.findings()) == 2)


def test_fix_one_and_ignore_with_reason(qtbot, make_window, gui_db, monkeypatch):
    window, panel = open_problem_article(qtbot, make_window, gui_db)
    group = rule_item(panel, "punct.multiple-spaces")
    panel.tree.setCurrentItem(group.child(0))
    panel.fix_button.click()
    assert "।  वहाँ" not in window.editor.text_edit.toPlainText()
    qtbot.waitUntil(lambda: not any(f.finding.rule == "punct.multiple-spaces"
                                    for f in panel.findings()))
    group = rule_item(panel, "unicode.rra")
    panel.tree.setCurrentItem(group.child(0))
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("उद्धरण की मूल वर्तनी", True))
    panel.ignore_button.click()
    assert not any(f.finding.rule == "unicode.rra" for f in panel.findings())
    (entry,) = list_ignores(gui_db, window.record.id)
    assert entry.reason == "उद्धरण की मूल वर्तनी" and entry.user == "नेहा त्रिपाठी"
    panel.show_ignored.setChecked(True)
    last = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    assert "उद्धरण की मूल वर्तनी" in last.child(0).text(0)


def test_house_style_dialog_roles_and_save(qtbot, gui_db, monkeypatch):
    reporter = HouseStyleDialog(gui_db, ProfileInfo(1, "रवि", Role.REPORTER))
    qtbot.addWidget(reporter)
    assert reporter.editor.isReadOnly() and not reporter.save_button.isEnabled()
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    reporter.save()  # core refuses even if the button were clicked
    assert errors and "may not change the house style" in errors[0]

    chief = HouseStyleDialog(gui_db, ProfileInfo(2, "सुधा", Role.DESK_CHIEF))
    qtbot.addWidget(chief)
    assert not chief.editor.isReadOnly()
    chief.editor.setPlainText("this is = not valid toml [")
    assert not chief.save_button.isEnabled() and "⚠" in chief.status.text()
    shipped = reporter.editor.toPlainText()
    text = shipped.replace('sentence_end = "danda"', 'sentence_end = "period"')
    assert text != shipped
    chief.editor.setPlainText(text)
    assert chief.save_button.isEnabled()
    chief.save()
    assert load_style(gui_db).sentence_end == "period"


def test_busy_indicator_while_checking(qtbot, make_window, gui_db):
    _window, panel = open_problem_article(qtbot, make_window, gui_db)
    assert panel.busy.isHidden()  # results are in
    panel.refresh()
    assert not panel.busy.isHidden()
    qtbot.waitUntil(panel.busy.isHidden)
