"""The event stage: triggers and their arguments become event records.

For each sentence: find the triggers (`triggers.tsv`), their sources and targets
(`arguments`), date (`when`), place (`where`), toll (`tolls`), attribution and modality
(`frames`); a reporting verb whose clause carries no trigger of its own is a statement
(CAMEO 010). Events told more than once in the article are then merged (`merge`).
The tests that keep a trigger from being coded are `trigger_filters.TriggerFilters`; the
acts coded from what is said (statements, judgments, ultimatums, refusals) are
`speech_acts.SpeechActs`; both are parts of `EventStage`.
"""
from __future__ import annotations

import dataclasses

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..knowledge.events import EventLexicon
from ..nlp import datelines, doc_text
from ..records import Actor, ActorMention, Article, DateMention, Event, Evidence, Fatalities, Place, TollReport
from ..resolve.victims import headline_end
from . import (authorities, background, clauses, figures, generic, habits, mishaps, participants, roles, rules, sides,
               unreal_acts, vows, where)
from .arguments import (ARREST_CODE, ActorIndex, Argument, actors_of, clause_agent, each_army, fellow_parties,
                        headline_parties, sources, targets, victims, within_act)
from .anaphora import join_re_mentions
from .consultations import aimed_in_the_consultation
from .corefer import link_doers, load_deeds
from .draft import Draft, event_id
from .frames import modality, report_of
from .merge import TOLL_LEMMAS, aim_at_doers, fold_property, merge_events
from .reactions import ReactionWords, aim_at_told_doers
from .scene import inherit_scene, place_in_country, place_in_one_town
from .speech_acts import DEMAND_MODALS, SpeechActs, reporting_verb, same_side
from .syntax import is_past_perfect, reattach_reporters_participles
from .tolls import attach_numbers, reconcile, report_from
from .trigger_filters import CONSULT_ROOT, PROPERTY_DESTROYED, TriggerFilters, own_verb
from .triggers import Trigger, find_triggers
from .when import (SCENE_CODES, attach, days_apart, event_date, from_act, goes_on, relative_days, story_day,
                   told_at_the_report)

VIOLENT_ROOTS = ("18", "19", "20")
# Acts of force against people or property (coercion, seizure, arson, violence).
MATERIAL_ROOTS = ("17", *VIOLENT_ROOTS)
# Disapproval (condemn, denounce, criticise): aimed at the doer of the act it is about.
DISAPPROVAL_ROOT = "11"
# Confidence: a base for a coded trigger, raised by each argument the text supports.
BASE_CONFIDENCE = 0.4
CONFIDENCE_STEP = 0.15
SUBORDINATE_PENALTY = 0.2
class EventStage(TriggerFilters, SpeechActs):
    name = "events"
    requires = ("doc._.article", "doc._.actors", "doc._.places", "doc._.filed", "doc._.dates", "doc._.numbers")
    assigns = ("doc._.events",)

    def __init__(self, lexicon: EventLexicon, country_place: Callable[[str], Place | None] = lambda iso3: None) -> None:
        self.lexicon = lexicon
        # the country-level place of an ISO3 code (the gazetteer's), for events placed
        # only by their country (scene.py)
        self.country_place = country_place
        self.deeds = load_deeds()  # nouns that re-name an act of any kind (corefer.py)
        self.reactions = ReactionWords.load()  # whom a disapproval is aimed at (reactions.py)

    def __call__(self, doc: Doc) -> Doc:
        article: Article = doc._.article
        if article is None or _skipped(article):
            doc._.events = []
            return doc
        drafts = sides.address_both(self.code(doc, article))
        inherit_scene(drafts, doc_text(doc))
        place_in_country(drafts, doc._.places or [], self.country_place, doc, doc._.filed)
        link_doers(drafts, doc, self.lexicon.has_frame, self.deeds)
        drafts = sides.attackers_named(drafts, doc)
        drafts = aim_at_told_doers(drafts, doc, self.reactions)
        drafts = aimed_in_the_consultation(drafts, doc, self.lexicon)
        is_repelling = lambda w: self.lexicon.has_frame(w, "repel")  # noqa: E731
        merged = merge_events(join_re_mentions(drafts, doc))
        merged = sides.repelled_told_before(merged, is_repelling)
        merged = aim_at_doers(fold_property(merged))
        place_in_one_town(merged)
        for event in merged:
            if event.place is None and event.setting is not None:
                event.place = dataclasses.replace(event.setting, basis="setting")  # (where.said_place)
        doc._.events = [self._freeze(d, article) for d in merged]
        return doc

    # -- one article -------------------------------------------------------------------
    def code(self, doc: Doc, article: Article) -> list["Draft"]:
        reattach_reporters_participles(doc, lambda t: reporting_verb(t, self.lexicon), self._speech)
        lines = datelines(article.text)
        outside = lambda m: not any(start <= m.start < end for start, end in lines)  # noqa: E731
        actors = ActorIndex(doc, [m for m in doc._.actors or [] if outside(m)])
        places = where.PlaceIndex(doc, [m for m in doc._.places or [] if outside(m)])
        doc_dates = [m for m in doc._.dates or [] if outside(m)]
        territory = set(places.by_token) | {t.i for t in doc if self.lexicon.has_frame(t.lemma_, "territory")}
        title_end = headline_end(doc)
        drafts: list[Draft] = []
        context: DateMention | None = None
        carried = False  # the context is a day told before the previous sentence
        last_day: DateMention | None = None  # the last day any sentence so far told
        lead_day: DateMention | None = None  # the first day a sentence told
        waiting: list[tuple[TollReport, Evidence]] = []
        for sent in doc.sents:
            if (not _span_text(sent).strip() or _in_furniture(sent, article) or _is_heading(sent, title_end)
                    or unreal_acts.is_question(sent)):
                continue
            # "a day earlier" counts from the last day told, unless the sentence dates itself
            # ("In 2021, gunmen abducted ..., releasing them four days later")
            own = any(sent.start_char <= m.start < sent.end_char for m in doc_dates)
            dates_here = doc_dates + ([] if own else relative_days(sent, last_day))
            dates_here = dates_here + days_apart(sent, dates_here, last_day) + from_act(sent, doc_dates)
            found, loose = self._sentence(doc, sent, article, actors, places, dates_here, territory, title_end,
                                          None if carried and not goes_on(sent) else context)
            day = story_day(lead_day, last_day, article.published)
            if day is not None and not told_at_the_report(sent):
                # an act told with no day, in a story whose lead's day still holds, is of that day
                for draft in found:
                    if draft.date_by_report:
                        draft.date, draft.date_precision = day.value, day.precision
            drafts.extend(found)
            if loose is not None and not _elsewhen(sent, dates_here, article.published):
                waiting.append(loose)
            waiting = _continue_incident(drafts, waiting)
            # a run of sentences going on with the same teller tells one occasion: the day
            # told before it holds for the run
            told = _day_of(sent, dates_here, article.published, lambda t: reporting_verb(t, self.lexicon))
            carried = told is None and context is not None and goes_on(sent)
            context = told or (context if carried else None)
            lead_day = lead_day or told
            last_day = context or last_day
        return drafts

    def _sentence(self, doc: Doc, sent: Span, article: Article, actors: ActorIndex,
                  places: where.PlaceIndex, doc_dates: list, territory: set[int], title_end: int,
                  context: DateMention | None) -> tuple[list[Draft], tuple[TollReport, Evidence] | None]:
        """The sentence's drafts, and its toll when no act of its own takes it ("He died
        in hospital", "Twelve people died, the governor said")."""
        triggers = find_triggers(sent, self.lexicon, territory=territory, in_title=sent.start_char < title_end)
        trigger_at = {t.token.i: t for t in triggers}
        # what is threatened, asked, promised or forbidden is no event; a date in it belongs
        # to the act that frames it ("agreed to a ceasefire on Monday")
        content = {t.token.i for t in triggers if self._inside_threat(t, trigger_at) or self._opinion(t)
                   or self._inside_content(t, trigger_at) or _protest_purpose(t, trigger_at)
                   or _purpose_of_its_kind(t, trigger_at) or unreal_acts.label_of_object(t.token)}
        charges = self._spoken_charges(triggers, actors, doc_dates)
        content |= {t.token.i for t in charges}
        owners = {t.i for tr in triggers if tr.token.i not in content for t in tr.tokens}
        dates = attach(doc, sent, doc_dates, owners, lambda t: reporting_verb(t, self.lexicon),
                       in_the_scene=lambda t: t.i in trigger_at and trigger_at[t.i].rule.code.startswith(SCENE_CODES),
                       named_acts=trigger_at.keys())
        folded = self._folded(triggers, trigger_at)
        toll_owner = {}
        for trigger in triggers:
            if "violence" not in trigger.rule.flags:
                continue
            home = folded.get(trigger.token.i, trigger)
            for token in trigger.tokens:
                toll_owner[token.i] = home.token.i
        numbers = [n for n in doc._.numbers or [] if sent.start_char <= n.start < sent.end_char]
        tolls, orphans = attach_numbers(doc, numbers, toll_owner)
        # (a toll told in its own clause is never a fire's: "... were among the dead, and
        # several trucks were burned"; a fire's own toll is its participle, "killing 12")
        violent = [t for t in triggers if "violence" in t.rule.flags and t.token.i not in folded
                   and t.rule.code != PROPERTY_DESTROYED]
        if orphans and violent:
            # a toll told in its own clause ("one person died and a second was injured
            # after they were shot") is the toll of the sentence's act of violence: the one
            # highest in the sentence's tree when there are several
            home = min(violent, key=lambda t: (_depth(t.token), t.token.i))
            tolls.setdefault(home.token.i, []).extend(orphans)
        evidence = _evidence(sent, article)
        nationalities = _nationalities(sent, actors)
        out: list[Draft] = []
        for trigger in triggers:
            if trigger.token.i in folded or trigger.token.i in content or clauses.describes_a_noun(trigger) \
                    or clauses.refers_to_an_agreement(trigger):
                continue
            helpers = [t for i, home in folded.items() if home is trigger for t in [doc[i]]]
            out.extend(self._events(trigger, sent, article, actors, places, dates, tolls, evidence, trigger_at, context,
                                    helpers, nationalities))
        out.extend(self._statements(sent, article, actors, dates, triggers, evidence))
        out.extend(self._clefts(sent, article, actors, dates, triggers, evidence))
        out.extend(self._charges(charges, article, dates, evidence))
        out.extend(self._judgments(sent, article, actors, dates, triggers, evidence))
        out.extend(self._ultimatums(sent, article, actors, dates, trigger_at, evidence))
        out.extend(self._deadlines(sent, article, actors, dates, evidence))
        out.extend(self._said_acts(sent, article, actors, dates, trigger_at, evidence, out))
        out = vows.vowed_force(sent, article, actors, dates, evidence, out, has_frame=self.lexicon.has_frame,
                               is_report=lambda t: reporting_verb(t, self.lexicon), is_trigger=lambda t: t.i in trigger_at,
                               is_place=lambda t: t.i in places.by_token)
        loose = None
        if orphans and not violent and not self._other_cause(sent):
            report = report_from(orphans, attribution=None, doc_id=article.id, sentence=evidence.sentence)
            loose = (report, evidence) if report is not None else None
        return out, loose

    def _events(self, trigger: Trigger, sent: Span, article: Article, actors: ActorIndex,
                places: where.PlaceIndex, dates: dict, tolls: dict, evidence: Evidence,
                trigger_at: dict[int, Trigger], context: DateMention | None,
                helpers: list[Token] = (), nationalities: set[int] = frozenset()) -> list[Draft]:
        """`helpers`: the toll verbs folded into this trigger ("..., killing 12");
        `nationalities`: the sentence's country names that only say whose (`_nationalities`)."""
        lexicon = self.lexicon
        light_is_trigger = trigger.light is not None and trigger.light.i in trigger_at and \
            not lexicon.has_frame(trigger.light.lemma_, "light")
        found_sources = sources(trigger, actors, light_is_trigger=light_is_trigger,
                                lexicon_frames=lexicon.has_frame)
        found_targets = targets(trigger, actors, lambda t: where.visited(t, actors, places),
                                lambda lemma: lexicon.has_frame(lemma, "meeting"))
        if trigger.in_title and clauses.headline_passive(trigger):
            # "Driver shot and killed at fuel station": headlines drop the "was"; the subject is
            # the victim, the doer (if any) is in the "by" phrase
            found_targets, found_sources = headline_parties(trigger.token, actors)
        if (not found_targets and trigger.rule.targets and trigger.rule.targets[0][0] != "none"
                and "sym" not in trigger.rule.flags):
            # "strikes on the port killed nine", "a drone struck the market, killing 23":
            # the victims the toll verb names are the targets (not of a fight: "the clashes
            # killed 52, among them 31 civilians" were fought between armed sides)
            for helper in helpers:
                found_targets = victims(helper, actors)
                if found_targets:
                    break
        if not found_targets and trigger.rule.code[:2] in VIOLENT_ROOTS and "sym" not in trigger.rule.flags:
            # "a roadside bomb exploded, inflicting heavy losses on the patrol": what the act's
            # participle of harm is done to is the act's target
            # (a toll verb's victims are the helpers' business above: "..., killing two people")
            for harm in (c for c in trigger.token.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                         and c not in helpers and c.lemma_.lower() not in TOLL_LEMMAS):
                told = trigger_at.get(harm.i)
                if told is not None and told.rule.code[:2] in VIOLENT_ROOTS:
                    found_targets = targets(told, actors, lambda t: where.visited(t, actors, places))
                    if found_targets:
                        break
        if not found_targets and trigger.rule.code == sides.OCCUPY_CODE:
            found_targets = self._taken_from(trigger, actors)  # "occupied positions held by the police"
        if "sym" in trigger.rule.flags and not found_sources and not found_targets:
            # "110 rebels died during the fighting": the fallen, named by side, are its parties
            fallen = sides.armed_sides([a for f in sides.fallen_in(trigger.token, helpers)
                                        for a in actors_of(f, actors)]) or []
            found_sources, found_targets = (fallen[:2], []) if len(fallen) > 1 else ([], fallen)
        repeller = sides.repelled_by(trigger.token, lambda w: lexicon.has_frame(w, "repel"))
        if repeller is not None and not found_targets:
            found_targets = actors_of(repeller, actors)  # "the police repelled an attack by rebels"
        if not found_sources and trigger.token.pos_ in ("NOUN", "PROPN"):
            found_sources = clause_agent(trigger.token, actors)  # "a bomb planted by the group"
        if not found_sources:
            opponent = participants.fought_with(trigger.token, lambda t: (
                (fight := trigger_at.get(t.i)) is not None and "sym" in fight.rule.flags
                and fight.rule.code[:2] in VIOLENT_ROOTS))
            if opponent is not None:
                found_sources = actors_of(opponent, actors)  # "wounded in a clash with guerrillas"
        if not found_sources and found_targets:
            # (a toll with no victim named is the attack's own toll: "those injured in the attack")
            act = within_act(trigger.token, lambda t: (told := trigger_at.get(t.i)) is not None
                             and told.rule.code[:2] in VIOLENT_ROOTS and "sym" not in told.rule.flags)
            if act is not None:  # "killed in an attack by guerrillas": the attackers killed
                found_sources = sources(trigger_at[act.i], actors, light_is_trigger=False,
                                        lexicon_frames=lexicon.has_frame) or clause_agent(act, actors)
        holder = participants.sufferer(trigger.token, lambda w: lexicon.has_frame(w, "patient"),
                                       undergone="undergone" in trigger.rule.flags)
        if holder is not None:
            # "the town has been the target of rebel attacks": the subject suffers the act
            held = {t.i for t in holder.subtree}
            found_sources = [a for a in found_sources if a.token.i not in held]
            found_targets = found_targets or actors_of(holder, actors)
        found_targets = participants.people_of_a_country(trigger.rule.code, found_targets)
        found_sources = each_army(trigger, found_sources, found_targets, actors,
                                  lambda w: lexicon.has_frame(w, "platform"))
        if ("sym" in trigger.rule.flags and not found_targets and len(found_sources) == 1
                and not unreal_acts.makes_way(trigger.token)):
            # "Israeli and Lebanese negotiators met": the parties are the phrase's countries (a
            # joint act, "Turkish and Azerbaijani jets struck", stays one event of the first)
            found_sources = found_sources + fellow_parties(found_sources[0], actors)[:1]
        report = report_of(trigger.token, sent, lexicon, actors)
        if report is not None and report.actor is not None and report.verb is not None and \
                trigger.rule.code[:2] in VIOLENT_ROOTS:
            # "the command said its forces had fired only at guerrilla positions": the speaker's forces
            found_sources = [sides.speakers_own(a, a.token, report.actor, report.verb) or a for a in found_sources]
        if (not found_sources and trigger.rule.code[:2] in VIOLENT_ROOTS and "sym" not in trigger.rule.flags
                and report is not None and (forces := sides.armed_teller(report.actor)) is not None
                and (platform := sides.unowned_platform(trigger.token, lambda w: lexicon.has_frame(w, "platform")))):
            # "jets struck militant hideouts overnight, the military said": the forces' own jets
            found_sources = [Argument(actor=forces, mention=ActorMention(
                start=platform.idx, end=platform.idx + len(platform.text), actor=forces, kind="role"), token=platform)]
        if (not found_sources and trigger.rule.code[:2] in VIOLENT_ROOTS and "sym" not in trigger.rule.flags
                and report is not None and report.verb is not None
                and (forces := sides.own_forces_did(trigger.token, report.actor, found_targets)) is not None):
            # "three militants had been shot dead inside, the head of the security forces said"
            found_sources = [Argument(actor=forces, mention=ActorMention(
                start=report.verb.idx, end=report.verb.idx + len(report.verb.text), actor=forces, kind="role"),
                token=report.verb)]
        is_report = lambda t: reporting_verb(t, lexicon)  # noqa: E731
        when = event_date(trigger.tokens, dates, article.published, is_report, context)
        if when.inferred:
            # a date on a verb that only tells more of this event: its toll verb, the
            # clause describing the noun ("a bomb planted on Monday"), a verb joined to it
            # ("were arrested and charged on Saturday"), the verb telling how the act came
            # about or what it left ("the ambush left 26 dead on Tuesday"), or a clause of the
            # same time ("were killed when a bomber blew himself up on Saturday")
            happening = clauses.happening_verbs(trigger.token, lambda w: lexicon.has_frame(w, "occur"))
            others = [*helpers, *clauses.describing_verbs(trigger.token), *clauses.joined_verbs(trigger.token),
                      *happening, *clauses.at_the_time_of(trigger.token)]
            # a day of the verb's own first; one it only takes from the report that governs it
            # ("the bombing that tore through the junction on Saturday killed 231, officials
            # said on Monday") only when no verb of the act says its own
            for other in sorted(others, key=lambda o: o.i not in dates and o.dep_ == "ccomp" and is_report(o.head)):
                found = event_date([other], dates, article.published, is_report)
                if not found.inferred:
                    when = found
                    break
        # a name the model took for a person's that the gazetteer places ("shelled Kharkiv"
        # with Kharkiv read as a person) is the event's place, not an unknown person
        found_sources, found_targets = ([a for a in found if not _placed_stranger(a, sent, places)]
                                        for found in (found_sources, found_targets))
        # an actor's own words are no place, but a capital or country named as target
        # ("arrived in Baghdad", "strikes on Kyiv") is also where the event happened
        taken = {t.i for a in found_sources + found_targets if a.mention.kind not in ("capital", "country")
                 for t in _mention_tokens(a, sent)}
        taken |= nationalities
        place = where.event_place(trigger, places, taken=taken)
        # a verbal act's place, when the sentence sets it, is where it was made; it is no
        # scene that places the people of the act (`local`, below), and it is given only
        # after merging (Draft.setting)
        said_at = where.said_place(trigger, places, taken=taken, is_setting=self._setting) if place is None else None
        local = place.place.country if place is not None and place.place.country else places.home
        if (not found_sources and trigger.rule.code.startswith(PROTEST_ROOT) and local
                and (crowd := participants.counted_crowd(trigger.token)) is not None):
            # "thousands marched in Dhaka against the crackdown": the place's civilians
            people = Actor(text=crowd.text, name="civilians", code=f"{local}CVL", country=local)
            found_sources = [Argument(actor=people, mention=ActorMention(
                start=crowd.idx, end=crowd.idx + len(crowd.text), actor=people, kind="role"), token=crowd)]
        if local:
            # "a Russian strike on a building in Dnipro killed 40 people", "In Srinagar, police
            # fired tear gas at protesters": people named by their role alone are the place's,
            # whatever the article's main country; with no place of the event's own, those of
            # the country the article's places lie in ("a missile struck the police
            # headquarters" in a story of Kharkiv that names Russia more than Ukraine)
            found_sources = [participants.local_people(a, local) for a in found_sources]
            found_targets = [participants.local_people(a, local) for a in found_targets]
        toll_mentions = tolls.get(trigger.token.i, [])
        toll = report_from(toll_mentions, attribution=report.text if report else None,
                           doc_id=article.id, sentence=evidence.sentence) if toll_mentions else None
        violent = trigger.rule.code[:2] in VIOLENT_ROOTS
        pairs = _pairs(found_sources, found_targets, symmetric="sym" in trigger.rule.flags, violent=violent)
        if not found_targets and len(found_sources) == 2 and participants.reciprocal(trigger.token):
            # "China and the Philippines accused each other": each did it to the other
            first, second = (a.actor for a in found_sources)
            pairs = [(first, second), (second, first)]
        if "against-state" in trigger.rule.flags:
            pairs = [(s, t if t is not None else authorities.state_forces_against(s)) for s, t in pairs]
        doerless, described = all(s is None for s, _ in pairs), clauses.in_a_describing_clause(trigger)
        police = None
        # (an arrest told as done, not one in a phrase describing people unless it has its own
        # day, nor one to come: "the 64 people arrested in Nairobi would be charged")
        if doerless and (not described or clauses.dated_arrest(trigger)) and trigger.token.dep_ != "amod" \
                and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in trigger.token.children):
            police = authorities.implied_police(trigger.rule.code, local)
        # (a release from custody, not in a sentence of violence: "inmates were freed from the
        # jail when gunmen stormed it"; with no place of its own, in the article's main country)
        if police is None and doerless and not described and not _violence_in(sent, trigger_at):
            focus = trigger.token.doc._.focus or []
            police = authorities.implied_jailer(trigger.token, trigger.rule.code,
                                                local or (focus[0] if focus else None),
                                                lambda word: self.lexicon.has_frame(word, "custody"))
        if police is None and doerless and not described and not authorities.circumstance(trigger.token):
            # ("a curfew was imposed", not "troops took over the streets under martial law")
            focus = trigger.token.doc._.focus or []
            police = authorities.implied_authority(trigger.rule.code, local or (focus[0] if focus else None))
        if police is not None:
            pairs = [(police, t) for _, t in pairs]
        if any(a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for t in trigger.tokens for a in t.children):
            # "Ankara said Baghdad must expel the militants": Ankara's demand on Baghdad
            if report is None or report.actor is None:
                return []  # the writer's or an unnamed voice's "must" is an opinion
            return [self._demand(report, doer, when, evidence, trigger) for doer, _ in pairs[:1]]
        out = []
        if "animate" in trigger.rule.flags and not found_targets and participants.inanimate_object(trigger.token):
            return []  # "wants to kill this summit": no one is killed
        if "addressee" in trigger.rule.flags and not participants.addressed_party(trigger.token, found_targets):
            return []  # "spoke to reporters": the press is no party one consults
        if "person" in trigger.rule.flags and not found_targets \
                and participants.inanimate_object(trigger.token, counted=False):
            return []  # "released security patches": no one is freed
        if violent and not found_targets and unreal_acts.against_a_phenomenon(trigger.token, places):
            return []  # "the fight against drug trafficking": a policy, not a battle
        if violent and unreal_acts.aimed_at_a_value(trigger.token, lambda w: lexicon.has_frame(w, "value")):
            return []  # "an attack on press freedom": no one is hurt
        if violent and not trigger.in_title and habits.kind_named(trigger.token):
            return []  # "torture, murder and rape were its methods": kinds of act, not acts
        if violent and unreal_acts.any_act(trigger.token):
            return []  # "any attack on the refugees would be a massacre": no act that happened
        if violent and background.participle_of_a_name(trigger.token):
            return []  # "to honour slain senator Ortiz": a person named by an older act
        if violent and unreal_acts.anyone_of(trigger.token):
            return []  # "the murder of a judge, a prosecutor or a politician": no one in particular
        if violent and unreal_acts.restated(trigger.token, lambda t: t.i in trigger_at):
            return []  # "the murder is an attack on the state": the same act, judged
        if violent and not found_targets and unreal_acts.for_a_cause(trigger.token,
                                                                     lambda w: lexicon.has_frame(w, "cause")):
            return []  # "fighting for freedom": a conviction, not a battle
        is_light = lambda w: lexicon.has_frame(w, "light")  # noqa: E731
        if violent and unreal_acts.judged_in_general(trigger.token, is_light):
            return []  # "to bomb the villages would be a crime": a deed judged, not done
        if violent and figures.no_act(trigger.token, lexicon.has_frame,
                                      ([a.actor for a in found_sources], [a.actor for a in found_targets]),
                                      lambda t: t.i in trigger_at and trigger_at[t.i].rule.code[:2] in VIOLENT_ROOTS):
            return []  # a figure of speech, a deed judged, a crash's toll: no act (figures.py)
        mishap = lambda w: lexicon.has_frame(w, "mishap")  # noqa: E731
        if violent and (mishaps.caused_by(trigger.token, mishap, tolls_only=False)
                        or mishaps.in_a(trigger.token, mishap)
                        or mishaps.after_a(trigger.token, mishap) or mishaps.when_a(trigger.token, mishap)):
            return []  # "the landslide killed 31", "an earthquake struck", "died in the flood": no one's act
        habitual = (self._habitual(trigger) or habits.aggregate(trigger.token, toll) or clauses.since_act(trigger.token)
                    or habits.ranked_among(trigger.token)
                    or habits.record_of(trigger.token)
                    or background.on_a_past_occasion(trigger.token) or background.long_ago(trigger.token)
                    or background.since_then(trigger.token, when, article.published)
                    or (when.inferred and background.in_an_older_event(trigger.token, article.published))
                    or background.named_by_its_time(trigger.token, when, article.published)
                    or (violent and background.lasted_long(trigger.token))
                    or background.recalled_time(trigger.token, lambda w: lexicon.has_frame(w, "background"))
                    or habits.one_of_a_series(trigger.token, lambda w: lexicon.has_frame(w, "series"))
                    or (mishaps.caused_by(trigger.token, lambda w: lexicon.has_frame(w, "era"))
                        and habits.undated(trigger.token))
                    or (violent and not trigger.in_title and when.inferred
                        and habits.generic_present(_telling_verb(trigger, is_light), sent))
                    or (violent and not trigger.in_title and when.inferred and toll is None
                        and generic.summed_up(trigger.token, self._generic_cues(trigger_at, actors, places))))
        # "wounded two soldiers in a bomb attack": a killing or wounding done in an act of a
        # kind is that act (the bombing), with the toll
        manner = next((trigger_at[h.i] for h in helpers if h.pos_ in ("NOUN", "PROPN") and h.i in trigger_at
                       and roles.specific_violence(trigger_at[h.i].rule.code)), None)
        if manner is None:
            # "six soldiers were killed in an air strike", "were killed in clashes": the act
            # the victims were killed in is what happened (a fight when both sides fought)
            manner = next((m for m in (trigger_at.get(t.i) for t in participants.killed_in(trigger.token))
                           if m is not None and (roles.specific_violence(m.rule.code)
                                or ("sym" in m.rule.flags and m.rule.code[:2] == "19"))), None)
        if manner is not None and "sym" in manner.rule.flags and all(s is None for s, _ in pairs):
            # "two policemen and three rebels were killed in clashes": each side's dead fell to the other
            fallen = sides.armed_sides(found_targets)
            if fallen is not None and len(fallen) > 1:
                pairs = [(fallen[0].actor, fallen[1].actor), (fallen[1].actor, fallen[0].actor)]
        for source, target in pairs:
            if "armed" in trigger.rule.flags and (source is None or not roles.is_armed(source)):
                continue  # "citizens who entered Chile" took no territory
            if "official" in trigger.rule.flags and source is not None and roles.is_private(source):
                continue  # "the attackers arrived in two pickups": no visit
            if trigger.rule.code.startswith(CONSULT_ROOT) and when.inferred and clauses.in_a_describing_clause(trigger):
                # "Japan, which hosted the Tokyo talks, urged ...": with no day of its own, the
                # meeting frames the news ("the envoy, who met Assad on Monday, said" tells it)
                continue
            # an adjective trigger ("was ready to talk": an intent already) is told by its
            # copula: the readiness is what happened, not a plan; one that plans an act of
            # another kind ("is due in Brussels": a visit) is told by itself
            violent_act = trigger.rule.code[:2] in MATERIAL_ROOTS
            planning = lexicon.has_frame(trigger.token.lemma_.lower(), "planned") and \
                not trigger.rule.code.startswith((rules.INTENT_ROOT, rules.GENERIC_THREAT[:2]))
            told = trigger.token.head if trigger.token.pos_ == "ADJ" and trigger.token.dep_ == "acomp" and \
                not planning else trigger.token
            mode = modality(told, lexicon, violent=violent, report=report, parties=(source, target),
                            material=violent_act)
            announcer = (self._announcer(trigger, report, actors) if source is None and violent_act
                         and mode in ("planned", "hypothetical", "threatened") else None)
            announced = rules.announced_force(trigger.token, announcer, target)
            if mode == "hypothetical" and (report is None or report.actor is None) and not announced:
                continue  # an analyst's "unless ..." is an opinion, not an event
            if rules.bystanders_forecast(trigger.token, source):
                continue  # "aid groups warned that people could face famine": a forecast
            if rules.warned_of_the_past(trigger.token):
                continue  # "warned that the government had let the crisis fester": no threat
            if unreal_acts.alleged_plan(trigger.token, lambda w: lexicon.has_frame(w, "planned")):
                continue  # "accused the government of planning to kill him": the accusation's
            if unreal_acts.feared_act(trigger.token):
                continue  # "sent to protect civilians from attacks by the militias": feared
            code, rule = trigger.rule.code, trigger.rule.name
            if manner is not None and code in roles.TOLL_ASSAULTS:
                code, rule = manner.rule.code, f"{rule}+in:{manner.rule.name}"
            if code in roles.TOLL_ASSAULTS and "bodily" not in trigger.rule.flags and (
                    roles.both_fight(source, target) or roles.state_force(source)
                    or sides.state_kills_fighters(source, target)):
                # "security forces killed six insurgents", "Russian aircraft killed 46 villagers":
                # armed parties killing each other, or a state's armed forces killing, fight
                code, rule = roles.GENERIC_FORCE, f"{rule}+between-armed"
            elif code in roles.TOLL_ASSAULTS and "bodily" not in trigger.rule.flags and \
                    sides.against_attackers(source, target):
                # "Indian commandos killed the last gunmen": the state's forces fight the attackers
                code, rule = roles.GENERIC_FORCE, f"{rule}+against-attackers"
            elif code == authorities.RELEASE_CODE and (freed := authorities.rescue(trigger.token, source)) is not None:
                # "special forces rescued four hostages": a state's forces take captives from
                # their holders by force (19), against the captors where the text names them
                code, rule = roles.GENERIC_FORCE, f"{rule}+rescue"
                held_by = authorities.captor(freed)
                target = self._terms_target(held_by, source, actors) if held_by is not None else None
            elif code.startswith(roles.AIR_STRIKE) and roles.walkout(trigger.token, source):
                # "the strike by court employees": civilians strike by stopping work
                code, rule = roles.LABOUR_STRIKE, f"{rule}+walkout"
            elif code == roles.PROTEST and roles.official_protest(trigger.token, source) and not any(
                    a.actor is source and a.mention.kind == "demonym" for a in found_sources):
                # "Pakistan summoned the envoy to protest", "a letter of protest from the UN"
                # (but a people named by its demonym protests in the street: "Palestinians
                # stayed away from work to protest")
                code, rule = roles.OFFICIAL_COMPLAINT, f"{rule}+official"
            elif code[:2] in VIOLENT_ROOTS and authorities.search_raid(trigger.token, source, toll):
                # "police raided a house in the suburbs": a search, coercion (17), not an attack
                code, rule = authorities.SEARCH, f"{rule}+search"
            elif code == PROPERTY_DESTROYED and toll is not None and toll.killed:
                # "a mob set fire to the church, burning to death 30 people", "militants torched
                # the bus, killing 12": the fire was the killing, an assault on people (18)
                code, rule = roles.GENERIC_ASSAULT, f"{rule}+killing"
            elif code in (roles.GENERIC_FORCE, roles.GENERIC_ASSAULT) and roles.crowd(source):
                # "protesters attacked the embassy", "a mob stormed the police station": a
                # crowd's violence is a violent protest (145), not an armed force's attack
                code, rule = roles.RIOT, f"{rule}+crowd"
            elif code == roles.GENERIC_FORCE and roles.one_sided(source, target):
                # an attack on civilians, or by unnamed gunmen or gangs, is an assault (18),
                # not the use of military force between armed parties (19)
                code, rule = roles.GENERIC_ASSAULT, f"{rule}+one-sided"
            if announced:
                # "the attackers will be found and destroyed", the minister said (or vowed): his side's threat
                source = announcer
                if mode == "threatened":
                    code, rule, mode = rules.intended(code, rule, mode)
            elif mode == "threatened" and source is not None and rules.threatened_act(code):
                # "the president vowed to step up the offensive": CAMEO codes a threatened
                # act of force or coercion as the threat (138, 132, ...), not as the act
                code, rule, mode = rules.intended(code, rule, mode)
            if mode in ("planned", "hypothetical") and source is not None and trigger.token.dep_ != "attr" \
                    and not rules.arranged(trigger.token, violent=violent, is_light=is_light,
                                           is_attempt=lambda w: lexicon.has_frame(w, "vehicle")):
                # CAMEO codes an announced act as the intent or threat to do it: a planned
                # visit is 036, "will impose sanctions" is 132, "would strike" is 138 (but "it
                # would be a massacre" names what an act would be, announced by nobody)
                code, rule, mode = rules.intended(code, rule, mode)
                consenting = rules.on_consent(trigger.token, lambda w: lexicon.has_frame(w, "consent")) \
                    if code == rules.FORCE_THREAT else None
                if consenting is not None:
                    # "could send 2,000 troops to protect the monitors if Sudan agrees": an offer
                    # to the side whose consent it waits for
                    code, rule, mode = rules.MILITARY_HELP_INTENT, f"{rule}+consent", "planned"
                    target = self._terms_target(consenting, source, actors) or target
                if code.startswith(rules.INTENT_ROOT) and rules.on_condition(
                        trigger.token, lambda w: lexicon.has_frame(w, "ultimatum")):
                    # "will withdraw its troops unless the government holds elections"
                    code, rule, mode = rules.GENERIC_THREAT, f"{rule}+ultimatum", "threatened"
            if target is None and source is not None and code.startswith(rules.THREAT_ROOT):
                # "warned that his fighters would fight to the last man if troops tried to
                # land": a threat on terms is aimed at the side the terms name
                # ("warned that Armenia would pay a heavy price": at the side told it will suffer)
                terms = rules.terms_party(trigger.token, lambda w: lexicon.has_frame(w, "terms")) or (
                    rules.comeuppance(trigger.token, lambda w: lexicon.has_frame(w, "comeuppance"))
                    if rules.can_threaten(source) else None)
                target = self._terms_target(terms, source, actors) if terms is not None else None
            speaks = report is not None and report.actor is not None and same_side(report.actor, source)
            if mode == "negated" and code[:2] in COOPERATIVE_ROOTS and rules.told_as_will(trigger.token) and (
                    speaks or source is not None):
                # "the rebels said they would not agree to a ceasefire", "the Kremlin will not
                # negotiate with terrorists": what one says one will not do is a refusal (12),
                # aimed where the act was, or at the side its terms name ("no ceasefire until
                # every enemy soldier has left"); told by someone else, it is theirs to report
                refuser = report.actor if speaks else source
                terms = rules.terms_party(trigger.token, self._refusal_terms, active=True)
                if target is None and terms is not None:
                    target = self._terms_target(terms, refuser, actors)
                if terms is not None and speaks and report.verb is not None:
                    # "said it would not return to the table until the troops had gone back to
                    # the lines held before May 1998": the terms tell their own time; the
                    # refusal is made when it is said
                    clause = list(terms.head.subtree)
                    start, end = clause[0].idx, clause[-1].idx + len(clause[-1])
                    when = event_date([report.verb], {i: m for i, m in dates.items() if not start <= m.start < end},
                                      article.published, is_report)
                out.append(self._refusal(refuser, target, when, evidence, trigger,
                                         None if speaks or report is None else report.text))
                continue
            if mode == "negated" and speaks:
                # "X said it had not carried out the strike": X denies responsibility
                out.append(self._denial(report.actor, report, when, evidence, trigger))
                continue
            about = self._about(trigger, trigger_at) if code.startswith(DISAPPROVAL_ROOT) else None
            out.append(Draft(
                code=code,
                rule=rule,
                trigger=trigger.token.text,
                lemma=trigger.token.lemma_.lower(),
                anchor=trigger.token.idx,
                source=source,
                # "condemned the hostage-taking": a disapproval of an act is aimed at its doer
                # (merge.aim_at_doers), not at the victims its noun names
                target=None if about is not None else target,
                **{**when.draft_fields(), **({"historical": True} if habitual else {})},
                place=place.place if place else None,
                setting=said_at.place if said_at else None,
                tolls=[toll] if toll else [],
                attribution=report.text if report else None,
                modality=mode,
                evidence=[evidence],
                symmetric="sym" in trigger.rule.flags,
                violent=violent,
                anaphoric=clauses.re_mention(trigger, source, place, violent, when,
                                             self._object_of_act(trigger, trigger_at)),
                subordinate=clauses.subordinate(trigger),
                summary=habits.counted_plural(trigger.token),
                about=about,
                both_sides=sides.both_addressed(trigger.token) if target is None and about is None else None,
            ))
        kept = []
        for draft in out:
            if _worth_keeping(draft) or "unnamed-ok" in trigger.rule.flags:
                kept.append(draft)
            elif draft.anaphoric and self._disapproved(trigger, trigger_at):
                draft.standalone = False  # only to tell the disapproval whose act it names
                kept.append(draft)
        return kept

    @staticmethod
    def _taken_from(trigger: Trigger, actors: ActorIndex) -> list[Argument]:
        """Whom ground was taken from: the holder of the positions ("positions held by the
        police"), or the state whose own ground it is ("entered Honduran territory")."""
        ground = sides.taken_ground(trigger.token)
        if ground is None:
            return []
        return clause_agent(ground, actors) or [
            state for owner in sides.state_ground(ground) for a in actors_of(owner, actors, expand=False)
            if (state := sides.as_state(a)) is not None][:1]

    def _setting(self, token: Token) -> bool:
        """A word that names a setting of speech ("a news conference", "speaking")."""
        return self.lexicon.has_frame(token.lemma_.lower(), "setting")

    def _disapproved(self, trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
        """"condemned the attack", "condemnation of the strikes": the act a disapproval is about."""
        token = trigger.token
        head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token.head
        found = trigger_at.get(head.i) if token.dep_ in ("dobj", "pobj") else None
        return found is not None and found.rule.code.startswith(DISAPPROVAL_ROOT)

    # -- freezing ------------------------------------------------------------------------
    def _freeze(self, draft: "Draft", article: Article) -> Event:
        entry = self.lexicon.code(draft.code)
        fatalities: Fatalities | None = reconcile(draft.tolls) if draft.tolls else None
        supported = (sum(x is not None for x in (draft.source, draft.target, draft.place))
                     + (not draft.date_inferred and not draft.date_suspect))
        confidence = round(min(1.0, BASE_CONFIDENCE + CONFIDENCE_STEP * supported
                               - (SUBORDINATE_PENALTY if draft.subordinate else 0.0)), 2)
        return Event(
            id=event_id(article.id, draft),
            event_code=draft.code,
            event_label=entry.label,
            plover_type=entry.plover,
            acled_event_type=entry.acled_event_type,
            acled_sub_event_type=entry.acled_sub_event_type,
            source_actor=draft.source,
            target_actor=draft.target,
            date=draft.date,
            date_precision=draft.date_precision,
            location=draft.place,  # type: ignore[arg-type]
            fatalities=fatalities,
            attribution=draft.attribution,
            modality=draft.modality,
            historical=draft.historical,
            evidence=tuple(sorted(draft.evidence, key=lambda e: (e.doc_id, e.start))),
            confidence=confidence,
            rule=draft.rule,
            trigger=draft.trigger,
            date_inferred=draft.date_inferred,
            date_suspect=draft.date_suspect,
        )


def _day_of(sent: Span, dates: list[DateMention], published: str | None,
            is_report: Callable[[Token], bool]) -> DateMention | None:
    """The day a sentence tells (for the next one): of its day-precise, trustworthy, recent
    dates, the one nearest its main verb, the last of those. "Reagan called on Israel late
    on Wednesday to pull back to the lines they held on Monday. The Council, meeting the same
    night, ...": Wednesday's night, not Monday's. (Not the day of the saying when the
    sentence tells a deed on an earlier day: `when.deed_before_the_report`.)"""
    from .when import deed_before_the_report, is_historical

    days = [m for m in dates if sent.start_char <= m.start < sent.end_char and m.value and m.precision == "day"
            and not m.suspect and m.relation == "on" and not is_historical(m, published)
            and not _in_past_perfect(sent, m)]
    # min over the reversed list: of the dates nearest the root, the last
    told = min(reversed(days), key=lambda m: _date_depth(sent, m), default=None)
    return deed_before_the_report(sent, told, days, is_report)


def _in_past_perfect(sent: Span, mention: DateMention) -> bool:
    """The date is told in a past perfect clause ("the truce both had signed on 3 May"): a
    time before the story's, not the day the next sentence goes on from."""
    span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and is_past_perfect(verb)


def _date_depth(sent: Span, mention: DateMention) -> int:
    """How far below its sentence's root a date sits (`_depth` of its head)."""
    span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return _depth(span.root) if span is not None else MAX_DEPTH


def _continue_incident(drafts: list["Draft"], waiting: list[tuple[TollReport, Evidence]]) -> list[tuple[TollReport, Evidence]]:
    """A toll told without an act of its own ("He died in hospital") continues the story of
    the last act of violence told before it, or, in a lead that gives the toll first,
    the first one told after it. Returns the tolls still waiting for an act."""
    current = [d for d in drafts if d.violent and not d.historical]
    if not waiting or not current:
        return waiting
    home = current[-1]
    for report, evidence in waiting:
        home.tolls.append(report)
        if evidence not in home.evidence:
            home.evidence.append(evidence)
    return []


def _elsewhen(sent: Span, dates: list[DateMention], published: str | None) -> bool:
    """A sentence dated as background or as a span of time ("since 2011", "last year")
    tells a toll of its own, not of the incident."""
    from .when import is_historical

    return any(sent.start_char <= m.start < sent.end_char
               and (m.relation in ("since", "until", "before") or m.precision in ("year", "month")
                    or is_historical(m, published))
               for m in dates)


def _violence_in(sent: Span, trigger_at: dict[int, Trigger]) -> bool:
    return any(t.rule.code[:2] in VIOLENT_ROOTS for i, t in trigger_at.items() if sent.start <= i < sent.end)


def _pairs(found_sources: list[Argument], found_targets: list[Argument], *,
           symmetric: bool = False, violent: bool = False) -> list[tuple[Actor | None, Actor | None]]:
    srcs: list[Actor | None] = [a.actor for a in found_sources] or [None]
    tgts: list[Actor | None] = [a.actor for a in found_targets] or [None]
    if not violent:
        # "sanctions on Georgia's interior minister and several police commanders", "met the
        # president and the foreign minister": one act on one country's people, not one per
        # person; but "called on the army and the rebels" addresses both sides of a fight
        tgts = [t for i, t in enumerate(tgts)
                if t is None or not t.country or not any(u is not None and u.country == t.country
                                                         and _opposed(u) == _opposed(t) for u in tgts[:i])]
    if symmetric and not found_targets and len(found_sources) == 2:
        # "Armenia and Azerbaijan agreed", "the two sides met": each is the other's party
        first, second = srcs
        return [(first, second)]
    out = []
    for s in srcs:
        for t in tgts:
            if s is not None and t is not None and s.code and s.code == t.code and not (
                    symmetric and s.name.casefold() != t.name.casefold()) and not (
                    violent and sides.foes_of_one_kind(s, t)) and not (
                    not violent and sides.addressed_apart(s, t, len(tgts))):
                t = None  # no one acts on itself; two rival groups of one kind fight each other
            out.append((s, t))
    return out


# The roles that stand against a country's government: an act aimed at both the state and
# one of these is aimed at two sides.
OPPOSING_ROLES = (*roles.REBEL_ROLES, "OPP")


def _opposed(actor: Actor) -> bool:
    return roles.role(actor) in OPPOSING_ROLES


def _placed_stranger(argument: Argument, sent: Span, places: "where.PlaceIndex") -> bool:
    """A person the knowledge does not know whose every word is a place the gazetteer
    resolved."""
    if argument.actor.code or argument.mention.kind != "person":
        return False
    tokens = _mention_tokens(argument, sent)
    return bool(tokens) and all(t.i in places for t in tokens)


def _nationalities(sent: Span, actors: ActorIndex) -> set[int]:
    """Country names that only say whose someone is ("the U.S. embassy", "U.S. troops in
    Baghdad"): a modifier of an office, a force or a people of that country is no place.
    Narrower than `scene.qualifier`, which keeps any qualifying name out of the fallback
    country: as the event's own place, "Syria's second city" or "the Lebanon border" still
    say where."""
    out = set()
    for token in sent:
        if token.dep_ not in ("compound", "amod", "nmod") or token.head == token:
            continue
        named = [m.actor.country for m in actors.at(token) if m.kind == "country"]
        if named and any(m.kind not in ("country", "capital") and m.actor.country in named
                         for m in actors.at(token.head)):
            out.add(token.i)
        elif any(m.kind not in ("country", "capital") and m.actor.country and m.start <= token.idx
                 and token.head.idx < m.end for m in actors.at(token.head)):
            out.add(token.i)  # the name read as one phrase with the office ("U.S. embassy")
    return out


# Deeper than this below its sentence's root, a token is as deep as any.
MAX_DEPTH = 64


def _depth(token: Token) -> int:
    """How many heads lie between the token and its sentence's root."""
    depth = 0
    while token.head != token and depth < MAX_DEPTH:
        token, depth = token.head, depth + 1
    return depth


# Acts of cooperation (intent, consultation, diplomatic and material cooperation, aid,
# yielding): one its doer says it will not do is refused (12), not denied.
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


# A protest (CAMEO 14) and a demand (10): what marchers demand is the protest's purpose.
PROTEST_ROOT, DEMAND_ROOT = "14", "10"
PURPOSE_DEPS = ("advcl", "xcomp", "conj", "acl")


def _telling_verb(trigger: Trigger, is_light: Callable[[str], bool]) -> Token:
    """The verb whose tense tells an act: the trigger's own, or for a noun its light verb
    (not any verb it is the object of: "condemns the assassination" tells no habit),
    through the verbs that govern it ("continues to carry out offensives": "continues")."""
    verb = own_verb(trigger, is_light)
    while verb.dep_ == "xcomp" and verb.tag_ == "VB":
        verb = verb.head
    return verb


def _protest_purpose(trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
    """"marched through the city, demanding justice", "rallied to demand a rerun": the demand
    is what the protest is for, told by a participle or an infinitive hung on it, not an
    event of its own (CAMEO codes the protest)."""
    if not trigger.rule.code.startswith(DEMAND_ROOT):
        return False
    current = trigger.token
    for _ in range(3):
        if current.dep_ not in PURPOSE_DEPS or current.head == current:
            return False
        current = current.head
        found = trigger_at.get(current.i)
        if found is not None:
            return found.rule.code.startswith(PROTEST_ROOT)
    return False


def _purpose_of_its_kind(trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
    """"summoned India's deputy high commissioner to protest against the firing": an
    infinitive of purpose whose act is of the same kind (CAMEO root) as the act it is hung on
    says what that act was for; it is the same act, told once, with the target the act has."""
    token = trigger.token
    if token.dep_ not in ("advcl", "xcomp") or token.tag_ != "VB" or token.head == token \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    found = trigger_at.get(token.head.i)
    if found is None:
        return False
    # a protest that an act of disapproval is for is the complaint the act lodges (114)
    kinds = {trigger.rule.code[:2]} | ({DISAPPROVAL_ROOT} if trigger.rule.code.startswith(PROTEST_ROOT) else set())
    return found.rule.code[:2] in kinds


# The verbs that tell an arrest (`ARREST_CODE`; "charged with" is a court's).
ARREST_LEMMAS = frozenset({"arrest", "detain", "capture", "apprehend", "nab", "seize", "round", "take"})


def _worth_keeping(draft: "Draft") -> bool:
    """An event needs a known actor; an unattributed act of violence needs a victim, place or
    toll, and an arrest its prisoner: "two men were arrested" names no arrester, as news
    seldom does, but only a state's police or forces arrest."""
    if draft.source is not None:
        return True
    if draft.code.startswith(ARREST_CODE):
        return draft.target is not None and draft.lemma in ARREST_LEMMAS
    return draft.violent and (draft.target is not None or draft.place is not None or bool(draft.tolls))


def _mention_tokens(argument: Argument, sent: Span) -> list[Token]:
    mention = argument.mention
    return [t for t in sent if t.idx < mention.end and t.idx + len(t) > mention.start]


def _evidence(sent: Span, article: Article) -> Evidence:
    text = _span_text(sent)
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Evidence(doc_id=article.id, outlet=article.outlet, sentence=article.text[start:end], start=start, end=end,
                    published=article.published, title=article.title, url=article.url)


# A line this short without a full stop is a section heading, even where the parser finds
# a verb in it ("Drone strikes on the port").
HEADING_MAX_WORDS = 10


def _is_heading(sent: Span, title_end: int) -> bool:
    """A section heading: a line of its own with no sentence-final punctuation that is
    short or verbless. The article's title is not a heading: it is coded."""
    if sent.start_char < title_end:
        return False
    text = _span_text(sent).strip()
    if text.endswith((".", "!", "?", "\"", "”", "'", "’", "»")):
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) <= HEADING_MAX_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _span_text(span: Span) -> str:
    """`span.text`, sliced from the doc's text: spaCy joins the span's tokens again on
    every access."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def _in_furniture(sent: Span, article: Article) -> bool:
    middle = (sent.start_char + sent.end_char) // 2
    return any(start <= middle < end for start, end in article.furniture)


def _skipped(article: Article) -> bool:
    return bool(article.language) and not article.language.startswith("en")
