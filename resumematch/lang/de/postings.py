HEADINGS = {
    "required": (
        "anforderungen", "ihr profil", "dein profil", "profil", "das bringen sie mit", "das bringst du mit",
        "was sie mitbringen", "was du mitbringst", "voraussetzungen", "qualifikationen", "ihre qualifikationen",
        "anforderungsprofil", "was wir erwarten", "wir erwarten", "deine skills", "ihre kenntnisse",
    ),
    "preferred": ("wünschenswert", "von vorteil", "idealerweise", "nice to have", "pluspunkte", "wünschenswerte kenntnisse"),
    "duties": (
        "beschreibung", "stellenbeschreibung", "ihre aufgaben", "deine aufgaben", "aufgaben", "aufgabengebiet",
        "tätigkeiten", "ihre tätigkeiten", "das erwartet sie", "das erwartet dich", "was sie erwartet",
        "ihr aufgabengebiet", "die stelle", "über die stelle",
    ),
    "company": ("über uns", "wer wir sind", "das unternehmen", "unternehmen", "unternehmensprofil"),
    "benefits": (
        "wir bieten", "was wir bieten", "wir bieten ihnen", "wir bieten dir", "unser angebot", "benefits",
        "das bieten wir", "darauf können sie sich freuen", "deine vorteile", "ihre vorteile",
    ),
    "salary": ("gehalt", "vergütung"),
    "apply": ("bewerbung", "so bewerben sie sich", "kontakt", "ihre bewerbung", "interesse"),
}
PREFERRED_WORDS = ("wünschenswert", "vorteilhaft", "vorteil", "idealerweise", "optional", "gerne", "wünschenswerte")
REQUIRED_WORDS = ("anforderungen", "voraussetzung", "voraussetzungen", "zwingend", "erforderlich", "notwendig", "mindestens", "muss")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
