HEADINGS = {
    "required": ("требования", "мы ожидаем", "что мы ждем", "ожидания от кандидата"),
    "preferred": ("будет плюсом", "желательно", "преимуществом будет"),
    "duties": ("обязанности", "описание вакансии", "чем предстоит заниматься", "задачи"),
    "company": ("о компании", "о нас"),
    "benefits": ("условия", "мы предлагаем", "что мы предлагаем"),
    "salary": ("зарплата", "заработная плата"),
    "apply": ("как откликнуться",),
}
PREFERRED_WORDS = ("желательно", "плюсом", "преимуществом", "приветствуется")
REQUIRED_WORDS = ("требования", "обязательно", "обязательный", "необходимо")
# Words that make any line of a posting preferred or required, wherever it stands.
LINE_PREFERRED = PREFERRED_WORDS
LINE_REQUIRED = REQUIRED_WORDS
