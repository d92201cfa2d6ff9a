"""``python -m tracker``: the same as the ``tracker`` command."""

from tracker.cli.group import main

if __name__ == "__main__":
    main()
