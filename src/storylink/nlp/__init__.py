"""The language components analyze runs, one layer each (see ``storylink.analyze``)."""
