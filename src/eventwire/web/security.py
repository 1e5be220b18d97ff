"""The dashboard's safety net, as plain ASGI middleware.

:class:`SecurityMiddleware` wraps the whole app and

* sends a strict Content-Security-Policy (scripts, styles, data only from this
  origin; no inline script; no framing) and the usual hardening headers on
  every response;
* refuses request bodies over ``max_body`` bytes (413), whether announced by
  ``Content-Length`` or streamed;
* when the server is bound to loopback, refuses requests whose ``Host`` is not a
  loopback name (a DNS-rebinding page cannot reach the local API);
* refuses cross-origin writes (an ``Origin`` that is not this host: 403);
* turns any unexpected exception into a bare ``500 {"detail": ...}`` -- the
  traceback goes to the server log, never to the client.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("eventwire.web")

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def content_security_policy(tile_origin: str | None = None) -> str:
    """The CSP header value; ``tile_origin`` is allowed for images only."""
    img = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {img}",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _host_name(host_header: str) -> str:
    """``127.0.0.1:8000`` -> ``127.0.0.1``; ``[::1]:80`` -> ``[::1]``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityMiddleware:
    """Headers, body limits, host/origin checks and a clean 500 (see module doc)."""

    def __init__(
        self,
        app: Any,
        *,
        max_body: int = 2_000_000,
        csp: str | None = None,
        allowed_hosts: Iterable[str] | None = None,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts else None
        self.headers = [
            (b"content-security-policy", (csp or content_security_policy()).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]

    async def _reply(self, send: Any, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *self.headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if self.allowed_hosts is not None and _host_name(host) not in self.allowed_hosts:
            await self._reply(
                send, 400, "Host header not allowed: open the server as http://127.0.0.1:PORT/ "
                "(or start it with --allowed-host NAME)"
            )
            return
        method = scope.get("method", "GET").upper()
        if method in UNSAFE_METHODS:
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc.lower() != host.lower():
                await self._reply(send, 403, "cross-origin request refused")
                return
            if origin == "null":
                await self._reply(send, 403, "cross-origin request refused")
                return
            declared = headers.get("content-length")
            if declared is not None:
                try:
                    too_big = int(declared) > self.max_body
                except ValueError:
                    await self._reply(send, 400, "bad Content-Length")
                    return
                if too_big:
                    await self._reply(send, 413, f"request body over {self.max_body} bytes")
                    return
            # Read the body up front (bounded), then replay it to the app.
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    await self._reply(send, 413, f"request body over {self.max_body} bytes")
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            replayed = False

            async def receive_body() -> dict:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            inner_receive = receive_body
        else:
            inner_receive = receive

        started = False

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, inner_receive, send_with_headers)
        except Exception:  # noqa: BLE001 - the one place that hides internals from clients
            log.exception("unhandled error on %s %s", method, scope.get("path"))
            if not started:
                await self._reply(send, 500, "internal server error")
