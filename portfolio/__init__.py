"""The portfolio, importable without MkDocs, in three rooms; imports run one way, from pages and sitewide to data:

- `portfolio.data`: the records of data/*.yml, read, checked and typed (model, loader, schema, errors, hints,
  the bundled icons);
- `portfolio.pages`: what pages show of them, through the macros (templates in overrides/fragments/);
- `portfolio.sitewide`: the site-wide outputs (resume.json, JSON-LD, the badges' colours, the CSP, one stylesheet
  a page, links that leave the site, the link previews' font).

`portfolio.build` is what main.py hands hooks.py for one build.
"""
