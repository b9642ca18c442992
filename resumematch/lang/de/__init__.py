NAME = "German"
