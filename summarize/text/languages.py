"""What the pipeline knows of each language it summarizes: one table, one entry per language.

An entry names the language's resources, all shipped with installed packages or written
here, none downloaded:

- stop words: sumy's list where sumy ships one (`sumy/data/stopwords/`), with the closed
  class it lacks (articles, pronouns, prepositions, auxiliaries: sumy's French list has no
  "de", its German list no "und") written below; jusText's list (text/language.py) where
  sumy has none and nothing is written here;
- a Snowball stemmer (Porter 2001, snowballstem.org) through PyStemmer, where Snowball has
  one (Vietnamese, Czech, Slovak, Ukrainian… have none: their words are compared as
  written);
- its word pattern: letters and digits as in English, and the elided articles of French,
  Italian and Catalan cut off ("l'homme" is "l" and "homme");
- its sentence splitter's settings (`summarize.text.segmenting`): abbreviations after which
  a period never ends a sentence or ends one only before a capital, its quotation marks
  („…“, »…«, «…»), and ordinal numbers written with a period ("am 3. Oktober");
- the counterparts of the reading rules that are English in `summarize.selection`: openers
  that lean on the sentence before, the first person, words of attribution and the
  conjunctions that join two statements.

Languages written without spaces between words (Chinese, Japanese, Thai) are not in the
table: the pipeline's words, budgets and sentence lengths count white-space separated
words, which those scripts do not have. Their articles are listed as coverage, never
summarized as noise. English's resources are the modules' own constants (`text.words`,
`text.segmenting`, `selection.eligibility`), which this table does not change.
"""

from __future__ import annotations

import pkgutil
from dataclasses import dataclass
from functools import cache, cached_property

# The English name of each language code (ISO 639-1, as langid reports them) that an
# article may be detected in, for "also covered in German by …".
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay",
    "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese",
}


def _words(cell: str) -> frozenset[str]:
    """A table cell's white-space separated words."""
    return frozenset(cell.split())


@dataclass(frozen=True)
class Language:
    """One language's resources; a field left empty switches the rule that reads it off."""

    code: str
    snowball: str | None = None  # PyStemmer's algorithm name
    sumy_list: str | None = None  # sumy's stop-word file (data/stopwords/<name>.txt)
    justext_list: str | None = None  # jusText's list, when sumy has none
    function_words: str = ""  # closed-class words sumy's list lacks
    elision: bool = False  # "l'homme", "dell'anno": the elided article is a word
    # sentence splitting (see summarize.text.segmenting)
    never_final: str = ""  # abbreviations after which a period never ends a sentence
    sometimes_final: str = ""  # ... ends one only before a capital, never before a digit
    openers: str = "\"'“‘([`"  # marks that may open a sentence, skipped to its first word
    closers: str = "\"')]"  # marks that may close a sentence after its final punctuation
    spaced_closers: str = ""  # closers set off by a space: "… partirons. » Le"
    quote_pairs: tuple[tuple[str, str], ...] = ()  # (opening, closing) quotation marks
    ordinal_months: str = ""  # "am 3. Oktober": a period after a day before a month
    ordinal_before: str = ""  # "der 2. Weltkrieg": a period after a number after these
    # reading rules (see summarize.selection.eligibility)
    dependent_openers: str = ""  # a sentence opening with these leans on the one before
    dependent_phrases: str = ""  # two-word openers that do ("en outre"), comma-separated
    first_person: str = ""  # a sentence opening with these names no speaker
    pointers: str = ""  # words that point back wherever they stand ("toutefois", "jedoch")
    pronoun_titles: str = ""  # before a lowercase word a pronoun, before a name a title
    # a pronoun as the speaker of a quotation ("a-t-elle déclaré", "sagte er")
    unnamed_speaker: str = ""
    attribution: str = ""  # who told, not what happened (left out of statements compared)
    clause_words: str = ""  # conjunctions that join two statements in one sentence

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code, self.code)

    @cached_property
    def never_final_words(self) -> frozenset[str]:
        return _words(self.never_final)

    @cached_property
    def sometimes_final_words(self) -> frozenset[str]:
        return _words(self.sometimes_final)

    @cached_property
    def months(self) -> frozenset[str]:
        return _words(self.ordinal_months)

    @cached_property
    def ordinal_words(self) -> frozenset[str]:
        return _words(self.ordinal_before)

    @cached_property
    def openers_first(self) -> frozenset[str]:
        return _words(self.dependent_openers)

    @cached_property
    def opening_phrases(self) -> frozenset[tuple[str, str]]:
        return frozenset(tuple(p.split()[:2]) for p in self.dependent_phrases.split(",")  # type: ignore[misc]
                         if len(p.split()) >= 2)

    @cached_property
    def first_person_words(self) -> frozenset[str]:
        return _words(self.first_person)

    @cached_property
    def pointer_words(self) -> frozenset[str]:
        return _words(self.pointers)

    @cached_property
    def titles(self) -> frozenset[str]:
        return _words(self.pronoun_titles)


LANGUAGES: dict[str, Language] = {
    "de": Language(
        "de", snowball="german", sumy_list="german",
        function_words="""der die das den dem des ein eine einen einem einer eines und oder
            aber sondern denn doch in im ins an am ans auf aus bei beim mit nach seit von vom
            zu zum zur über unter vor hinter neben zwischen durch für gegen ohne um bis als
            wie wenn weil dass daß ob ich du er sie es wir ihr mich dich sich uns euch ihm
            ihn ihnen ihre ihren ihrem ihrer sein seine seinen seinem seiner seines mein
            meine kein keine keinen nicht auch noch schon nur sehr so dann da hier dort ist
            sind war waren wird werden wurde wurden worden hat haben hatte hatten habe sei
            seien kann können konnte konnten muss müssen musste soll sollen sollte will
            wollen wollte man dies diese dieser dieses diesem diesen welche welcher welches
            was wer wo zudem sowie bereits jedoch etwa rund mehr""",
        never_final="""nr nrn dr prof hr fr frl bzw ca vgl sog inkl exkl zzgl ggf evtl
            geb gest abs art str tel jh jhd mio mrd st hl z.b z.t d.h u.a v.a o.ä u.ä s.o
            s.u i.d.r u.u a.d v.chr n.chr z b d u v gen""",
        sometimes_final="""usw etc jan feb febr mär apr jun jul aug sep sept okt nov dez
            ag gmbh""",
        openers="\"'„‚“‘»«›‹([`", closers="\"'“‘”’»«›‹)]",
        quote_pairs=(("„", "“"), ("„", "”"), ("»", "«"), ("“", "”")),
        ordinal_months="""januar jänner februar feber märz april mai juni juli august
            september oktober november dezember jan feb mär apr jun jul aug sep sept okt nov
            dez""",
        ordinal_before="""der die das den dem des am im vom zum zur beim ab seit bis""",
        dependent_openers="""er sie es ihm ihn ihnen sein seine seiner dies diese dieser
            dieses diesem diesen jene jener jenes dabei dadurch damit danach daher deshalb
            deswegen darum dennoch trotzdem jedoch aber außerdem zudem ebenfalls allerdings
            dort dann stattdessen somit hingegen zuvor später sonst ihr ihre ihren ihrem
            ihrer und""",
        dependent_phrases="auch das, auch er, auch sie, kurz darauf, im gegenzug",
        first_person="ich wir mir mich uns unser unsere mein meine",
        pointers="jedoch allerdings dennoch trotzdem",
        unnamed_speaker=r"\b(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|fügte|meinte)"
                        r"\s+(?:er|sie)\b",
        attribution="""sagte sagt sagten sagen erklärte erklärt erklärten teilte mit
            berichtete berichtet berichten laut zufolge meldete meldet betonte hieß heißt
            sprecher sprecherin medien agentur""",
        clause_words="während weil nachdem bevor obwohl aber wobei sodass",
    ),
    "fr": Language(
        "fr", snowball="french", sumy_list="french", elision=True,
        function_words="""le la les l un une des du de d au aux et ou mais donc or ni car à
            en dans par pour sur sous avec sans chez entre vers contre selon après avant
            depuis pendant il elle ils elles on je tu nous vous me te se s lui leur leurs y
            ce c cet cette ces qui que qu quoi dont où ne n pas plus est sont était étaient
            été être a ont avait avaient avoir fait sera seront son sa ses mon ma mes notre
            nos votre vos j m t aussi très tout tous toute toutes comme si lors jusqu
            aujourd hui""",
        never_final="""m mm mme mmes mlle mlles me mgr dr pr st ste av bd cf p pp n° no
            vol env ex art chap gén col cdt lt sgt r""",
        sometimes_final="""etc janv févr fév avr juil sept oct nov déc cie""",
        openers="\"'«“‘‹([`", closers="\"'”’»›)]", spaced_closers="»›",
        quote_pairs=(("«", "»"), ("“", "”"), ("‹", "›")),
        dependent_openers="""il elle ils elles lui eux celui celle ceux celles cela ceci ça
            ce cet cette ces mais cependant toutefois pourtant néanmoins donc ainsi alors
            aussi puis ensuite enfin or également là c et même auparavant son sa ses leur
            leurs""",
        dependent_phrases="""en outre, par ailleurs, de plus, d ailleurs, en revanche,
            par conséquent, de son côté, pour sa part, quant à""",
        first_person="je j nous moi notre nos mon ma mes",
        pointers="toutefois cependant pourtant néanmoins",
        unnamed_speaker=r"\b\w+-t-(?:il|elle)s?\b|\b(?:dit|déclare|affirme|explique|ajoute|"
                        r"précise|souligne|estime|assure|indique)-(?:il|elle)s?\b",
        attribution="""dit déclaré déclare affirmé affirme indiqué indique annoncé annonce
            selon rapporté rapporte précisé précise ajouté ajoute expliqué explique souligné
            souligne porte-parole médias agence""",
        clause_words="mais lorsque quand tandis puisque car alors",
    ),
    "es": Language(
        "es", snowball="spanish", sumy_list="spanish",
        function_words="""el la los las lo un una unos unas y o u e pero sino ni que de del
            a al en con por para sin sobre entre hasta desde hacia según tras ante contra
            durante mediante se le les me te nos os su sus mi mis tu tus él ella ellos
            ellas yo tú usted ustedes es son era eran fue fueron ser sido está están
            estaba estaban han ha había habían haber muy más ya no también como cuando
            donde este esta estos estas ese esa esos esas aquel eso esto""",
        never_final="""sr sra srta sres dr dra d dña ud uds lic ing gral av avda p pág
            págs núm art cap aprox pdte vol prof""",
        sometimes_final="""etc ene feb abr jun jul ago sept oct nov dic cía ee.uu""",
        openers="\"'«“‘¿¡([`", closers="\"'”’»)]",
        quote_pairs=(("«", "»"), ("“", "”")),
        dependent_openers="""él ella ellos ellas esto eso este esta estos estas ese esa
            esos esas aquel aquella pero además también asimismo entonces luego así allí
            ahí tampoco su sus y""",
        dependent_phrases="""sin embargo, por eso, no obstante, por ello, por su parte,
            de hecho, en cambio, por lo tanto""",
        first_person="yo nosotros nosotras me nos mi mis nuestro nuestra",
        pointers="embargo obstante",
        attribution="""dijo dice declaró afirmó afirma indicó indica informó informa
            anunció anuncia según señaló señala añadió agregó explicó aseguró asegura
            portavoz medios agencia""",
        clause_words="mientras porque después antes aunque pero cuando donde",
    ),
    "it": Language(
        "it", snowball="italian", sumy_list="italian", elision=True,
        function_words="""il lo la i gli le l un uno una di del dello della dei degli delle
            dell a al allo alla ai agli alle all da dal dallo dalla dai dagli dalle dall in
            nel nello nella nei negli nelle nell con col su sul sullo sulla sui sugli sulle
            sull per tra fra e ed o ma che chi cui non si ci ne è sono era erano stato
            stata stati essere ha hanno aveva avevano avere io tu lui lei noi voi loro suo
            sua suoi sue mio mia questo questa questi queste quello quella come anche più
            già molto quest quell c""",
        never_final="""sig sigg sig.ra dott dott.ssa prof avv ing on s ss sen dr p pag pagg
            art n nn geom rag arch""",
        sometimes_final="""ecc gen feb mar apr giu lug ago set ott nov dic spa""",
        openers="\"'«“‘([`", closers="\"'”’»)]",
        quote_pairs=(("«", "»"), ("“", "”")),
        dependent_openers="""lui lei loro egli ella esso essa essi questo questa questi
            queste quello quella quelli quelle ma però tuttavia inoltre anche quindi dunque
            così poi allora invece infatti pertanto lì suo sua suoi sue e""",
        dependent_phrases="""in seguito, in realtà, di conseguenza, per questo, a sua""",
        first_person="io noi mi ci mio mia nostro nostra",
        pointers="tuttavia",
        attribution="""detto dice dichiarato dichiara affermato afferma riferito riferisce
            annunciato annuncia secondo spiegato spiega aggiunto aggiunge sottolineato
            portavoce media agenzia""",
        clause_words="mentre perché dopo prima sebbene ma quando dove",
    ),
    "pt": Language(
        "pt", snowball="portuguese", sumy_list="portuguese",
        function_words="""o a os as um uma uns umas de do da dos das em no na nos nas num
            numa por pelo pela pelos pelas para com sem sobre entre até desde e ou mas que
            se não ao aos à às é são era eram foi foram ser sido está estão estava tem têm
            tinha ter ele ela eles elas eu nós você vocês seu sua seus suas meu minha este
            esta estes estas esse essa isso isto aquele aquela muito mais já também como
            quando onde lhe lhes""",
        never_final="""sr sra srta dr dra d prof profa exmo exma v.exa av pág págs n.º nº
            cel gen art cap vol""",
        sometimes_final="""etc jan fev mar abr mai jun jul ago set out nov dez cia ltda""",
        openers="\"'«“‘([`", closers="\"'”’»)]",
        quote_pairs=(("«", "»"), ("“", "”")),
        dependent_openers="""ele ela eles elas isso isto este esta estes estas esse essa
            esses essas aquele aquela mas porém contudo todavia entretanto também então
            assim depois lá seu sua seus suas e""",
        dependent_phrases="""além disso, no entanto, por isso, por sua, de fato, com isso,
            desta forma""",
        first_person="eu nós me nos meu minha nosso nossa",
        pointers="contudo todavia",
        attribution="""disse diz declarou declara afirmou afirma informou informa anunciou
            anuncia segundo explicou acrescentou destacou porta-voz mídia imprensa
            agência""",
        clause_words="enquanto porque depois antes embora mas quando onde",
    ),
    "ru": Language(
        "ru", snowball="russian",
        function_words="""и в во не что он на я с со как а то все всё она так его но да ты
            к у же вы за бы по только ее её мне было вот от меня еще ещё нет о об из ему
            теперь когда даже ну ли если уже или ни быть был была были было него до вас
            вам ведь там потом себя ей может они тут где есть надо ней для мы тебя их чем
            сам без будто чего раз тоже себе под будет ж тогда кто этот того потому этого
            какой ним здесь этом один почти мой тем чтобы нее сейчас можно при это эта эти
            этой этих также который которая которое которые которого которой которых свой
            своей своих своего свои а также более после между через против около""",
        never_final="""т.е т.к т.н им ул пер просп пл д кв проф акад ген см ср напр стр
            гос рис г гг""",
        sometimes_final="""т.д т.п др руб долл млн млрд тыс чел янв февр апр авг сент
            окт нояб дек""",
        openers="\"'«„“‘([`", closers="\"'»“”’)]",
        quote_pairs=(("«", "»"), ("„", "“")),
        dependent_openers="""он она оно они его её ее их ему ей им это этот эта эти этого
            тот та те того но однако также тоже кроме поэтому тогда затем потом там зато
            впрочем и""",
        dependent_phrases="при этом, кроме того, в свою, тем не, в ответ",
        first_person="я мы мне нам меня нас мой моя наш наша",
        pointers="однако впрочем",
        attribution="""сказал сказала сказали заявил заявила заявили сообщил сообщила
            сообщили сообщает сообщают словам отметил отметила добавил добавила
            подчеркнул пресс-секретарь сми агентство передает""",
        clause_words="а но когда пока потому хотя после где",
    ),
    # Vietnamese is written in syllables separated by spaces: a syllable is a word here,
    # as in the ViMs references' scoring; no stemmer exists or is needed.
    "vi": Language(
        "vi",
        function_words="""của và là các những được có cho với trong này đã sẽ đang không
            một thì mà ở tại từ đến về theo như khi sau trước để vì do bởi nên nhưng hay
            hoặc cũng lại rất đó đây ấy nào gì ra vào lên xuống rằng cùng bị vẫn còn chỉ
            hơn nhiều ít mỗi mọi tất cả đều chưa nữa đi chúng tôi ta nó thế vậy việc sự
            cuộc chiếc nhà người""",
        never_final="tp th ts pgs gs ths bs ks",
        openers="\"'“‘([`", closers="\"'”’)]",
        quote_pairs=(("“", "”"),),
        dependent_openers="họ nó nhưng tuy song cũng",
        dependent_phrases="""vì vậy, do đó, sau đó, ngoài ra, trong khi, tuy nhiên, bên
            cạnh, trước đó""",
        first_person="tôi",
        # "Ông Trump nói" names him; "Ông nói" ("he said") does not
        pronoun_titles="ông bà anh chị cô",
        attribution="""cho biết nói nêu khẳng định thông báo theo phát biểu cho hay
            tuyên bố""",
        clause_words="khi trong nhưng vì nên sau trước",
    ),
}

# Languages summarized with their stop words, their stemmer where Snowball has one, the
# common splitter's rules (a period after a single capital is an initial, one after an
# acronym ends a sentence before a function word) and none of the reading rules above.
_PLAIN = {
    "ar": ("arabic", "arabic", None), "bg": (None, None, "Bulgarian"),
    "ca": ("catalan", None, "Catalan"), "cs": (None, "czech", None),
    "da": ("danish", None, "Danish"), "el": ("greek", "greek", None),
    "et": ("estonian", None, "Estonian"), "eu": ("basque", None, "Basque"),
    "fi": ("finnish", None, "Finnish"), "he": (None, "hebrew", None),
    "hr": (None, None, "Croatian"), "hu": ("hungarian", None, "Hungarian"),
    "id": ("indonesian", None, "Indonesian"), "lt": ("lithuanian", None, "Lithuanian"),
    "lv": (None, None, "Latvian"), "nl": ("dutch", None, "Dutch"),
    "no": ("norwegian", None, "Norwegian_Bokmal"), "pl": ("polish", "polish", None),
    "ro": ("romanian", None, "Romanian"), "sk": (None, "slovak", None),
    "sl": (None, None, "Slovenian"), "sr": ("serbian", None, "Serbian"),
    "sv": ("swedish", "swedish", None), "tr": ("turkish", None, "Turkish"),
    "uk": (None, "ukrainian", None),
}
for _code, (_snowball, _sumy, _justext) in _PLAIN.items():
    LANGUAGES[_code] = Language(_code, snowball=_snowball, sumy_list=_sumy,
                                justext_list=_justext, elision=_code == "ca",
                                openers="\"'„‚“‘«»‹›([`", closers="\"'“”’«»›‹)]",
                                quote_pairs=(("„", "“"), ("„", "”"), ("«", "»"), ("“", "”")))

# Every language a briefing can be written in.
SUPPORTED_LANGUAGES = ("en", *sorted(LANGUAGES))


def language(code: str) -> Language:
    """The table's entry for a supported language other than English."""
    return LANGUAGES[code]


@cache
def stop_words(code: str) -> frozenset[str]:
    """The stop words of a supported language other than English (module docstring)."""
    entry = LANGUAGES[code]
    found = set(_words(entry.function_words))
    if entry.sumy_list:
        data = pkgutil.get_data("sumy", f"data/stopwords/{entry.sumy_list}.txt") or b""
        found.update(w.strip().lower() for w in data.decode("utf-8").splitlines() if w.strip())
    elif entry.justext_list:
        import justext

        found.update(w.lower() for w in justext.get_stoplist(entry.justext_list))
    return frozenset(found)
