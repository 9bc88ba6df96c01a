"""The WYSIWYG Devanagari article editor and its Markdown bridge."""
