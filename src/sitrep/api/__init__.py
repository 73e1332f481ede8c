"""HTTP API and dashboard server."""

from sitrep.api.app import create_app, serve

__all__ = ["create_app", "serve"]
