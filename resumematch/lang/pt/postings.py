HEADINGS = {
    "required": (
        "requisitos", "requisitos obrigatórios", "pré requisitos", "perfil", "perfil desejado", "o que buscamos",
        "o que procuramos", "procuramos", "seu perfil", "qualificações", "requisitos e qualificações",
    ),
    "preferred": ("diferenciais", "desejável", "requisitos desejáveis", "será um diferencial", "valorizamos"),
    "duties": (
        "descrição", "descrição da vaga", "atividades", "responsabilidades", "principais atividades",
        "responsabilidades e atribuições", "atribuições", "o que você vai fazer", "funções",
    ),
    "company": ("quem somos", "sobre nós", "a empresa", "sobre a empresa"),
    "benefits": ("benefícios", "oferecemos", "o que oferecemos", "nós oferecemos"),
    "salary": ("salário", "remuneração"),
    "apply": ("como se candidatar", "candidatura"),
}
PREFERRED_WORDS = ("desejável", "desejáveis", "diferencial", "diferenciais", "preferencialmente")
REQUIRED_WORDS = ("requisitos", "obrigatório", "obrigatórios", "imprescindível", "mínimo", "necessário")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
