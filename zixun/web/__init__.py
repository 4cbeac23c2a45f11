"""The site and the JSON API (FastAPI + Jinja2); thin over ``zixun.api``."""
