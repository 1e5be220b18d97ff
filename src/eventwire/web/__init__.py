"""The HTTP API and the offline dashboard (``eventwire serve``).

``create_app(store=None, db=None, token=None, loopback=True, ...)`` builds the
FastAPI app; see :mod:`eventwire.web.app` for the routes and the write rule and
:mod:`eventwire.web.security` for the headers, limits and checks every request
goes through. The page's assets live in ``static/`` (third-party parts under
``static/vendor/`` are copied from npm by ``web-src/build.mjs``).
"""

from __future__ import annotations

from .app import create_app, static_dir

__all__ = sorted(["create_app", "static_dir"])
