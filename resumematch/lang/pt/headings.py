"""Portuguese resume headings (Brazil and Portugal)."""

CONNECTORS = ("e",)

HEADINGS = {
    "contact": ("contato", "contacto", "contatos", "contactos", "dados pessoais", "informações de contato", "informações pessoais"),
    "summary": (
        "resumo", "perfil", "perfil profissional", "sobre mim", "objetivo", "objetivos", "objetivo profissional",
        "resumo profissional", "apresentação", "resumo de qualificações",
    ),
    "experience": ("experiências", "experiência profissional relevante", "histórico de trabalho", 
        "experiência", "experiência profissional", "experiências profissionais", "histórico profissional",
        "experiência de trabalho", "estágios", "experiência laboral", "percurso profissional",
    ),
    "education": ("educação e formação", "formação profissional", "escolaridade e formação", 
        "formação", "formação acadêmica", "formação académica", "educação", "escolaridade", "formação escolar",
        "habilitações literárias", "formação e educação",
    ),
    "skills": ("competências pessoais", "competência digital", "competências de comunicação", "competências de organização", "competências profissionais", "habilidades e competências", "conhecimentos em informática", 
        "competências", "principais competências", "habilidades", "conhecimentos", "competências técnicas",
        "habilidades técnicas", "conhecimentos técnicos", "aptidões", "conhecimentos de informática",
        "ferramentas", "tecnologias", "qualificações", "competências e habilidades",
    ),
    "certifications": (
        "certificações", "certificados", "cursos", "cursos complementares", "licenças e certificados",
        "formação complementar", "cursos e certificações",
    ),
    "projects": ("projetos", "projectos", "projetos pessoais"),
    "awards": ("prêmios", "prémios", "conquistas", "reconhecimentos", "honras e prêmios", "prêmios e reconhecimentos"),
    "languages": ("língua materna", "outras línguas", "idiomas", "línguas"),
    "interests": ("interesses", "hobbies", "passatempos"),
    "volunteering": ("voluntariado", "trabalho voluntário"),
    "publications": ("publicações", "patentes"),
    "references": ("referências",),
}

LINKEDIN = {
    "contact": "Contato", "skills": "Principais competências", "languages": "Idiomas",
    "certifications": "Certificações", "awards": "Prêmios", "publications": "Publicações",
    "patents": "Patentes", "summary": "Resumo", "experience": "Experiência", "education": "Formação acadêmica",
}
LINKEDIN_LABELS = ("Empresa", "Pessoal", "Portfólio", "Blog", "Outro", "Celular", "Residencial", "Comercial")

# Labels before a name on its line ("Name: Jonas Becker", "Nombre: Lucía Fernández").
NAME_LABELS = ("nome", "nome completo")
