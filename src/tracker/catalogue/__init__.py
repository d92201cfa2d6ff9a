"""The message catalogue's sentences, by topic; :mod:`tracker.messages` merges them and looks
them up (docs/i18n.md)."""
