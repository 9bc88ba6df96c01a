"""Devanagari-aware text tools (no Qt): tokenizer, normalisation, counts, spelling, lint."""

from __future__ import annotations
