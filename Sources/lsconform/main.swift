print("lsconform: not implemented yet")
