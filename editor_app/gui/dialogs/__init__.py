"""Dialogs: first-run profile, errors, conflicts, preferences."""
