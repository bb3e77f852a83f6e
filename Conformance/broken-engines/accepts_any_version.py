#!/usr/bin/env python3
from base_engine import main
main(["accepts_any_version"])
