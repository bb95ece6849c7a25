"""The site's languages and what MkDocs' configuration says in each: the extra languages of data/translations/
joined to the i18n plugin's list, the name, logo and colours of the university, the theme switch named in the
page's language, and the texts of the bilingual 404 page."""

from __future__ import annotations

from html import escape, unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from guide.project import Project
from render.site import UNIVERSITY_CSS, home_path

from .scripts import head_script


def current_language(config: MkDocsConfig, project: Project) -> str:
    """The language static-i18n is building (the default one outside its run)."""
    return config.plugins["i18n"].current_language or project.languages[0]


def add_languages(config: MkDocsConfig, project: Project) -> set[str]:
    """Each extra language joins the i18n plugin's list (once: static-i18n calls on_config per language); the
    codes added."""
    from mkdocs_static_i18n.config import I18nPluginLanguage

    i18n = config.plugins["i18n"].config
    known = {lang.locale for lang in i18n.languages}
    added = set()
    for tr in project.translations:
        if tr.code in known:
            continue
        language = I18nPluginLanguage()
        # Material prints both as HTML: escaped here, since a translation is data.
        language.load_dict(
            {"locale": tr.code, "name": escape(tr.name), "build": True, "site_name": escape(tr.site_name)}
        )
        failed, _ = language.validate()
        if failed:
            raise Abort(f"data/translations/{tr.code}.yaml: {failed[0][0]}: {failed[0][1]}")
        i18n.languages.append(language)
        added.add(tr.code)
    return added


def configure_site(config: MkDocsConfig, project: Project) -> None:
    """The university's name, logo and colours, the theme switch's name and the 404 page's texts, in the
    language being built."""
    university = project.university
    lang = current_language(config, project)
    config.copyright = escape(university.name(lang))  # Material prints it as HTML
    for scheme in config.theme.get("palette") or []:  # the colour scheme switch, named in the page's language
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
            to = "theme_to_light" if scheme.get("scheme") == "slate" else "theme_to_dark"
            scheme["toggle"]["name"] = escape(project.labels.get(to, lang))
    if university.logo:
        config.theme["logo"] = university.logo
        config.theme["favicon"] = university.logo
    if UNIVERSITY_CSS not in config.extra_css:
        config.extra_css.append(UNIVERSITY_CSS)
    config.extra["head_script"] = head_script()  # overrides/partials/hig-head.html inlines it
    config.extra["not_found"] = [
        {
            "lang": code,
            "title": project.labels.get("not_found_title", code),
            "text": project.labels.get("not_found_text", code),
            "home": project.labels.get("not_found_home", code),
            "href": config.site_url + home_path(code, project.languages[0]),
        }
        for code in project.languages
    ]


def site_names(config: MkDocsConfig, project: Project) -> dict[str, str]:
    """The site's name in each language (the i18n plugin's, or the config's)."""
    names = {lang.locale: lang.site_name for lang in config.plugins["i18n"].config.languages if lang.site_name}
    return {code: unescape(names.get(code) or config.site_name) for code in project.languages}
