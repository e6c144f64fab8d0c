"""The Graph API address OCA's WhatsApp gateway calls. OCA writes Meta's address into each
request; its modules' ``requests`` is replaced by :class:`GraphApiRequests`, which sends the
requests made while :func:`graph_api_address` is in effect to that address instead (a stand-in,
a proxy, a provider's copy of the API). Elsewhere, and by default, it is ``requests`` itself."""

import contextlib
import contextvars

import requests

META_ADDRESS = "https://graph.facebook.com/"
# seconds, where a request names none (OCA's name 10)
TIMEOUT = 10

_address = contextvars.ContextVar("graph_api_address", default=None)


@contextlib.contextmanager
def graph_api_address(address):
    """Sends the gateway's Graph API requests to ``address`` while in effect."""
    token = _address.set(address)
    try:
        yield
    finally:
        _address.reset(token)


def graph_api_url(url):
    """``url`` on the address in effect."""
    address = _address.get()
    if not address or not url.startswith(META_ADDRESS):
        return url
    return address.rstrip("/") + "/" + url.removeprefix(META_ADDRESS)


class GraphApiRequests:
    """``requests`` for OCA's WhatsApp modules: its ``get`` and ``post`` go to the Graph API
    address in effect; the rest is ``requests``."""

    def __getattr__(self, name):
        return getattr(requests, name)

    def get(self, url, *args, **kwargs):
        return requests.get(graph_api_url(url), *args, timeout=kwargs.pop("timeout", TIMEOUT), **kwargs)

    def post(self, url, *args, **kwargs):
        return requests.post(graph_api_url(url), *args, timeout=kwargs.pop("timeout", TIMEOUT), **kwargs)
