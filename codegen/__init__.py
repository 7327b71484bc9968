"""The Normandy telemetry toolchain: one YAML spec in, every dependent file out.

The pipeline runs in stages, one module each:
``loader`` (YAML with positions) -> ``schema`` (the format's structure) ->
``semantics`` (cross-references and Firefox's rules) -> ``model`` (frozen
dataclasses) -> ``render`` (Jinja templates) -> ``formatting`` (black) ->
``writer`` (atomic write, drift check).
"""
