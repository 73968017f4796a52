"""Helpers shared by the tests and the benchmark: a static server and Chromium's settings."""
