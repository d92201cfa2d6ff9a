"""tracker: hold stated targets to account."""

__version__ = "0.1.0"
