NAME = "Portuguese"
