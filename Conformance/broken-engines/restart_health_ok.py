#!/usr/bin/env python3
from base_engine import main
main(["restart_health_ok"])
