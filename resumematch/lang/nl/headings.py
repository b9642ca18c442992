"""Dutch resume headings (Netherlands and Flanders)."""

CONNECTORS = ("en",)

HEADINGS = {
    "contact": ("contact", "contactgegevens", "persoonlijke gegevens", "personalia", "persoonsgegevens"),
    "summary": ("samenvatting", "profiel", "over mij", "persoonlijk profiel", "profielschets", "doelstelling", "introductie"),
    "experience": ("werkervaringen", "relevante ervaring", 
        "werkervaring", "ervaring", "beroepservaring", "loopbaan", "relevante werkervaring", "stages",
        "werkgeschiedenis", "professionele ervaring", "arbeidsverleden",
    ),
    "education": ("opleiding en training", "opleidingen en cursussen", "genoten opleidingen", "opleiding", "opleidingen", "onderwijs", "studie", "scholing", "opleiding en vorming"),
    "skills": ("persoonlijke vaardigheden", "digitale vaardigheden", "communicatieve vaardigheden", "organisatorische leidinggevende vaardigheden", "beroepsgerelateerde vaardigheden", "competenties en vaardigheden", 
        "vaardigheden", "belangrijkste vaardigheden", "competenties", "kennis", "vaardigheden en competenties",
        "technische vaardigheden", "ict vaardigheden", "computervaardigheden", "kwaliteiten", "kennis en vaardigheden",
        "vakkennis",
    ),
    "certifications": ("certificeringen", "certificaten", "cursussen", "licenties en certificeringen", "trainingen", "cursussen en trainingen"),
    "projects": ("projecten",),
    "awards": ("prijzen", "onderscheidingen", "eerbewijzen", "prijzen en onderscheidingen", "eerbewijzen en prijzen"),
    "languages": ("moedertaal", "andere talen", "talen", "talenkennis"),
    "interests": ("interesses", "hobby's", "hobbys", "hobby", "nevenactiviteiten"),
    "volunteering": ("vrijwilligerswerk",),
    "publications": ("publicaties", "patenten"),
    "references": ("referenties",),
}

LINKEDIN = {
    "contact": "Contactgegevens", "skills": "Belangrijkste vaardigheden", "languages": "Talen",
    "certifications": "Certificeringen", "awards": "Eerbewijzen en prijzen", "publications": "Publicaties",
    "patents": "Patenten", "summary": "Samenvatting", "experience": "Ervaring", "education": "Opleiding",
}
LINKEDIN_LABELS = ("Bedrijf", "Persoonlijk", "Portfolio", "Blog", "Anders", "Overig", "Mobiel", "Thuis", "Werk")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("naam", "volledige naam", "voor en achternaam")
