"""The window: the only package that imports Qt; it calls desktop.services for everything."""
