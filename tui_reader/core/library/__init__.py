"""The library: finding article files, the SQLite index, search, speakers across articles."""
