"""Packaged data of the review app: the words of each statutory body's notification form."""
