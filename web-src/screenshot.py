"""Take the README screenshot of the dashboard (docs/screenshot-dashboard.png).

    .venv/bin/eventwire ingest --db .venv/demo.sqlite examples/
    .venv/bin/python web-src/screenshot.py --db .venv/demo.sqlite --out docs/screenshot-dashboard.png

Serves the store on a free loopback port, opens the page in Debian's headless
Chromium (Playwright, ``/usr/bin/chromium``; no browser download), opens the
event with the most fatalities so the panel shows highlighted evidence, and
saves a PNG.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the event store to show")
    ap.add_argument("--out", default="docs/screenshot-dashboard.png")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--event", default=None, help="event id to open (default: most fatalities)")
    ap.add_argument("--zoom", type=int, default=None, help="map zoom level for the picture (default: as the page chose)")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=960)
    args = ap.parse_args(argv)

    import uvicorn
    from playwright.sync_api import sync_playwright

    from eventwire.store import open_store
    from eventwire.web.app import create_app

    store = open_store(args.db, create=False)
    event_id = args.event
    if event_id is None:
        top = store.query(limit=1, order="-fatalities")
        event_id = top[0]["event_id_cnty"] if top else None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body[data-ready='1']", timeout=30_000)
            if event_id:
                row = page.locator(f"#events-table tbody tr[data-event-id='{event_id}']")
                if row.count():
                    row.first.click()
                    page.locator("#event-detail .article-text").first.wait_for(timeout=15_000)
            if args.zoom is not None:
                page.wait_for_timeout(800)
                page.evaluate(f"window.eventwire.map.setZoom({int(args.zoom)}, {{animate: false}})")
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(800)
            page.screenshot(path=args.out)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
