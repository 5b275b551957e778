"""Quotes and who said them: sentence units, reporting cues, attribution, news-style quotes,
transcripts, genres (editorials, speeches, joint statements) and when words were said."""
