"""The site-wide outputs made from the data and the built pages."""
