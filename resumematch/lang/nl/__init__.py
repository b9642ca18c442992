NAME = "Dutch"
# Capitalised words are names (of products, standards, places), not every noun: a capitalised
# word the posting never writes in lower case can be a term of the trade.
CAPITALISED_TERMS = True

# Nouns are written together ("klantenservicemedewerker"): a skill's one-word label is looked
# for at either end of a longer word (resumematch/skills/local_forms.py). Linking letters that
# may join a label to the next word ("storingsanalyse|s|rapport"), "" for none:
COMPOUND_LINKS = ("", "s", "en", "e")
# Endings that inflect a label ("glasvezelinstallaties" is left to the matcher's own forms):
COMPOUND_INFLECTIONS = ("en", "s", "n")
# Endings that make a label another word, the person or a quality ("netwerkbeheerder"): no compound.
COMPOUND_DERIVED = ("er", "ers", "der", "ders", "ster", "sters", "isch", "ische", "lijk", "lijke")
