NAME = "German"
# Every noun is capitalised: a capitalised word says nothing about being a term of the trade.
CAPITALISED_TERMS = False
