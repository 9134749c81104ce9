"""Tests on a trigger in its sentence that decide whether it tells an act of the day: another
cause named for a death, a trigger folded into another, an opinion, a habit, an act recalled,
an act inside a threat or inside what another act is about, the content of a saying. A part of
`coder.EventStage` (a mixin: its methods use the stage's lexicon)."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..records import Actor
from . import accusations, background, clauses, generic, habits, roles, unreal_acts, where
from .arguments import ActorIndex, actors_of
from .frames import Report
from .speech_acts import reporting_verb
from .syntax import clause_top, is_passive, misread_past, present_perfect, subject_of, told_past
from .triggers import Trigger, pos_of


SPEECH_ROOTS_END = "13"  # roots 01 to 13 are said rather than done
# Tags of a verb with a tense of its own (not an infinitive or a participle).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Acts governed by an appeal (02), an intent (03), a concession (08: "lifted the state of
# emergency"), a demand (10), a refusal (12: "refused to meet") or a course of action
# considered (014: "will consider imposing sanctions"), through these complement links, are
# the content of that act; so are those governed by a verb of preventing ("barred them from
# entering": frame `prevented`).
CONTENT_ROOTS = ("02", "03", "08", "10", "12", "014")
REFUSAL_ROOT = "12"
# Prepositions before a span of time over which acts are counted ("over the past year").
SPAN_PREPS = ("in", "over", "during", "for")
WHOLE_SPAN_PREPS = ("during", "throughout")  # "during the war": the whole of an era
# Consultations (meet, visit, talks): in a clause describing a noun they frame the news.
CONSULT_ROOT = "04"
# Considering a course of action ("will consider imposing sanctions").
CONSIDER_CODE = "014"
# Coercion (arrests, curfews, repression): an act a raid may be the manner of.
COERCION_ROOT = "17"
PROPERTY_DESTROYED = "171"  # property seized or destroyed: arson, looting, demolition
CONTENT_DEPS = ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "advcl", "acl", "conj")
CONTENT_CLIMB = 4
# "killed in an ambush", "kidnapped during a raid": a violent noun under these, hanging from
# a violent verb, tells how that act was done.
MANNER_PREPS = frozenset({"in", "during"})
# The violent acts an arrest may be made in ("arrested 11 people in raids across the
# state"); a killing or a shooting it is made "in" is the crime it is for ("arrested a
# suspect in the stabbing death of a student").
MANNERS_OF_ARREST = frozenset({"190", "180"})
# Prepositions that introduce what is asked or forbidden ("called for", "called on X to",
# "barred from", "warned against"); others (during, after, in) only situate the act.
CONTENT_PREPS = frozenset({"for", "on", "from", "against", "to", "of"})
# "died of / from / during X": X is the cause of the deaths. Causes that are acts of violence
# or their wounds keep the deaths in the incident's toll; others ("the floods", "a stroke")
# do not.
CAUSE_PREPS = frozenset({"of", "from", "during"})
DEATH_LEMMAS = frozenset({"die", "perish", "death"})
WOUND_LEMMAS = frozenset({"wound", "injury", "gunshot", "bullet", "gunfire", "shot", "stab", "burn", "blow",
                          "complication", "violence", "fighting", "clash", "crossfire", "fire"})
# Verbs whose subject, when it is an act, is what did it: "Saudi strikes killed nine" (the
# strikes' toll and day, no act of their own).
FOLDED_VERBS = frozenset({"kill", "wound", "injure"})


class TriggerFilters:
    """The passes of `coder.EventStage` that test a trigger before it is coded."""

    def _other_cause(self, sent: Span) -> bool:
        """"Two residents died during the floods", "died of a stroke": deaths whose cause
        the sentence gives and which is no act of violence (nor a wound) count toward no
        incident's toll."""
        for prep in sent:
            if prep.dep_ != "prep" or prep.lower_ not in CAUSE_PREPS or prep.head.lemma_.lower() not in DEATH_LEMMAS:
                continue
            cause = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if cause is None or cause.ent_type_ in ("DATE", "TIME"):
                continue
            if not any(self._violent_word(t) for t in cause.subtree):
                return True
        return False

    def _violent_word(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        rules_for = self.lexicon.triggers.get(lemma) or self.lexicon.triggers.get(token.lower_) or ()
        return lemma in WOUND_LEMMAS or any("violence" in r.flags and pos_of(token) in r.pos for r in rules_for)

    def _folded(self, triggers: list[Trigger], trigger_at: dict[int, Trigger]) -> dict[int, Trigger]:
        """Toll verbs ("..., killing 12") that belong to a violent trigger above them."""
        owner_of = {t.i: tr for tr in triggers for t in tr.tokens if "violence" in tr.rule.flags}
        # "arrested 11 people in raids across the state": a raid is how an arrest is made too
        manner_owner = {**{t.i: tr for tr in triggers for t in tr.tokens if tr.rule.code.startswith(COERCION_ROOT)},
                        **owner_of}
        folded: dict[int, Trigger] = {}
        for trigger in triggers:
            token = trigger.token
            verb = token.head.head
            if verb.i not in manner_owner:
                # "bandits kidnapped 38 people ..., in a night raid ..., residents said": the
                # parse hangs the manner on the reporting verb; the act is what it reports
                verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.i in manner_owner), verb)
            if ("violence" in trigger.rule.flags and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj"
                    and token.head.lower_ in MANNER_PREPS and verb.i in manner_owner
                    and manner_owner[verb.i] is not trigger
                    and not is_passive(verb) and subject_of(verb, climb=False) is not None
                    and (verb.i in owner_of or trigger.rule.code in MANNERS_OF_ARREST)):
                # "bandits kidnapped 38 people in a raid": the raid is how, not another act (but in
                # "killed in an IS attack" the attack is the act, and names its doer)
                folded[token.i] = manner_owner[verb.i]
                continue
            if trigger.token.lemma_.lower() not in FOLDED_VERBS and not (
                    trigger.token.pos_ == "VERB" and trigger.rule.code in roles.TOLL_ASSAULTS
                    and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in trigger.token.children)):
                continue  # (and "took the life of": "a bomb blast took the life of the candidate")
            subject = subject_of(trigger.token, climb=False)
            if subject is not None:
                # "Saudi strikes on the port killed nine": the strikes' toll
                if subject.i in owner_of and owner_of[subject.i] is not trigger:
                    folded[trigger.token.i] = owner_of[subject.i]
                continue
            head = trigger.token.head
            for _ in range(4):
                if head.i in owner_of and owner_of[head.i] is not trigger \
                        and not (owner_of[head.i].rule.code == PROPERTY_DESTROYED and trigger.token.tag_ != "VBG"):
                    # (a fire owns the killing told as its manner, "set fire to the bus, killing
                    # 12"; "set fire to the homes and killed villagers" are two acts; a fire
                    # joined to an attack, "shelled the village and burned houses, killing 10",
                    # is part of that attack, whose toll it is)
                    if owner_of[head.i].rule.code == PROPERTY_DESTROYED and head.dep_ == "conj" \
                            and head.head.i in owner_of and owner_of[head.head.i] is not trigger:
                        head = head.head
                    folded[trigger.token.i] = owner_of[head.i]
                    break
                if head.head == head:
                    break
                head = head.head
        return folded

    def _opinion(self, trigger: Trigger) -> bool:
        """"I don't think the army will retake the city": a forecast, not an event; "it is
        unclear whether rebels attacked the convoy": a question, not an event."""
        ancestors = [trigger.token, *list(trigger.token.ancestors)[:4]]
        for token in ancestors:  # up to a clause that only situates ("after rebels attacked")
            if any(c.dep_ == "mark" and self.lexicon.has_frame(c.lower_, "question") for c in token.children):
                return True
            if token.dep_ == "advcl":
                break
        return any(self.lexicon.has_frame(a.lemma_.lower(), "opinion") for a in list(trigger.token.ancestors)[:5])

    def _speech(self, verb: Token) -> bool:
        """A verb that says something: a report verb, or one whose acts are verbal (CAMEO 01
        to 13: accuse, blame, call on, urge, warn, praise, deny)."""
        lemma = verb.lemma_.lower()
        return reporting_verb(verb, self.lexicon) or any(
            rule.code[:2] <= SPEECH_ROOTS_END for rule in self.lexicon.triggers.get(lemma, ()))

    def _announcer(self, trigger: Trigger, report: Report | None, actors: ActorIndex) -> Actor | None:
        """Who tells of an act to come: the reporter ("the minister said the attackers would
        be punished"), or the subject of the vow or warning that governs it ("vowed that those
        behind the ambush would be found")."""
        if report is not None and report.actor is not None:
            return report.actor
        for ancestor in list(trigger.token.ancestors)[:4]:
            if ancestor.pos_ == "VERB" and self.lexicon.has_frame(ancestor.lemma_.lower(), "threatened"):
                subject = subject_of(ancestor)
                found = actors_of(subject, actors) if subject is not None else []
                return found[0].actor if found else None
        return None

    def _inside_threat(self, trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
        """An act that is only threatened ("vowed to strike back") or denied ("denied
        carrying out the strike") is the content of the threat or denial, not an event."""
        token = trigger.token
        if (token.dep_ == "relcl" and told_past(token)) or (token.dep_ == "acl" and token.tag_ == "VBN"):
            # "vowed to punish the rebels who attacked the convoy", "threatened to behead an
            # engineer seized on Monday": that attack, that seizure was done
            return False
        child = token
        for ancestor in list(token.ancestors)[:4]:
            if child.dep_ == "conj" and (child.tag_ in FINITE_TAGS or misread_past(child)):
                return False  # a verb of its own tense beside the threat or denial: "denied X and accused Y"
            if accusations.told_apart(child, lambda noun: self.lexicon.has_frame(noun.lemma_.lower(), "charge")):
                return False  # "X blamed Y for the fires; Z denied it": a sentence of its own
            found = trigger_at.get(ancestor.i)
            if found is not None and (found.rule.code.startswith("13") or found.rule.code == "016"):
                return True
            child = ancestor
        return False

    def _habitual(self, trigger: Trigger) -> bool:
        """Told as a habit or a summary of many ("has repeatedly attacked", "in the last
        three years, 1,300 policemen have been killed"): background, not the day's event."""
        if trigger.token.dep_ == "acl" and habits.counted_span(trigger.token.head, perfect=True):
            return True  # "have died in the past years, shot by ...": the parse may hang the act on the span
        if describes_any(trigger.token):
            return True  # "talks with all forces that rejected violence": a kind of people, not an act
        top = clause_top(trigger.token)
        verbs = {trigger.token, top} | ({trigger.light} if trigger.light is not None else set())
        if trigger.token.dep_ == "conj" and trigger.token.head.pos_ == "VERB":
            verbs.add(trigger.token.head)  # "over the past five years, dozens have vanished and 35 have been shot"
        verbs.update(clauses.joined_verbs(trigger.token))  # "were shot or maimed during the war"
        verbs.update(habits.counting_verb(trigger.token))  # "has reported 35 people killed in six weeks"
        if habits.goes_on(own_verb(trigger, lambda w: self.lexicon.has_frame(w, "light"))):
            return True  # "the rebels keep attacking its outposts" (not "continue to investigate the shooting")
        if habits.used_to(trigger.token):
            return True  # "I used to kill soldiers for the militia": a past habit
        if top.dep_ == "ccomp" and reporting_verb(top.head, self.lexicon) and any(
                c.dep_ == "npadvmod" and habits.many_times(c) for c in top.head.children):
            return True  # "have reported several times that guards kidnapped ...": told again and again
        for verb in verbs:
            for child in verb.children:
                if child.dep_ == "advmod" and self.lexicon.has_frame(child.lemma_.lower(), "habitual"):
                    return True
                if child.dep_ == "advmod" and self.lexicon.has_frame(child.lower_, "former"):
                    return True  # "patrols have previously fought along the frontier": told from before
                if child.dep_ in ("npadvmod", "advmod") and habits.recurring(child):
                    return True  # "gunmen attack the convoys every week"
                if (child.dep_ == "npadvmod" and habits.many_times(child) and present_perfect(verb)
                        and habits.undated(verb)):
                    return True  # "the town has been shelled several times" (but "stabbed several times")
                if child.dep_ == "prep":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if (child.lower_ in WHOLE_SPAN_PREPS and pobj is not None and habits.undated(verb)
                            and self.lexicon.has_frame(pobj.lemma_.lower(), "era")):
                        return True  # "900 were shot or maimed during the war": its tally
                    if (child.lower_ in SPAN_PREPS and pobj is not None
                            and habits.counted_span(pobj, perfect=present_perfect(verb))):
                        return True
                    # "in Honduras over the past nine years": the span hangs from the place,
                    # or from "according to ..." before it
                    nested = [*child.children, *(pobj.children if pobj is not None else ())]
                    spans = [g for p in nested if p.dep_ == "prep" and p.lower_ in SPAN_PREPS
                             for g in p.children if g.dep_ == "pobj"]
                    if any(habits.counted_span(g, perfect=present_perfect(verb)) for g in spans):
                        return True
                if child.dep_ == "npadvmod" and habits.counted_span(child, perfect=present_perfect(verb)):
                    return True  # "have been killed so far this year"
            if habits.generic_victims(verb):
                return True
            if verb.pos_ in ("VERB", "AUX") and present_perfect(verb) and habits.undated(verb) and any(
                    c.dep_ == "dobj" and habits.tally(c, self._violent_word) for c in verb.children):
                return True  # "have set off over 120 bombs", "have carried out 40 attacks"
        if habits.suffered_often(trigger.token, lambda w: self.lexicon.has_frame(w, "patient")):
            return True
        if trigger.rule.code[:2] <= SPEECH_ROOTS_END and background.said_before(trigger.token):
            return True  # "whose party had pledged to end the strike": the noun's stance, told before
        return self._recalled(trigger)

    def _generic_cues(self, trigger_at: dict[int, Trigger], actors: ActorIndex, places: where.PlaceIndex
                      ) -> generic.Cues:
        has_frame = self.lexicon.has_frame
        return generic.Cues(is_act=lambda t: t.i in trigger_at, is_people=lambda t: bool(actors.at(t)),
                            place_of=lambda t: places.get(t.i),
                            is_accountable=lambda w: has_frame(w, "accountable"),
                            is_claimed=lambda w: has_frame(w, "responsibility"),
                            is_series=lambda w: has_frame(w, "series"), is_light=lambda w: has_frame(w, "light"))

    def _recalled(self, trigger: Trigger) -> bool:
        """"recalled the offensive of last autumn", "remember the massacre": an act brought
        back to mind is background, whatever its date."""
        current = trigger.token
        if current.dep_ == "relcl":
            current = current.head  # "let us not forget the senators who were murdered"
        current = clauses.listed_object(current) or current  # "recall the explosion; the murder of journalists"
        while current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN") and current.head != current:
            current = current.head  # "recall the explosion ... and the murder of journalists"
        if current.dep_ == "pobj" and current.head.lower_ == "of" and current.head.head.pos_ == "NOUN" \
                and self.lexicon.has_frame(current.head.head.lemma_.lower(), "background"):
            return True  # "the anniversary of the massacre", "in memory of the victims of the attack"
        for _ in range(3):
            if current.dep_ not in ("dobj", "ccomp", "xcomp") or current.head == current:
                return False
            current = current.head
            if self.lexicon.has_frame(current.lemma_.lower(), "background"):
                return True
        return False

    def _about(self, trigger: Trigger, trigger_at: dict[int, Trigger]) -> int | None:
        """The anchor of the act a disapproval is about: its object ("condemned the
        strikes") or its noun's "of" ("condemnation of the attack"), when that is an act."""
        token = trigger.token
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        for obj in objects:
            found = trigger_at.get(obj.i)
            if found is not None and found is not trigger:
                return found.token.idx
        return None

    def _object_of_act(self, trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
        """The trigger is the object of another act or of a report ("claimed the assault")."""
        token = trigger.token
        head = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ not in ("dobj", "pobj") or head == token:
            return False
        return head.i in trigger_at or reporting_verb(head, self.lexicon)

    def _inside_content(self, trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
        """An act that is what someone asks, demands, promises or forbids ("called on the
        rebels to withdraw", "urged the EU to go further by targeting...", "barred them from
        entering") is the content of that act, not an event of its own."""
        current = trigger.token
        if trigger.rule.code == CONSIDER_CODE and current.dep_ in ("advcl", "xcomp") and (
                (meeting := trigger_at.get(current.head.i)) is not None and meeting.rule.code.startswith(CONSULT_ROOT)):
            return True  # "due to meet on Thursday to discuss sending troops": what a meeting is for
        if any(c.dep_ == "amod" and c.pos_ in ("VERB", "ADJ") and self.lexicon.has_frame(c.lemma_.lower(), "advocated")
               for c in current.children):
            return True  # "has incited assassination": the parse may take the verb for a modifier (or an adjective)
        if unreal_acts.disposed(current, lambda w: self.lexicon.has_frame(w, "disposition")):
            return True  # "men who like planting mines", "have learned to fight"
        if unreal_acts.future_condition(current):
            return True  # "will leave only when the two governments agree": the time of an act to come
        complement = False  # "called ..., and France imposed ...": a conjunct alone is no content
        for _ in range(CONTENT_CLIMB):
            if current.dep_ not in CONTENT_DEPS or current.head == current:
                return False
            if current.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                return False  # only an infinitive of purpose ("... to halt") is content
            if current.dep_ == "prep" and current.lower_ not in CONTENT_PREPS:
                return False  # "sought support ... during an offensive": the offensive is no content
            complement = complement or current.dep_ != "conj"
            if unreal_acts.inquired(current, lambda w: self.lexicon.has_frame(w, "inquiry")):
                return False  # "to clarify last Thursday's murder": what is inquired into happened
            said = current.dep_ == "ccomp" and current is trigger.token
            current = current.head
            if said and current.i not in trigger_at and reporting_verb(current, self.lexicon):
                # "appealed for calm and said he would ask India to ...": the act said is its own
                # (but not a noun within what is said: "would not accept threats")
                return False
            if not complement:
                continue
            governing = trigger_at.get(current.i)
            if governing is not None and governing.rule.code.startswith(CONTENT_ROOTS) and (
                    governing.rule.code.startswith(REFUSAL_ROOT) or not any(
                        c.dep_ == "dobj" and self.lexicon.has_frame(c.lemma_.lower(), "document")
                        for c in governing.token.children)):
                # (but "released a statement condemning the attack" releases no one: what
                # the statement does is the issuer's act; what a vetoed or rejected
                # resolution demands is no one's act)
                return True
            if (self.lexicon.has_frame(current.lemma_.lower(), "prevented")
                    or self.lexicon.has_frame(current.lemma_.lower(), "advocated")):
                return True
        return False


# Determiners that make a noun any of its kind: "all forces", "any group", "every soldier".
ANY_OF_A_KIND = frozenset({"all", "any", "every", "no"})


# Pronouns that stand for people named only by a relative clause: "those who shot our
# people", "anyone who attacks civilians".
PEOPLE_OF_A_CLAUSE = frozenset({"those", "anyone", "anybody", "whoever"})


def describes_any(verb: Token) -> bool:
    """"talks with all political forces that rejected violence", "any group that attacks
    civilians": a relative clause on a noun of any of its kind says what kind of people are
    meant, not that anyone did it. "We will not negotiate with those who shot our people":
    on a bare pronoun, with no time of its own, the clause names people by an act the
    report tells elsewhere (or by any such act), and tells no act itself."""
    noun = verb.head
    if verb.dep_ != "relcl":
        return False
    if noun.lower_ in PEOPLE_OF_A_CLAUSE and noun.pos_ == "PRON":
        return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    return (noun.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "det" and c.lower_ in ANY_OF_A_KIND for c in noun.children))


def own_verb(trigger: Trigger, is_light: Callable[[str], bool]) -> Token:
    """The act's own verb: the trigger, or for a noun its light verb ("carry out raids")."""
    light = trigger.light
    noun = trigger.token.pos_ in ("NOUN", "PROPN")
    return light if noun and light is not None and is_light(light.lemma_.lower()) else trigger.token
