HEADINGS = {
    "required": (
        "functie eisen", "functie-eisen", "eisen", "wat vragen wij", "wat wij vragen", "jouw profiel", "profiel",
        "wie ben jij", "wat breng je mee", "wij vragen", "vereisten",
    ),
    "preferred": ("pré", "een pré", "pluspunten", "gewenst", "is een pré"),
    "duties": ("functieomschrijving", "omschrijving", "wat ga je doen", "taken", "verantwoordelijkheden", "jouw taken", "de functie"),
    "company": ("over ons", "wie zijn wij", "het bedrijf", "de organisatie"),
    "benefits": ("wat bieden wij", "wij bieden", "wat wij bieden", "arbeidsvoorwaarden", "ons aanbod"),
    "salary": ("salaris",),
    "apply": ("solliciteren", "interesse", "sollicitatie"),
}
PREFERRED_WORDS = ("pré", "gewenst", "wenselijk", "pluspunt", "bij voorkeur", "voorkeur")
REQUIRED_WORDS = ("eisen", "vereist", "vereisten", "verplicht", "noodzakelijk", "minimaal")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
