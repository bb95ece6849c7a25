"""Every page offers "report a problem with this page": a link to the publisher's GitHub issue form, filled in
with the page, the steps it shows and its language, in the page's language, sending nothing by itself."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import yaml

from render.report import ISSUE_FORM
from tests.conftest import ROOT
from tests.support.site import language_pages
from web.config import project_at


def report_links(page) -> list:
    return page.soup.select("p.hig-report a")


def test_every_page_links_to_the_issue_form_filled_in_for_it(built_site, languages, guide):
    project = project_at(ROOT)
    assert project.repository, "the tests' build knows its repository ($GITHUB_REPOSITORY)"
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM).read_text(encoding="utf-8"))
    fields = {item["id"] for item in form["body"] if "id" in item}
    for lang, pages in language_pages(built_site, languages).items():
        for page in pages:
            [link] = report_links(page)
            assert link.get_text() == project.labels.get("report_page", lang), page.url
            url = urlsplit(link["href"])
            assert f"{url.scheme}://{url.netloc}{url.path}" == f"{project.repository}/issues/new", page.url
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            assert query["template"] == ISSUE_FORM and set(query) - {"template", "title"} <= fields
            assert query["page"] == project.site_url + page.url and query["lang"] == lang
            shown = [e["id"] for e in page.soup.select("article [id]") if e["id"] in {s.id for s in guide.steps}]
            steps = [s for s in query.get("step", "").split(", ") if s]
            assert set(shown) <= set(steps), (page.url, shown, steps)
            assert link.get("rel") == ["external", "noopener"]


def test_the_issue_form_asks_what_is_wrong_and_the_source_of_the_right_fact():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM).read_text(encoding="utf-8"))
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {"page", "problem", "source"} <= required
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "sources:" in template and "checked:" in template and "For forks" in template
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    rules = [line.split() for line in owners.splitlines() if line.strip() and not line.startswith("#")]
    assert all(len(rule) >= 2 for rule in rules) and any(rule[0] == "/data/steps.yaml" for rule in rules)
