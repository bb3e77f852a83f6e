#!/usr/bin/env python3
from base_engine import main
main(["batch_separate_lines"])
