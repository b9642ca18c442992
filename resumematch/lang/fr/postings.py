HEADINGS = {
    "required": (
        "profil recherché", "profil", "votre profil", "qualifications requises", "compétences requises",
        "prérequis", "exigences", "ce que nous recherchons", "nous recherchons", "compétences", "qualifications",
    ),
    "preferred": ("atouts", "un plus", "serait un plus", "souhaité", "compétences souhaitées", "appréciées", "idéalement"),
    "duties": (
        "description du poste", "description", "missions", "vos missions", "responsabilités", "vos responsabilités",
        "le poste", "descriptif du poste", "tâches", "missions principales",
    ),
    "company": ("qui sommes nous", "à propos de nous", "l'entreprise", "notre entreprise", "présentation de l'entreprise"),
    "benefits": ("nous offrons", "nous vous offrons", "ce que nous offrons", "avantages", "nous proposons", "pourquoi nous rejoindre"),
    "salary": ("salaire", "rémunération"),
    "apply": ("comment postuler", "candidature", "pour postuler"),
}
PREFERRED_WORDS = ("souhaité", "souhaitée", "souhaités", "souhaitable", "apprécié", "appréciée", "atout", "idéalement")
REQUIRED_WORDS = ("requis", "requise", "exigé", "exigences", "obligatoire", "indispensable", "impératif", "minimum")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
