NAME = "English"
