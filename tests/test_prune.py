"""The theme's stylesheet keeps every rule a page or a script of the site can use, and only those."""

from __future__ import annotations

from web.prune import classes_in_use, prune_stylesheet

KNOWN = {"md-typeset", "md-nav", "md-nav--open", "<p>", "<a>", "<html>", "<body>", "<*>", "=open", "=slate"}


def test_a_rule_for_a_class_no_page_or_script_has_goes():
    css = ".md-typeset p{color:red}.md-search{display:block}.md-nav,.md-tabs{margin:0}"
    assert prune_stylesheet(css, KNOWN) == ".md-typeset p{color:red}.md-nav,.md-tabs{margin:0}"


def test_classes_inside_not_is_and_where_are_not_required():
    css = ".md-typeset a:not(.md-button){x:1}:is(.md-tabs,.md-nav) a{y:2}.md-typeset :where(.md-tabs){z:3}"
    assert prune_stylesheet(css, KNOWN) == css


def test_a_rule_for_an_element_no_page_or_script_has_goes_and_attributes_name_no_element():
    css = ".md-typeset kbd{a:1}.md-typeset [data-md-state=open] p{b:2}:root{--c:3}"
    assert prune_stylesheet(css, KNOWN) == ".md-typeset [data-md-state=open] p{b:2}:root{--c:3}"


def test_media_blocks_keep_what_applies_and_vanish_when_nothing_does():
    css = "@media screen{.md-nav--open{a:1}.md-search{b:2}}@media print{.md-search{c:3}}@font-face{font-family:x}"
    assert prune_stylesheet(css, KNOWN) == "@media screen{.md-nav--open{a:1}}@font-face{font-family:x}"


def test_classes_come_from_the_pages_their_inline_scripts_and_the_sites_scripts(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<p class="md-typeset x" data-md-color-scheme="slate"><script>el.classList.add("hig-js")</script></p>',
        encoding="utf-8",
    )
    (tmp_path / "assets" / "app.js").write_text('toggle("md-nav--open")', encoding="utf-8")
    known = classes_in_use(tmp_path)
    assert {"md-typeset", "x", "hig-js", "md-nav--open", "<p>", "<script>", "=slate", "=md-nav--open"} <= known


def test_a_rule_for_an_attribute_value_nothing_gives_goes():
    css = '[data-md-color-scheme=slate]{a:1}[data-md-color-primary=pink]{b:2}[data-md-state="open"] .md-nav{c:3}'
    assert prune_stylesheet(css, KNOWN) == '[data-md-color-scheme=slate]{a:1}[data-md-state="open"] .md-nav{c:3}'


def test_a_theme_feature_the_site_does_not_turn_on_keeps_none_of_its_classes_from_the_script(tmp_path):
    """The theme's script names every feature's classes; tabs count only where a page holds a tab set, the
    version selector only where the theme's configuration names a version."""
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text('x("tabbed-labels md-version__list md-nav")')
    (tmp_path / "index.html").write_text('<p class="md-nav"></p><script>{"version": null}</script>')
    off = classes_in_use(tmp_path)
    assert "md-nav" in off and "tabbed-labels" not in off and "md-version__list" not in off
    (tmp_path / "tabs.html").write_text(
        '<div class="tabbed-set"></div><script>{"version": {"provider": "mike"}}</script>'
    )
    on = classes_in_use(tmp_path)
    assert {"tabbed-labels", "md-version__list", "tabbed-set"} <= on
