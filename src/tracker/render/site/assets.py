"""The site's two static files: the stylesheet (the HTML report's, the status colours as
classes, and site.css) and site.js, both shipped with the package."""

from __future__ import annotations

from importlib import resources

from tracker.render.report_html import COLORS, CSS


def stylesheet() -> str:
    folder = resources.files(__package__)
    statuses = "\n".join(
        f".s-{status.value} {{ background: {fill}; color: {ink}; }}\n"
        f"svg .s-{status.value} {{ fill: {fill}; }}"
        for status, (fill, ink) in COLORS.items()
    )
    own = folder.joinpath("site.css").read_text(encoding="utf-8")
    return f"{CSS}\n{statuses}\n{own}"


def script() -> str:
    return resources.files(__package__).joinpath("site.js").read_text(encoding="utf-8")
