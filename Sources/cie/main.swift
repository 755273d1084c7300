print("cie")
