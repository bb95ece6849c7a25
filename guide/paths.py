"""The student's path pages: one per profile and language (no MkDocs here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project

PATHS_FOLDER = "parcours"


def path_source(profile_id: str) -> str:
    """The page source of a profile's path, inside a language folder."""
    return f"{PATHS_FOLDER}/{profile_id}.md"


def path_url(profile_id: str, lang: str, default_lang: str) -> str:
    """The published path page of a profile, below the site root, like 'en/parcours/non-eu/'."""
    prefix = "" if lang == default_lang else f"{lang}/"
    return f"{prefix}{PATHS_FOLDER}/{profile_id}/"


def path_page_markdown(project: Project) -> dict[tuple[str, str], str]:
    """(language, profile id) -> the Markdown source of that path page: two macro calls, and no data text,
    which would otherwise be read as Markdown and as a template."""
    return {
        (lang, profile.id): f'# {{{{ path_title("{profile.id}") }}}}\n\n{{{{ path("{profile.id}") }}}}\n'
        for lang in project.languages
        for profile in project.guide.profiles
    }
