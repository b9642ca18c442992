NAME = "Russian"
