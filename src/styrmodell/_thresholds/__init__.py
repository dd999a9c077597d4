"""Threshold families: the rules that turn an outcome into grönt / gult / rött."""
