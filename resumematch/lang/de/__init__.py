NAME = "German"
# Every noun is capitalised: a capitalised word says nothing about being a term of the trade.
CAPITALISED_TERMS = False

# Nouns are written together ("Kundenservicemitarbeiter"): a skill's one-word label is looked
# for at either end of a longer word (resumematch/skills/local_forms.py). Linking letters that
# may join a label to the next word ("Netzwerkadministration|s|kenntnisse"), "" for none:
COMPOUND_LINKS = ("", "s", "es", "n", "en", "e")
# Endings that inflect a label ("Glasfaserinstallationen"):
COMPOUND_INFLECTIONS = ("e", "en", "n", "s", "es")
# Endings that make a label another word, the person or a quality ("Netzwerktechniker",
# "Netzwerktechnikerin", "technisch"): no compound.
COMPOUND_DERIVED = ("er", "ers", "ern", "erin", "erinnen", "in", "innen", "isch", "ische", "ischen", "ischer", "lich",
                    "liche", "lichen", "licher")
