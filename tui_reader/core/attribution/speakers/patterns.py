"""Where the attribution of a quotation stands: after it (`"…," Kosachev emphasized`, inverted
`"…," said Mr. Smith`, `"…," according to …`), before it (`Gorbachev warned that "…"`, colon
introductions, `According to X, "…"`), the following sentence (`"…" That was how she put it.`),
a paragraph ending with a colon, an incise inside the quotation (`« Le café, explique-t-il, … »`)
and a signature line (`– Jo Al`). Each returns an `Attribution` (the subject as written, the cue)
or None; `q` is the index of the quotation's masked token in its block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui_reader.core.attribution.speakers.chains import Chain
from tui_reader.core.attribution.speakers.entities import Entity
from tui_reader.core.attribution.speakers.languages import LANGUAGES
from tui_reader.core.attribution.speakers.nouns import APPOSITIVE_START, DOCUMENTS, TITLES
from tui_reader.core.attribution.speakers.phrases import (
    PAREN_TOKENS,
    Ref,
    cue_at,
    cue_ending_at,
    document_issuer,
    main_subject,
    participle_subject,
    subject_backward,
    subject_forward,
    subject_of,
)
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.tokens import (
    INVERTED,
    MASK,
    NARRATIVE,
    SENT_END,
    SEPARATORS,
    Tok,
    adverb,
    possessive,
    strip_possessive,
    tokenize,
)

ENGLISH_VERBS = LANGUAGES["en"].verbs


@dataclass
class Attribution:
    ref: Ref | None
    cue: str
    end: int  # token index just past the attribution
    cut: tuple[int, int] | None = None  # an incise's span in the quoted text (`incise`)


def after(reg: Registry, b: int, q: int, strict: bool, whole: bool = False) -> Attribution | None:
    """An attribution right after quote token q: `, Kosachev emphasized`, `, said Mr. Smith`;
    or, for a quotation inside a sentence, at the sentence's end: `… of the patients, Dempsey
    said.` `strict` (the quote ended its sentence): it must end soon after its verb. `whole`: the
    quotation is a sentence of its own (it opens its sentence and ends with . ? ! … or a comma), which
    `_bare_verb` needs."""
    toks = reg.toks[b]
    n = len(toks)
    i = q + 1
    while i < n and toks[i].kind == "p" and toks[i].text in SEPARATORS:
        i += 1
    stop = i
    while stop < n and toks[stop].kind != "q" and not (toks[stop].kind == "p" and toks[stop].text in SENT_END):
        stop += 1
    found = _attribution_at(reg, b, i, stop) or (_bare_verb(reg, b, i, stop) if whole else None)
    if found is not None and found.end < n and toks[found.end].text == ":":
        return None  # 'Smith agreed: "…"' introduces the next quotation
    if found is None and not strict:
        # ", SUBJ said." ending the sentence the quotation stands in
        attributed_before: bool | None = None  # asked once, only if needed
        for k in range(stop - 1, i, -1):
            if toks[k].text != ",":
                continue
            described = _described_tail(reg, b, k + 1, stop)
            if stop - k > 12:
                # far from the sentence's end only "said NAME, who …", and only where nothing before the
                # quotation attributes it ('Ann Lee called the plan "…," though …, said Tom Berg, who …')
                if not described:
                    continue
                if attributed_before is None:
                    attributed_before = before(reg, b, q) is not None
                if attributed_before:
                    continue
            found = _attribution_at(reg, b, k + 1, stop)
            if found is not None and (_short_tail(toks[found.end:stop]) or described):
                break
            found = None
    if found is None:
        return None
    if strict:
        tail = [t for t in toks[found.end : stop] if t.kind == "w"]
        if len(tail) > 6 or any(t.low == "that" for t in tail):
            return None
    return found


def _bare_verb(reg: Registry, b: int, i: int, stop: int) -> Attribution | None:
    """A subject and a verb that reports words only in this place, right after a quotation that is a
    sentence of its own, and ending the sentence: `“…?” Hannity pressed.`, `“…,” she deadpanned.`
    (`Lexicon.after_subject`; not "ignored", "noticed": who ignores words did not say them). Not after
    words quoted inside a clause ('When Lee called it “not ready,” Berg persisted.': Lee's words)."""
    ref = subject_forward(reg, b, i, stop)
    if ref is None or ref.end + 1 != stop:
        return None
    verb = reg.toks[b][ref.end]
    if verb.kind != "w" or verb.low not in reg.lex.after_subject:
        return None
    return Attribution(ref, verb.text, stop)


def _participle(word: str) -> bool:
    """An English present participle ("noting", "saying"): never inverted with its subject."""
    return word.endswith("ing") and word in ENGLISH_VERBS


def _short_tail(tail: list[Tok]) -> bool:
    """What follows an attribution that ends a sentence only says where or when: `, Noem said
    in the campaign's announcement.` (not a clause of its own: no "that")."""
    return len(tail) <= 8 and not any(t.low == "that" for t in tail)


def _described_tail(reg: Registry, b: int, i: int, stop: int) -> bool:
    """Whether the sentence from token i to `stop` is "said NAME, who …" or "said NAME, a …": an
    inverted attribution whose name a relative clause or an appositive describes to the end."""
    toks = reg.toks[b]
    if i >= stop:
        return False  # the paragraph ends with the comma
    cue = cue_at(reg.lex, toks, i)
    if cue is None or cue[2]:
        return False
    ch = reg.chain_at[b].get(i + cue[0])
    k = ch.last + 1 if ch is not None and ch.first == i + cue[0] else None
    return (k is not None and k + 1 < stop and toks[k].text == ","
            and (toks[k + 1].low in ("who", "whose") or toks[k + 1].low in reg.lex.determiners)
            # not the subject of a reported clause: "said Ann Lee, who spoke after him, had lied"
            and not any(toks[m - 1].text == "," and toks[m].low in reg.lex.auxiliaries for m in range(k + 2, stop)))


def _attribution_at(reg: Registry, b: int, i: int, stop: int) -> Attribution | None:
    """SUBJ CUE or CUE SUBJ starting at token i."""
    toks = reg.toks[b]
    lex = reg.lex
    if i >= stop or toks[i].kind != "w":
        return None
    if toks[i].low in lex.perfect and i + 1 < stop and cue_at(lex, toks, i + 1) is not None:
        i += 1
    cue = cue_at(lex, toks, i)
    if cue is None and toks[i].low in lex.after_quote and i > 0 and toks[i - 1].kind in "pq" and not toks[i].cap:
        cue = (1, toks[i].text, False)  # `"…," comments Johnston`
    if cue is not None and not cue[2] and _participle(toks[i].low):
        # ", noting the nominee …": a participle's subject is the clause's before it, never after it
        if toks[i - 1].text != ",":
            return None
        ref = participle_subject(reg, b, reg.sentence_bounds(b, i)[0], i - 1)
        return Attribution(ref, cue[1], i + cue[0]) if ref is not None else None
    if cue is not None:  # inverted: "said Mr. Smith", "according to the ministry"
        k = i + cue[0]
        m = INVERTED.fullmatch(toks[i].low)
        if m:  # "a-t-il déclaré", "dit-elle"
            return Attribution(Ref("pron", (m.group(2),), b, i, end=i + 1), cue[1], k)
        ref = subject_forward(reg, b, k, stop)
        if ref is not None:
            return Attribution(ref, cue[1], ref.end)
        return None
    ref = subject_forward(reg, b, i, stop)
    if ref is None:
        return None
    # "panel Chairman Jason Chaffetz (R-Utah) said", "Rep. Jim Jordan (R-Ohio), a panel member, said"
    k = _skip_parenthesis(toks, _skip_appositive(reg, b, _skip_parenthesis(toks, ref.end, stop), stop), stop)
    while k < stop and toks[k].kind == "w" and adverb(toks[k].low, lex) and cue_at(lex, toks, k) is None:
        k += 1
    if k < stop and toks[k].low in lex.perfect and k + 1 < stop and cue_at(lex, toks, k + 1) is not None:
        k += 1
    if k < stop:
        cue = cue_at(lex, toks, k)
        if cue is not None and not cue[2]:
            return Attribution(ref, cue[1], k + cue[0])
    return _late_verb(reg, b, ref, stop)


def _skip_parenthesis(toks: list[Tok], k: int, stop: int) -> int:
    """Past a short parenthesis at token k ("(R-Utah)"), else k."""
    if k < stop and toks[k].text == "(":
        close = next((m for m in range(k + 1, min(stop, k + PAREN_TOKENS + 2)) if toks[m].text == ")"), None)
        return close + 1 if close is not None else k
    return k


LATE_VERB_TOKENS = 40  # how far a described subject may stand from its verb


def _late_verb(reg: Registry, b: int, ref: Ref, stop: int) -> Attribution | None:
    """The subject's verb after a long description that no comma closes: `Kurinji Selvaraj, a
    research analyst at the Council on Energy, Environment and Water think tank told CBS News`,
    `lead researcher and NASA planetary scientist Lucas Paganini said`. A name opening the clause
    and set off by a comma is the subject of the first reporting verb in the sentence; a
    description (no comma) is not, but a name standing right before that verb is."""
    toks = reg.toks[b]
    lex = reg.lex
    described = ref.kind == "name" and ref.end < stop and toks[ref.end].text == ","
    for k in range(ref.end, min(stop, ref.end + LATE_VERB_TOKENS)):
        t = toks[k]
        if t.kind == "q" or (t.kind == "p" and not described):
            return None
        cue = cue_at(lex, toks, k)
        if cue is None:
            continue
        if cue[2]:
            return None
        if described:
            return Attribution(ref, cue[1], k + cue[0])
        name = subject_backward(reg, b, k - 1, ref.end)
        if name is not None and name.kind == "name":
            return Attribution(name, cue[1], k + cue[0])
        return None
    return None


def _skip_appositive(reg: Registry, b: int, k: int, stop: int) -> int:
    """Past ", a planetary scientist at NASA's Goddard ..., Maryland," to the verb after it."""
    toks = reg.toks[b]
    lex = reg.lex
    if k < stop and toks[k].text == ",":
        m = k + 1
        commas = 0
        while m < stop and m - k < 45:
            if toks[m].text == ",":
                commas += 1
                if commas > 5:
                    break
                v = m + 1
                while v < stop and toks[v].kind == "w" and (toks[v].low in lex.auxiliaries or adverb(toks[v].low, lex)):
                    v += 1
                if v < stop and cue_at(lex, toks, v) is not None:
                    return v
            m += 1
    return k


FRAGMENT = 24  # characters, marks included: "“really is”", "“extremely careless”"
BEFORE_TOKENS = 60  # how far back in its sentence a quotation's attribution is looked for


def before(reg: Registry, b: int, q: int) -> Attribution | None:
    """An attribution before quote token q in its sentence: `Gorbachev warned that`, `X said:`,
    `According to X, …`, or a colon after the sentence's subject."""
    toks = reg.toks[b]
    lex = reg.lex
    lo, _ = reg.sentence_bounds(b, q)
    stop_lo = max(lo, q - BEFORE_TOKENS, _past_leading_clause(reg, b, lo, q))
    for k in range(q - 1, stop_lo - 1, -1):
        if toks[k].kind == "q":
            if toks[k].end - toks[k].start > FRAGMENT:
                stop_lo = k + 1  # a quotation of its own there has its own attribution (a fragment does not)
                break
            opener = _clause_opener(reg, b, k + 1, q)
            if opener is not None:  # 'Trump called the deal "a disaster" even though an editorial hailed it as "…"'
                stop_lo = opener + 1
                break
    k = q - 1
    while k >= stop_lo and q - k <= 30:
        cue = cue_ending_at(lex, toks, k)
        if cue is not None:
            start, length, text, follows = cue
            if toks[start].low in lex.evaluative and toks[q - 1].text not in ",:":
                return None  # 'Clinton slammed Trump for calling immigrants "…"': maybe Trump's words
            if follows:  # "According to X, "…""
                ref = _possessive_in(reg, b, start, length) or subject_forward(reg, b, start + length, q)
                if ref is not None:
                    return Attribution(ref, text, q)
            else:
                ref = subject_of(reg, b, start, lo)
                if ref is None and toks[start].low not in lex.object_verbs:
                    ref = subject_forward(reg, b, start + length, q)  # "said Smith: "…""
                    if ref is not None and ref.kind != "name":
                        ref = None
                if ref is not None and ref.kind == "pron" and lex.pronouns.get(ref.words[0]) == "org":
                    outer = _reporter_before(reg, b, lo, ref.tok)
                    if outer is not None:
                        return outer  # "Obama … said it would tell a story, one of "…"": his words
                return Attribution(ref, text, q)
        k -= 1
    for k in range(stop_lo, q):  # "According to X, chair of Y, the branch lends "…""
        cue = cue_at(lex, toks, k)
        if cue is not None and cue[2]:
            ref = _possessive_in(reg, b, k, cue[0]) or subject_forward(reg, b, k + cue[0], q)
            if ref is not None:
                return Attribution(ref, cue[1], q)
    document = q - 2 >= stop_lo and strip_possessive(toks[q - 2].low) in DOCUMENTS
    if q - 1 >= stop_lo and toks[q - 1].text == ":" and not document:  # a document's words: `_issued`
        ref = main_subject(reg, b, stop_lo, q - 1)
        if _colon_speaker(reg, b, ref, q - 1):
            return Attribution(ref, ":", q)
    return _issued(reg, b, q, stop_lo)


def _issued(reg: Registry, b: int, q: int, lo: int) -> Attribution | None:
    """A document its subject issued, then a comma or colon, then the quotation: `Trump issued a
    statement, "…"`, `She posted a tweet: "…"`. Who issued it is `document_issuer`'s answer, as
    for `a statement saying`: not whoever received, rejected or mocked it, nor a document a
    clause of its own describes (`She shared the website, which holds the following statement:`)."""
    toks = reg.toks[b]
    d = q - 2
    if d < lo or toks[q - 1].text not in ",:" or toks[d].kind != "w" or strip_possessive(toks[d].low) not in DOCUMENTS:
        return None
    ref = document_issuer(reg, b, d, lo)
    if ref is None or not (ref.kind == "pron" or _known(ref)):
        return None
    return Attribution(ref, toks[d].text, q)


def _reporter_before(reg: Registry, b: int, lo: int, i: int) -> Attribution | None:
    """The reporting verb right before token i ("said it", "said that it") whose subject is a named person:
    the one whose report the clause from token i is ("Obama said it would tell …")."""
    toks = reg.toks[b]
    end = i - 2 if i - 1 > lo and toks[i - 1].low == "that" else i - 1
    cue = cue_ending_at(reg.lex, toks, end) if end >= lo else None
    if cue is None or cue[3] or cue[0] < lo:
        return None  # "it" opening a clause of its own: "Berg accused Acme …, and it said"
    ref = subject_of(reg, b, cue[0], lo)
    if ref is not None and ref.kind == "name" and ref.chain is not None and ref.chain.entity is not None and (
            ref.chain.entity.kind == "person"):
        return Attribution(ref, cue[2], i)
    return None


def _past_leading_clause(reg: Registry, b: int, lo: int, q: int) -> int:
    """The token after the comma that ends a clause opening the sentence at lo with a subordinating
    conjunction ("After Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back,
    “…”": Brown's verb reports nothing of Hillary's), when that comma comes before the quotation q; else lo.
    A name's appositive set off by two commas does not end the clause ("After Ana Ruiz, the mayor,
    criticized …, Hillary was blunt")."""
    toks = reg.toks[b]
    if lo >= q or toks[lo].low not in reg.lex.subordinators:
        return lo
    k = lo + 1
    while k < q - 1:
        if toks[k].text == ",":
            closing = _closes_appositive(reg, b, k, q - 1)
            if closing is None:
                return k + 1
            k = closing
        k += 1
    return lo


def _closes_appositive(reg: Registry, b: int, comma: int, hi: int) -> int | None:
    """The comma before hi that closes an appositive opened by the comma after a name (", the mayor,",
    ", 45,", ", who chairs the board,"), if the words between them read as one; else None."""
    toks = reg.toks[b]
    lex = reg.lex
    named = reg.chain_at[b].get(comma - 1)
    if named is None or named.last != comma - 1 or comma + 1 >= hi:
        return None
    start = toks[comma + 1]
    if not (start.low in lex.determiners or start.low.isdigit() or start.low in APPOSITIVE_START
            or start.low in TITLES or possessive(start)):
        return None
    for m in range(comma + 1, min(hi, comma + 16)):
        if toks[m].text == ",":
            return m
        if toks[m].kind != "w" or toks[m].low in lex.verbs:
            return None  # a clause of its own, not a description: ", the mayor said"
    return None


def _clause_opener(reg: Registry, b: int, lo: int, hi: int) -> int | None:
    """Token index of the last conjunction in [lo, hi) of block b that opens a clause of its own:
    "while", "though", "although", "whereas", or "but"/"and" before a new subject (a determiner,
    pronoun or capitalized word: "and the new rules … describe"; not "but wants")."""
    toks = reg.toks[b]
    lex = reg.lex
    for k in range(hi - 1, lo - 1, -1):
        t = toks[k]
        if t.kind != "w":
            continue
        if t.low in lex.clause_conjunctions:
            return k
        nxt = toks[k + 1] if k + 1 < hi else None
        if t.low in lex.coordinators and nxt is not None and nxt.kind == "w" and (
            nxt.cap or nxt.low in lex.determiners or nxt.low in lex.pronouns
        ) and not (nxt.low in lex.determiners and k + 2 < len(toks) and toks[k + 2].kind == "q"):
            return k  # (not the last of a list of quoted words: 'a "bully" and a "narcissist …"')
    return None


def _known(ref: Ref | None) -> bool:
    """A colon with no reporting verb names its speaker only when the subject is a person or
    body the article knows (not any capitalized word that starts a sentence)."""
    if ref is None or ref.kind == "pron":
        return False  # "She shared the website, which holds the following statement:" is not hers
    if ref.kind == "name":
        return ref.chain is not None and ref.chain.entity is not None and ref.chain.entity.kind != "unknown"
    return True


def _colon_speaker(reg: Registry, b: int, ref: Ref | None, colon: int) -> bool:
    """Whether the subject `ref` of the clause a colon ends speaks the words after it: a person or body
    the article knows, or a person's pronoun (`_speaking_pronoun`)."""
    return _known(ref) or _speaking_pronoun(reg, b, ref, colon)


def _speaking_pronoun(reg: Registry, b: int, ref: Ref | None, colon: int) -> bool:
    """"she offered up this sound bite:": a person's pronoun is the subject of the clause the colon
    ends when no relative clause stands between them ("She shared the website, which holds the
    following statement:" is the website's), nor a document, another name, or a verb of passing on
    someone else's words."""
    if ref is None or ref.kind != "pron" or reg.lex.pronouns.get(ref.words[0]) not in ("m", "f"):
        return False
    toks = reg.toks[b]
    chains = reg.chain_at[b]
    return not any(
        t.low in _RELATIVES or t.low in _OTHERS_WORDS or strip_possessive(t.low) in DOCUMENTS
        or (k in chains and chains[k].entity is not None)
        for k, t in enumerate(toks[ref.tok + 1:colon], ref.tok + 1)
    )  # not "She still keeps the note her attacker left:", "She quoted Abraham Lincoln:"


_RELATIVES = frozenset("which that who whom whose where".split())
# Verbs by which someone passes on words that are not theirs.
_OTHERS_WORDS = frozenset("quoted quoting quotes cited citing cites read reads reading received receives got".split())


def _possessive_in(reg: Registry, b: int, start: int, length: int) -> Ref | None:
    """"по его словам" / "in her words": the pronoun inside the phrase is the speaker."""
    for k in range(start, start + length):
        g = reg.lex.gender_words.get(reg.toks[b][k].low)
        subject = next((p for p, pg in reg.lex.pronouns.items() if pg == g), None)
        if subject:
            return Ref("pron", (subject,), b, k, end=k + 1)
    return None


def following(reg: Registry, b: int, q: int) -> Attribution | None:
    """`"…" That was how she put it.`: a short next sentence carrying the attribution."""
    toks = reg.toks[b]
    i = q + 1
    if i < len(toks) and toks[i].kind == "p" and toks[i].text in SENT_END:
        i += 1
    if i >= len(toks) or not toks[i].cap:
        return None
    _, hi = reg.sentence_bounds(b, i)
    if hi - i > 14 or any(t.kind == "q" for t in toks[i:hi]):
        return None
    for k in range(i, hi):
        cue = cue_at(reg.lex, toks, k)
        if cue is not None and not cue[2] and toks[k].low not in reg.lex.evaluative:  # "Obama praised it."
            ref = subject_of(reg, b, k, i)
            if ref is None:
                ref = subject_forward(reg, b, k + cue[0], hi)
            if ref is not None:
                return Attribution(ref, cue[1], hi)
    return None


def colon_intro(reg: Registry, b: int) -> Attribution | None:
    """A block ending with a colon introduces the quotation that follows: `Smith said:`."""
    toks = reg.toks[b]
    if not toks or toks[-1].text != ":":
        return None
    lo, _ = reg.sentence_bounds(b, len(toks) - 1)
    for k in range(len(toks) - 2, lo - 1, -1):
        cue = cue_at(reg.lex, toks, k)
        if cue is not None:
            if cue[2]:
                ref = subject_forward(reg, b, k + cue[0], len(toks))
            else:
                ref = subject_of(reg, b, k, lo)
            if ref is not None:
                return Attribution(ref, cue[1], len(toks))
    ref = main_subject(reg, b, lo, len(toks) - 1)
    if _colon_speaker(reg, b, ref, len(toks) - 1):
        return Attribution(ref, ":", len(toks))
    return None


def incise(reg: Registry, b: int, content: str, pos: int, dashed: bool = False) -> Attribution | None:
    """An attribution inside the quoted text, set off by dashes or commas:
    `«Паром — это не роскошь, — говорит Ладыгин. — Для …»`, `« Le café, explique-t-il, c'est … »`.
    `cut` is the incise's character span in `content` (from the mark before the verb to the
    start of the words that go on), so the quotation reads without it. `dashed`: only an incise
    set off by a dash (the dialogue of a paragraph that opens with a dash)."""
    lex = reg.lex
    toks = tokenize(content)
    for k in range(1, len(toks) - 1):
        if toks[k - 1].text not in ("—–" if dashed else ",—–") or toks[k].kind != "w":
            continue
        cue = cue_at(lex, toks, k)
        if cue is None or cue[2]:
            continue
        m = INVERTED.fullmatch(toks[k].low)
        if m:
            ref = Ref("pron", (m.group(2),), b, pos, end=pos)
            return Attribution(ref, cue[1], pos, _incise_cut(toks, k - 1, k + 1, len(content)))
        nxt = k + cue[0]
        words = []
        while nxt < len(toks) and toks[nxt].kind == "w" and len(words) < 3:
            words.append(toks[nxt].text)
            nxt += 1
        if not words or (nxt < len(toks) and toks[nxt].text not in ",.—–") or (nxt >= len(toks) and not dashed):
            continue
        cut = _incise_cut(toks, k - 1, nxt, len(content))
        if len(words) == 1 and words[0].lower() in lex.pronouns:
            return Attribution(Ref("pron", (words[0].lower(),), b, pos, end=pos), cue[1], pos, cut)
        if all(w[0].isupper() for w in words):
            core = tuple(words)
            ent = reg.fullest(core) or reg.entities.get(core)
            ch = Chain(b, -1, -1, core, [], None, False, entity=ent or Entity(core, "person"))
            return Attribution(Ref("name", core, b, pos, chain=ch, end=pos), cue[1], pos, cut)
    return None


def _incise_cut(toks: list[Tok], mark: int, nxt: int, size: int) -> tuple[int, int]:
    """The span of an incise from its opening mark (token `mark`) past its closing punctuation
    (token `nxt`, when there is one) and a dash after it: `, — говорит Ладыгин. — `."""
    end = nxt
    if end < len(toks) and toks[end].text in ",.—–":
        end += 1
        if end < len(toks) and toks[end].text in "—–" and toks[end - 1].text in ",.":
            end += 1
    return toks[mark].start, (toks[end].start if end < len(toks) else size)


def signature(reg: Registry, b: int) -> str | None:
    """A short line that starts with a dash after a quotation signs it: `– Jo Al`, `— Michelle Marks,
    Philadelphia.`"""
    if b >= len(reg.texts) or reg.kinds[b] not in NARRATIVE or MASK in reg.texts[b]:
        return None
    return signed_name(reg.texts[b], 0, min_words=1)


# A dash and a name, to the end of the text: what follows a comma (an age, a town) is no part of the name
# ("— Esther Tapia, 34, Miami"); a review site's masked name keeps its stars ("– Jo** Al****").
_SIGNED = re.compile(r"\s*[—–―-]\s*((?:[^\W\d_][\w.'’*-]*)(?:\s+[^\W\d_][\w.'’*-]*){0,5})\s*(?:,[^.!?]{0,60})?\.?\s*$")


def signed_name(text: str, pos: int, min_words: int) -> str | None:
    """The name a dash at `pos` signs with, its words capitalized, a title before it dropped ("— Mayor
    Ana Ruiz": Ana Ruiz); None when the words there are no name or fewer than `min_words`."""
    m = _SIGNED.match(text, pos)
    if m is None:
        return None
    words = m.group(1).split()
    if words[-1].endswith(".") and len(words[-1].rstrip(".")) > 1:
        words[-1] = words[-1].rstrip(".")  # the sentence's period, not an initial's ("– Maria K.")
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words) if all(w[0].isupper() for w in words) and len(words) >= min_words else None


def previous_sentence(reg: Registry, b: int, q: int) -> Attribution | None:
    """A quotation that opens a sentence with no attribution of its own carries on from the
    sentence before it in the paragraph: `The tuft cell, Herbert said, is … . "Once …"`, or
    `Charles Schultze, chairman of …, once summed up the danger with a metaphor. "It's not …"`:
    the subject of that sentence's reporting verb, else its subject when that is a person."""
    toks = reg.toks[b]
    lo, _ = reg.sentence_bounds(b, q)
    if lo == 0 or any(t.kind != "p" for t in toks[lo:q]):
        return None
    plo, phi = reg.sentence_bounds(b, lo - 1)
    quoted = [k for k in range(plo, phi) if toks[k].kind == "q"]
    if quoted:
        # a quotation there has its own speaker, who carries on: found here too when it is too short
        # to be listed ('"The bullying," Chris Wallace said, as the crowd cheered. "The greed. …"');
        # one nobody speaks (a show's title: 'On "Face the Nation," Sanders identified …') leaves the sentence's
        found = after(reg, b, quoted[-1], False) or before(reg, b, quoted[-1])
        if found is not None and found.ref is not None:
            return found
    for k in range(plo, phi):
        cue = cue_at(reg.lex, toks, k)
        if cue is None:
            continue
        ref = subject_forward(reg, b, k + cue[0], phi) if cue[2] else subject_of(reg, b, k, plo)
        return Attribution(ref, cue[1], q) if ref is not None else None
    ref = main_subject(reg, b, plo, phi)
    ent = ref.chain.entity if ref is not None and ref.kind == "name" and ref.chain is not None else None
    if ent is not None and _surely_a_person(ent):
        return Attribution(ref, "", q)
    return None


def _surely_a_person(ent: Entity) -> bool:
    """A person by more than the shape of the name ("Raspberry Pi" has two capitalized words
    too): a gender shown by the text or a title."""
    return ent.kind == "person" and (ent.gender is not None or "text" in ent.votes or
                                     any(d in TITLES for d in ent.descriptors))


def last_person(reg: Registry, b: int) -> str | None:
    """The most recent person named as a subject in block b (for a quotation standing alone
    in the next paragraph)."""
    found = reg.last([("person", "salient")], b + 1, -1)
    if found is None or found[0][0] != b or not _surely_a_person(found[1]):
        return None  # "SEE MORE: Hong Kong protests" names no one who goes on speaking
    return found[1].display
