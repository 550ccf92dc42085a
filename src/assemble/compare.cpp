// compare(): files every claim under its alignment keys, sweeps each key's claims in time order
// and joins overlapping ones with a union-find, then judges each resulting event.
// The rules are in timeline/compare.hpp.
#include <timeline/compare.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>

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

// Joins the claims of one key: dated ones by a sweep in start order, undated ones together.
void sweep_key(std::vector<std::size_t>& entries, const std::vector<Ref>& refs,
               const CompareOptions& options, UnionFind* uf, CompareStats* stats) {
  std::vector<std::size_t> dated, undated;
  for (std::size_t r : entries) (refs[r].interval.dated ? dated : undated).push_back(r);
  std::sort(dated.begin(), dated.end(), [&](std::size_t a, std::size_t b) {
    const DayInterval& x = refs[a].interval;
    const DayInterval& y = refs[b].interval;
    return std::tie(x.start, x.end, a) < std::tie(y.start, y.end, b);
  });
  // Every open group before the current claim starts no later than it; a group whose end lies
  // more than max_gap_days before the claim's start is closed for good. So at most one group is
  // open at a time, and each claim is checked once.
  bool open = false;
  std::size_t group = 0;
  std::int64_t group_end = 0;
  for (std::size_t r : dated) {
    const DayInterval& iv = refs[r].interval;
    if (open) {
      ++stats->pair_checks;
      if (iv.start - group_end <= options.max_gap_days) {
        if (uf->join(group, r)) ++stats->merges;
        group_end = std::max(group_end, iv.end);
        continue;
      }
    }
    open = true;
    group = r;
    group_end = iv.end;
  }
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
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t c = 0; c < docs[d].claims.size(); ++c) {
      const Claim& claim = docs[d].claims[c];
      refs.push_back(Ref{d, c, compare_detail::claim_interval(claim, docs[d], options)});
      for (std::string& k : keys_of(claim)) {
        buckets[std::move(k)].push_back(refs.size() - 1);
        ++out.stats.keyed_entries;
      }
    }
  }
  out.stats.claims = refs.size();

  UnionFind uf(refs.size());
  for (auto& bucket : buckets) sweep_key(bucket.second, refs, options, &uf, &out.stats);

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
