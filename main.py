"""Thin launcher: ``python main.py`` behaves like the ``sampadak`` command."""

from __future__ import annotations

from editor_app.app import main

if __name__ == "__main__":
    raise SystemExit(main())
