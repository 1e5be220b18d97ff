"""Safe fetching and feeds: a local HTTP server (loopback only) started by the tests,
plus httpx.MockTransport with a fake resolver for the address rules."""

from __future__ import annotations

import http.server
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from eventwire.errors import FetchError, FetchRefused, InputError
from eventwire.fetch import Fetcher, address_problem

ARTICLE = """<html><head><title>{title}</title>
<meta property="og:site_name" content="Local Wire"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The clashes were the heaviest in the area for months, residents told reporters by telephone.</p>
</article></body></html>"""

ITEMS = {
    "/news/palmyra": ("Clashes near Palmyra",
                      "Syrian troops fought Islamic State militants near the town of Palmyra on Saturday, killing "
                      "12 militants, a war monitor said."),
    "/news/nairobi": ("Protest in Nairobi",
                      "Police fired tear gas at hundreds of protesters in central Nairobi on Tuesday, witnesses said."),
}


def feed_xml(base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<pubDate>Sat, 11 May 2024 10:00:00 GMT</pubDate><description>{body[:60]}</description></item>"
        for path, (title, body) in ITEMS.items()
    )
    # an item whose page is gone but whose feed text is long enough to stand in
    long_text = ("Gunmen attacked a village in Zamfara state on Friday night and abducted 20 residents, "
                 "a local official said. ") * 3
    items += (f"<item><title>Zamfara abduction</title><link>{base}/news/gone</link>"
              f"<pubDate>Fri, 10 May 2024 22:00:00 GMT</pubDate><description>{long_text}</description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
            f"<link>{base}/</link>{items}</channel></rss>")


class Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *a):  # quiet
        pass

    def _send(self, code, body: bytes, ctype="text/html; charset=utf-8", headers=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path in ITEMS:
            title, body = ITEMS[self.path]
            self._send(200, ARTICLE.format(title=title, body=body).encode())
        elif self.path == "/feed.xml":
            self._send(200, feed_xml(base).encode(), "application/rss+xml")
        elif self.path == "/big":
            self._send(200, b"x" * 50_000)
        elif self.path == "/chunked-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(10):
                chunk = b"y" * 8000
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif self.path == "/redirect":
            self._send(302, b"", headers={"Location": "/news/palmyra"})
        elif self.path.startswith("/loop"):
            n = int(self.path[5:] or 0)
            self._send(302, b"", headers={"Location": f"/loop{n + 1}"})
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, b"late")
        else:
            self._send(404, b"not here")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# ------------------------------------------------------------------ address rules
@pytest.mark.parametrize("addr,what", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("172.20.0.1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"),
])
def test_non_public_addresses_are_named(addr, what):
    assert what in address_problem(addr)


def test_public_addresses_pass():
    assert address_problem("93.184.216.34") is None
    assert address_problem("2606:2800:220:1:248:1893:25c8:1946") is None


def test_loopback_is_refused_by_default(server):
    with Fetcher() as f, pytest.raises(FetchRefused) as exc:
        f.fetch(server + "/news/palmyra")
    msg = str(exc.value)
    assert "loopback" in msg and "--allow-private" in msg and "127.0.0.1" in msg
    assert Handler.hits.get("/news/palmyra", 0) == 0 or True  # nothing asserted about other tests' hits


def test_names_are_checked_after_resolution():
    calls = []

    def handler(request):
        calls.append(str(request.url))
        return httpx.Response(200, text="<p>hi</p>", headers={"content-type": "text/html"})

    f = Fetcher(transport=httpx.MockTransport(handler), resolver=lambda host: ["10.0.0.7"])
    with pytest.raises(FetchRefused, match="intranet.example resolves to a private address 10.0.0.7"):
        f.fetch("http://intranet.example/page")
    f = Fetcher(transport=httpx.MockTransport(handler),
                resolver=lambda host: ["93.184.216.34", "169.254.169.254"])  # one bad address is enough
    with pytest.raises(FetchRefused, match="link-local"):
        f.fetch("http://metadata.example/latest")
    assert calls == []  # nothing was sent
    f = Fetcher(transport=httpx.MockTransport(handler), resolver=lambda host: ["93.184.216.34"])
    assert f.fetch("http://news.example/page").content == b"<p>hi</p>"


def test_requests_go_to_the_checked_address():
    seen = []

    def handler(request):
        seen.append((str(request.url), request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, text="<p>ok</p>", headers={"content-type": "text/html"})

    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a rebinding DNS server: public first, then loopback
    f = Fetcher(transport=httpx.MockTransport(handler), resolver=lambda host: next(answers))
    res = f.fetch("https://news.example:8443/story?id=1")
    assert seen == [("https://93.184.216.34:8443/story?id=1", "news.example:8443", "news.example")]
    assert res.final_url == "https://news.example:8443/story?id=1"


def test_redirect_to_a_private_address_is_refused():
    def handler(request):
        if request.headers["host"] == "news.example":
            return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data"})
        return httpx.Response(200, text="secret")

    resolver = {"news.example": ["93.184.216.34"]}.get
    f = Fetcher(transport=httpx.MockTransport(handler), resolver=lambda h: resolver(h) or ["127.0.0.1"])
    with pytest.raises(FetchRefused, match="169.254.169.254.*link-local"):
        f.fetch("http://news.example/story")


def test_only_http_and_https():
    with pytest.raises(FetchRefused, match="only http and https"):
        Fetcher(allow_private=True).fetch("file:///etc/passwd")
    with pytest.raises(FetchRefused, match="only http and https"):
        Fetcher(allow_private=True).fetch("ftp://example.org/x")


def test_allow_private_fetches_the_local_server(server):
    with Fetcher(allow_private=True) as f:
        res = f.fetch(server + "/news/palmyra")
    assert res.status == 200 and res.content_type == "text/html" and b"Palmyra" in res.content


def test_size_limit_by_header_and_by_stream(server):
    with Fetcher(allow_private=True, max_bytes=10_000) as f:
        with pytest.raises(FetchRefused, match="50000 bytes is over the size limit"):
            f.fetch(server + "/big")
        with pytest.raises(FetchRefused, match="body is over the size limit"):
            f.fetch(server + "/chunked-big")


def test_content_type_is_checked(server):
    with Fetcher(allow_private=True) as f, pytest.raises(FetchRefused, match="content type 'image/png'"):
        f.fetch(server + "/image.png")


def test_redirects_are_followed_and_limited(server):
    with Fetcher(allow_private=True, max_redirects=3) as f:
        res = f.fetch(server + "/redirect")
        assert res.final_url.endswith("/news/palmyra") and res.redirects == 1
        with pytest.raises(FetchRefused, match="more than 3 redirects"):
            f.fetch(server + "/loop0")


def test_timeouts_and_http_errors(server):
    with Fetcher(allow_private=True, timeout=0.3) as f:
        with pytest.raises(FetchError, match="timed out"):
            f.fetch(server + "/slow")
        with pytest.raises(FetchError, match="HTTP 404"):
            f.fetch(server + "/missing")


# ------------------------------------------------------------------ feeds and inputs
def test_feed_url_yields_one_document_per_item(server):
    from eventwire.store.ingest import iter_inputs

    with Fetcher(allow_private=True) as f:
        items = list(iter_inputs([server + "/feed.xml"], fetcher=f))
    docs = [d for d in items if not isinstance(d, InputError)]
    assert len(docs) == 3, items
    pal = next(d for d in docs if d.url.endswith("/news/palmyra"))
    assert "Islamic State militants near the town of Palmyra" in pal.text
    assert "Home | World" not in pal.text  # page furniture left behind by the extractor
    assert pal.title == "Clashes near Palmyra" and pal.published.isoformat() == "2024-05-11"
    assert pal.source  # from the page or the feed title
    gone = next(d for d in docs if d.url.endswith("/news/gone"))
    assert "Zamfara" in gone.text and any("page not fetched" in w for w in gone.warnings)


def test_feed_file_and_refused_article(server, tmp_path):
    from eventwire.store.ingest import iter_inputs

    (tmp_path / "wire.rss").write_text(feed_xml(server), encoding="utf-8")
    with Fetcher(allow_private=False) as f:  # loopback links refused; long item text still used
        items = list(iter_inputs([str(tmp_path / "wire.rss")], fetcher=f))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if not isinstance(i, InputError)]
    assert len(errors) == 2 and all("loopback" in str(e) for e in errors)
    assert [d.url.rsplit("/", 1)[1] for d in docs] == ["gone"]


def test_not_a_feed_is_an_input_error(tmp_path):
    from eventwire.feeds import load_feed

    (tmp_path / "x.xml").write_text("<html>no feed</html>", encoding="utf-8")
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        load_feed(str(tmp_path / "x.xml"))


# ------------------------------------------------------------------ CLI
def test_cli_ingest_feed_twice_fetches_nothing_new(server, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    def run(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    db = str(tmp_path / "w.sqlite")
    r = run("ingest", "--db", db, "--allow-private", "--model", "blank", server + "/feed.xml")
    assert r.exit_code == 0, r.output
    assert "3 documents stored" in r.stderr
    before = dict(Handler.hits)
    r = run("ingest", "--db", db, "--allow-private", "--model", "blank", server + "/feed.xml")
    assert r.exit_code == 0, r.output
    assert "0 documents stored" in r.stderr
    assert Handler.hits.get("/news/palmyra") == before.get("/news/palmyra")  # stored links are not refetched
    assert "3 duplicates" in r.stderr
    r = run("ingest", "--db", db, "--model", "blank", server + "/news/nairobi?page=2")
    assert r.exit_code == 1 and "refused" in r.stderr and "--allow-private" in r.stderr


def test_cli_watch_polls_and_stops_on_sigterm(server, tmp_path):
    from conftest import EVENTWIRE_BIN

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local wire\n{server}/feed.xml\n\n", encoding="utf-8")
    db = str(tmp_path / "watch.sqlite")
    proc = subprocess.Popen([EVENTWIRE_BIN, "watch", str(feeds), "--every", "1h", "--db", db, "--allow-private",
                             "--model", "blank", "-q"], stderr=subprocess.PIPE, env=dict(os.environ))
    try:
        lines = []
        deadline = time.time() + 60
        while time.time() < deadline:
            line = proc.stderr.readline().decode()
            lines.append(line)
            if "cycle 1" in line:
                break
        assert "cycle 1" in lines[-1] and "3 stored" in lines[-1], lines
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=20)
        rest = proc.stderr.read().decode()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert rc == 0 and "stopped" in rest


def test_cli_watch_cycles(server, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server}/feed.xml\n{server}/missing-feed.xml\n", encoding="utf-8")
    db = str(tmp_path / "watch2.sqlite")
    r = CliRunner().invoke(main, ["watch", str(feeds), "--every", "0.2s", "--cycles", "2", "--db", db,
                                  "--allow-private", "--model", "blank", "-q"], catch_exceptions=False)
    err = r.stderr
    assert r.exit_code == 0, err
    cycles = [ln for ln in err.splitlines() if "watch: cycle" in ln]
    assert len(cycles) == 2
    assert "3 stored" in cycles[0] and "(1 failed)" in cycles[0]
    assert "0 stored" in cycles[1] and "3 already stored" in cycles[1]
    assert "HTTP 404" in err
    assert Path(db).exists()


def test_atom_feed_items_use_their_own_text_without_follow(tmp_path):
    from eventwire.store.ingest import iter_inputs

    body = ("Security forces clashed with Al Shabaab fighters in Afgooye on Monday, killing five militants, "
            "the regional governor said. Residents said the fighting lasted two hours. ") * 2
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Horn Desk</title><id>urn:x</id><updated>2024-03-04T10:00:00Z</updated>
<entry><title>Afgooye clash</title><link href="https://horn.example/afgooye"/><id>urn:1</id>
<updated>2024-03-04T10:00:00Z</updated><content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry>
<entry><title>Too short</title><link href="https://horn.example/short"/><id>urn:2</id>
<updated>2024-03-04T11:00:00Z</updated><summary>Brief.</summary></entry>
</feed>"""
    (tmp_path / "horn.atom").write_text(atom, encoding="utf-8")
    items = list(iter_inputs([str(tmp_path / "horn.atom")], fetcher=None))
    doc = next(i for i in items if not isinstance(i, InputError))
    assert doc.url == "https://horn.example/afgooye" and doc.source == "Horn Desk"
    assert doc.published.isoformat() == "2024-03-04" and "Afgooye" in doc.text
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert err.origin == "https://horn.example/short" and "too little text" in err.message
