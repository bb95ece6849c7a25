"""Printable handouts (PDF) rendered from the same model as the site, with WeasyPrint."""
