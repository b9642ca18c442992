"""English resume headings: canonical section -> the headings that open it.

The seven standard sections come first; the others exist so that, say, "Interests" ends the
Skills section instead of being counted inside it."""

CONNECTORS = ("and",)

HEADINGS = {
    "contact": (
        "contact", "contacts", "contact information", "contact info", "contact details",
        "personal information", "personal details", "personal info", "get in touch",
    ),
    "summary": (
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "career profile", "personal profile", "objective",
        "career objective", "professional objective", "objective statement", "about",
        "about me", "overview", "personal statement", "summary of qualifications",
        "qualifications summary", "highlights", "career highlights", "professional highlights",
        "introduction",
    ),
    "experience": ("work experience", "professional experiences", 
        "experience", "work experience", "professional experience", "relevant experience",
        "employment", "employment history", "employment experience", "work history",
        "career history", "professional history", "professional background", "job history",
        "work", "experience history", "internships", "internship experience",
        "military experience", "field experience", "technical experience",
        "related experience", "additional experience", "industry experience",
        "experience highlights", "positions held", "computer engineering experience",
    ),
    "education": (
        "education", "education and training", "training and education", "academic background",
        "academic history", "academics", "academic qualifications", "educational background",
        "education history", "education and qualifications", "degrees", "schooling",
        "education and certifications", "education and certification",
    ),
    "skills": ("job related skills", "organisational managerial skills", 
        "skills", "technical skills", "key skills", "core skills", "relevant skills",
        "professional skills", "skills summary", "summary of skills", "skill set", "skillset",
        "core competencies", "competencies", "key competencies", "areas of expertise",
        "expertise", "technical expertise", "skills and abilities", "skills and expertise",
        "abilities", "technical proficiencies", "proficiencies", "technologies", "tools",
        "tools and technologies", "technical summary", "strengths", "key strengths",
        "skills and qualifications", "qualifications", "languages and technologies",
        "it skills", "computer skills", "software", "hard skills", "soft skills",
        "skills and interests", "additional skills", "top skills",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "licenses", "licences",
        "licenses and certifications", "licences and certifications",
        "certifications and licenses", "certifications and licences",
        "professional certifications", "credentials", "accreditations",
        "certifications and training", "training and certifications", "training",
        "professional development", "courses", "relevant coursework", "coursework",
    ),
    "projects": (
        "projects", "personal projects", "key projects", "selected projects",
        "academic projects", "relevant projects", "project experience", "side projects",
        "notable projects",
    ),
    "awards": ("awards", "honors", "honours", "achievements", "awards and honors", "accomplishments", "honors awards"),
    "languages": ("mother tongue", "mother tongues", "other languages", "languages", "language skills", "spoken languages"),
    "interests": ("interests", "hobbies", "hobbies and interests", "activities", "extracurricular activities"),
    "volunteering": ("volunteering", "volunteer", "volunteer experience", "volunteer work", "community involvement"),
    "publications": ("publications", "presentations", "publications and presentations", "patents"),
    "references": ("references", "referees", "references available upon request"),
}

# As LinkedIn's "Save to PDF" prints them (sidebar first, then the main column).
LINKEDIN = {
    "contact": "Contact", "skills": "Top Skills", "languages": "Languages",
    "certifications": "Certifications", "awards": "Honors-Awards", "publications": "Publications",
    "patents": "Patents", "summary": "Summary", "experience": "Experience", "education": "Education",
}
LINKEDIN_LABELS = ("LinkedIn", "Company", "Personal", "Portfolio", "Blog", "Other", "Mobile", "Home", "Work", "RSS")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("name", "full name", "candidate")
