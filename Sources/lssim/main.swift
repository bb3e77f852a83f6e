print("lssim: not implemented yet")
