"""``python -m editor_app``: same as the ``sampadak`` command."""

from __future__ import annotations

from editor_app.app import main

if __name__ == "__main__":
    raise SystemExit(main())
