#!/usr/bin/env python3
from base_engine import main
main(["unknown_method_32600"])
