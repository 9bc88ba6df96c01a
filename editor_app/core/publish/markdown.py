"""The one place the publish package takes the canonical Markdown model from.

The Qt-free model (``markdown_model``/``markdown_inline``) is moving from
``editor_app.gui.editor`` into ``editor_app.core``; when it lands, only this import changes.
"""

from __future__ import annotations

from editor_app.gui.editor.markdown_model import (
    BlockKind,
    ImageBlock,
    Run,
    TextBlock,
    parse_markdown,
    render_markdown,
)

__all__ = ["BlockKind", "ImageBlock", "Run", "TextBlock", "parse_markdown", "render_markdown"]
