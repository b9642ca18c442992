NAME = "French"
