NAME = "Spanish"
# Capitalised words are names (of products, standards, places), not every noun: a capitalised
# word the posting never writes in lower case can be a term of the trade.
CAPITALISED_TERMS = True

# Words are not written together: no skill label is looked for inside a longer word.
COMPOUND_LINKS: tuple[str, ...] = ()
COMPOUND_INFLECTIONS: tuple[str, ...] = ()
COMPOUND_DERIVED: tuple[str, ...] = ()
