"""French resume headings. "Résumé" alone is left to LinkedIn's table: as a line of its own it
is more often the document's title (in English too) than a summary's heading."""

CONNECTORS = ("et",)

HEADINGS = {
    "contact": ("contact", "coordonnées", "informations personnelles", "coordonnées personnelles", "état civil"),
    "summary": (
        "profil", "profil professionnel", "à propos", "à propos de moi", "objectif", "objectif professionnel",
        "présentation", "synthèse", "résumé professionnel", "résumé du profil",
    ),
    "experience": (
        "expérience", "expériences", "expérience professionnelle", "expériences professionnelles",
        "parcours professionnel", "emplois", "stages", "expérience de travail",
    ),
    "education": ("éducation et formation", "formation professionnelle", "études et diplômes", 
        "formation", "formations", "éducation", "études", "cursus", "diplômes", "formation académique",
        "parcours académique", "diplômes et formations", "formation et diplômes", "formation initiale",
    ),
    "skills": ("compétences personnelles", "compétences numériques", "compétences en communication", "compétences organisationnelles", "compétences liées à l'emploi", "savoir être", 
        "compétences", "principales compétences", "compétences techniques", "compétences clés", "savoir faire",
        "connaissances", "outils", "informatique", "compétences informatiques", "aptitudes",
        "compétences professionnelles", "domaines de compétences", "connaissances techniques",
    ),
    "certifications": ("certifications", "certificats", "licences et certifications", "habilitations", "formation continue"),
    "projects": ("projets", "projets personnels", "réalisations"),
    "awards": ("prix", "distinctions", "récompenses", "prix et distinctions", "honneurs et récompenses"),
    "languages": ("langue maternelle", "langues maternelles", "autres langues", "langues", "compétences linguistiques", "langues parlées"),
    "interests": ("centres d'intérêt", "centres d'intérêts", "loisirs", "intérêts", "passions", "activités extra professionnelles"),
    "volunteering": ("bénévolat", "engagement associatif", "vie associative", "engagements"),
    "publications": ("publications", "brevets"),
    "references": ("références",),
}

LINKEDIN = {
    "contact": "Coordonnées", "skills": "Principales compétences", "languages": "Langues",
    "certifications": "Certifications", "awards": "Distinctions", "publications": "Publications",
    "patents": "Brevets", "summary": "Résumé", "experience": "Expérience", "education": "Formation",
}
LINKEDIN_LABELS = ("Entreprise", "Personnel", "Portfolio", "Blog", "Autre", "Mobile", "Domicile", "Travail")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("nom", "prénom et nom", "nom et prénom", "nom complet")
