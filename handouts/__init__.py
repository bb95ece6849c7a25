"""Printable handouts (PDF) made from the same model as the site, laid out by Typst (handouts/typst/)."""
