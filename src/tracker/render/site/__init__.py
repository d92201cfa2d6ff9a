"""``tracker site``: the dataset as a static website (docs/site.md).

- :mod:`~tracker.render.site.page`: what every page shares (links, the document, status
  labels, the goal tables site.js sorts and filters);
- :mod:`~tracker.render.site.index`, :mod:`~tracker.render.site.listing`,
  :mod:`~tracker.render.site.goal` (with :mod:`~tracker.render.site.chart`): the pages;
- :mod:`~tracker.render.site.assets`: site.css and site.js; :mod:`~tracker.render.site.downloads`:
  the export package, when ``tracker export`` is there;
- :mod:`~tracker.render.site.build`: every file of the site, in order;
  :mod:`~tracker.render.site.output`: writing them into the directory, all or nothing.
"""
