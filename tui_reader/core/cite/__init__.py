"""Citations: references in APA, MLA, Chicago, BibTeX, CSL-JSON and RIS, and the user's corrections."""
