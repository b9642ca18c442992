NAME = "Italian"
