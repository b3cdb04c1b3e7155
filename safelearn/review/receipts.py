"""Where a notification's receipt file is kept: an app above review registers a store (casework's attachments).

Review sits below casework in the layers, so it never imports it; casework's AppConfig.ready() may call
`receipt_store_register(fn)`. Without a store, the sending page takes a receipt note only (no file).

A store is called as fn(user=..., report=..., name=..., data=...) and returns the kept file's id; it raises
ValidationError (e.g. on 'file') for a file it refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ReceiptStore = Callable[..., Any]
_store: ReceiptStore | None = None


def receipt_store_register(store: ReceiptStore | None) -> None:
    global _store
    _store = store


def receipt_store() -> ReceiptStore | None:
    return _store
