"""Dialogue rounds: mentions in the text, what the sentences around them say, linking them to
known rounds (or new ones), the article's main round, and dating an undated article by it."""
