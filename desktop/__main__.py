"""`python -m desktop` runs the same command line as `stationdesk`."""

from desktop.cli import main

raise SystemExit(main())
