"""What the window does on the GUI thread while it starts (issue 7 item 5).

- The first article's slug check (``MetadataPanel.set_data`` compares the stored slug with
  ``slugify(headline)``) romanises on the open task's worker, not the GUI thread: the first
  romanisation imports indic-transliteration (~0.3 s).
- The spell word lists start loading (background ``spell`` job) only after the first list
  page arrived: loading them holds the GIL, which slowed building and painting the window.
"""

from __future__ import annotations

import threading

import editor_app.core.text.romanize as romanize
from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from tests.conftest import skip_unless_spelling


def test_first_open_romanises_the_headline_off_the_gui_thread(make_window, gui_db,
                                                               monkeypatch):
    ArticleService(gui_db).create(ArticleData(headline="नगर निगम की बैठक में बजट पास",
                                              body="बजट पर चर्चा हुई।\n"))
    romanize.romanize_word.cache_clear()  # as in a new process: nothing memoised yet
    threads: list[threading.Thread] = []
    real = romanize._drop_schwas

    def recording(word: str) -> str:  # runs on each memo miss of romanize_word
        threads.append(threading.current_thread())
        return real(word)

    monkeypatch.setattr(romanize, "_drop_schwas", recording)
    window = make_window()
    assert window.record is not None and window.record.data.slug  # a stored slug
    assert window.metadata.slug_auto.isChecked()  # ... recognised as the generated one
    assert threads, "the headline was never romanised"
    assert threading.main_thread() not in threads


def test_spell_preload_starts_after_the_first_list_page(make_window):
    window = make_window()
    if not window.speller.available:
        skip_unless_spelling(window.speller.unavailable_reason)
    window.tasks.wait_idle()
    jobs = window.tasks.submitted
    assert "spell" in jobs, jobs
    assert jobs.index("list") < jobs.index("spell"), jobs
    assert window.speller.ready
