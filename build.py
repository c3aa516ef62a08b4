#!/usr/bin/env python3
"""Build the Markdown site in docs/ from the articles in seeds/. See README.md."""

from chronique.pipeline import exit_now, main

if __name__ == "__main__":
    exit_now(main())
