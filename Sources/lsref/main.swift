print("lsref: not implemented yet")
