"""Bringing stories in: one module per source, a common result type, safe decoding.

Every reader turns bytes into :class:`~editor_app.core.intake.result.ImportResult` values
without touching the database; :mod:`editor_app.core.intake.store` stores accepted results
through :class:`~editor_app.core.articles.ArticleService`. A reader refuses a broken, hostile
or oversized file with :class:`~editor_app.core.errors.ImportRejected` before anything is
stored, so a rejected file never changes the database.
"""
