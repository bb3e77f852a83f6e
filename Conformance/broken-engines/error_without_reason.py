#!/usr/bin/env python3
from base_engine import main
main(["error_without_reason"])
