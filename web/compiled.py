"""The theme's templates compiled once per process: MkDocs makes a template environment for each language it
builds (and the plugin one more to hash the inline scripts), each of which would compile them again."""

from __future__ import annotations

import jinja2
import jinja2.bccache


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in this process, for every environment that uses it. A template whose source has
    changed (while serving) is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, tuple[str, object]] = {}  # key -> (checksum of the source, code)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.store.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)


COMPILED = _Compiled()
