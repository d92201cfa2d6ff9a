"""One module per subcommand; :mod:`tracker.commands.common` holds what they share."""
