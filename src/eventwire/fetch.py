"""Safe fetching of article pages and feeds over HTTP(S) with httpx.

Every request is checked before it is sent, and again at every redirect:

* only ``http``/``https`` URLs;
* the host name is resolved and **every** address it resolves to must be public:
  private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local
  (169.254/16 -- cloud metadata --, fe80::/10), multicast, reserved and
  unspecified addresses are refused unless ``allow_private=True``; the request
  then connects to the address that was checked (the name goes in the Host
  header and TLS SNI), so a second, different DNS answer cannot redirect it;
* at most ``max_redirects`` redirects;
* a time-out for connecting and reading;
* a size limit: a larger ``Content-Length`` is refused before reading, and a body
  that grows past the limit while streaming is cut off and refused;
* the content type must be one the caller accepts (HTML/XML/feeds/text by default).

A refusal raises :class:`~eventwire.errors.FetchRefused` with one line saying
which rule refused which URL; a network failure or an HTTP error raises
:class:`~eventwire.errors.FetchError`.

Tests swap the network with ``transport=httpx.MockTransport(handler)`` and
the DNS with ``resolver=lambda host: ["93.184.216.34"]``.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpx

from . import __version__
from .errors import FetchError, FetchRefused

DEFAULT_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
    "application/json",
)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
USER_AGENT = f"eventwire/{__version__} (+conflict event extraction; polite fetcher)"

Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}") from None
    return sorted({info[4][0] for info in infos})


def address_problem(addr: str) -> str | None:
    """Why an IP address may not be fetched from (None: it is public)."""
    try:
        ip = ipaddress.ip_address(addr.split("%", 1)[0])
    except ValueError:
        return f"not an IP address: {addr}"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attr, what in (("is_loopback", "loopback"), ("is_link_local", "link-local"),
                       ("is_unspecified", "unspecified"), ("is_multicast", "multicast"),
                       ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(ip, attr):
            return f"{what} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


@dataclass(slots=True)
class FetchResult:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower-case
    charset: str | None
    content: bytes
    redirects: int = 0

    @property
    def text(self) -> str:
        return self.content.decode(self.charset or "utf-8", errors="replace")


class Fetcher:
    """A policy-checked HTTP client. Build once and reuse (connection pooling)."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        timeout: float = 20.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        accept_types: Iterable[str] = DEFAULT_TYPES,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.accept_types = tuple(t.lower() for t in accept_types)
        self.resolver = resolver or system_resolver
        self._client = httpx.Client(
            transport=transport, timeout=httpx.Timeout(timeout), follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept": ", ".join(self.accept_types) + ", */*;q=0.1"},
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ checks
    def check_url(self, url: str) -> str | None:
        """Raise FetchRefused if ``url`` may not be requested; else the checked
        public address to connect to (None: no pinning -- an IP literal, or
        ``allow_private``)."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchRefused(f"{url}: refused: only http and https URLs are fetched (got {parts.scheme or 'none'!r})")
        host = parts.hostname
        if not host:
            raise FetchRefused(f"{url}: refused: no host name")
        if self.allow_private:
            return None
        literal = True
        try:
            addrs = [str(ipaddress.ip_address(host))]
        except ValueError:
            literal = False
            addrs = self.resolver(host)
        if not addrs:
            raise FetchError(f"{url}: cannot resolve host {host!r}")
        for addr in addrs:
            problem = address_problem(addr)
            if problem:
                raise FetchRefused(
                    f"{url}: refused: {host} resolves to a {problem} (use --allow-private to permit)")
        return None if literal else addrs[0]

    @staticmethod
    def _pinned(url: str, addr: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
        """The request to send: connect to the checked address, not to a second DNS answer
        (closes DNS rebinding); Host header and TLS SNI/certificate check keep the name."""
        if addr is None:
            return url, {}, {}
        parts = urllib.parse.urlsplit(url)
        host_ip = f"[{addr}]" if ":" in addr else addr
        netloc = f"{host_ip}:{parts.port}" if parts.port else host_ip
        host_header = parts.netloc.rsplit("@", 1)[-1]
        pinned = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        ext = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
        return pinned, {"Host": host_header}, ext

    def _check_type(self, url: str, content_type: str, accept: tuple[str, ...]) -> None:
        if not content_type:
            return  # no header: let the parser judge the bytes
        if content_type not in accept:
            raise FetchRefused(f"{url}: refused: content type {content_type!r} is not one of {', '.join(accept)}")

    # ------------------------------------------------------------ fetching
    def fetch(self, url: str, *, accept: Iterable[str] | None = None) -> FetchResult:
        """GET ``url`` under the policy; returns the body (at most ``max_bytes``)."""
        accept_t = tuple(t.lower() for t in accept) if accept is not None else self.accept_types
        current = url
        for hop in range(self.max_redirects + 1):
            addr = self.check_url(current)
            target, headers, extensions = self._pinned(current, addr)
            try:
                with self._client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location", "")
                        if not location:
                            raise FetchError(f"{current}: redirect ({resp.status_code}) without a Location")
                        current = urllib.parse.urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"{current}: HTTP {resp.status_code} {resp.reason_phrase}")
                    ctype_full = resp.headers.get("content-type", "")
                    ctype = ctype_full.split(";", 1)[0].strip().lower()
                    self._check_type(current, ctype, accept_t)
                    length = resp.headers.get("content-length")
                    if length and length.isdigit() and int(length) > self.max_bytes:
                        raise FetchRefused(
                            f"{current}: refused: {int(length)} bytes is over the size limit of {self.max_bytes}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            raise FetchRefused(f"{current}: refused: body is over the size limit of {self.max_bytes} bytes")
                    charset = resp.charset_encoding
                    return FetchResult(url=url, final_url=current, status=resp.status_code,
                                       content_type=ctype, charset=charset, content=bytes(body), redirects=hop)
            except httpx.TimeoutException:
                raise FetchError(f"{current}: timed out") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from None
        raise FetchRefused(f"{url}: refused: more than {self.max_redirects} redirects")
