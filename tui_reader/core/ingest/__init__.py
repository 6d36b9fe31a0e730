"""Getting articles in: saving pages from the web, importing read-it-later exports."""
