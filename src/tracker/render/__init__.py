"""One renderer per view and format; each takes computed values and returns text."""
