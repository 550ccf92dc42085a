// compare(): files every claim under its alignment keys, sweeps each key's claims in time order
// and joins overlapping ones with a union-find, then judges each resulting event.
// The rules are in timeline/compare.hpp.
#include <timeline/compare.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "assemble/compare_detail.hpp"

namespace timeline {
namespace {

using compare_detail::DayInterval;

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // Returns true when x and y were in different sets.
  bool join(std::size_t x, std::size_t y) {
    x = find(x);
    y = find(y);
    if (x == y) return false;
    if (y < x) std::swap(x, y);
    parent_[y] = x;  // the smaller index stays root, so results do not depend on join order
    return true;
  }

 private:
  std::vector<std::size_t> parent_;
};

struct Ref {
  std::size_t doc, claim;
  DayInterval interval;
  Status status;
};

// The keys a claim is filed under: one per distinct target; the actor when there is no target.
std::vector<std::string> keys_of(const Claim& c) {
  const std::string action = action_name(c.action);
  std::vector<std::string> keys;
  for (const Entity& t : c.targets) {
    std::string k = compare_detail::target_key(t);
    if (k.empty()) continue;
    k = action + "|t|" + k;
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  }
  if (keys.empty() && !c.actor.name.empty()) {
    keys.push_back(action + "|a|" + compare_detail::fold(c.actor.name));
  }
  return keys;
}

// A running group of the sweep: its first claim and the hull of its members.
struct Group {
  std::size_t rep;
  std::int64_t start, end;  // hull of every member
  std::int64_t stated_end;  // end of the members dated by the text (kOpenStart if none)
};

// Sweeps `sorted` (dated claims in start order), joining a claim to the running group when it
// overlaps the group's hull, or when both are dated by the text and lie at most max_gap_days
// apart. Every earlier group starts no later than the claim, and a group that ends before the
// claim's start cannot reach a later claim either; so at most one group is open at a time, each
// claim is checked once, and the groups come out disjoint and in order.
std::vector<Group> sweep(const std::vector<std::size_t>& sorted, const std::vector<Ref>& refs,
                         const CompareOptions& options, UnionFind* uf, CompareStats* stats) {
  std::vector<Group> groups;
  for (std::size_t r : sorted) {
    const DayInterval& iv = refs[r].interval;
    if (!groups.empty()) {
      Group& g = groups.back();
      ++stats->pair_checks;
      const bool near = iv.stated && g.stated_end != compare_detail::kOpenStart &&
                        iv.start - g.stated_end <= options.max_gap_days;
      if (iv.start < g.end || near) {
        if (uf->join(g.rep, r)) ++stats->merges;
        g.end = std::max(g.end, iv.end);
        if (iv.stated) g.stated_end = std::max(g.stated_end, iv.end);
        continue;
      }
    }
    groups.push_back(Group{r, iv.start, iv.end, iv.stated ? iv.end : compare_detail::kOpenStart});
  }
  return groups;
}

// True for a time wider than a month, or open on a side: "2024", "since January".
bool wide(const DayInterval& iv) {
  return iv.start == compare_detail::kOpenStart || iv.end == compare_detail::kOpenEnd ||
         iv.end - iv.start > 31;
}

bool prospective(const Ref& r) {
  const Status s = r.status;
  return s == Status::kPlanned || s == Status::kThreatened;
}

// Joins `r` to the one group of `lists` that [from, iv.end) overlaps, and returns true; returns
// false when it overlaps none or several. Each list is disjoint and ordered, so their ends
// ascend: a binary search finds the first group that ends after `from`, and at most two are
// looked at per list.
bool attach(std::size_t r, std::int64_t from, const std::vector<const std::vector<Group>*>& lists,
            const std::vector<Ref>& refs, UnionFind* uf, CompareStats* stats) {
  const DayInterval& iv = refs[r].interval;
  std::size_t hits = 0;
  const Group* hit = nullptr;
  for (const std::vector<Group>* groups : lists) {
    auto it = std::upper_bound(groups->begin(), groups->end(), from,
                               [](std::int64_t day, const Group& g) { return day < g.end; });
    for (; it != groups->end() && it->start < iv.end && hits < 2; ++it, ++hits) {
      ++stats->pair_checks;
      hit = &*it;
    }
  }
  if (hits != 1) return false;
  if (uf->join(hit->rep, r)) ++stats->merges;
  return true;
}

// Joins the claims of one key, most precise first, so that a coarse claim never chains
// distinct events together:
//   1. narrow times stated by the text (a month or less) are swept;
//   2. a statement date joins the one group of step 1 within its reach; the others are swept
//      among themselves on their statement windows;
//   3. a wide time ("2024", "since January") joins the one group of steps 1-2 it overlaps; when
//      it overlaps several it cannot tell which, and the rest are swept among themselves. A
//      planned or threatened action with a wide time ("could block it by the end of the year")
//      names a deadline, not the time of an event, and joins only the rest;
//   4. undated claims join each other.
void align_key(const std::vector<std::size_t>& entries, const std::vector<Ref>& refs,
               const CompareOptions& options, UnionFind* uf, CompareStats* stats) {
  std::vector<std::size_t> narrow, statement, broad, undated;
  for (std::size_t r : entries) {
    const DayInterval& iv = refs[r].interval;
    (!iv.dated ? undated : !iv.stated ? statement : wide(iv) ? broad : narrow).push_back(r);
  }
  auto by_start = [&](std::size_t a, std::size_t b) {
    const DayInterval& x = refs[a].interval;
    const DayInterval& y = refs[b].interval;
    return std::tie(x.start, x.end, a) < std::tie(y.start, y.end, b);
  };
  for (auto* v : {&narrow, &statement, &broad}) std::sort(v->begin(), v->end(), by_start);

  const std::vector<Group> stated = sweep(narrow, refs, options, uf, stats);
  std::vector<std::size_t> rest;
  for (std::size_t r : statement)
    if (!attach(r, refs[r].interval.reach, {&stated}, refs, uf, stats)) rest.push_back(r);
  const std::vector<Group> said = sweep(rest, refs, options, uf, stats);
  rest.clear();
  for (std::size_t r : broad) {
    if (prospective(refs[r]) ||
        !attach(r, refs[r].interval.start, {&stated, &said}, refs, uf, stats)) {
      rest.push_back(r);
    }
  }
  sweep(rest, refs, options, uf, stats);

  for (std::size_t i = 1; i < undated.size(); ++i) {
    ++stats->pair_checks;
    if (uf->join(undated[0], undated[i])) ++stats->merges;
  }
}

void add_targets(const Claim& c, std::vector<Entity>* targets, std::vector<std::string>* seen) {
  for (const Entity& t : c.targets) {
    const std::string k = compare_detail::target_key(t);
    if (std::find(seen->begin(), seen->end(), k) != seen->end()) continue;
    seen->push_back(k);
    targets->push_back(t);
  }
}

}  // namespace

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kCorroborated: return "corroborated";
    case Verdict::kConflict: return "conflict";
    case Verdict::kSingleSource: return "single-source";
  }
  return "single-source";
}

Comparison compare(const std::vector<DocumentClaims>& docs, const CompareOptions& options) {
  Comparison out;
  std::vector<Ref> refs;
  std::unordered_map<std::string, std::vector<std::size_t>> buckets;
  std::unordered_set<std::string> ids;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    // A document given twice (same id) would corroborate itself: only its first copy counts.
    if (!docs[d].id.empty() && !ids.insert(docs[d].id).second) {
      ++out.stats.repeated_documents;
      continue;
    }
    for (std::size_t c = 0; c < docs[d].claims.size(); ++c) {
      const Claim& claim = docs[d].claims[c];
      refs.push_back(
          Ref{d, c, compare_detail::claim_interval(claim, docs[d], options), claim.status});
      for (std::string& k : keys_of(claim)) {
        buckets[std::move(k)].push_back(refs.size() - 1);
        ++out.stats.keyed_entries;
      }
    }
  }
  out.stats.claims = refs.size();

  UnionFind uf(refs.size());
  for (const auto& bucket : buckets) align_key(bucket.second, refs, options, &uf, &out.stats);

  // Refs are in (document, claim) order, so each event's members come out in that order too.
  std::unordered_map<std::size_t, std::size_t> event_of_root;
  std::vector<std::vector<DayInterval>> intervals;
  std::vector<std::vector<std::string>> target_keys;
  for (std::size_t r = 0; r < refs.size(); ++r) {
    const std::size_t root = uf.find(r);
    auto [it, fresh] = event_of_root.emplace(root, out.events.size());
    if (fresh) {
      out.events.emplace_back();
      out.events.back().action = docs[refs[r].doc].claims[refs[r].claim].action;
      intervals.emplace_back();
      target_keys.emplace_back();
    }
    const std::size_t e = it->second;
    out.events[e].members.push_back(EventMember{refs[r].doc, refs[r].claim, false});
    intervals[e].push_back(refs[r].interval);
    add_targets(docs[refs[r].doc].claims[refs[r].claim], &out.events[e].targets, &target_keys[e]);
  }

  std::vector<DayInterval> where(out.events.size());
  for (std::size_t e = 0; e < out.events.size(); ++e) {
    const std::size_t rep = compare_detail::judge(docs, intervals[e], &out.events[e]);
    where[e] = intervals[e][rep];
  }

  // Events by time, undated last; ties keep the order of their first member.
  std::vector<std::size_t> order(out.events.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const DayInterval& x = where[a];
    const DayInterval& y = where[b];
    return std::make_tuple(!x.dated, x.start, x.end) < std::make_tuple(!y.dated, y.start, y.end);
  });
  std::vector<AlignedEvent> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) {
    sorted.push_back(std::move(out.events[i]));
    sorted.back().id = "e" + std::to_string(sorted.size());
  }
  out.events = std::move(sorted);
  return out;
}

}  // namespace timeline
