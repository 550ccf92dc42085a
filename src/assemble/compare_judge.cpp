// The judge: for one aligned event, which members disagree on time, duration, status or actor,
// which member is the most precise, and so the verdict. The rules are in timeline/compare.hpp.
//
// Work per event is O(m log m) in its members m, plus O(k^2) in its *distinct* stated intervals
// k (a thousand articles giving the same day make k = 1).
#include <algorithm>
#include <map>

#include "assemble/compare_detail.hpp"

namespace timeline::compare_detail {
namespace {

struct View {
  const std::vector<DocumentClaims>& docs;
  const AlignedEvent& event;
  const Claim& claim(std::size_t m) const {
    return docs[event.members[m].doc].claims[event.members[m].claim];
  }
  std::size_t doc(std::size_t m) const { return event.members[m].doc; }
};

// Documents take opposed positions when one document is on a side and not on another, while a
// second document is on that other side and not on the first. Two articles that each report both
// "it happened" and "the minister denied it" agree with each other.
bool opposed(const View& v, const std::vector<ConflictSide>& sides) {
  std::vector<std::vector<std::size_t>> docs(sides.size());
  for (std::size_t s = 0; s < sides.size(); ++s) {
    for (std::size_t m : sides[s].members) docs[s].push_back(v.doc(m));
    std::sort(docs[s].begin(), docs[s].end());
    docs[s].erase(std::unique(docs[s].begin(), docs[s].end()), docs[s].end());
  }
  auto only_in = [&](std::size_t a, std::size_t b) {
    return !std::includes(docs[b].begin(), docs[b].end(), docs[a].begin(), docs[a].end());
  };
  for (std::size_t a = 0; a < sides.size(); ++a)
    for (std::size_t b = a + 1; b < sides.size(); ++b)
      if (only_in(a, b) && only_in(b, a)) return true;
  return false;
}

void add_conflict(const View& v, const char* field, std::vector<ConflictSide> sides,
                  AlignedEvent* event) {
  if (sides.size() < 2 || !opposed(v, sides)) return;
  event->conflicts.push_back(Conflict{field, std::move(sides)});
}

std::int64_t width(const DayInterval& iv) { return iv.end - iv.start; }

// True when member a's time is more precise than member b's: fewer days, or the same days at a
// finer precision.
bool finer(const View& v, const std::vector<DayInterval>& iv, std::size_t a, std::size_t b) {
  if (width(iv[a]) != width(iv[b])) return width(iv[a]) < width(iv[b]);
  return v.claim(a).when.precision > v.claim(b).when.precision;
}

std::string time_label(const When& w) {
  if (!w.timex3.empty()) return w.timex3;
  if (!w.edtf.empty()) return w.edtf;
  return w.start + "/" + w.end;
}

// Time: the stated intervals that do not contain another are the precise readings; readings that
// overlap form one side. Returns the representative member (narrowest, first side first).
std::size_t judge_time(const View& v, const std::vector<DayInterval>& iv, AlignedEvent* event) {
  const std::size_t n = iv.size();
  std::vector<DayInterval> distinct;
  for (std::size_t m = 0; m < n; ++m)
    if (iv[m].stated) distinct.push_back(iv[m]);
  auto by_start = [](const DayInterval& a, const DayInterval& b) {
    return std::tie(a.start, a.end) < std::tie(b.start, b.end);
  };
  std::sort(distinct.begin(), distinct.end(), by_start);
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  if (distinct.empty()) {  // only statement dates or no dates: nothing to disagree about
    for (std::size_t m = 0; m < n; ++m)
      if (iv[m].dated) return m;
    return 0;
  }

  std::vector<DayInterval> minimal;
  for (const DayInterval& a : distinct) {
    bool contains = false;
    for (const DayInterval& b : distinct) contains = contains || a.strictly_contains(b);
    if (!contains) minimal.push_back(a);
  }
  // Components of overlapping minimal readings, in start order.
  std::vector<std::size_t> component(minimal.size(), 0);
  std::int64_t run_end = minimal[0].end;
  for (std::size_t i = 1; i < minimal.size(); ++i) {
    component[i] = component[i - 1];
    if (minimal[i].start >= run_end) ++component[i];
    run_end = std::max(run_end, minimal[i].end);
  }
  const std::size_t sides_n = component.back() + 1;
  std::vector<ConflictSide> sides(sides_n);
  std::vector<std::size_t> narrowest(sides_n, n);
  for (std::size_t m = 0; m < n; ++m) {
    if (!iv[m].stated) continue;
    auto it = std::lower_bound(minimal.begin(), minimal.end(), iv[m], by_start);
    if (it == minimal.end() || !(*it == iv[m])) continue;  // a less specific reading
    const std::size_t s = component[it - minimal.begin()];
    sides[s].members.push_back(m);
    if (narrowest[s] == n || finer(v, iv, m, narrowest[s])) narrowest[s] = m;
  }
  for (std::size_t s = 0; s < sides_n; ++s) sides[s].value = time_label(v.claim(narrowest[s]).when);
  const std::size_t rep = narrowest[0];
  const std::size_t before = event->conflicts.size();
  add_conflict(v, "time", std::move(sides), event);
  const bool conflict = event->conflicts.size() > before;

  // Less specific: statement dates; readings wider than the precise one they contain (or than
  // any side's, in a conflict); the same days named more coarsely ("Sunday" beside "Sunday
  // afternoon").
  bool any_less = false;
  const Precision rep_precision = v.claim(rep).when.precision;
  for (std::size_t m = 0; m < n; ++m) {
    bool less = iv[m].dated && !iv[m].stated;
    if (iv[m].stated && conflict) {
      for (const DayInterval& p : minimal) less = less || iv[m].strictly_contains(p);
    } else if (iv[m].stated) {
      less = iv[m].strictly_contains(iv[rep]) ||
             (iv[m] == iv[rep] && v.claim(m).when.precision < rep_precision);
    }
    event->members[m].less_specific = less;
    any_less = any_less || less;
  }
  if (!conflict && any_less) event->most_precise = static_cast<int>(rep);
  return rep;
}

void judge_duration(const View& v, AlignedEvent* event) {
  struct Reading {
    DayRange range;
    std::size_t member;
  };
  std::vector<Reading> readings;
  for (std::size_t m = 0; m < event->members.size(); ++m) {
    DayRange r;
    if (duration_days(v.claim(m).when.duration, &r)) readings.push_back({r, m});
  }
  if (readings.size() < 2) return;
  std::stable_sort(readings.begin(), readings.end(),
                   [](const Reading& a, const Reading& b) { return a.range.lo < b.range.lo; });
  std::vector<ConflictSide> sides;
  double run_hi = -1;
  for (const Reading& r : readings) {
    if (sides.empty() || r.range.lo > run_hi) {
      sides.emplace_back();
      sides.back().value = v.claim(r.member).when.duration;
    }
    sides.back().members.push_back(r.member);
    run_hi = std::max(run_hi, r.range.hi);
  }
  add_conflict(v, "duration", std::move(sides), event);
}

void judge_status(const View& v, AlignedEvent* event) {
  const Status order[] = {Status::kDone, Status::kOngoing, Status::kDenied};
  std::vector<ConflictSide> sides;
  bool denied = false, affirmed = false;
  for (Status s : order) {
    ConflictSide side{status_name(s), {}};
    for (std::size_t m = 0; m < event->members.size(); ++m)
      if (v.claim(m).status == s) side.members.push_back(m);
    if (side.members.empty()) continue;
    (s == Status::kDenied ? denied : affirmed) = true;
    sides.push_back(std::move(side));
  }
  if (denied && affirmed) add_conflict(v, "status", std::move(sides), event);
}

// True for an actor that names a particular body or person ("Roskomnadzor", "Moscow court"),
// rather than a state or a crowd ("Russia", "the authorities", "users").
bool specific(const Entity& a) {
  return !a.name.empty() && !is_government(a) && a.kind != "people" && !a.kind.empty();
}

// Actor: two specific bodies disagree; a government, a crowd or an unnamed actor agrees with any.
// The event's actor is the most often named specific body, else the most often named other.
void judge_actor(const View& v, AlignedEvent* event) {
  std::map<std::string, ConflictSide> specifics, others;
  for (std::size_t m = 0; m < event->members.size(); ++m) {
    const Entity& a = v.claim(m).actor;
    if (a.name.empty()) continue;
    ConflictSide& side = (specific(a) ? specifics : others)[fold(a.name)];
    if (side.members.empty()) side.value = a.name;
    side.members.push_back(m);
  }
  const auto& table = !specifics.empty() ? specifics : others;
  const ConflictSide* top = nullptr;
  for (const auto& kv : table)
    if (!top || kv.second.members.size() > top->members.size()) top = &kv.second;
  if (top) event->actor = v.claim(top->members.front()).actor;
  if (specifics.size() < 2) return;
  std::vector<ConflictSide> sides;
  for (auto& kv : specifics) sides.push_back(std::move(kv.second));
  std::sort(sides.begin(), sides.end(), [](const ConflictSide& a, const ConflictSide& b) {
    return a.members.front() < b.members.front();
  });
  add_conflict(v, "actor", std::move(sides), event);
}

}  // namespace

std::size_t judge(const std::vector<DocumentClaims>& docs, const std::vector<DayInterval>& iv,
                  AlignedEvent* event) {
  const View v{docs, *event};
  event->conflicts.clear();
  event->most_precise = -1;
  event->documents.clear();
  for (const EventMember& m : event->members) event->documents.push_back(m.doc);
  std::sort(event->documents.begin(), event->documents.end());
  event->documents.erase(std::unique(event->documents.begin(), event->documents.end()),
                         event->documents.end());

  const std::size_t rep = judge_time(v, iv, event);
  event->when = v.claim(rep).when;
  judge_duration(v, event);
  judge_status(v, event);
  judge_actor(v, event);

  if (event->documents.size() < 2) {
    event->verdict = Verdict::kSingleSource;
    event->conflicts.clear();
  } else {
    event->verdict = event->conflicts.empty() ? Verdict::kCorroborated : Verdict::kConflict;
  }
  return rep;
}

}  // namespace timeline::compare_detail
