"""Staff accounts in the window: sign-in, the first administrator, passwords, the accounts page, the idle lock."""
