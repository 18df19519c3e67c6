"""Dialogs opened from the pages: forms, details, the first-run welcome, demo data."""
