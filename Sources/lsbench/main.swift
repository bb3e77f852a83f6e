print("lsbench: not implemented yet")
