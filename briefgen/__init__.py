"""briefgen: several news articles about one event in, a footnoted briefing memo out."""

from __future__ import annotations

__version__ = "0.1.0"
