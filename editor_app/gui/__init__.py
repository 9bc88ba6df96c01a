"""PySide6 user interface. Depends on ``editor_app.core``; core never imports this."""
