"""One module per subcommand; :mod:`tracker.cli.options` holds what they share."""
