"""Allow ``python -m amends``."""

from amends.cli import main

main()
