"""The main window's pages, one module each, created on their first visit."""
