"""`python -m textclean` runs the `textclean` command."""
from .cli import main

main()
