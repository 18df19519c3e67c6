"""Table models for the window's lists; each fetches pages from the services, never everything."""
