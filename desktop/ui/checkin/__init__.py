"""The check-in console: USB scanner and webcam input, coloured feedback, manual sign-in, kiosk mode."""
