"""The tokenizer of the skill pipeline: English punctuation rules without the exception table.

spaCy's English tokenizer carries 2,700 special cases (contractions, abbreviations, emoticons)
that cost about 0.3 s at every load and do nothing for skill names. The patterns and the text
go through this same tokenizer, so they always agree. Three rules are added: a hyphen glued to the
end of a word is split off, as resume builders write "Sales- Exprience"; so is a bullet glued to
the start of one ("•Python"), a full stop after a name in mixed case ("a PhD."), and a slash
between names such as "C#/.NET".
"""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

# A hyphen glued to the end of a word is punctuation: "Sales- Exprience - 36 months".
_GLUED_HYPHEN = r"(?<=[A-Za-z])-"
# A full stop after a capital that follows a small letter ends a sentence: "a PhD.", "in JavaScript."
_MIXED_CASE_STOP = r"(?<=[a-z][A-Z])\."
# A slash between two names whose first ends in "#" or "+", or whose second starts with ".", parts
# them: "C#/.NET", "C++/Java", "F#/Scala" (the "#" stays a token of its own, as in "C#" alone).
_NAME_SLASH = [r"(?<=[A-Za-z])#(?=/)", r"(?<=[#+])/(?=\S)", r"(?<=\S)/(?=\.)"]
# A bullet glued to the start of a word is punctuation: "•Python", "▪Project management".
_GLUED_BULLET = r"[•·▪●◦‣■□➢➤►▶✓✔☞⌲]"


@registry.tokenizers("resumematch.skill_tokenizer.v1")
def create_skill_tokenizer():
    def make(nlp):
        defaults = English.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex([_GLUED_BULLET, *defaults.prefixes]).search,
            suffix_search=compile_suffix_regex([*defaults.suffixes, _GLUED_HYPHEN, _MIXED_CASE_STOP]).search,
            infix_finditer=compile_infix_regex([*defaults.infixes, *_NAME_SLASH]).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make
