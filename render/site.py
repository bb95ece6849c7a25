"""Names the site's files and scripts agree on: one place, read by Python and handed to the pages' scripts."""

from __future__ import annotations

STORAGE_KEY = "health-insurance-guide:tasks"  # the localStorage key of the progress (web/scripts.py sets it in each)
REMINDERS_SCRIPT = "assets/reminders.js"  # the calendar file maker, fetched by checklist.js on first use
CHECKLIST_SCRIPT = "assets/checklist.js"  # loaded only by the pages that hold a checklist
CHOOSER_SCRIPT = "assets/chooser.js"  # loaded only by the page that holds the path chooser
OFFLINE_SCRIPT = "assets/offline.js"  # says when a page is read offline; loaded by the head script where it serves
# The scripts a page loads as it opens (the others, REMINDERS_SCRIPT and SEARCH_SCRIPT, are fetched when used).
PAGE_OPENING_SCRIPTS = (CHECKLIST_SCRIPT, CHOOSER_SCRIPT, OFFLINE_SCRIPT)
OFFLINE_WORKER = "sw.js"  # the service worker, at the site's root so that it serves every page
SEARCH_SCRIPT = "assets/search.js"  # loaded only by the search page, which every page's search field opens
SEARCH_STYLES = "assets/search.css"  # the search page's own rules (every page's field is styled by guide.css)
SEARCH_BUNDLE = "pagefind"  # the search index, one per language, written by Pagefind below the site root
UNIVERSITY_CSS = "assets/university.css"  # the university's colours, made at build time from its file
HANDOUTS_FOLDER = "handouts"  # the PDFs, below the site root
OFFLINE_ZIP = "health-insurance-guide-offline.zip"  # the offline copy, at the site root
ROUTES_FOLDER = "parcours"  # one page per situation: the student's route through the steps
GLOSSARY_PAGE = "glossaire.md"  # its terms are linked from the first place each page mentions them


def home_path(lang: str, default_lang: str) -> str:
    """A language's home below the site root: '' for the default language, 'en/' for another."""
    return "" if lang == default_lang else f"{lang}/"


def route_source(profile_id: str) -> str:
    """The page source of a situation's route, inside a language folder, like 'parcours/non-eu.md'."""
    return f"{ROUTES_FOLDER}/{profile_id}.md"


def route_url(profile_id: str, lang: str, default_lang: str) -> str:
    """The published route page of a situation, below the site root, like 'en/parcours/non-eu/'."""
    return f"{home_path(lang, default_lang)}{ROUTES_FOLDER}/{profile_id}/"


CHOOSER_ANCHOR = "chooser"  # the id of the path chooser on the home page (the slides' closing QR code opens it)
CHANGES_FEED = "changements.xml"  # each language's Atom feed of what changed, beside its home page


def changes_feed(lang: str, default_lang: str) -> str:
    """The site path of the feed of `lang`: 'changements.xml', or 'en/changements.xml'."""
    return home_path(lang, default_lang) + CHANGES_FEED
