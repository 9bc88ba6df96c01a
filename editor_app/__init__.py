"""Sampadak (संपादक): an editorial review desk for Hindi newsrooms."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Sampadak"
APP_ID = "in.sampadak.Sampadak"
