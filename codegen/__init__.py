"""The Normandy telemetry toolchain: one YAML spec in, every dependent file out.

The front end runs in stages, one module each: ``loader`` (YAML with
positions) -> ``format_language`` with ``spec_format`` (the format's
structure) -> ``model_builder`` (cross-references and Firefox's rules) ->
``model`` (frozen dataclasses). The back end is one module or package per
output under ``targets/`` (each with its folder of ``templates/``), rendered
by ``render``; then ``formatting`` (black) and ``writer`` (atomic write, drift
check). ``pipeline`` strings the stages together; ``cli`` is the command line.
"""
