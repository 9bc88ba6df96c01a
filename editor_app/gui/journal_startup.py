"""Start-up: save what the local journal kept while the database was unreachable.

Contract of :func:`replay_at_start` (called by :func:`~editor_app.gui.application.
open_main_window` before the list loads): every journal entry of the window's database is
saved over its base version (:func:`~editor_app.core.journal_replay.replay_journal`).
An entry whose article was saved by someone else meanwhile is offered with the normal
conflict choice (:data:`ask_conflict`, patched by tests): keep mine, save mine as a copy,
load theirs (drops the journaled edits) or cancel (the entry stays for the next start).
An entry whose article is gone from the database is saved as a new copy (nothing is lost).
An entry that cannot be saved now stays. A status bar label says what happened, until
the next save. Entries are
removed only after their save landed (or the user chose to drop them).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from editor_app.core.errors import SampadakError
from editor_app.core.journal_replay import (
    Outcome,
    ReplayResult,
    discard,
    keep_mine,
    replay_journal,
    save_copy,
)
from editor_app.core.save_journal import SaveJournal
from editor_app.gui.dialogs.conflict import ConflictChoice
from editor_app.gui.dialogs.conflict import ask_conflict as _ask_conflict_dialog
from editor_app.gui.i18n import translate
from editor_app.gui.save_controller import CONFLICT_COPY_MARK

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["NOTICE_NAME", "ask_conflict", "replay_at_start"]

log = logging.getLogger(__name__)

# Object name of the status bar label saying what the start-up replay did.
NOTICE_NAME = "journalNotice"

# The conflict question (a module attribute so tests can answer it).
ask_conflict = _ask_conflict_dialog


def _resolve(window: MainWindow, journal: SaveJournal, result: ReplayResult) -> bool:
    """Offer one conflicting (or orphaned) entry; True when it is settled."""
    service, entry = window.service, result.entry
    if result.outcome is Outcome.MISSING:
        save_copy(service, journal, entry, CONFLICT_COPY_MARK)
        return True
    detail = translate("JournalStartup", "Unsaved changes to “{headline}” were kept on this "
                       "computer while the server was away; the article was changed "
                       "elsewhere meanwhile.").format(headline=entry.data.headline)
    choice = ask_conflict(window, f"{detail}\n{result.error}")
    if choice is ConflictChoice.KEEP_MINE:
        keep_mine(service, journal, entry)
    elif choice is ConflictChoice.SAVE_AS_COPY:
        save_copy(service, journal, entry, CONFLICT_COPY_MARK)
    elif choice is ConflictChoice.LOAD_THEIRS:
        discard(journal, entry)
    else:
        return False
    return True


def replay_at_start(window: MainWindow) -> list[ReplayResult]:
    """Save the journal's entries (see the module contract); returns the replay results."""
    journal = window.saver.journal
    if journal is None or not journal.entries():
        return []
    results = replay_journal(window.service, journal)
    saved = sum(r.outcome is Outcome.SAVED for r in results)
    waiting = 0
    for result in results:
        if result.outcome not in (Outcome.CONFLICT, Outcome.MISSING):
            waiting += result.outcome is not Outcome.SAVED
            continue
        try:
            settled = _resolve(window, journal, result)
        except SampadakError as exc:
            log.warning("journal entry of article %d not settled: %s",
                        result.entry.article_id, exc)
            settled = False
        saved += settled
        waiting += not settled
    log.info("journal replay at start: %d saved, %d still waiting", saved, waiting)
    if waiting:
        text = translate("JournalStartup", "{saved} changes kept on this computer were "
                         "saved; {waiting} are still waiting").format(saved=saved,
                                                                      waiting=waiting)
    else:
        text = translate("JournalStartup", "{saved} changes kept on this computer were "
                         "saved").format(saved=saved)
    _show_notice(window, text)
    return results


def _show_notice(window: MainWindow, text: str) -> None:
    """A status bar label (``journalNotice``) that stays until the next save landed, so
    the messages of the first article's opening do not hide it."""
    label = QLabel(text)
    label.setToolTip(text)
    label.setObjectName(NOTICE_NAME)
    window.statusBar().addWidget(label)

    def clear(_record: object) -> None:
        window.statusBar().removeWidget(label)
        label.deleteLater()
        window.saver.saved.disconnect(clear)

    window.saver.saved.connect(clear)
