#!/usr/bin/env python3
from base_engine import main
main(["cancel_two_replies"])
