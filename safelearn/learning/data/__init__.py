"""Packaged training data (our own writing)."""
