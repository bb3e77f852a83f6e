print("lingosub: not implemented yet")
