HEADINGS = {
    "required": (
        "requisitos", "requisitos mínimos", "requisitos imprescindibles", "perfil", "perfil requerido",
        "perfil buscado", "qué buscamos", "buscamos", "lo que buscamos", "tu perfil", "requerimientos",
        "competencias requeridas", "formación y experiencia", "qué necesitas", "imprescindible",
    ),
    "preferred": ("se valorará", "valorable", "deseable", "requisitos deseables", "se valora", "valoraremos", "sería un plus"),
    "duties": (
        "descripción", "descripción del puesto", "funciones", "responsabilidades", "tus funciones",
        "qué harás", "tareas", "principales funciones", "tu misión", "sobre el puesto",
    ),
    "company": ("quiénes somos", "sobre nosotros", "la empresa", "sobre la empresa", "acerca de nosotros"),
    "benefits": ("ofrecemos", "qué ofrecemos", "te ofrecemos", "beneficios", "qué te ofrecemos", "lo que ofrecemos"),
    "salary": ("salario", "retribución", "remuneración"),
    "apply": ("cómo aplicar", "cómo postularse", "inscripción", "postúlate"),
}
PREFERRED_WORDS = ("deseable", "valorable", "valorará", "valora", "preferible", "preferiblemente", "opcional")
REQUIRED_WORDS = ("requisitos", "imprescindible", "obligatorio", "mínimo", "mínimos", "requerido", "indispensable")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
