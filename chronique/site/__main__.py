"""`python -m chronique.site`: render.py's main (what `make site` runs after build.py)."""

import sys

from .render import main

sys.exit(main())
