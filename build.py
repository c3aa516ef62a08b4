#!/usr/bin/env python3
"""Build the Markdown site in docs/ from the articles in seeds/. See README.md."""

import sys

from chronique.pipeline import main

if __name__ == "__main__":
    sys.exit(main())
