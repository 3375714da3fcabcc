print("inspect")
