"""Reproducible speed measurements (``make bench``); never timed assertions."""
