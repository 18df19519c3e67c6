"""StationDesk: volunteers, events, check-in, hours, points and printing for practice stations."""

__version__ = "0.1.0"
