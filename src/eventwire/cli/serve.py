"""``eventwire serve``: the HTTP API and the offline dashboard over an event store."""

from __future__ import annotations

import ipaddress
import socket

import click

from ..errors import EventwireError


def is_loopback(host: str) -> bool:
    """True when ``host`` (a name or address) only listens on this machine."""
    h = host.strip().strip("[]")
    if h.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(h, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0].split("%")[0]).is_loopback for i in infos)


@click.command("serve")
@click.option("--db", default=None, envvar="EVENTWIRE_DB", metavar="PATH|URL",
              help="SQLite file or postgresql:// URL (default: $EVENTWIRE_DB, else events.sqlite in the user data dir).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback makes the server read-only unless --token is set.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", default=None, envvar="EVENTWIRE_TOKEN", metavar="TOKEN",
              help="API token that POST /documents must send (Authorization: Bearer TOKEN). "
                   "Default: $EVENTWIRE_TOKEN (better than the option: command lines are visible to other users).")
@click.option("--tiles", default=None, envvar="EVENTWIRE_TILES", metavar="URL",
              help="Optional map tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                   "(default: the offline country outlines only).")
@click.option("--tiles-attribution", default="", help="Attribution text shown for --tiles.")
@click.option("--max-body", default=2_000_000, show_default=True, type=click.IntRange(1_000, 50_000_000),
              help="Largest request body accepted, in bytes.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Host header values to accept (default on loopback: localhost, 127.0.0.1, ::1; else any).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db, host, port, token, tiles, tiles_attribution, max_body, allowed_hosts, log_level) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the offline dashboard at /."""
    import uvicorn

    from ..store import open_store
    from ..web.app import create_app

    loopback = is_loopback(host)
    try:
        store = open_store(db, create=False)
        app = create_app(
            store, token=token, loopback=loopback, max_body=max_body, tiles=tiles,
            tiles_attribution=tiles_attribution, allowed_hosts=list(allowed_hosts) or None,
        )
    except (EventwireError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: dashboard at http://{shown}:{port}/  (API reference: /docs)", err=True)
    if token:
        click.echo("eventwire: POST /documents requires the API token", err=True)
    elif loopback:
        click.echo("eventwire: bound to loopback: ingest over the API is open to this machine only", err=True)
    else:
        click.echo("eventwire: not bound to loopback and no --token: the server is read-only", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                    proxy_headers=False, limit_concurrency=64, timeout_keep_alive=5)
    finally:
        store.close()


commands = [serve]
