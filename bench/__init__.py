"""Benchmarks: the synthetic graph generator, the measuring stages and their harness.

Outside the runtime packages; imported by ``kizuna bench*`` and by the tests."""
