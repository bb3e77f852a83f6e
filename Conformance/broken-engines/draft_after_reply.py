#!/usr/bin/env python3
from base_engine import main
main(["draft_after_reply"])
