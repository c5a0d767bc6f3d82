"""Command line entry point: the ``baoku`` click group; commands live in ``commands/``.

Commands parse options, call into the library (``runner``, ``ingest``, ``nlp``, ``search``)
and format the result: a table for people, ``--json`` for programs. Library errors become
``click.ClickException`` with a message that says what to do.
"""

from __future__ import annotations

import click

from baoku import __version__
from baoku.commands.export import export
from baoku.commands.ingest import documents, ingest


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baoku")
def cli() -> None:
    """baoku (报库): archive union newspaper pages as searchable articles and facts."""


for command in (ingest, documents, export):
    cli.add_command(command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
