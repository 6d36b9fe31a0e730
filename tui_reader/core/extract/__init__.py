"""Extraction: bytes to decoded text, HTML/plain-text/Markdown bodies, metadata, sections."""
