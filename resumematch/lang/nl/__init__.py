NAME = "Dutch"
