"""Click commands of the ``baoku`` CLI, one module per resource; ``cli.py`` registers them.

Each command parses options, calls one library function and formats its result; shared
options and output helpers live in ``commands.common``.
"""
