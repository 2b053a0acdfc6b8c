"""Shpalta: a publishing platform for a multilingual online newspaper."""
