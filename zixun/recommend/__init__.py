"""大家还在看: related (content), co-read (sessions), trending (decayed views), fresh; blended."""
