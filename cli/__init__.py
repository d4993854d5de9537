"""The ``kizuna`` command line: the same jobs as the HTTP API, for a terminal."""
