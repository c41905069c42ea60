"""Reads behind the reports: one module per figure family of statistics.md."""
