"""Small HTML readers for tests that check pages without a browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)


class PageReader(HTMLParser):
    """Collects forms (with their named controls), scripts and inline event handlers of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self.scripts: list[dict[str, str | None]] = []
        self.inline_handlers: list[str] = []
        self.style_attributes: list[str] = []
        self.javascript_links: list[str] = []
        self.ids: list[str] = []
        self._select: str | None = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        self.inline_handlers += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        if "style" in attributes:
            self.style_attributes.append(tag)
        if tag == "a" and (attributes.get("href") or "").strip().lower().startswith("javascript:"):
            self.javascript_links.append(str(attributes["href"]))
        if tag == "script":
            self.scripts.append(attributes)
        elif tag == "form":
            self.forms.append(
                Form(method=(attributes.get("method") or "get").lower(), action=attributes.get("action") or "")
            )
        elif tag in {"input", "textarea"} and self.forms and attributes.get("name"):
            # What a browser would send untouched: unticked boxes and radios send nothing.
            name = str(attributes["name"])
            values = self.forms[-1].fields.setdefault(name, [])
            if attributes.get("type") not in {"checkbox", "radio"} or "checked" in attributes:
                values.append(attributes.get("value") or "")
        elif tag == "select" and self.forms and attributes.get("name"):
            self._select = str(attributes["name"])
            self.forms[-1].fields.setdefault(self._select, [])
        elif tag == "option" and self.forms and self._select and "selected" in attributes:
            self.forms[-1].fields[self._select].append(attributes.get("value") or "")
        if tag == "button" and self.forms:
            self.forms[-1].buttons.append((attributes.get("name") or "", attributes.get("value") or ""))


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    return reader
