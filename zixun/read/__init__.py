"""Reading raw input: bytes → decoded text → a :class:`Page` the stages work on."""

from zixun.read.page import Page, load_page

__all__ = ["Page", "load_page"]
