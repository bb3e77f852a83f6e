#!/usr/bin/env python3
from base_engine import main
main(["no_oversize_error"])
