// Triggers, clauses and roles of a sentence (see sentence.hpp).
#include "events/sentence.hpp"

#include <algorithm>

#include "events/sources.hpp"

namespace timeline::events {

using namespace std::string_view_literals;

namespace {

bool be_form(std::string_view w) {
  return one_of(w, {"is", "are", "was", "were", "be", "been", "being", "remain", "remains",
                    "remained", "stay", "stays", "stayed", "get", "gets", "got", "become",
                    "became"});
}

bool adverb(const Token& t) {
  return t.word && (one_of(t.lower, {"also", "then", "later", "now", "still", "already", "all",
                                     "entirely", "fully", "completely", "partly", "partially",
                                     "temporarily", "reportedly", "allegedly", "deliberately",
                                     "again", "effectively", "largely", "briefly", "not",
                                     "never", "being", "further", "first"}) ||
                    (t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0));
}

bool participle(const Token& t) {
  const std::string_view w = t.lower;
  return (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
         one_of(w, {"cut", "shut", "slowed", "taken", "made", "put", "set", "hit", "brought",
                    "held", "kept", "switched", "banned", "unblocked"});
}

bool definite(const Token& t) {
  return one_of(t.lower, {"the", "this", "that", "its", "their", "these", "those", "such"});
}

// Whether the mention can be the actor of `action`.
bool can_act(const Mention& m, Action action) {
  if (m.role == Role::kPerson) return true;
  if (m.role == Role::kRegion)
    return m.entity.kind == "country"sv && m.entity.mention == m.entity.name;
  if (m.role == Role::kActor) return m.entity.kind != "outlet"sv && m.entity.kind != "monitor"sv;
  if (action == Action::kResponse) {
    return m.role == Role::kTarget || (m.role == Role::kSpeaker && m.entity.kind != "outlet"sv);
  }
  return false;
}

// Whether the mention can be acted on by `action`.
bool can_suffer(const Mention& m, Action action) {
  if (m.role == Role::kTarget) return true;
  if (action == Action::kPenalty || action == Action::kOrder) {
    return (m.role == Role::kActor &&
            (m.entity.kind == "company"sv || m.entity.kind == "group"sv)) ||
           (m.role == Role::kSpeaker && m.entity.kind == "group"sv);
  }
  return false;
}

Entity as_actor(const Mention& m) {
  Entity e = m.entity;
  if (m.role == Role::kPerson && !m.affiliation.empty() && m.official) {
    e.name = m.affiliation;
    e.kind = m.affiliation_kind;
  } else if (m.role == Role::kRegion) {
    e.kind = "government";
  }
  return e;
}

// The group of targets nearest to `from` scanning in one direction within [lo, hi): the first
// one found and those joined to it by "and", "or" and commas.
std::vector<const Mention*> target_group(const SentenceInfo& si, std::size_t lo, std::size_t hi,
                                         bool forward, Action action) {
  std::vector<const Mention*> all;
  // A name after "by" is an agent ("the messenger built by VK"), not a service acted on.
  for (const Mention& m : si.mentions)
    if (m.first >= lo && m.last() <= hi && can_suffer(m, action) &&
        !(m.first > 0 && si.toks[m.first - 1].lower == "by"sv))
      all.push_back(&m);
  if (all.empty()) return {};
  if (!forward) std::reverse(all.begin(), all.end());
  std::vector<const Mention*> out{all[0]};
  for (std::size_t k = 1; k < all.size(); ++k) {
    const Mention* a = forward ? out.back() : all[k];
    const Mention* b = forward ? all[k] : out.back();
    if (b->first < a->last() || b->first - a->last() > 4) break;
    bool joined = true;
    for (std::size_t i = a->last(); i < b->first; ++i) {
      const std::string_view w = si.toks[i].lower;
      joined = joined && (w == ","sv || w == "and"sv || w == "or"sv || w == "&"sv || w == "as"sv ||
                          w == "well"sv || w == "the"sv || w == "its"sv || definite(si.toks[i]));
    }
    if (!joined) break;
    out.push_back(all[k]);
  }
  if (!forward) std::reverse(out.begin(), out.end());
  return out;
}

// Fills the per-token tables of `si` (see SentenceInfo) from its tokens, cues and triggers.
void index_sentence(SentenceInfo* si) {
  const std::size_t n = si->toks.size();
  si->cue_bits.assign(n, 0);
  for (const CueHit& c : si->cues) {
    const int kind = c.kind;
    if (kind < 0) continue;
    for (std::size_t i = c.first; i < c.first + c.count && i < n; ++i)
      si->cue_bits[i] = static_cast<std::uint16_t>(si->cue_bits[i] | (1u << kind));
  }
  // Appended one by one: is_boundary() works each out from the lists until all n are there.
  si->boundary.clear();
  for (std::size_t i = 0; i < n; ++i) si->boundary.push_back(is_boundary(*si, i) ? 1 : 0);
  si->since_ahead.assign(n + 1, 0);
  for (std::size_t i = n; i-- > 0;) {
    const Token& t = si->toks[i];
    si->since_ahead[i] = (t.lower == "since"sv ||
                          (!(t.lower == "but"sv || t.text == ";"sv) && si->since_ahead[i + 1] != 0))
                             ? 1
                             : 0;
  }
  si->trigger_at.assign(n, SentenceInfo::kNoTrigger);
  for (std::size_t k = 0; k < si->triggers.size(); ++k)
    si->trigger_at[si->triggers[k].first] = static_cast<std::uint32_t>(k);
}

// The index of the trigger of `si` that starts at token `i`, or kNoTrigger.
std::uint32_t trigger_index(const SentenceInfo& si, std::size_t i) {
  for (std::size_t k = 0; k < si.triggers.size(); ++k)
    if (si.triggers[k].first == i) return static_cast<std::uint32_t>(k);
  return SentenceInfo::kNoTrigger;
}

// An action on the network or its services, the context that makes an order or a response
// part of a censorship story.
bool censorship_action(Action a) {
  return a == Action::kBlock || a == Action::kThrottle || a == Action::kRestrict ||
         a == Action::kShutdown || a == Action::kRestore;
}

// Whether the trigger phrases of the pack find in toks a trigger that is not a stop phrase.
bool holds_trigger(const Pack& pack, const std::vector<Token>& toks) {
  for (const Hit& h : find_all(pack.triggers, pack.trigger_index, toks))
    if (!pack.triggers[h.rule].stop) return true;
  return false;
}

}  // namespace

bool SentenceInfo::has_cue_in_list(std::size_t token, std::string_view cue) const {
  for (const CueHit& c : cues)
    if (c.first <= token && token < c.first + c.count && c.cue == cue) return true;
  return false;
}

bool may_hold_trigger(const Pack& pack, std::string_view text, const Sentence& s) {
  TokenList toks;
  return may_hold_trigger(pack, text, s, &toks);
}

bool may_hold_trigger(const Pack& pack, std::string_view text, const Sentence& s,
                      TokenList* toks) {
  if (!pack.trigger_prefilter.may_match(text, s.begin, s.end)) return false;
  // The whole tokens, not only their word ids: the sentence that holds a trigger is analyzed
  // next, from these.
  tokenize(text, s.begin, s.end, &pack.vocab, toks);
  return holds_trigger(pack, *toks);
}

SentenceInfo analyze(const Pack& pack, std::string_view text, const Sentence& s, Discourse* d) {
  SentenceInfo si;
  analyze(pack, text, s, d, &si);
  return si;
}

void analyze(const Pack& pack, std::string_view text, const Sentence& s, Discourse* d,
             SentenceInfo* si) {
  tokenize(text, s.begin, s.end, &pack.vocab, &si->toks);
  analyze_tokens(pack, text, s, d, si);
}

void analyze_tokens(const Pack& pack, std::string_view text, const Sentence& s, Discourse* d,
                    SentenceInfo* sip) {
  SentenceInfo& si = *sip;
  si.sentence = s;
  si.triggers.clear();
  // The per-token tables are filled below for a sentence with triggers only; left empty, they
  // are worked out from the lists (see SentenceInfo).
  si.cue_bits.clear();
  si.boundary.clear();
  si.since_ahead.clear();
  si.trigger_at.clear();
  find_starts(pack, si.toks, &si.starts);
  find_cues(pack, si.toks, si.starts, &si.cues);
  find_mentions(pack, text, si.toks, si.starts, si.cues, d, &si.mentions);
  // The trigger hits of this thread, kept from one sentence to the next.
  thread_local std::vector<Hit> hits;
  find_all(pack.triggers, pack.trigger_index, si.toks, si.starts, kStartTrigger, &hits);
  for (const Hit& h : hits) {
    if (pack.triggers[h.rule].stop) continue;
    // A trigger inside a name ("Internet Freedom Foundation") is part of the name.
    bool inside = false;
    for (const Mention& m : si.mentions)
      inside = inside || (m.role != Role::kTarget && m.first <= h.first && h.first < m.last());
    if (inside) continue;
    TriggerHit th{h.rule, h.first, h.count};
    th.nominal = h.first > 0 && (definite(si.toks[h.first - 1]) ||
                                 one_of(si.toks[h.first - 1].lower,
                                        {"a", "an", "any", "full", "partial", "complete", "new",
                                         "total", "nationwide", "'s", "further", "of", "through",
                                         "under", "with", "by", "after", "before", "despite",
                                         "against", "amid", "following", "for", "more"}));
    si.triggers.push_back(th);
  }
  // Only a sentence with triggers is scanned clause by clause (draft_claims).
  if (!si.triggers.empty()) index_sentence(&si);
}

std::vector<Draft> draft_claims(const Pack& pack, std::string_view text, const SentenceInfo& si,
                                std::size_t sentence_index, Discourse* d) {
  std::vector<Draft> out;
  out.reserve(si.triggers.size());  // at most one draft a trigger
  // The sources of this thread, kept from one sentence to the next (read below only).
  thread_local std::vector<Source> sources;
  // Without triggers, the sources serve only to find the first one that names an entity (the
  // discourse's subject, below).
  find_sources(text, si, &sources, si.triggers.empty());
  const std::size_t n = si.toks.size();
  const Mention* prev_actor = nullptr;  // subject of the last active verb of the sentence
  std::size_t censorship_triggers = 0;  // of the sentence: blocks, slowdowns, ..., restorations
  for (const TriggerHit& o : si.triggers)
    censorship_triggers += censorship_action(pack.triggers[o.rule].action) ? 1 : 0;
  for (std::size_t ti = 0; ti < si.triggers.size(); ++ti) {
    const TriggerHit& th = si.triggers[ti];
    const TriggerRule& rule = pack.triggers[th.rule];
    Action action = rule.action;
    // Clause: back to the previous boundary, forward to the next boundary or trigger.
    std::size_t L = th.first;
    while (L > 0 && !is_boundary(si, L - 1)) --L;
    if (in_condition(si, L)) continue;
    // Embedded in an order or a promotion before it ("ordered operators to switch off ...").
    bool embedded = false;
    for (std::size_t tj = 0; tj < ti; ++tj) {
      const TriggerHit& o = si.triggers[tj];
      const Action oa = pack.triggers[o.rule].action;
      if ((oa == Action::kOrder || oa == Action::kPromote) && o.first >= L && th.first > 0 &&
          (si.toks[th.first - 1].lower == "to"sv ||
           (th.first > 1 && si.toks[th.first - 2].lower == "to"sv)))
        embedded = true;
    }
    // A nominal that is the object of the trigger before it ("lift the ban", "ordered more
    // internet shutdowns") belongs to that trigger.
    if ((rule.form == Form::kNoun || th.nominal) && ti > 0) {
      const TriggerHit& o = si.triggers[ti - 1];
      if (o.last() <= th.first && th.first - o.last() <= 2 &&
          pack.triggers[o.rule].form == Form::kVerb && !o.nominal)
        embedded = true;
    }
    // A nominal restating the verb before it in its clause ("promoted VK Video and Rutube as
    // replacements for YouTube").
    if ((rule.form == Form::kNoun || th.nominal) && !embedded) {
      for (std::size_t tj = 0; tj < ti; ++tj) {
        const TriggerHit& o = si.triggers[tj];
        if (pack.triggers[o.rule].action == action && o.first + 8 >= th.first &&
            pack.triggers[o.rule].form == Form::kVerb && !o.nominal)
          embedded = true;
      }
    }
    if (embedded) continue;
    const bool order_like = action == Action::kOrder || action == Action::kPromote;
    std::size_t R = th.last();
    while (R < n && !is_boundary(si, R)) {
      // Another trigger starting here ends the clause, unless it is the object ("ordered a
      // ban"). Triggers do not overlap, so at most one starts at R.
      const std::uint32_t at = si.trigger_at.size() == n ? si.trigger_at[R] : trigger_index(si, R);
      if (at != SentenceInfo::kNoTrigger && !order_like) {
        const TriggerHit& o = si.triggers[at];
        const bool object = (pack.triggers[o.rule].form == Form::kNoun || o.nominal) &&
                            R - th.last() <= 2;
        if (!object) break;
      }
      ++R;
    }
    // Voice.
    bool passive = false;
    if (rule.form == Form::kVerb && !th.nominal && participle(si.toks[th.first])) {
      std::size_t k = th.first;
      while (k > L && adverb(si.toks[k - 1]) && th.first - k < 3) --k;
      passive = k > 0 && be_form(si.toks[k - 1].lower);
      if (!passive && th.last() < n && si.toks[th.last()].lower == "by"sv) passive = true;
    }
    const bool noun = rule.form == Form::kNoun || th.nominal;

    Draft dr;
    dr.sentence_index = sentence_index;
    dr.censorship_context = censorship_triggers - (censorship_action(action) ? 1 : 0) > 0;
    dr.trigger_first = th.first;
    dr.trigger_last = th.last();
    dr.clause_first = L;
    dr.clause_last = R;
    Claim& c = dr.claim;
    c.action = action;
    c.trigger = std::string(text.substr(si.toks[th.first].begin,
                                        si.toks[th.last() - 1].end - si.toks[th.first].begin));
    // Antecedent of a relative clause: "Facebook and Instagram, which were banned by ...".
    std::size_t ante_hi = 0, ante_lo = 0;
    if (L > 0 && one_of(si.toks[L - 1].lower, {"which", "who", "that"})) {
      ante_hi = L - 1;
      if (ante_hi > 0 && si.toks[ante_hi - 1].text == ","sv) --ante_hi;
      ante_lo = ante_hi > 12 ? ante_hi - 12 : 0;
    }
    // Actor.
    const Mention* actor = nullptr;
    std::vector<const Mention*> targets;
    if (passive || noun) {
      for (const Mention& m : si.mentions) {
        std::size_t b = m.first;
        while (b > th.last() && one_of(si.toks[b - 1].lower, {"the", "a", "an", "its", "their"}))
          --b;
        if (m.first >= th.last() && m.first < R && b > 0 && si.toks[b - 1].lower == "by"sv &&
            can_act(m, action) && b - th.last() <= 4) {
          actor = &m;
          break;
        }
      }
    }
    if (!passive) {
      // The subject: the nearest named actor before the trigger in its clause, else the
      // nearest person or country. Across a parenthetical ("Roskomnadzor, as determined by the
      // authorities, will ...") the subject stands before it.
      const Mention* left_target = nullptr;
      const Mention* named = nullptr;
      const Mention* other = nullptr;
      auto scan = [&](std::size_t from, std::size_t to) {
        for (const Mention& m : si.mentions) {
          if (m.last() > to || m.first < from) continue;
          if (can_act(m, action)) {
            (m.role == Role::kActor ? named : other) = &m;
            left_target = nullptr;
          } else if (can_suffer(m, action)) {
            left_target = &m;
          }
        }
      };
      std::size_t from = L;
      if (L >= 2 && si.toks[L - 2].text == ","sv) {
        for (std::size_t k = th.first; k > L; --k) {
          if (si.toks[k - 1].text == ","sv) {
            from = k;
            break;
          }
        }
      }
      scan(from, th.first);
      if (!named && !other && !left_target && from != L) {
        std::size_t L2 = L - 2;
        while (L2 > 0 && !is_boundary(si, L2 - 1)) --L2;
        scan(L2, L - 2);
      }
      if (!noun) {
        actor = named ? named : other;
      } else if (!actor) {
        // A nominal takes its actor from a possessive or a modifier right before it
        // ("Roskomnadzor's increased restrictions", "a government order"), not from the clause.
        // Or from the subject of a light verb that governs it ("authorities imposed an
        // internet blackout", "the regulator introduced restrictions").
        const Mention* near = named ? named : other;
        if (near && near->last() <= th.first) {
          std::size_t gap = th.first - near->last();
          const bool poss = near->last() < n && si.toks[near->last()].lower == "'s"sv;
          bool light = false;
          for (std::size_t k = near->last(); k < th.first && k < near->last() + 3; ++k)
            light = light || one_of(si.toks[k].lower,
                                    {"imposed", "imposes", "impose", "introduced", "introduces",
                                     "enforced", "enforces", "implemented", "announced",
                                     "announces", "ordered", "began", "started", "issued",
                                     "tightened", "expanded", "extended", "maintained"});
          if (gap == 0 || (poss && gap <= 4) || (light && gap <= 6)) actor = near;
        }
      }
      // "Broadband returned", "fixed broadband went down": a service as the subject, with
      // nothing but auxiliaries and adverbs between it and the verb.
      bool subject = left_target != nullptr;
      for (std::size_t i = left_target ? left_target->last() : 0; subject && i < th.first; ++i)
        subject = adverb(si.toks[i]) || be_form(si.toks[i].lower) || si.has_cue(i, "plan") ||
                  si.has_cue(i, "threaten") ||
                  one_of(si.toks[i].lower, {"has", "have", "had", "did", "does", "do"});
      if (subject && !noun && action != Action::kResponse) {
        actor = nullptr;
        targets = target_group(si, L, th.first, false, action);
      }
      if (!actor && !noun && targets.empty() && ante_hi > 0) {
        for (const Mention& m : si.mentions)
          if (m.first >= ante_lo && m.last() <= ante_hi && can_act(m, action)) actor = &m;
      }
      // "Turkish courts have fined Twitter and ordered it to ...": a verb after "and" shares
      // the subject of the verb before it.
      if (!actor && !noun && targets.empty() && th.first > 0 &&
          si.toks[th.first - 1].lower == "and"sv && prev_actor)
        actor = prev_actor;
      // No subject in the clause: the one the article is talking about ("... and said Russians
      // should use Max").
      if (!actor && !noun && targets.empty() && d->has_subject) {
        // Only auxiliaries, adverbs and conjunctions before the verb: the subject is elided.
        bool empty_left = true;
        for (std::size_t i = L; i < th.first; ++i)
          empty_left = empty_left && (!si.toks[i].word || adverb(si.toks[i]) ||
                                      be_form(si.toks[i].lower) || si.has_cue(i, "plan") ||
                                      si.has_cue(i, "threaten") ||
                                      one_of(si.toks[i].lower, {"and", "has", "have", "had", "to",
                                                                "did", "does", "do", "then"}));
        for (const Mention& m : si.mentions)
          empty_left = empty_left && !(m.first >= L && m.last() <= th.first);
        if (empty_left && can_act(d->last_subject, action)) actor = &d->last_subject;
      }
    }
    if (actor && !passive) prev_actor = actor;
    if (actor) {
      c.actor = as_actor(*actor);
      dr.actor_country = actor->role == Role::kRegion ? actor->entity.name : actor->country;
      if (actor == &d->last_subject) c.actor.span = Span{};
    }
    // Targets.
    // "The shutdown was lifted", "lifted the ban": a restoration of what that action hit.
    if (action == Action::kRestore) {
      for (const TriggerHit& o : si.triggers) {
        const TriggerRule& orule = pack.triggers[o.rule];
        const bool nominal = orule.form == Form::kNoun || o.nominal;
        const bool before = passive && o.last() <= th.first && o.first >= L;
        const bool after = !passive && o.first >= th.last() && o.first <= th.last() + 2;
        if (&o != &th && nominal && (before || after) && orule.action != Action::kRestore) {
          dr.restores_previous = true;
          dr.restored_action = orule.action;
        }
      }
    }
    // A service inside the trigger's own words ("labelled their owner Meta an extremist").
    if (targets.empty() && th.count > 2)
      targets = target_group(si, th.first + 1, th.last(), true, action);
    if (targets.empty()) {
      if (passive) {
        targets = target_group(si, L, th.first, false, action);
        if (targets.empty() && ante_hi > 0)
          targets = target_group(si, ante_lo, ante_hi, false, action);
        if (targets.empty()) targets = target_group(si, th.last(), R, true, action);
      } else {
        targets = target_group(si, th.last(), R, true, action);
        // An object stands close to its verb; a service named far after it is another matter.
        if (!targets.empty() && !order_like && targets.front()->first - th.last() > 5)
          targets.clear();
        if (noun && !targets.empty()) {
          // "Max, the state-backed messenger built by VK": the nearer side wins.
          auto left = target_group(si, L, th.first, false, action);
          if (!left.empty() && th.first - left.back()->last() <= targets.front()->first - th.last())
            targets = left;
        }
        if (targets.empty() && noun) {
          for (const Mention& m : si.mentions)
            if (m.first < th.last() && m.last() > th.first && can_suffer(m, action))
              targets.push_back(&m);
          const bool definite_noun = th.first > 0 && definite(si.toks[th.first - 1]);
          if (targets.empty() && !definite_noun)
            targets = target_group(si, L, th.first, false, action);
        }
      }
    }
    for (const Mention* t : targets) {
      if (actor && t->entity.name == c.actor.name) continue;
      Entity e = t->entity;
      if (e.kind == "network"sv) {
        // The region named with a network: "mobile internet in Manipur".
        for (const Mention& m : si.mentions) {
          if (m.role != Role::kRegion || m.entity.mention != m.entity.name) continue;
          const std::size_t dist = m.first > t->last() ? m.first - t->last()
                                                       : t->first - std::min(t->first, m.last());
          if (dist <= 6) {
            e.region = m.entity.name;
            break;
          }
        }
      }
      bool dup = false;
      for (const Entity& x : c.targets) dup = dup || x.name == e.name;
      if (!dup) c.targets.push_back(e);
    }
    if (c.targets.empty() && noun && th.first > 0 && definite(si.toks[th.first - 1]))
      dr.definite = true;
    // A nominal trigger far from its service: "Telegram, founded ..., has been a target of
    // restrictions, with users reporting poor app performance".
    if (c.targets.empty() && noun && !dr.definite && !dr.restores_previous) {
      for (const Mention* t : target_group(si, 0, L, false, action)) {
        c.targets.push_back(t->entity);
      }
    }
    // A verb followed by an object the pack does not know ("accused the election commission")
    // acts on that object, not on the last service named.
    bool unknown_object = false;
    if (!noun && !passive && th.last() < n && si.toks[th.last()].word) {
      const std::string_view w = si.toks[th.last()].lower;
      unknown_object = !one_of(w, {"on", "in", "at", "for", "from", "since", "by", "to",
                                   "across", "throughout", "with", "again", "entirely",
                                   "completely", "partially", "fully", "and", "or", "last",
                                   "this", "until", "nationwide", "further", "temporarily",
                                   "indefinitely", "over", "after", "before", "during"});
    }
    // A verb without a service in its clause: the service named earlier in the sentence
    // ("cut off internet access ..., and service was not restored until ...").
    if (c.targets.empty() && !noun && !dr.definite && !unknown_object && !dr.restores_previous &&
        action != Action::kResponse && action != Action::kPromote && action != Action::kOrder) {
      auto group = target_group(si, 0, L, false, action);
      if (group.empty()) group = target_group(si, R, n, true, action);
      for (const Mention* t : group) c.targets.push_back(t->entity);
      dr.inherited_targets = !c.targets.empty();
      for (Entity& e : c.targets) e.span = Span{};
    }
    if (c.targets.empty() && !dr.definite && !unknown_object && !dr.restores_previous &&
        !d->last_targets.empty() &&
        action != Action::kResponse && action != Action::kPromote && action != Action::kOrder) {
      c.targets = d->last_targets;
      for (Entity& e : c.targets) e.span = Span{};
      dr.inherited_targets = true;
    }
    // A block of a network is a shutdown; a shutdown of a service is a block.
    if (!c.targets.empty()) {
      bool all_net = true, any_net = false;
      for (const Entity& e : c.targets) {
        all_net = all_net && e.kind == "network"sv;
        any_net = any_net || e.kind == "network"sv;
      }
      if (action == Action::kBlock && all_net) c.action = Action::kShutdown;
      if (action == Action::kShutdown && !any_net) c.action = Action::kBlock;
    }
    // Source, status, certainty.
    const Source* src = nullptr;
    for (const Source& s : sources) {
      if (s.outlet) {
        if (c.reported_by.empty()) c.reported_by = s.name;
        continue;
      }
      if (!src || (src->verb > th.first && s.verb < th.first)) src = &s;
    }
    if (src) c.claimed_by = src->name;
    // A passive without an agent, stated by an authority: the authority acts ("the regulator
    // warned that WhatsApp could be blocked").
    if (passive && !actor && src && src->has_mention && src->official &&
        src->mention.role == Role::kActor) {
      c.actor = src->mention.entity;
      dr.actor_country = src->mention.country;
      c.actor.span = Span{};
    }
    // No actor named: an authority stating it speaks for the actor ("Roskomnadzor said ...").
    if (c.actor.name.empty() && action != Action::kResponse && src && src->has_mention &&
        src->official && (src->mention.role == Role::kActor || !src->mention.affiliation.empty())) {
      c.actor = as_actor(src->mention);
      dr.actor_country = src->mention.country;
      c.actor.span = Span{};
    }
    // A person acting with no other source speaks for themself ("He urged Russians to ...").
    const bool person_actor = actor && actor->role == Role::kPerson;
    if (!src && person_actor) c.claimed_by = actor->entity.name;
    c.status = status_of(si, th.first, th.last(), L, &dr.ongoing_cue);
    bool reported_cue = false;
    for (const CueHit& cue : si.cues) reported_cue = reported_cue || cue.cue == "reported"sv;
    const bool self = (!src && person_actor && actor->official) ||
                      (src && !c.actor.name.empty() &&
                      (src->name == c.actor.name ||
                       (src->has_mention && src->mention.affiliation == c.actor.name)));
    c.certainty = (!reported_cue && ((src && src->official) || self)) ? Certainty::kConfirmed
                                                                     : Certainty::kReported;
    // Evidence.
    Evidence ev;
    ev.span = Span{si.sentence.begin, si.sentence.end};
    ev.highlights.push_back(
        Span{si.toks[th.first].begin, si.toks[th.last() - 1].end});
    if (c.actor.span.end > 0) ev.highlights.push_back(c.actor.span);
    for (const Entity& e : c.targets)
      if (e.span.end > 0) ev.highlights.push_back(e.span);
    c.evidence.push_back(std::move(ev));
    out.push_back(std::move(dr));
  }
  // What the next sentences can point back to.
  std::vector<Entity> named;
  for (const Draft& dr : out)
    if (!dr.inherited_targets && !dr.claim.targets.empty()) named = dr.claim.targets;
  if (named.empty()) {
    for (const Mention& m : si.mentions)
      if (m.role == Role::kTarget) named = {m.entity};
  }
  if (!named.empty()) d->last_targets = named;
  for (const Mention& m : si.mentions)
    if ((m.role == Role::kTarget || m.entity.kind == "company"sv) && !m.anaphor)
      d->recent_targets.push_back(m.entity);
  if (d->lead_targets.empty()) d->lead_targets = named;
  const Source* first_src = nullptr;
  for (const Source& s : sources)
    if (!s.outlet && s.has_mention && !first_src) first_src = &s;
  if (first_src && first_src->mention.role != Role::kPerson) {
    d->last_subject = first_src->mention;
    d->has_subject = true;
  } else {
    for (const Mention& m : si.mentions) {
      if ((m.role == Role::kActor && authority_kind(m.entity.kind)) ||
          (m.role == Role::kPerson && !m.affiliation.empty())) {
        d->last_subject = m;
        d->has_subject = true;
        break;
      }
    }
  }
  return out;
}

}  // namespace timeline::events
