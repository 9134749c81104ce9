"""Acts that are said rather than done, coded from the saying: a statement (010) by a
reporting verb whose clause tells no act, a cleft ("it was the army that ..."), charges a
speaker lays, judgments ("called the vote illegal"), ultimatums and deadlines, demands,
refusals and denials. A part of `coder.EventStage` (a mixin: its methods use the stage's
lexicon and its other passes)."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..knowledge.events import EventLexicon
from ..records import Actor, Article, DateMention, Evidence
from . import accusations, roles, rules
from .arguments import ActorIndex, Argument, actors_of
from .draft import Draft
from .frames import Report, report_of
from .merge import GENERIC_ATTACKS, KILLINGS
from .syntax import passive_subject, subject_of, verb_of
from .triggers import Trigger
from .vows import threat_told, told_in_future
from .when import EventDate, event_date


# Statements are only coded from these verbs: saying is the act. Others ("added",
# "noted") only attribute what they frame.
STATEMENT_VERBS = frozenset({"say", "announce", "state", "declare", "conclude", "insist", "reiterate", "stress",
                             "emphasize", "emphasise"})
# "X said Y must ...": saying so is a demand (CAMEO 10).
DEMAND_MODALS = frozenset({"must", "should"})
# Verbs that say what an act is ("amounts to", "constitutes", "was") and the crimes it may be.
JUDGING_VERBS = frozenset({"amount", "constitute", "be"})
CRIMES = frozenset({"crime", "crimes", "genocide", "atrocity", "atrocities", "terrorism", "violation", "violations"})
# What a state or a body decides or says, which can be judged as an act is: "the resolution
# was unjust", "the decision is illegal" (not a plan: "the plan was a crime" judges no act).
# A denial of responsibility (CAMEO 016).
DENIAL = "016"
# A claim rejected (CAMEO 120): "a claim the army dismissed as a lie".
REJECTION = "120"
# Aid given (CAMEO 07), and the signs of an amount of money ("$10 million in aid").
AID_ROOT = "07"
CURRENCY = frozenset({"$", "€", "£", "dollars", "euros", "pounds"})
# "we will fight them": the pronouns that name the other side
THEM = frozenset({"them", "him", "her", "they"})
DECISIONS = frozenset({"decision", "resolution", "text", "move", "vote", "verdict", "ruling", "law", "measure",
                       "sanction", "policy", "deal", "referendum", "election", "statement", "remark",
                       "action", "step"})


class SpeechActs:
    """The passes of `coder.EventStage` that code what is said as an act."""

    def _demand(self, report: Report, doer: Actor | None, when: EventDate, evidence: Evidence, trigger: Trigger) -> Draft:
        verb = report.verb if report.verb is not None else trigger.token
        return _saying("100", "demand:must", verb, "demand", report.actor, doer, when, evidence)

    def _refusal(self, speaker: Actor, target: Actor | None, when: EventDate, evidence: Evidence, trigger: Trigger,
                 attribution: str | None) -> Draft:
        return _saying("120", "refusal:will-not", trigger.token, trigger.token.lemma_.lower(), speaker, target, when,
                       evidence, attribution=attribution)

    def _refusal_terms(self, word: str) -> bool:
        """The conjunctions that set terms on a refusal: "until", "unless" ("would not talk if
        asked" sets none)."""
        return word != "if" and self.lexicon.has_frame(word, "terms")

    @staticmethod
    def _terms_target(subject: Token, party: Actor, actors: ActorIndex) -> Actor | None:
        """The side the subject of an act's terms names (rules.terms_party), not `party`'s own."""
        return next((a.actor for a in actors_of(subject, actors) if not same_side(a.actor, party)), None)

    def _denial(self, speaker: Actor, report: Report, when: EventDate, evidence: Evidence, trigger: Trigger) -> Draft:
        verb = report.verb if report.verb is not None else trigger.token
        return _saying("016", "denial:negated-self-report", verb, "deny", speaker, None, when, evidence)

    def _statements(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                    triggers: list[Trigger], evidence: Evidence) -> list[Draft]:
        """"X said Y ...": a statement when nothing in what was said is an event itself."""
        root = sent.root
        if root.lemma_.lower() not in STATEMENT_VERBS or any(t.token.i != root.i for t in triggers):
            return []
        subject = subject_of(root, climb=False)
        if subject is None:
            return []
        speakers = actors_of(subject, actors)
        content = [c for c in root.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
        if not speakers or not content or any(_counts_people(c) or any(
                _counts_people(g) for g in c.children if g.dep_ in ("ccomp", "conj")) for c in content):
            return []  # "the agency said 100,000 people had fled": a source's figure, no statement
        acts = {t.token.i for t in triggers}
        if any(c.lemma_ == "be" and self._one_responsible(c, acts) is not None for c in content):
            return []  # "said Russia was responsible for the violence": an accusation (`_clefts`)
        when = event_date([root], dates, article.published, lambda t: True)
        out = []
        for speaker in speakers:
            if not _state_like(speaker.actor):
                continue  # a monitor's or analyst's words are a source, not an event
            target = _spoken_about(content, actors, speaker.actor)
            if target is None:
                continue
            demand = any(a.lower_ in DEMAND_MODALS for c in content for a in c.children if a.dep_ == "aux")
            out.append(_saying("100" if demand else "010",
                               "statement:demand-must" if demand else "statement:reporting-verb-without-event",
                               root, "say", speaker.actor, target, when, evidence))
        return out

    def _clefts(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                triggers: list[Trigger], evidence: Evidence) -> list[Draft]:
        """"The government said it was the insurgents who burned the homes", "said militants
        were behind the attacks": saying who did an act, in a cleft or as the one behind it,
        accuses them of it (112), whoever the act's own event names."""
        acts = {t.token.i for t in triggers}
        is_report = lambda t: reporting_verb(t, self.lexicon)  # noqa: E731
        out = []
        for be in sent:
            # (also the second of joined clauses: "saying the army was acting against
            # terrorists and that it was the insurgents who had burned the homes")
            report = accusations.said_clause(be, is_report) if be.lemma_ == "be" else None
            if report is None:
                continue
            focus, rule = _cleft_focus(be, acts), "accusation:cleft"
            if focus is None:
                focus, rule = _one_behind(be, acts), "accusation:behind"
            if focus is None:
                focus, rule = self._one_responsible(be, acts), "accusation:responsible"
            if focus is None:
                continue
            speakers, when = _speakers(report, actors, dates, article)
            if not speakers and report.dep_ in ("advcl", "conj"):
                # "rejected the accusation, saying it was the insurgents who ...": the one who rejected
                said_by = subject_of(report)
                speakers = actors_of(said_by, actors) if said_by is not None else []
            accused = actors_of(focus, actors)
            if accused:
                out.extend(_saying("112", rule, report, "accuse", speaker.actor, accused[0].actor, when, evidence)
                           for speaker in speakers if not same_side(speaker.actor, accused[0].actor))
        return out

    def _one_responsible(self, be: Token, acts: set[int]) -> Token | None:
        """"Obama said Russia was responsible for the violence", "said the officials were
        responsible for the crackdown": one said to answer for an act (a trigger, or a noun
        of an act: "the violence", "the killings") is accused of it. Not a pronoun ("said it
        was responsible for the attack" claims it), nor a negated clause ("was not
        responsible": a denial), nor what is not an act ("responsible for their safety")."""
        if any(c.dep_ == "neg" for c in be.children):
            return None
        responsible = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ == "responsible"), None)
        if responsible is None:
            return None
        for_ = next((c for c in responsible.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        act = next((g for g in for_.children if g.dep_ == "pobj"), None) if for_ is not None else None
        if act is None or not (act.i in acts or self.reactions.act_kinds(act) is not None
                               or act.lemma_.lower() in GENERIC_ATTACKS | KILLINGS):
            return None
        subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.pos_ != "PRON" else None

    def _spoken_charges(self, triggers: list[Trigger], actors: ActorIndex,
                        doc_dates: list[DateMention]) -> dict[Trigger, list[tuple[Actor, Actor]]]:
        """"The rebel commander said the army had massacred the hostages": acts of violence
        an armed opposition says, on no day of their own, that the state's forces did, with
        the (accuser, accused) pairs (accusations.said_of_opponent)."""
        is_report = lambda t: reporting_verb(t, self.lexicon)  # noqa: E731
        found: dict[Trigger, list[tuple[Actor, Actor]]] = {}
        for trigger in triggers:
            if not trigger.rule.code.startswith(accusations.ALLEGED_ROOTS):
                continue
            report = accusations.said_of_opponent(trigger.token, is_report, doc_dates)
            subject = next((c for c in trigger.token.children if c.dep_ == "nsubj"), None)
            if report is None or subject is None:
                continue
            said_by = subject_of(report, climb=report.dep_ == "conj")  # "denied X and said ...": the denier
            speakers = actors_of(said_by, actors) if said_by is not None else []
            pairs = [(speaker.actor, doer.actor) for speaker in speakers for doer in actors_of(subject, actors)
                     if accusations.accuses_the_state(speaker.actor, doer.actor)]
            if pairs:
                found[trigger] = pairs
        return found

    def _charges(self, charges: dict[Trigger, list[tuple[Actor, Actor]]], article: Article, dates: dict,
                 evidence: Evidence) -> list[Draft]:
        """The accusations (112) of `_spoken_charges`, one per accuser and accused, made when
        they are said."""
        out, seen = [], set()
        for trigger, pairs in charges.items():
            report = accusations.said_clause(trigger.token, lambda t: reporting_verb(t, self.lexicon))
            when = event_date([report], dates, article.published, lambda t: True)
            for speaker, doer in pairs:
                if (report.i, speaker.code, doer.code) not in seen:
                    seen.add((report.i, speaker.code, doer.code))
                    out.append(_saying(accusations.ACCUSATION_CODE, "accusation:said-of-opponent", report,
                                       "accuse", speaker, doer, when, evidence))
        return out

    def _judgments(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                   triggers: list[Trigger], evidence: Evidence) -> list[Draft]:
        """"The envoy said the strike could amount to a war crime", "said the shelling
        constituted a crime against humanity": saying an act is a crime condemns it (111)."""
        acts = {t.token.i for t in triggers}
        out = []
        for verb in sent:
            report = verb.head
            if verb.dep_ != "ccomp" or not reporting_verb(report, self.lexicon):
                continue
            felt = self._dismayed_at(verb, acts)
            if felt is not None:
                # "said she was appalled by the shooting of unarmed people": the speaker
                # disapproves of the act (111), aimed at its doer like a condemnation
                speakers, when = _speakers(report, actors, dates, article)
                for speaker in speakers:
                    if roles.role(speaker.actor) in roles.PRIVATE_ROLES:
                        continue  # "villagers said they were horrified by the blast": no party's act
                    draft = _saying("111", "condemnation:dismayed", report, "condemn", speaker.actor, None, when,
                                    evidence)
                    draft.about = felt.idx
                    out.append(draft)
                continue
            if verb.lemma_.lower() not in JUDGING_VERBS:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # "said the violence was deplorable": a noun of an act (reactions.tsv) is judged too
            act_noun = subject is not None and (subject.i in acts or self.reactions.act_kinds(subject) is not None
                                                or subject.lemma_.lower() in GENERIC_ATTACKS | KILLINGS)
            if subject is None or not (act_noun or subject.lower_ in ("it", "this", "that")
                                       or subject.lemma_.lower() in DECISIONS):
                continue
            judged = _judged_as(verb)
            if any(p.lemma_.lower() in CRIMES for p in judged):
                rule = "condemnation:judged-a-crime"
            elif verb.lemma_.lower() == "be" and any(self.lexicon.has_frame(p.lower_, "damning") for p in judged):
                rule = "condemnation:judged"  # "said the resolution was unjust and unbalanced"
            elif verb.lemma_.lower() == "be" and act_noun and any(p.lower_ in self.reactions.verdicts for p in judged):
                rule = "condemnation:judged-act"  # "said the bloodshed was horrific"
            else:
                continue
            speakers, when = _speakers(report, actors, dates, article)
            for speaker in speakers:
                draft = _saying("111", rule, report, "condemn", speaker.actor, None, when, evidence)
                # aimed at the act's doer (reactions.aim_at_told_doers, merge.aim_at_doers)
                draft.about = subject.idx if act_noun else None
                out.append(draft)
        return out

    def _dismayed_at(self, verb: Token, acts: set[int]) -> Token | None:
        """The act a speaker says they were dismayed by ("was appalled by the shooting",
        "was shocked by the killings": a verb of `reactions.tsv` role `dismay` in the passive,
        its "by" phrase a noun of an act), or None. The one dismayed must be the speaker
        ("she", "he", "we"): "said civilians were shocked by the blast" tells no disapproval."""
        if verb.lemma_.lower() not in self.reactions.dismay and verb.lower_ not in self.reactions.dismay:
            return None
        felt_by = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if felt_by is None or felt_by.pos_ != "PRON":
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        noun = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if noun is None:
            return None
        if noun.i in acts or self.reactions.act_kinds(noun) is not None or noun.lemma_.lower() in GENERIC_ATTACKS | KILLINGS:
            return noun
        return None

    def _ultimatums(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                    trigger_at: dict[int, Trigger], evidence: Evidence) -> list[Draft]:
        """"The spokesman said his fighters would come back if the government did not
        resign", "vowed to turn the desert into a graveyard if they attacked": an act of no
        trigger of its own, announced on a condition another party must meet, is an
        ultimatum (139; 138 when it names force) from the one who says it, aimed at the
        condition's subject, another party it names; "said those behind it would not go unpunished" is a threat
        (130). An act that is a trigger is coded by `_events` (rules.on_condition)."""
        has_frame = self.lexicon.has_frame
        out = []
        for act in sent:
            frame = act.head
            if act.dep_ not in ("ccomp", "xcomp") or act.i in trigger_at or frame.i in trigger_at:
                continue
            vowed = has_frame(frame.lemma_.lower(), "threatened")
            if not (vowed or reporting_verb(frame, self.lexicon)):
                continue
            condition = rules.ultimatum(act, lambda w: has_frame(w, "ultimatum"), vowed=vowed)
            if condition is not None:
                forcible = rules.by_force(act, lambda w: has_frame(w, "forcible"))
                code, rule = (rules.FORCE_THREAT, "threat:ultimatum-force") if forcible else \
                    (rules.ULTIMATUM, "threat:ultimatum")
                subject = subject_of(condition, climb=False)
            elif rules.not_unpunished(act, lambda w: has_frame(w, "impunity")):
                code, rule, subject = rules.GENERIC_THREAT, "threat:not-unpunished", None
            elif (told := rules.comeuppance(act, lambda w: has_frame(w, "comeuppance"))) is not None:
                # "the rebels said the government would reap what it sows": a veiled threat
                code, rule, subject = rules.GENERIC_THREAT, "threat:comeuppance", told
            elif (terms := rules.refused_on_terms(act, self._refusal_terms)) is not None:
                # "said its militia would not take part unless the army halted the shelling":
                # a refusal with its terms, aimed at the side the terms name
                code, rule, subject = rules.REFUSAL, "refusal:on-terms", terms
            else:
                continue
            speakers, when = _speakers(frame, actors, dates, article)
            for speaker in speakers:
                target = next((a.actor for a in (actors_of(subject, actors) if subject is not None else [])
                               if a.actor.code != speaker.actor.code), None)
                if code in (rules.REFUSAL, rules.GENERIC_THREAT) and subject is not None and target is None:
                    continue  # "they will pay dearly", "would not take part until it is over": no side named
                if rule == "threat:comeuppance" and not rules.can_threaten(speaker.actor):
                    continue  # "aid groups said civilians would pay the price": a forecast
                if condition is not None and target is None and not vowed:
                    # "said its troops would stay neutral unless they came under attack": no
                    # one is told what to do (a vow on a condition threatens whoever it names)
                    continue
                out.append(_saying(code, rule, frame, frame.lemma_.lower(), speaker.actor, target, when, evidence,
                                   modality="asserted" if code == rules.REFUSAL else "threatened"))
        return out

    def _deadlines(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                   evidence: Evidence) -> list[Draft]:
        """"ECOWAS gave the coup leaders seven days to restore the president or face military
        action": a state, a body or an armed side that gives another a span of time to do
        something gives it an ultimatum (139; rules.deadline_given)."""
        out = []
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            given = rules.deadline_given(verb, lambda w: self.lexicon.has_frame(w, "deadline"))
            if given is None:
                continue
            party, span = given
            # (the day the span ends, "a deadline of Friday", is not the day it was given)
            words = list(span.subtree)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            givers, when = _speakers(verb, actors, {i: m for i, m in dates.items() if not start <= m.start < end},
                                     article)
            for giver in givers[:1]:
                if not rules.can_threaten(giver.actor):
                    continue
                target = next((a.actor for a in actors_of(party, actors) if not same_side(a.actor, giver.actor)), None)
                if target is None:
                    continue
                out.append(_saying(rules.ULTIMATUM, "threat:deadline", verb, verb.lemma_.lower(), giver.actor,
                                   target, when, evidence, modality="threatened"))
        return out

    def _said_acts(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                   trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """The acts of saying that no trigger of their own tells (h74): a denial of
        responsibility told without "deny" (`_disowned`) and a charge denied in a clause on
        the charge's noun (`_charge_denied`). `told`: the sentence's drafts so far."""
        return (self._disowned(sent, article, actors, dates, trigger_at, evidence, told)
                + self._charge_denied(sent, article, actors, dates, trigger_at, evidence, told)
                + self._vowed_fight(sent, article, actors, dates, trigger_at, evidence, told)
                + self._no_guarantee(sent, article, actors, dates, evidence, told)
                + self._aid_amounts(article, actors, dates, trigger_at, evidence, told)
                + self._claim_dismissed(sent, article, actors, dates, trigger_at, evidence, told)
                + self._shields_charged(sent, article, actors, dates, trigger_at, evidence, told)
                + self._called_war(sent, article, actors, dates, trigger_at, evidence, told)
                + self._war_if(sent, article, actors, dates, evidence, told))

    def _war_if(self, sent: Span, article: Article, actors: ActorIndex, dates: dict, evidence: Evidence,
                told: list[Draft]) -> list[Draft]:
        """"Mali and Burkina Faso said any intervention in Niger would amount to a declaration
        of war against them", "said any attack would be considered an act of war": a state or an
        armed side saying that any act of another against it would be war threatens force
        (138), aimed at no one named (whoever would act). The act is a noun with "any"; what it
        would be is an act or a declaration of war (`_of_war`), told with "would" or "will"."""
        out = []
        for verb in sent:
            report = verb.head
            if verb.dep_ != "ccomp" or verb.lemma_.lower() not in JUDGING_VERBS | {"consider", "treat", "regard"} \
                    or not reporting_verb(report, self.lexicon) or not told_in_future(verb):
                continue
            act = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if act is None or not any(c.dep_ == "det" and c.lower_ == "any" for c in act.children):
                continue
            called = _judged_as(verb) + [c for c in verb.children if c.dep_ == "oprd"] + [
                g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                                         for g in c.children if g.dep_ == "pobj"]
            if not any(_of_war(p) for p in called):
                continue
            speakers, when = _speakers(report, actors, dates, article)
            if not speakers and report.dep_ == "conj":
                # (the parse may join "said" to a participle before it: "Mali, ruled by soldiers, said")
                said_by = next((c for c in report.head.children if c.dep_ == "nsubj"), None)
                speakers = actors_of(said_by, actors) if said_by is not None else []
            for speaker in speakers:
                if not rules.can_threaten(speaker.actor) or threat_told(told + out, speaker.actor):
                    continue
                out.append(_saying(rules.FORCE_THREAT, "threat:any-act-is-war", report, "warn", speaker.actor,
                                   None, when, evidence, modality="threatened"))
        return out

    def _called_war(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                    trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """"The prime minister called the strikes an act of war", "described the raid as an
        act of war by the Lebanese state": naming another's act an act (or a declaration) of
        war condemns it (111), aimed at the doer a "by" phrase names, else at the doer of the
        act named (`reactions.aim_at_told_doers`, `merge.aim_at_doers`). The act named is the
        verb's object; "called for war" names none."""
        out = []
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in WAR_NAMING_VERBS or verb.i in trigger_at \
                    or any(d.anchor == verb.idx for d in told):
                continue
            named = next((c for c in verb.children if c.dep_ == "dobj"), None)
            called = _called_as(verb, named)
            if named is None or called is None or not _of_war(called):
                continue
            subject = subject_of(verb, climb=verb.dep_ == "conj")
            speakers = actors_of(subject, actors) if subject is not None else []
            by = next((g for c in called.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                       for g in c.children if g.dep_ == "pobj"), None)
            doers = actors_of(by, actors) if by is not None else []
            when = event_date([verb], dates, article.published, lambda t: True)
            for speaker in speakers[:1]:
                target = next((a.actor for a in doers if not same_side(a.actor, speaker.actor)), None)
                draft = _saying("111", "condemnation:act-of-war", verb, "condemn", speaker.actor, target, when,
                                evidence)
                draft.about = named.idx if target is None and named.pos_ == "NOUN" else None
                out.append(draft)
        return out

    def _claim_dismissed(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                         trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """"The rebels said troops had entered the town at the chiefs' request, a claim the
        army dismissed as a lie": a clause on a claim's noun (frame `charge`) whose subject
        names a party and calls the claim false ("as a lie", "as baseless": frame `false`)
        rejects it (120): the party's, aimed at the one whose saying the noun sums up (the
        subject of the reporting verb above it)."""
        out = []
        for verb in sent:
            claim = verb.head
            if (verb.dep_ != "relcl" or verb.pos_ != "VERB" or verb.i in trigger_at
                    or not self.lexicon.has_frame(claim.lemma_.lower(), "charge")
                    or any(d.anchor == verb.idx for d in told)):
                continue
            called = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      for g in c.children if g.dep_ == "pobj"]
            called += [c for c in verb.children if c.dep_ in ("oprd", "acomp")]
            if not any(self.lexicon.has_frame(w.lemma_.lower(), "false") or self.lexicon.has_frame(w.lower_, "false")
                       for w in called):
                continue
            subject = subject_of(verb, climb=False)
            rebutters = actors_of(subject, actors) if subject is not None else []
            report = next((t for t in claim.ancestors if reporting_verb(t, self.lexicon)), None)
            if not rebutters or report is None:
                continue
            claimants, _ = _speakers(report, actors, dates, article)
            target = next((a.actor for a in claimants if not same_side(a.actor, rebutters[0].actor)), None)
            if target is None:
                continue
            when = event_date([verb], dates, article.published, lambda t: True)
            out.append(_saying(REJECTION, "rejection:claim-called-false", verb, "dismiss", rebutters[0].actor,
                               target, when, evidence))
        return out

    def _shields_charged(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                         trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """"The army said the militants had used villagers as human shields": saying that a
        party used people as a shield (frame `shielding`, after "as" or "into") accuses it
        (112), whoever says it; the use is the charge, not an act the news tells."""
        is_report = lambda t: reporting_verb(t, self.lexicon)  # noqa: E731
        out = []
        for shield in sent:
            if not (shield.dep_ == "pobj" and shield.head.lower_ in ("as", "into")
                    and self.lexicon.has_frame(shield.lemma_.lower(), "shielding")):
                continue
            # (through the nouns it hangs from: "used women from the madrasa as shields")
            verb = verb_of(shield)
            if verb.pos_ != "VERB":
                continue
            report = accusations.said_clause(verb, is_report)
            subject = subject_of(verb, climb=False)
            if report is None or subject is None or report.i in trigger_at:
                continue  # ("accused them of using ...": the accusation's own event)
            accused = actors_of(subject, actors)
            speakers, when = _speakers(report, actors, dates, article)
            for speaker in speakers[:1]:
                target = next((a.actor for a in accused if not same_side(a.actor, speaker.actor)), None)
                if target is None or any(d.code == accusations.ACCUSATION_CODE and d.anchor == report.idx
                                         for d in told):
                    continue
                out.append(_saying(accusations.ACCUSATION_CODE, "accusation:human-shields", report, "accuse",
                                   speaker.actor, target, when, evidence))
        return out

    def _aid_amounts(self, article: Article, actors: ActorIndex, dates: dict, trigger_at: dict[int, Trigger],
                     evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """"The United States announced $10 million in emergency military aid to Kinshasa":
        aid (07) told as an amount "in" aid, the object of a verb of giving or announcing
        (frame `granting`), is given by that verb's subject, to the one named after "to",
        when no event of the noun's own was coded (its doer is the verb's, two steps up) and
        the verb is no trigger of its own ("pledged $20 million in aid" is the pledge)."""
        out = []
        for trigger in trigger_at.values():
            aid = trigger.token
            into = aid.head
            if (not trigger.rule.code.startswith(AID_ROOT) or aid.pos_ != "NOUN" or aid.dep_ != "pobj"
                    or into.lower_ != "in" or any(d.anchor == aid.idx for d in told)):
                continue
            amount = into.head
            verb = amount.head if amount.dep_ == "dobj" else amount
            if not (verb.pos_ == "VERB" and self.lexicon.has_frame(verb.lemma_.lower(), "granting")) \
                    or verb.i in trigger_at:
                continue  # ("pledged $20 million in aid": the pledge is the event)
            amount = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if amount is None or not any(t.like_num or t.text in CURRENCY for t in amount.subtree):
                continue
            subject = subject_of(verb, climb=False)
            givers = actors_of(subject, actors) if subject is not None else []
            if not givers:
                continue
            goal = next((g for owner in (aid, verb) for c in owner.children if c.dep_ == "prep" and c.lower_ == "to"
                         for g in c.children if g.dep_ == "pobj"), None)
            receivers = actors_of(goal, actors) if goal is not None else []
            target = next((a.actor for a in receivers if not same_side(a.actor, givers[0].actor)), None)
            when = event_date([verb], dates, article.published, lambda t: True)
            out.append(_saying(trigger.rule.code, "aid:amount-in-aid", aid, aid.lemma_.lower(), givers[0].actor,
                               target, when, evidence))
        return out

    def _vowed_fight(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                     trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """'"We will fight them until the last man," the rebel leader told supporters': an act
        of force that a speaker for an armed side or a state says "we" will do is a threat of
        force (138) by the speaker, aimed at the side it names as its object (or at no one
        named: "them"), when no event of the act's own was coded (no doer "we" is known). Not
        a fight against a thing ("we will fight corruption"): the object, when there is one,
        is a party or a pronoun for one."""
        out = []
        for trigger in trigger_at.values():
            act = trigger.token
            if (trigger.rule.code[:2] not in roles.VIOLENT_ROOTS or act.pos_ != "VERB"
                    or not told_in_future(act)
                    or any(c.dep_ == "neg" for c in act.children) or any(d.anchor == act.idx for d in told)):
                continue
            subject = next((c for c in act.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ not in ("we", "i"):
                continue
            report = report_of(act, sent, self.lexicon, actors)
            if report is None or report.actor is None or not rules.can_threaten(report.actor):
                continue
            speaker = report.actor
            aimed = next((c for c in act.children if c.dep_ == "dobj"), None)
            named = actors_of(aimed, actors) if aimed is not None else []
            if aimed is not None and not named and aimed.lower_ not in THEM:
                continue
            if threat_told(told, speaker):
                continue
            target = next((a.actor for a in named if not same_side(a.actor, speaker)), None)
            verb = report.verb if report.verb is not None else act
            when = event_date([verb], dates, article.published, lambda t: True)
            out.append(_saying(rules.FORCE_THREAT, "threat:we-will-fight", verb, act.lemma_.lower(), speaker,
                               target, when, evidence, modality="threatened"))
        return out

    def _no_guarantee(self, sent: Span, article: Article, actors: ActorIndex, dates: dict, evidence: Evidence,
                      told: list[Draft]) -> list[Draft]:
        """'"If he does not step down, we cannot guarantee his safety," the militia's
        spokesman said': a side that says it cannot (or will not) guarantee someone's safety
        threatens them (130), aimed at the one whose safety it is (frame `safety`)."""
        has_frame = self.lexicon.has_frame
        out = []
        for verb in sent:
            if verb.lemma_.lower() != "guarantee" or not any(c.dep_ == "neg" for c in verb.children):
                continue
            safety = next((c for c in verb.children if c.dep_ == "dobj" and has_frame(c.lemma_.lower(), "safety")),
                          None)
            owner = next((c for c in safety.children if c.dep_ == "poss"), None) if safety is not None else None
            if owner is None:
                continue
            report = report_of(verb, sent, self.lexicon, actors)
            if report is None or report.actor is None or not rules.can_threaten(report.actor):
                continue
            speaker = report.actor
            if threat_told(told, speaker):
                continue
            target = next((a.actor for a in actors_of(owner, actors) if not same_side(a.actor, speaker)), None)
            said = report.verb if report.verb is not None else verb
            when = event_date([said], dates, article.published, lambda t: True)
            out.append(_saying(rules.GENERIC_THREAT, "threat:no-guarantee", said, "threaten", speaker, target,
                               when, evidence, modality="threatened"))
        return out

    def _disowned(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                  trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """"The president told reporters he was not in control of the soldiers who fired",
        "said no one had ordered the troops to shoot", "said it had no role in the raid": a
        speaker who says that he, or no one, answers for an act denies responsibility (016).
        What was said is a clause of a reporting verb whose subject is the speaker's pronoun
        (negated) or no one, and says the answering (frame `disowned`: "responsible",
        "control", "role", "ordered")."""
        has_frame = self.lexicon.has_frame
        out = []
        for clause in sent:
            report = clause.head
            if clause.dep_ != "ccomp" or not reporting_verb(report, self.lexicon) or report.i in trigger_at:
                continue
            subject = subject_of(clause, climb=False)
            if subject is None:
                continue
            own = subject.pos_ == "PRON" and subject.lower_ != "there" and not (subject.lower_ == "it" and _expletive(clause))
            if not (_none_subject(subject) or own and _negated(clause)) or not _answers_for(clause, has_frame):
                continue
            speakers, when = _speakers(report, actors, dates, article)
            for speaker in speakers[:1]:
                if any(d.code == DENIAL and d.source is not None and d.source.code == speaker.actor.code for d in told):
                    continue
                out.append(_saying(DENIAL, "denial:disowned", report, "deny", speaker.actor, None, when, evidence))
        return out

    def _charge_denied(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                       trigger_at: dict[int, Trigger], evidence: Evidence, told: list[Draft]) -> list[Draft]:
        """"The government accused the party of arming militias, a charge the party denied":
        a denial told in a clause on the charge's noun, whose subject names the accused again
        by a common noun or a pronoun ("the party", "the group", "it"), is the accused's
        denial (016): the one the verb of accusing names as its object."""
        out = []
        for trigger in trigger_at.values():
            verb = trigger.token
            charge = verb.head
            if (not trigger.rule.code.startswith(DENIAL) or verb.dep_ != "relcl"
                    or not self.lexicon.has_frame(charge.lemma_.lower(), "charge")
                    or any(d.anchor == verb.idx for d in told)):
                continue
            subject = subject_of(verb, climb=False)
            if subject is None or actors_of(subject, actors) or subject.pos_ == "PROPN":
                continue
            # (the nearest verb of accusing above: "accused X of planning Y, a charge ...")
            accusing = next((t for t in charge.ancestors if t.pos_ == "VERB"
                             and self.lexicon.has_frame(t.lemma_.lower(), "claim")), None)
            if accusing is None:
                continue
            accused = next((c for c in accusing.children if c.dep_ == "dobj"), None)
            deniers = actors_of(accused, actors) if accused is not None else []
            if not deniers:
                continue
            when = event_date([verb], dates, article.published, lambda t: True)
            out.append(_saying(DENIAL, "denial:charge-denied", verb, "deny", deniers[0].actor, None, when, evidence))
        return out


# Verbs that say what their object is ("called the strikes an act of war").
WAR_NAMING_VERBS = frozenset({"call", "brand", "label", "term", "describe", "dub", "consider", "regard", "deem"})
# What an act is called when it is called war: "an act of war", "a declaration of war".
WAR_WORDS = frozenset({"act", "declaration"})


def _called_as(verb: Token, named: Token | None) -> Token | None:
    """What a naming verb calls its object: the predicate after it ("called the strikes an
    act"), the second object the parse may make of it, or the noun after "as" ("described
    the raid as an act")."""
    if named is None:
        return None
    # (the parse may hang "as" or the predicate on the object: "described [the raid as an act]")
    for child in [*verb.children, *named.children]:
        if child.i > named.i and (child.dep_ in ("oprd", "dobj", "appos") or (child.dep_ == "prep" and child.lower_ == "as")):
            return next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" else child
    return None


def _of_war(called: Token) -> bool:
    """"an act of war", "a declaration of war"."""
    return called.lemma_.lower() in WAR_WORDS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() == "war" for g in c.children)
        for c in called.children)


def _state_like(actor: Actor) -> bool:
    """States, their governments and forces, and international bodies make statements."""
    code = actor.code or ""
    return code.startswith("IGO") or (len(code) >= 3 and code[:3].isalpha() and code[3:6] in ("", "GOV", "MIL"))

def _saying(code: str, rule: str, verb: Token, lemma: str, source: Actor | None, target: Actor | None,
            when: EventDate, evidence: Evidence, *, attribution: str | None = None,
            modality: str = "asserted") -> Draft:
    """A verbal act told by one word (a demand, a refusal, a denial, a statement, an
    accusation, a threat: `modality` "threatened"), with no place or toll of its own."""
    return Draft(
        code=code, rule=rule, trigger=verb.text, lemma=lemma, anchor=verb.idx,
        source=source, target=target, **when.draft_fields(),
        place=None, tolls=[],
        attribution=attribution, modality=modality, evidence=[evidence], symmetric=False, violent=False,
    )


def _counted(subject: Token | None) -> bool:
    """A subject that counts people ("as many as 100,000 people", "several thousand residents",
    "two million")."""
    if subject is None:
        return False
    return (subject.like_num or subject.lemma_.lower() in ("thousand", "hundred", "million", "dozen")
            or any(c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num) for c in subject.children))


def _counts_people(clause: Token) -> bool:
    """What was said counts people: its subject, active or passive ("184 Americans had been
    confirmed dead"), or the people its subject is "of" ("the bodies of 100 people")."""
    subject = subject_of(clause, climb=False) or passive_subject(clause)
    if subject is None:
        return False
    of = [g for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return _counted(subject) or any(_counted(g) for g in of)

def _spoken_about(content: list[Token], actors: ActorIndex, speaker: Actor) -> Actor | None:
    """Whom a statement is about: the subject of what was said, else the first other actor."""
    for clause in content:
        subject = subject_of(clause, climb=False)
        if subject is not None:
            for argument in actors_of(subject, actors):
                if argument.actor.country != speaker.country:
                    return argument.actor
    for clause in content:
        for mention in actors.in_tokens(list(clause.subtree)):
            if mention.actor.country and mention.actor.country != speaker.country:
                return mention.actor
    return None

def _speakers(report: Token, actors: ActorIndex, dates: dict, article: Article) -> tuple[list[Argument], EventDate]:
    """Who says what a report verb governs (its own subject), and the day of the saying."""
    subject = subject_of(report, climb=False)
    speakers = actors_of(subject, actors) if subject is not None else []
    return speakers, event_date([report], dates, article.published, lambda t: True)

def _judged_as(verb: Token) -> list[Token]:
    """What an act is said to be: "amounts to X", "constitutes X", "was X"."""
    if verb.lemma_.lower() == "amount":
        return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children if g.dep_ == "pobj"]
    judged = [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp")]
    return judged + [g for c in judged for g in c.conjuncts]  # "unjust and unbalanced"

def _cleft_focus(be: Token, acts: set[int]) -> Token | None:
    """"it was the insurgents who burned the homes": the insurgents."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
        return None
    focus = next((c for c in be.children if c.dep_ == "attr"), None)
    if focus is None or not any(c.dep_ == "relcl" and c.i in acts for c in focus.children):
        return None
    return focus

def _one_behind(be: Token, acts: set[int]) -> Token | None:
    """"militants were behind the attacks": the militants (not "it": "it was behind schedule")."""
    behind = next((c for c in be.children if c.dep_ == "prep" and c.lower_ == "behind"), None)
    if behind is None or not any(g.dep_ == "pobj" and (g.i in acts or any(c.dep_ == "conj" and c.i in acts
                                                                         for c in g.children))
                                 for g in behind.children):
        return None
    return next((c for c in be.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that")), None)

def same_side(reporter: Actor, source: Actor | None) -> bool:
    """The reporter speaks for the event's own source (or the source is unnamed: "it")."""
    if source is None:
        return True
    if reporter.code and source.code and (reporter.code.startswith(source.code) or source.code.startswith(reporter.code)):
        return True
    return reporter.name == source.name

def reporting_verb(token: Token, lexicon: EventLexicon) -> bool:
    lemma = token.lemma_.lower()
    return lexicon.has_frame(lemma, "report") or lexicon.has_frame(lemma, "claim")


def _none_subject(subject: Token) -> bool:
    """"no one", "nobody", "none of the commanders"."""
    return subject.lower_ in ("nobody", "none", "noone", "no-one") or (
        subject.lower_ == "one" and any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children))


def _expletive(clause: Token) -> bool:
    """"it was clear that ...", "it is not known who ...": an "it" that stands for a clause."""
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in clause.children)


def _negated(clause: Token) -> bool:
    """"was not in control", "never ordered", "had no role in", "had nothing to do with"."""
    return any(c.dep_ == "neg" for c in clause.children) or any(
        c.dep_ in ("dobj", "attr") and (c.lower_ == "nothing" or any(g.dep_ == "det" and g.lower_ == "no"
                                                                     for g in c.children))
        for c in clause.children)


def _answers_for(clause: Token, has_frame: Callable[[str, str], bool]) -> bool:
    """The clause says who answers for an act: its verb, when one of giving orders ("ordered",
    frames `disowned` and `directive`), or the word it is said to be or have ("responsible",
    "in control", "behind", "a role", "nothing to do with")."""
    if clause.pos_ == "VERB" and has_frame(clause.lemma_.lower(), "disowned") and has_frame(clause.lemma_.lower(),
                                                                                           "directive"):
        return True  # "no one ordered the troops to fire" (not "we will not hand the city to them")
    words = [c for c in clause.children if c.dep_ in ("acomp", "attr", "dobj", "prep")]
    words += [g for c in words if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(c.lower_ == "nothing" and any(g.lemma_ == "do" for g in c.children) for c in words):
        return True
    return any(has_frame(w.lemma_.lower(), "disowned") or has_frame(w.lower_, "disowned") for w in words)
