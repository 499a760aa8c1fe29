"""``python -m incidex`` runs the CLI."""

from incidex.cli import main

main()
