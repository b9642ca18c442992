"""Spanish resume headings (Spain and Latin America)."""

CONNECTORS = ("y", "e")

HEADINGS = {
    "contact": ("contacto", "contactar", "datos de contacto", "información de contacto", "datos personales", "información personal"),
    "summary": (
        "resumen", "perfil", "perfil profesional", "extracto", "sobre mí", "acerca de mí", "acerca de",
        "objetivo", "objetivo profesional", "resumen profesional", "presentación", "perfil personal",
    ),
    "experience": ("experiencia profesional relevante", "experiencias profesionales", "experiencias laborales", "historial profesional", 
        "experiencia", "experiencia profesional", "experiencia laboral", "trayectoria profesional",
        "historial laboral", "empleo", "prácticas", "experiencia relevante", "trayectoria laboral",
    ),
    "education": ("educación y formación", "formación profesional", "estudios académicos", 
        "educación", "formación", "formación académica", "estudios", "titulación", "titulación académica",
        "estudios realizados", "formación reglada", "educación y formación",
    ),
    "skills": ("competencias personales", "competencias digitales", "competencias comunicativas", "competencias de organización gestión", "competencias relacionadas con el empleo", "habilidades profesionales", "aptitudes técnicas", 
        "aptitudes", "aptitudes principales", "habilidades", "competencias", "conocimientos",
        "conocimientos técnicos", "habilidades técnicas", "competencias técnicas", "competencias profesionales",
        "conocimientos informáticos", "informática", "herramientas", "tecnologías", "capacidades",
        "habilidades y competencias", "competencias clave",
    ),
    "certifications": (
        "certificaciones", "certificados", "licencias y certificaciones", "cursos", "formación complementaria",
        "cursos y certificaciones", "cursos y seminarios",
    ),
    "projects": ("proyectos", "proyectos personales", "proyectos destacados"),
    "awards": ("premios", "reconocimientos", "logros", "honores y premios", "premios y reconocimientos", "reconocimientos y premios"),
    "languages": ("lengua materna", "otros idiomas", "idiomas", "lenguas", "conocimientos de idiomas"),
    "interests": ("intereses", "aficiones", "pasatiempos"),
    "volunteering": ("voluntariado", "experiencia de voluntariado"),
    "publications": ("publicaciones", "patentes"),
    "references": ("referencias",),
}

LINKEDIN = {
    "contact": "Contactar", "skills": "Aptitudes principales", "languages": "Idiomas",
    "certifications": "Certificaciones", "awards": "Reconocimientos y premios", "publications": "Publicaciones",
    "patents": "Patentes", "summary": "Extracto", "experience": "Experiencia", "education": "Educación",
}
LINKEDIN_LABELS = ("Empresa", "Personal", "Portafolio", "Blog", "Otro", "Móvil", "Casa", "Trabajo")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("nombre", "nombre completo", "nombre y apellidos", "apellidos y nombre")
