"""The text itself: cleaning (boilerplate off, paragraphs), dates, reading files, and how
names are compared. No Django."""
