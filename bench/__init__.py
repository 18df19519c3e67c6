"""Benchmarks: `python -m bench` measures every figure StationDesk promises and prints it against its target."""
