"""A path a stressed student can follow on a phone and on paper: where they are first, finished steps folded,
nothing that pans sideways or moves after load, a printed path of at most four pages, and an offline copy
whose every link stays inside it."""

from __future__ import annotations

import http.server
import io
import json
import threading
import time
import unicodedata
import zipfile
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from pypdf import PdfReader

from guide.model import Guide
from render.journey import heading, places
from render.site import HANDOUTS_FOLDER, OFFLINE_ZIP, ROUTES_FOLDER, STORAGE_KEY, route_url
from tests.support.site import fold, saved_progress
from tools.serve import _Handler, published_url

pytestmark = pytest.mark.browser

PHONES = {"small phone": (320, 640), "phone": (390, 844)}
PRINTED_PER_SHEET = 2  # a printed path page is the checklist's content, less dense: twice its pages at most


# What moved after the first paint (the layout shifts, with the elements that moved), and when the first step
# was read (to compare with the time of the first paint).
SHIFTS = (
    "window.__moved = []; new PerformanceObserver(list => list.getEntries().forEach(e => (e.sources || [])"
    ".forEach(s => window.__moved.push(s.node ? s.node.nodeName + '.' + s.node.className : '?'))))"
    ".observe({type: 'layout-shift', buffered: true});"
    "window.__stepsAt = null; new MutationObserver((records, seen) => records.forEach(r => r.addedNodes.forEach(n =>"
    " { if (n.nodeType === 1 && n.matches('details.hig-step__body') && window.__stepsAt === null) {"
    " window.__stepsAt = performance.now(); seen.disconnect(); } })))"
    ".observe(document, {childList: true, subtree: true});"
)
PAINTED_BEFORE_STEPS = (
    "() => { const p = performance.getEntriesByName('first-contentful-paint')[0];"
    " return !!p && window.__stepsAt !== null && p.startTime < window.__stepsAt; }"
)


def every_page(site: Path) -> list[str]:
    """Every page of the built site, as a path below its root."""
    return sorted(
        str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
    )


def path_pages(guide: Guide) -> list[tuple[str, str]]:
    return [(p.id, lang) for lang in guide.languages for p in guide.profiles]


def next_step(guide: Guide, profile_id: str, ticked: set[str]):
    """The first step of the path with a task not ticked (None when all are)."""
    return next(
        (s for s in guide.steps_for(profile_id) if any(t.id not in ticked for t in s.tasks_for(profile_id))), None
    )


def half_of_the_tasks(guide: Guide, profile_id: str) -> list[str]:
    ids = [t.id for s in guide.steps_for(profile_id) for t in s.tasks_for(profile_id)]
    return ids[: len(ids) // 2]


@pytest.fixture
def phone(browser):
    """A new page in a phone-sized browser (one per size and test, its cache kept from page to page as a
    student's is), with the layout shifts it undergoes counted from the start."""
    contexts: dict[tuple[int, int], object] = {}

    def open_page(size: tuple[int, int]):
        if size not in contexts:
            contexts[size] = browser.new_context(viewport={"width": size[0], "height": size[1]})
        page = contexts[size].new_page()
        page.add_init_script(
            "window.__shift = 0; window.__moved = []; new PerformanceObserver(list => list.getEntries().forEach(e => {"
            " if (e.hadRecentInput) return; window.__shift += e.value; (e.sources || []).forEach(s => {"
            " const n = s.node; window.__moved.push(n ? (n.nodeName + '.' + (n.className || '') + ' ' +"
            " JSON.stringify([s.previousRect, s.currentRect])) : '?');"
            " }); })).observe({type: 'layout-shift', buffered: true});"
        )
        return page

    yield open_page
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("size", PHONES.values(), ids=PHONES.keys())
def test_no_page_pans_sideways_on_a_phone(phone, base, built_site, size):
    page = phone(size)
    wide = []
    for path in every_page(built_site):
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > size[0]:
            wide.append((path, width))
    assert not wide, wide


def test_a_slow_phone_paints_the_header_whole_and_nothing_in_it_moves(browser, base, guide):
    """A first visit with the processor slowed 16 times: the browser paints what it has read so far, and a header
    painted before its last buttons had arrived moved them aside as they did (a layout shift). Every route page
    has the same header and head: the longest path of each language is loaded (the page with the most to read
    after the header, so the most time for the header to be painted half-made)."""
    longest = max(guide.profiles, key=lambda p: len(guide.steps_for(p.id))).id
    moved = {}
    for profile_id, lang in ((longest, lang) for lang in guide.languages):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=3
        )
        context.add_init_script(SHIFTS)
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 16})
        page.goto(base + route_url(profile_id, lang, guide.languages[0]))
        page.wait_for_load_state("load")
        if shifted := page.evaluate("window.__moved"):
            moved[(profile_id, lang)] = shifted
        context.close()
    assert not moved, moved


class _InTwoParts(_Handler):
    """A route page sent in two parts a moment apart, cut after its progress box: the browser paints the box
    before it has read the steps, as a phone on a slow network does."""

    PAUSE = 1.0  # seconds: time enough for a paint on a loaded machine (the test checks there was one)

    def copyfile(self, source, outputfile) -> None:
        body = source.read()
        cut = body.find(b"</div>", body.find(b' hig-progress__saved">'))  # the end of the progress box
        if ROUTES_FOLDER.encode() not in self.path.encode() or cut < 0:
            outputfile.write(body)
            return
        outputfile.write(body[: cut + len(b"</div>")])
        outputfile.flush()
        time.sleep(self.PAUSE)
        outputfile.write(body[cut + len(b"</div>") :])


def settled(page) -> None:
    """Wait until the whole page is in and painted twice since: what could still move it has run."""
    page.wait_for_load_state("load")
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def test_a_returning_student_on_a_slow_network_sees_a_progress_box_that_does_not_move(browser, built_site, guide):
    """Every route page with half its tasks ticked, its steps arriving after its progress box has been painted:
    the box says where the student is before that paint (the head script updates it as soon as it is read, not
    when the first step arrives), so nothing below it moves."""
    prefix = urlsplit(published_url()).path
    handler = type("Handler", (_InTwoParts,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    moved = {}
    try:
        for profile_id, lang in path_pages(guide):
            context = browser.new_context(viewport={"width": 320, "height": 640})
            ticks = dict.fromkeys(half_of_the_tasks(guide, profile_id), True)
            context.add_init_script(f"localStorage.setItem({STORAGE_KEY!r}, {json.dumps(saved_progress(ticks))})")
            context.add_init_script(SHIFTS)
            page = context.new_page()
            url = f"http://127.0.0.1:{server.server_port}{prefix}{route_url(profile_id, lang, guide.languages[0])}"
            page.goto(url)
            settled(page)
            assert page.evaluate(PAINTED_BEFORE_STEPS), (profile_id, lang, "not painted before the steps arrived")
            if shifted := page.evaluate("window.__moved"):
                moved[(profile_id, lang)] = shifted
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert not moved, moved


@pytest.mark.parametrize("size", PHONES.values(), ids=PHONES.keys())
def test_the_next_step_is_on_the_first_screen_and_finished_steps_are_folded(phone, base, guide, labels, size):
    for profile_id, lang in path_pages(guide):
        url = base + route_url(profile_id, lang, guide.languages[0])
        for ticks in ([], half_of_the_tasks(guide, profile_id)):
            page = phone(size)
            # The ticks are in the browser before the page is: as when a student comes back to it.
            page.add_init_script(f"localStorage.setItem({STORAGE_KEY!r}, {json.dumps(saved_progress(ticks))})")
            page.goto(url + "?bank=no")  # with an advice box too, the thing that moved the page before
            settled(page)
            where = (profile_id, lang, len(ticks))
            step = next_step(guide, profile_id, set(ticks))
            go = page.locator(".hig-progress__go")
            assert go.is_visible(), where
            said = heading(
                places(guide.journey(profile_id))[step.id],
                step,
                lambda v, lang=lang: labels.get(v, lang) if isinstance(v, str) else v(lang),
            )
            assert fold(go.inner_text()) == fold(said), where
            box = go.bounding_box()
            assert box["y"] + box["height"] <= size[1], (where, box)
            assert page.evaluate("window.__shift") == 0, (where, page.evaluate("window.__moved"))
            # What is visible: the current step's tasks; not those of finished or later steps.
            for s in guide.steps_for(profile_id):
                first_task = page.locator(f"li.hig-task[data-task='{s.tasks_for(profile_id)[0].id}']")
                assert first_task.is_visible() == (s is step), (where, s.id)
            # Following the one action opens that step.
            go.click()
            assert page.locator(f"li.hig-task[data-task='{step.tasks_for(profile_id)[0].id}']").is_visible()
            page.close()


def test_a_finished_step_says_so_and_opens_on_demand(phone, base, guide):
    profile_id, lang = "non-eu", guide.languages[0]
    url = base + route_url(profile_id, lang, guide.languages[0])
    first = guide.steps_for(profile_id)[0]
    page = phone(PHONES["phone"])
    page.goto(url)
    page.evaluate(
        f"entry => localStorage.setItem({json.dumps(STORAGE_KEY)}, entry)",
        saved_progress(t.id for t in first.tasks_for(profile_id)),
    )
    page.goto(url)
    section = page.locator(f"section.hig-step[data-step='{first.id}']")
    assert section.locator(".hig-step__state").is_visible()
    task = section.locator("li.hig-task").first
    assert not task.is_visible()
    section.locator("details.hig-step__body > summary").click()
    assert task.is_visible() and task.locator("input").is_checked()


def test_steps_that_do_not_apply_are_listed_once_with_each_reason_once(phone, base, guide):
    page = phone(PHONES["phone"])
    for profile_id, lang in path_pages(guide):
        page.goto(base + route_url(profile_id, lang, guide.languages[0]))
        profile = guide.profile(profile_id)
        skipped = [s for s in guide.steps if not s.applies(profile_id)]
        listed = page.eval_on_selector_all("[data-skipped-step]", "els => els.map(e => e.dataset.skippedStep)")
        assert listed == [s.id for s in skipped], (profile_id, lang)
        text = page.locator("article").inner_text()
        for reason in {s.skip_reason(profile)(lang) for s in skipped}:
            assert text.count(reason.replace("'", "’")) == 1, (profile_id, lang, reason)


def test_each_printed_path_takes_at_most_twice_its_checklists_paper_and_shows_every_task(
    browser, base, guide, built_site
):
    """Upstream's checklists are one sheet, so a printed path is four pages at most; a university whose texts make
    its checklists longer (which `make check` says) gets printed paths as much longer, not cut."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    for profile_id, lang in path_pages(guide):
        page.goto(base + route_url(profile_id, lang, guide.languages[0]))
        reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
        text = " ".join((p.extract_text() or "") for p in reader.pages)
        sheet = PdfReader(built_site / HANDOUTS_FOLDER / f"checklist-{profile_id}-{lang}.pdf")
        assert len(reader.pages) <= PRINTED_PER_SHEET * len(sheet.pages), (profile_id, lang, len(reader.pages))
        flat = unicodedata.normalize("NFKC", " ".join(text.split())).replace("’", "'")  # ligatures: fi, fl
        for step in guide.steps_for(profile_id):  # folded on screen, open on paper
            last = step.tasks_for(profile_id)[-1].text(lang)
            # two columns: a task may run from one into the next, so its words are looked for, not its line
            missing = [w for w in last.replace("’", "'").split() if len(w) > 3 and w.strip(".,;:()") not in flat]
            assert not missing, (profile_id, lang, step.id, missing)
    page.close()


def test_the_home_page_names_the_other_languages_in_words(phone, base, guide, labels):
    page = phone(PHONES["phone"])
    for lang in guide.languages:
        page.goto(base + ("" if lang == guide.languages[0] else f"{lang}/"))
        for other in guide.languages:
            if other == lang:
                continue
            link = page.get_by_role("link", name=labels.get("read_in", other))
            assert link.is_visible(), (lang, other)
            assert link.bounding_box()["y"] < PHONES["phone"][1], (lang, other)
            link.click()
            page.wait_for_load_state()
            assert page.evaluate("document.documentElement.lang") == other
            page.go_back()


def test_every_link_of_the_offline_copy_stays_inside_it(browser, built_site, tmp_path, guide):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as zipped:
        zipped.extractall(tmp_path)
    [root] = [p for p in tmp_path.iterdir() if p.is_dir()]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    # A request cut short because the test moved on to the next page (the favicon, say) is no failure; every
    # file a page names is checked on the disk below all the same.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and asked.append("FAILED " + r.url))
    named = "els => els.map(e => e.href || e.src)"
    for html in sorted(root.rglob("*.html")):
        page.goto(html.as_uri())
        for href in page.eval_on_selector_all("a[href], link[href], script[src], img[src]", named):
            if href.startswith("file:"):
                target = Path(href.split("#")[0].split("?")[0][len("file://") :])
                assert target.is_file(), (html.relative_to(root), href)
    assert not [u for u in asked if not u.startswith("file:") or u.startswith("FAILED")], asked
    # The language menu leads to the same page in the other language.
    home = root / "index.html"
    page.goto(home.as_uri())
    other = guide.languages[1]
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-select__link[lang='{other}']").click()
    page.wait_for_load_state()
    assert page.url == urljoin(home.as_uri(), f"{other}/index.html")
    page.close()
