"""Reading målvärde text."""
