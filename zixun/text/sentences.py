"""Split Chinese (and mixed) text into sentences without breaking quotes.

Why by hand: generic splitters cut at '。' inside “…” quotations and at decimal points;
Chinese news quotes whole speeches, so a sentence ends at 。！？… only outside quotes
(or right after a closing quote that follows one of them).
"""

from __future__ import annotations

_END = "。！？!?…；"
_OPEN = "“‘「『(（"
_CLOSE = "”’」』)）"


def split_sentences(text: str, *, semicolon: bool = False) -> list[str]:
    """Return the sentences of ``text`` in order, each with its closing punctuation."""
    enders = _END if semicolon else _END.replace("；", "")
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        buf.append(ch)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
            if depth == 0 and len(buf) >= 2 and buf[-2] in enders:
                out.append("".join(buf))
                buf = []
        elif ch in enders and depth == 0:
            while i + 1 < n and text[i + 1] in enders:
                i += 1
                buf.append(text[i])
            if ch == "." or not (i + 1 < n and text[i + 1] in _CLOSE):
                out.append("".join(buf))
                buf = []
        elif ch == "\n":
            if "".join(buf).strip():
                out.append("".join(buf))
            buf = []
        i += 1
    if "".join(buf).strip():
        out.append("".join(buf))
    return [s.strip() for s in out if s.strip()]
