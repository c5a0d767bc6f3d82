"""Command line entry point: the ``baoku`` click group; commands live in ``commands/``.

Commands parse options, call into the library (``runner``, ``ingest``, ``nlp``, ``search``)
and format the result: a table for people, ``--json`` for programs. Library errors become
``click.ClickException`` with a message that says what to do.
"""

from __future__ import annotations

import click

from baoku import __version__
from baoku.commands.check import check
from baoku.commands.entities import entities
from baoku.commands.export import export
from baoku.commands.figures import figures
from baoku.commands.ingest import documents, ingest
from baoku.commands.reindex import reindex
from baoku.commands.search import search
from baoku.commands.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baoku")
def cli() -> None:
    """baoku (报库): archive union newspaper pages as searchable articles and facts."""


for command in (ingest, documents, export, serve, search, figures, check, entities, reindex):
    cli.add_command(command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
