"""`python -m factcheck` runs the command line."""

import sys

from factcheck.cli import main

# guarded: a worker process the validator spawns imports this module again, and must not
# run the command a second time
if __name__ == "__main__":
    sys.exit(main())
