"""The one place the publish package takes the canonical Markdown model from
(:mod:`editor_app.core.markdown_model`, shared with the editor and the CLI)."""

from __future__ import annotations

from editor_app.core.markdown_model import (
    BlockKind,
    ImageBlock,
    Run,
    TextBlock,
    parse_markdown,
    render_markdown,
)

__all__ = ["BlockKind", "ImageBlock", "Run", "TextBlock", "parse_markdown", "render_markdown"]
