"""What a user can do, as plain functions: each takes a session and an actor, checks and audits."""
