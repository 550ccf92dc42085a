// Sources, status and certainty cues (see sources.hpp).
#include "events/sources.hpp"

#include <utility>

namespace timeline::events {

using namespace std::string_view_literals;

namespace {

const Mention* mention_ending_at(const SentenceInfo& si, std::size_t last) {
  for (const Mention& m : si.mentions)
    if (m.last() == last) return &m;
  return nullptr;
}

const Mention* mention_starting_in(const SentenceInfo& si, std::size_t from, std::size_t to) {
  for (const Mention& m : si.mentions)
    if (m.first >= from && m.first < to && m.role != Role::kRegion) return &m;
  return nullptr;
}

bool clause_punct(const Token& t) {
  return !t.word && (t.text == ","sv || t.text == ";"sv || t.text == ":"sv || t.text == "\""sv ||
                     t.text == "("sv || t.text == ")"sv || t.text == "“"sv || t.text == "”"sv ||
                     t.text == "—"sv || t.text == "–"sv);
}

Source from_mention(const Mention& m, std::size_t verb) {
  Source s;
  s.verb = verb;
  s.mention = m;
  s.has_mention = true;
  s.kind = m.entity.kind;
  s.name = m.entity.name;
  s.outlet = m.entity.kind == "outlet"sv;
  s.official = m.official || authority_kind(m.entity.kind);
  return s;
}

// A free-text source: the words from the clause start to `end` ("a source in the industry").
bool free_source(std::string_view text, const SentenceInfo& si, std::size_t end, std::size_t verb,
                 Source* out) {
  std::size_t b = end;
  while (b > 0 && !clause_punct(si.toks[b - 1]) && end - b < 10 &&
         si.toks[b - 1].lower != "that"sv && !si.has_cue(b - 1, "say"))
    --b;
  if (b == end || end - b >= 10) return false;
  for (const TriggerHit& t : si.triggers)
    if (t.first >= b && t.first < end) return false;
  while (b < end && one_of(si.toks[b].lower, {"with", "and", "but", "as", "while", "after"})) ++b;
  if (b == end) return false;
  std::string s(text.substr(si.toks[b].begin, si.toks[end - 1].end - si.toks[b].begin));
  const std::string first(si.toks[b].lower);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' &&
      one_of(first, {"a", "an", "the", "some", "several", "two", "three", "many", "officials",
                     "users", "operators", "critics", "experts", "analysts", "residents",
                     "activists", "sources", "engineers", "campaigners", "one"}))
    s[0] = static_cast<char>(s[0] + 32);
  out->verb = verb;
  out->name = s;
  out->kind = "people";
  for (std::size_t i = b; i < end; ++i) out->official = out->official || si.has_cue(i, "official");
  return true;
}

}  // namespace

bool is_boundary(const SentenceInfo& si, std::size_t i) {
  if (si.boundary.size() == si.toks.size()) return si.boundary[i];
  const Token& t = si.toks[i];
  if (!t.word) {
    // A quotation mark ends a clause only beside a comma or full stop (",” Peskov said"); scare
    // quotes ("to “completely shut down” its service") do not.
    if (t.text == "\""sv || t.text == "“"sv || t.text == "”"sv) {
      const bool before = i > 0 && !si.toks[i - 1].word &&
                          (si.toks[i - 1].text == ","sv || si.toks[i - 1].text == "."sv);
      const bool after = i + 1 < si.toks.size() && !si.toks[i + 1].word &&
                         (si.toks[i + 1].text == ","sv || si.toks[i + 1].text == "."sv);
      return before || after;
    }
    return t.text == ";"sv || t.text == ":"sv || t.text == "("sv || t.text == ")"sv ||
           t.text == "—"sv || t.text == "–"sv;
  }
  if (t.lower == "that"sv) return true;
  if (si.has_cue(i, "boundary") || si.has_cue(i, "say")) return true;
  // ", and" between clauses.
  return t.lower == "and"sv && i > 0 && si.toks[i - 1].text == ","sv;
}

void find_sources(std::string_view text, const SentenceInfo& si, std::vector<Source>* outp,
                  bool first_named_only) {
  std::vector<Source>& out = *outp;
  out.clear();
  // With first_named_only: whether out holds a source that names an entity (not an outlet),
  // the list then cut after it. A cue appends sources only, so the list is then whole.
  std::size_t looked = 0;  // the sources of out already checked
  auto whole = [&] {
    for (; first_named_only && looked < out.size(); ++looked)
      if (out[looked].has_mention && !out[looked].outlet) {
        out.resize(looked + 1);
        return true;
      }
    return false;
  };
  for (const CueHit& c : si.cues) {
    if (whole()) return;
    const std::size_t v = c.first;
    if (c.cue == "according"sv) {
      // "according to the outage tracker Sboi.rf": the first entity after it, else the words.
      std::size_t end = c.first + c.count;
      while (end < si.toks.size() && !clause_punct(si.toks[end]) && end - c.first < 9) ++end;
      if (const Mention* m = mention_starting_in(si, c.first + c.count, end)) {
        out.push_back(from_mention(*m, v));
      } else if (end > c.first + c.count) {
        Source s;
        s.verb = v;
        s.kind = "people";
        s.name = std::string(text.substr(si.toks[c.first + c.count].begin,
                                         si.toks[end - 1].end - si.toks[c.first + c.count].begin));
        out.push_back(std::move(s));
      }
      continue;
    }
    if (c.cue == "report"sv) {
      // "reported by RBC", "carried by the Interfax news agency".
      const Token& lastw = si.toks[c.first + c.count - 1];
      if (lastw.lower == "by"sv) {
        if (const Mention* m = mention_starting_in(si, c.first + c.count, c.first + c.count + 3))
          out.push_back(from_mention(*m, v));
        continue;
      }
    }
    if (c.cue != "say"sv && c.cue != "report"sv) continue;
    if (c.count > 1 && si.toks[c.first].lower == "in"sv) continue;  // "in a statement"
    // "told Reuters", "told the state-run TASS news agency": the outlet after the verb.
    if (si.toks[v].lower == "told"sv || si.toks[v].lower == "tells"sv) {
      if (const Mention* m = mention_starting_in(si, v + 1, v + 3))
        if (m->entity.kind == "outlet"sv) out.push_back(from_mention(*m, v));
    }
    // Passive: "was confirmed by the communications watchdog".
    if (v + 1 < si.toks.size() && si.toks[v + 1].lower == "by"sv && c.count == 1) {
      if (const Mention* m = mention_starting_in(si, v + 2, v + 4)) {
        out.push_back(from_mention(*m, v));
        continue;
      }
    }
    // The subject before the verb, skipping an apposition between commas and a few adverbs.
    std::size_t end = v;
    while (end > 0 && si.toks[end - 1].word &&
           one_of(si.toks[end - 1].lower, {"also", "later", "previously", "earlier", "then",
                                           "has", "have", "had", "had", "repeatedly", "publicly",
                                           "separately", "further"}))
      --end;
    if (si.toks[v].lower == "saying"sv) {
      // "..., saying that ...": the subject of the main clause, the nearest actor before.
      const Mention* subj = nullptr;
      for (const Mention& m : si.mentions)
        if (m.last() <= v && (m.role == Role::kActor || m.role == Role::kPerson)) subj = &m;
      if (subj) out.push_back(from_mention(*subj, v));
      continue;
    }
    bool official_apposition = false;
    if (end > 0 && si.toks[end - 1].text == ","sv) {
      std::size_t b = end - 1;
      while (b > 0 && si.toks[b - 1].text != ","sv && end - b < 16) --b;
      if (b > 1 && si.toks[b - 1].text == ","sv && mention_ending_at(si, b - 1)) {
        for (std::size_t i = b; i < end; ++i)
          official_apposition = official_apposition || si.has_cue(i, "official");
        end = b - 1;
      }
    }
    // ", which said": the relative pronoun stands for the name before the comma.
    if (end >= 3 && one_of(si.toks[end - 1].lower, {"which", "who"}) &&
        si.toks[end - 2].text == ","sv) {
      if (const Mention* m = mention_ending_at(si, end - 2)) out.push_back(from_mention(*m, v));
      continue;
    }
    if (end == 0 || clause_punct(si.toks[end - 1])) {
      // Inverted: ", said Peskov".
      if (const Mention* m = mention_starting_in(si, v + c.count, v + c.count + 1))
        if (m->role == Role::kPerson || m->role == Role::kActor) out.push_back(from_mention(*m, v));
      continue;
    }
    if (const Mention* m = mention_ending_at(si, end)) {
      if (m->role == Role::kSpeaker && m->entity.kind == "people"sv) {
        Source s;
        if (free_source(text, si, end, v, &s)) {
          s.official = s.official || official_apposition;
          out.push_back(std::move(s));
          continue;
        }
      }
      if (m->role != Role::kRegion) {
        Source s = from_mention(*m, v);
        s.official = s.official || official_apposition;
        out.push_back(std::move(s));
        continue;
      }
    }
    Source s;
    if (free_source(text, si, end, v, &s)) {
      s.official = s.official || official_apposition;
      out.push_back(std::move(s));
    }
  }
  whole();
}

bool in_condition(const SentenceInfo& si, std::size_t clause_first) {
  if (clause_first == 0) return false;
  const std::string_view w = si.toks[clause_first - 1].lower;
  return w == "if"sv || w == "unless"sv;
}

Status status_of(const SentenceInfo& si, std::size_t first, std::size_t last,
                 std::size_t clause_first, bool* ongoing_cue) {
  *ongoing_cue = false;
  // Denial: a denial verb before the trigger with no "but" between; a negation right before it.
  for (const CueHit& c : si.cues) {
    if (c.cue != "deny"sv || c.first >= first) continue;
    bool cut = false;
    for (std::size_t i = c.first + c.count; i < first; ++i)
      cut = cut || si.toks[i].lower == "but"sv || si.toks[i].text == ";"sv;
    if (!cut) return Status::kDenied;
  }
  // "was not restored until December": it was, then.
  bool until = false;
  for (std::size_t i = last; i < si.toks.size() && i < last + 6; ++i)
    until = until || si.toks[i].lower == "until"sv || si.toks[i].lower == "till"sv;
  for (const CueHit& c : si.cues) {
    if (c.cue != "negate"sv || until) continue;
    const std::size_t end = c.first + c.count;
    if (end <= first && first - end <= 4 && c.first >= clause_first) return Status::kDenied;
  }
  // Condition or threat: a modal or warning shortly before; "if"/"unless" after it.
  const std::size_t window = first > 6 ? first - 6 : 0;
  for (const CueHit& c : si.cues) {
    if (c.cue != "threaten"sv) continue;
    const std::string_view w = si.toks[c.first].lower;
    const bool cond = w == "if"sv || w == "unless"sv;
    if (cond && c.first >= last) {
      bool cut = false;
      for (std::size_t i = last; i < c.first; ++i)
        cut = cut || si.toks[i].lower == "but"sv || si.toks[i].text == ";"sv;
      if (!cut) return Status::kThreatened;
    }
    if (!cond && c.first < first &&
        (c.first >= std::max(window, clause_first) || w == "warned"sv || w == "threatened"sv ||
         w == "warns"sv || w == "threatens"sv))
      return Status::kThreatened;
  }
  // Plan or ongoing: the nearest cue before the trigger in its clause wins.
  const std::size_t from = std::max(first > 5 ? first - 5 : 0, clause_first);
  std::size_t best = 0;
  Status status = Status::kDone;
  bool found = false;
  for (const CueHit& c : si.cues) {
    if ((c.cue != "plan"sv && c.cue != "ongoing"sv) || c.first < from || c.first >= first) continue;
    if (found && c.first < best) continue;
    best = c.first;
    found = true;
    status = c.cue == "plan"sv ? Status::kPlanned : Status::kOngoing;
    // "will continue to introduce restrictions" is a plan.
    if (c.cue == "ongoing"sv && si.toks[c.first].lower.rfind("continu", 0) == 0 && c.first > 0 &&
        si.has_cue(c.first - 1, "plan"))
      status = Status::kPlanned;
  }
  // Plan cues after the trigger ("next week") also count.
  for (const CueHit& c : si.cues) {
    if (c.cue == "plan"sv && c.first >= last && c.count > 1 && si.toks[c.first].lower == "next"sv &&
        !found)
      status = Status::kPlanned;
  }
  if (status == Status::kDone && si.since_ahead.size() == si.toks.size() + 1) {
    *ongoing_cue = last < si.toks.size() && si.since_ahead[last];
  } else if (status == Status::kDone) {
    for (std::size_t i = last; i < si.toks.size(); ++i) {
      if (si.toks[i].lower == "since"sv) {
        *ongoing_cue = true;
        break;
      }
      if (si.toks[i].lower == "but"sv || si.toks[i].text == ";"sv) break;
    }
  }
  return status;
}

}  // namespace timeline::events
