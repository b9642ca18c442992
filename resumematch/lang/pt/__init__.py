NAME = "Portuguese"
# Capitalised words are names (of products, standards, places), not every noun: a capitalised
# word the posting never writes in lower case can be a term of the trade.
CAPITALISED_TERMS = True
