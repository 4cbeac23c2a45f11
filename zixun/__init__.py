"""zixun (资讯): a Chinese news engine — raw pages in, finished article pages out.

Public API: ``extract`` (one page → Article, pure), the ``Article`` record and its parts,
and the error tree. Storage, search and recommendation live in ``zixun.api``.
"""

from __future__ import annotations

import logging

from zixun.api import extract
from zixun.errors import ZixunError
from zixun.model import Article, Byline, Published, RelatedItem
from zixun.stages.category import classify
from zixun.stages.summary import summarize
from zixun.stages.tags import tag

__all__ = ["Article", "Byline", "Published", "RelatedItem", "ZixunError", "classify", "extract", "summarize", "tag"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
