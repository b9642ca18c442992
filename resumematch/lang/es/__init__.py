NAME = "Spanish"
