"""Review workflow in core: the word + akshara diff (:mod:`.diff`) and, as they land,
revision history, tracked changes and comments. No PySide6 here."""
