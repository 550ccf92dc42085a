// Merging restatements (see merge.hpp).
#include "events/merge.hpp"

#include <algorithm>
#include <cctype>

namespace timeline::events {

using namespace std::string_view_literals;

namespace {

std::string lower4(const std::string& w) {
  std::string out = w.substr(0, 4);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

int status_group(Status s) {
  switch (s) {
    case Status::kDone:
    case Status::kOngoing:
      return 0;
    case Status::kPlanned:
      return 1;
    case Status::kThreatened:
      return 2;
    case Status::kDenied:
      return 3;
  }
  return 0;
}

bool targets_overlap(const Claim& a, const Claim& b) {
  for (const Entity& x : a.targets)
    for (const Entity& y : b.targets)
      if (x.name == y.name) return true;  // regions may name a city within the same area
  return false;
}

// Two times from the text that cannot be the same event.
bool times_conflict(const When& a, const When& b) {
  if (a.basis != "text"sv || b.basis != "text"sv) return false;
  const std::string& as = a.start;
  const std::string& bs = b.start;
  // Half-open intervals [start, end); an empty end is open.
  const bool a_before_b = !a.end.empty() && !bs.empty() && a.end <= bs;
  const bool b_before_a = !b.end.empty() && !as.empty() && b.end <= as;
  return a_before_b || b_before_a;
}

// Higher is more precise: text beats statement; then the finer precision.
int rank(const When& w) {
  return (w.basis == "text"sv ? 100 : 0) + static_cast<int>(w.precision);
}

double confidence(const Claim& c) {
  double v = 0.4;
  if (!c.actor.name.empty()) v += 0.15;
  if (!c.targets.empty()) v += 0.15;
  if (c.when.basis == "text"sv) v += 0.1;
  if (!c.claimed_by.empty()) v += 0.1;
  v += 0.05 * static_cast<double>(std::min<std::size_t>(c.evidence.size() - 1, 2));
  return std::min(v, 0.95);
}

void absorb(Claim* into, Claim&& from, bool from_inherited) {
  const bool take_time = rank(from.when) > rank(into->when);
  if (take_time) {
    into->when = from.when;
    into->status = from.status;
    std::swap(into->evidence.front(), from.evidence.front());
  }
  if (into->actor.name.empty()) into->actor = from.actor;
  if (into->claimed_by.empty()) into->claimed_by = from.claimed_by;
  if (into->reported_by.empty()) into->reported_by = from.reported_by;
  if (from.certainty == Certainty::kConfirmed) into->certainty = Certainty::kConfirmed;
  if (!from_inherited) {
    for (const Entity& t : from.targets) {
      bool dup = false;
      for (const Entity& x : into->targets) dup = dup || x.name == t.name;
      if (!dup) into->targets.push_back(t);
    }
  }
  for (Evidence& e : from.evidence) {
    bool dup = false;
    for (const Evidence& x : into->evidence) dup = dup || x.span.begin == e.span.begin;
    if (!dup) into->evidence.push_back(std::move(e));
  }
  // Keep the first evidence (the chosen sentence) first, the rest in reading order.
  std::sort(into->evidence.begin() + 1, into->evidence.end(),
            [](const Evidence& a, const Evidence& b) { return a.span.begin < b.span.begin; });
}

}  // namespace

void Merger::add(Draft&& d) {
  Claim& c = d.claim;
  Slot* into = nullptr;
  if (d.restores_previous && c.targets.empty()) {
    // "The shutdown was lifted": what the last shutdown hit is restored.
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->claim.action == d.restored_action && !it->claim.targets.empty()) {
        c.targets = it->claim.targets;
        for (Entity& e : c.targets) e.span = Span{};
        d.inherited_targets = true;
        break;
      }
    }
  }
  if (d.definite && c.targets.empty()) {
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->claim.action == c.action &&
          status_group(it->claim.status) == status_group(c.status)) {
        into = &*it;
        break;
      }
    }
    if (!into) return;  // "the ban" with nothing before it names nothing
  } else {
    for (Slot& s : out_) {
      if (s.claim.action != c.action || status_group(s.claim.status) != status_group(c.status))
        continue;
      // Without services, the same actor doing the same thing in one sentence or the next
      // ("will keep fighting to keep its users connected").
      const bool same_actor_only = s.claim.targets.empty() && c.targets.empty() &&
                                   !c.actor.name.empty() && s.claim.actor.name == c.actor.name &&
                                   d.sentence_index <= s.last_sentence + 1;
      if (!targets_overlap(s.claim, c) && !same_actor_only) continue;
      // Penalties differ by kind: a fine is not a seizure.
      if (c.action == Action::kPenalty && !d.definite &&
          lower4(s.claim.trigger) != lower4(c.trigger))
        continue;
      if (times_conflict(s.claim.when, c.when)) continue;
      // Actors of two different countries are two actions ("Iran has blocked Facebook";
      // "Myanmar's junta banned Facebook").
      if (!s.country.empty() && !d.actor_country.empty() && s.country != d.actor_country)
        continue;
      // A plan, threat or denial belongs to whoever voiced it: two voices, two claims.
      if (status_group(c.status) != 0 && !c.claimed_by.empty() &&
          !s.claim.claimed_by.empty() && c.claimed_by != s.claim.claimed_by)
        continue;
      into = &s;
      break;
    }
  }
  if (into) {
    absorb(&into->claim, std::move(c), d.inherited_targets);
    into->last_sentence = d.sentence_index;
    if (into->country.empty()) into->country = d.actor_country;
    return;
  }
  // A claim with neither actor nor target says nothing a reader can use; an action on
  // services needs the service.
  if (c.targets.empty() && c.actor.name.empty()) return;
  // Orders and responses without a service count when they are about censorship ("extended
  // the ban", "challenged the ban") or come from a platform; a promotion or penalty needs
  // whom it is about.
  if (c.targets.empty()) {
    const bool platform_actor = c.actor.kind == "messaging"sv || c.actor.kind == "social"sv ||
                                c.actor.kind == "video"sv || c.actor.kind == "platform"sv ||
                                c.actor.kind == "company"sv;
    const bool keep = (c.action == Action::kOrder && d.censorship_context) ||
                      (c.action == Action::kResponse && (d.censorship_context || platform_actor));
    if (!keep) return;
  }
  out_.push_back(Slot{std::move(c), d.inherited_targets, d.sentence_index, d.actor_country});
}

std::vector<Claim> Merger::finish(const std::string& doc_id) {
  std::vector<Claim> claims;
  claims.reserve(out_.size());
  for (Slot& s : out_) {
    s.claim.id = doc_id + "#" + std::to_string(claims.size() + 1);
    s.claim.confidence = confidence(s.claim) - (s.inherited ? 0.1 : 0.0);
    claims.push_back(std::move(s.claim));
  }
  out_.clear();
  return claims;
}

std::vector<Claim> merge_drafts(std::vector<Draft> drafts, const std::string& doc_id) {
  Merger m;
  for (Draft& d : drafts) m.add(std::move(d));
  return m.finish(doc_id);
}

}  // namespace timeline::events
