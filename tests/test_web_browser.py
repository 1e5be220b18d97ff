"""End to end: the dashboard in headless Debian Chromium, driven by Playwright.

Needs ``apt-get install -y chromium chromium-driver``. Without Chromium the
tests skip with that message -- except under CI (env CI set), where they fail.
The screenshot goes to $EVENTWIRE_ARTIFACTS (default: artifacts/) as
``dashboard-e2e.png``.
"""

from __future__ import annotations

import csv
import io
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from eventwire.store import open_store
from eventwire.web.app import create_app
from web_corpus import HOSTILE, FakePipeline, fill_store

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(180)]

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("EVENTWIRE_ARTIFACTS", "artifacts"))


def _need_chromium() -> None:
    problem = None
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        problem = f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium chromium-driver`"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright Python package is not installed (pip install playwright; no browser download needed)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {problem}", pytrace=False)
        pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _need_chromium()
    import uvicorn

    store = open_store(str(tmp_path_factory.mktemp("web-e2e") / "events.sqlite"))
    fill_store(store)
    app = create_app(store, pipeline=FakePipeline())
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    # Record CSP violations (init scripts are injected by the browser, not subject to CSP).
    pg.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    # Everything the page loads must come from the server itself.
    pg.outside = []

    def route(r):
        if r.request.url.startswith(server):
            r.continue_()
        else:
            pg.outside.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    yield pg
    context.close()


def expect(locator):
    from playwright.sync_api import expect as _expect

    _expect.set_options(timeout=15_000)  # a busy CI machine is slower than 5 s sometimes
    return _expect(locator)


def _rows(page) -> int:
    return page.locator("#events-table tbody tr").count()


def _check_clean(page) -> None:
    assert page.evaluate("window.__csp") == [], "the page violated its own Content-Security-Policy"
    assert page.outside == [], f"requests left the server: {page.outside}"
    assert page.dialogs == [], f"a script ran: {page.dialogs}"
    assert page.evaluate("window.__pwned === undefined"), "hostile markup was executed"
    assert page.errors == [], page.errors


def test_filter_click_marker_and_see_evidence(page):
    assert _rows(page) == 6
    assert page.locator(".ew-country").count() > 100  # the offline basemap is drawn
    assert page.locator("#timeline rect").count() >= 5

    page.select_option("#f-type", "Battles")
    expect(page.locator("#events-table tbody tr")).to_have_count(1)
    markers = page.locator(".leaflet-marker-icon.ew-marker")
    assert markers.count() == 1
    assert markers.first.get_attribute("data-event-id") == "sd-fasher-1"
    assert page.locator("#export-csv").get_attribute("href").count("event_type=Battles") == 1

    markers.first.click()
    detail = page.locator("#event-detail")
    detail.locator(".article-text").first.wait_for()
    assert "Battles — Armed clash" in detail.locator(".event-title").inner_text()
    first_article = detail.locator("section.article").first
    sentence = first_article.locator("mark.ev-sentence").all_inner_texts()
    assert "Fierce fighting broke out" in "".join(sentence)
    fields = dict(
        zip(
            first_article.locator("mark.ev-field").evaluate_all("ms => ms.map(m => m.dataset.fields)"),
            first_article.locator("mark.ev-field").all_inner_texts(),
        )
    )
    assert fields.get("actor2") == "Rapid Support Forces"
    assert fields.get("location") == "El Fasher"
    assert "actor1" in detail.locator("sup.ev-label").all_inner_texts()
    # the article text shown is the document text as stored
    assert "The city is the last major urban centre in Darfur" in detail.locator(".article-text").first.inner_text()
    # the same battle reported by a second source: both articles, each with its own evidence
    articles = detail.locator("section.article")
    expect(articles).to_have_count(2)
    second = articles.nth(1)
    assert second.get_attribute("data-doc-id") == "nile-times-fasher"
    assert "Army troops and RSF fighters clashed" in "".join(second.locator("mark.ev-sentence").all_inner_texts())
    second_fields = dict(zip(second.locator("mark.ev-field").evaluate_all("ms => ms.map(m => m.dataset.fields)"),
                             second.locator("mark.ev-field").all_inner_texts()))
    assert second_fields.get("actor2") == "RSF fighters"
    assert "Sources (2)" in detail.inner_text() or "SOURCES (2)" in detail.inner_text()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-e2e.png"), full_page=True)
    assert (ARTIFACTS / "dashboard-e2e.png").stat().st_size > 10_000
    _check_clean(page)


def test_evidence_offsets_after_an_emoji(page):
    # The Kenyan article has a flag emoji (two code points, four UTF-16 units)
    # before the Mombasa sentence: the highlight must still land on the right words.
    page.select_option("#f-country", "Kenya")
    expect(page.locator("#events-table tbody tr")).to_have_count(2)
    page.locator("#events-table tbody tr", has_text="Mombasa").click()
    detail = page.locator("#event-detail")
    detail.locator(".article-text mark.ev-sentence").first.wait_for()
    text = "".join(detail.locator(".article-text mark.ev-sentence").all_inner_texts())
    assert text.startswith("In Mombasa on Thursday") and text.endswith("died in the clashes.")
    assert "Mombasa" in detail.locator(".article-text mark.ev-field").all_inner_texts()
    # the map zooms to the event and marks it (regression: fractional zoom broke clustering)
    expect(page.locator(".ew-marker.selected[data-event-id='ke-mombasa-1']")).to_have_count(1)
    _check_clean(page)


def test_hostile_article_is_shown_as_plain_text(page):
    page.select_option("#f-country", "Tunisia")
    expect(page.locator("#events-table tbody tr")).to_have_count(1)
    row = page.locator("#events-table tbody tr").first
    assert "<script>" in row.inner_text()  # the actor name, as text
    row.click()
    detail = page.locator("#event-detail")
    detail.locator(".article-text").first.wait_for()
    shown = detail.locator(".article-text").inner_text()
    assert "<script>window.__pwned='text'; alert('text')</script>" in shown
    assert "<img src=x onerror=\"window.__pwned='img'\">" in shown
    assert HOSTILE.title in detail.locator(".article h4").inner_text()
    assert "<svg onload" in detail.locator(".notes").inner_text()
    # the markup stayed text: no element was created from it
    assert page.locator("#event-detail script, #event-detail img, #event-detail svg").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    assert "bold" not in detail.locator("b").all_inner_texts()
    assert page.locator("img[src='x']").count() == 0
    # a javascript: URL never becomes a link
    assert page.locator("a[href^='javascript']").count() == 0
    assert detail.locator("a").count() == 0
    # the field evidence inside the hostile text is highlighted, as text
    assert any("<script>" in t for t in detail.locator(".article-text mark.ev-field").all_inner_texts())
    page.wait_for_timeout(300)
    _check_clean(page)


def test_date_actor_and_text_filters(page):
    page.fill("#f-actor", "rapid support")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events-table tbody tr")).to_have_count(1)
    expect(page.locator("#events-table tbody tr").first).to_contain_text("El Fasher")
    page.fill("#f-actor", "")
    page.fill("#f-text", "tyres")
    page.press("#f-text", "Enter")
    expect(page.locator("#events-table tbody tr")).to_have_count(1)
    expect(page.locator("#events-table tbody tr").first).to_contain_text("Mombasa")
    page.click("#f-reset")
    expect(page.locator("#events-table tbody tr")).to_have_count(6)
    page.fill("#f-date-from", "2024-03-06")
    page.fill("#f-date-to", "2024-03-07")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events-table tbody tr")).to_have_count(2)
    assert sorted(page.locator("#events-table tbody tr td:first-child").all_inner_texts()) == ["2024-03-06", "2024-03-07"]
    # the export link carries the same filters
    href = page.locator("#export-csv").get_attribute("href")
    assert "date_from=2024-03-06" in href and "date_to=2024-03-07" in href
    _check_clean(page)


def test_the_view_is_in_the_url(page, server):
    page.select_option("#f-country", "Sudan")
    expect(page.locator("#events-table tbody tr")).to_have_count(2)
    page.locator("#events-table tbody tr", has_text="Nyala").click()
    page.locator("#event-detail .article-text").first.wait_for()
    url = page.url
    assert "country=Sudan" in url and "event=sd-nyala-1" in url
    # a fresh page opened on that link shows the same view
    other = page.context.new_page()
    other.goto(url)
    other.wait_for_selector("body[data-ready='1']")
    expect(other.locator("#events-table tbody tr")).to_have_count(2)
    expect(other.locator("#event-detail .event-title")).to_contain_text("Air/drone strike")
    # a crafted fragment is only ever a filter value
    other.goto(server + "/#country=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&event=%3Cscript%3E")
    other.wait_for_selector("body[data-ready='1']")
    assert other.locator("img[src='x'], #event-detail script").count() == 0
    other.close()
    _check_clean(page)


def test_timeline_brush_filters_map_and_table(page, server):
    box = page.locator("#timeline").bounding_box()
    # drag across the left part of the timeline (the first days only)
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 36, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 36 + (box["width"] - 46) * 0.3, y, steps=5)
    page.mouse.up()
    expect(page.locator("#brush-clear")).to_be_visible()
    n = _rows(page)
    assert 1 <= n < 6
    dates = page.locator("#events-table tbody tr td:first-child").all_inner_texts()
    label = page.locator("#brush-label").inner_text()
    first, last = label.replace("showing ", "").split(" to ")
    assert all(first <= d <= last for d in dates)
    markers = page.locator(".leaflet-marker-icon.ew-marker, .leaflet-marker-icon.ew-cluster")
    shown = sum(int(t) if t.strip() else 1 for t in markers.all_inner_texts())
    assert shown == n
    href = page.locator("#export-csv").get_attribute("href")
    assert f"date_from={first}" in href and f"date_to={last}" in href
    # the export link returns exactly the events the table shows
    resp = page.request.get(server + href)
    assert resp.ok and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text())))
    assert len(rows) == n and all(first <= r["event_date"] <= last for r in rows)
    page.click("#brush-clear")
    expect(page.locator("#events-table tbody tr")).to_have_count(6)
    _check_clean(page)


def test_paste_an_article(page):
    page.click("#tab-paste")
    page.fill("#paste-form input[name=title]", "Students <b>protest</b>")
    page.fill("#paste-text", "Hundreds of students staged a protest outside the ministry in Dakar. <img src=x onerror=alert(9)>")
    page.click("#paste-run")
    page.locator("#paste-results li").first.wait_for()
    assert page.locator("#paste-results li").count() == 1
    assert page.locator(".leaflet-marker-icon.ew-preview").count() == 1
    page.locator("#paste-results li").first.click()
    detail = page.locator("#event-detail")
    detail.locator(".article-text mark.ev-sentence").first.wait_for()
    assert "staged a protest outside the ministry in Dakar" in detail.locator(".article-text mark.ev-sentence").first.inner_text()
    assert "<img src=x onerror=alert(9)>" in detail.locator(".article-text").inner_text()
    _check_clean(page)


def test_paste_then_store_the_article(page):
    # the test server is on loopback without a token: the page offers to store the article
    before = _rows(page)
    page.click("#tab-paste")
    page.fill("#paste-form input[name=title]", "Traders protest fees")
    page.fill("#paste-form input[name=published]", "2024-03-10")
    page.fill("#paste-text", "Market traders held a protest against new fees in Dakar. <script>window.__pwned='stored'</script>")
    page.click("#paste-run")
    expect(page.locator("#store-form")).to_be_visible()
    expect(page.locator("#store-token-label")).to_be_hidden()
    page.click("#store-run")
    expect(page.locator("#store-status")).to_contain_text("stored as")
    expect(page.locator("#events-table tbody tr")).to_have_count(before + 1)
    row = page.locator("#events-table tbody tr", has_text="Dakar")
    row.click()
    detail = page.locator("#event-detail")
    detail.locator(".article-text").first.wait_for()
    assert "<script>window.__pwned='stored'</script>" in detail.locator(".article-text").first.inner_text()
    _check_clean(page)
