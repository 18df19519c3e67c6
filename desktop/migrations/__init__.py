"""Alembic migrations; HEAD lets start-up see "nothing to do" without loading Alembic."""

# The newest revision under versions/. tests/test_db.py checks it against Alembic's own answer.
HEAD = "0006"
