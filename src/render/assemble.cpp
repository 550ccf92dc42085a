// Timeline assembly: merging the claims of many documents into ordered, de-duplicated events.
#include <timeline/timeline.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace timeline {
namespace {

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(u));
  }
  return out;
}

// The identity of an event: what must agree for two claims to be one.
std::string event_key(const Claim& c) {
  std::set<std::string> targets;
  for (const Entity& t : c.targets) targets.insert(fold(t.name) + "@" + fold(t.region));
  std::string key = std::string(action_name(c.action)) + '\x1f' + status_name(c.status) + '\x1f' +
                    fold(c.actor.name) + '\x1f';
  for (const std::string& t : targets) key += t + '\x1e';
  key += '\x1f' + c.when.start + '\x1f' + c.when.end + '\x1f' + precision_name(c.when.precision);
  if (c.when.start.empty() && c.when.end.empty()) key += '\x1f' + c.when.timex3;
  return key;
}

// Sort key of a placed event: (start or end, end with open = after everything).
struct Order {
  std::string first, last;
  int precision;
  std::string action;
  std::size_t input;
};

Order order_of(const Event& e, std::size_t input) {
  const When& w = e.claim.when;
  Order o;
  o.first = w.start.empty() ? w.end : w.start;
  o.last = w.end.empty() ? std::string("\x7f") : w.end;
  o.precision = static_cast<int>(w.precision);
  o.action = action_name(e.claim.action);
  o.input = input;
  return o;
}

bool before(const Order& a, const Order& b) {
  return std::tie(a.first, a.last, a.precision, a.action, a.input) <
         std::tie(b.first, b.last, b.precision, b.action, b.input);
}

}  // namespace

Timeline assemble(const std::vector<DocumentClaims>& documents) {
  Timeline t;
  std::unordered_map<std::string, std::size_t> doc_index;  // document id -> index
  std::unordered_map<std::string, std::size_t> by_key;     // event key -> index in events
  std::set<std::pair<std::size_t, std::string>> seen;      // (document, claim id)

  for (const DocumentClaims& d : documents) {
    auto [it, fresh] = doc_index.emplace(d.id, t.documents.size());
    if (fresh) t.documents.push_back({d.id, d.title, d.url, d.published, d.source, 0});
    const std::size_t di = it->second;
    for (const Claim& c : d.claims) {
      if (!seen.emplace(di, c.id).second) continue;
      ++t.documents[di].claims;
      const std::string key = event_key(c);
      auto found = by_key.find(key);
      if (found == by_key.end()) {
        by_key.emplace(key, t.events.size());
        Event e;
        e.claim = c;
        e.placed = !c.when.start.empty() || !c.when.end.empty();
        t.events.push_back(std::move(e));
        found = by_key.find(key);
      }
      Event& e = t.events[found->second];
      e.sources.push_back({di, c});
      // The event's own claim keeps the first statement, but fills roles it left empty.
      if (e.claim.claimed_by.empty()) e.claim.claimed_by = c.claimed_by;
      if (e.claim.reported_by.empty()) e.claim.reported_by = c.reported_by;
      if (c.certainty == Certainty::kConfirmed) e.claim.certainty = Certainty::kConfirmed;
    }
  }

  for (Event& e : t.events) {
    if (!e.placed || !e.claim.when.end.empty() || e.claim.when.start.empty()) continue;
    for (const Statement& s : e.sources) {
      const std::string& p = t.documents[s.document].published;
      const std::string day = p.substr(0, std::min<std::size_t>(p.size(), 10));
      if (day > e.open_until) e.open_until = day;
    }
  }

  std::vector<std::size_t> idx(t.events.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    const Event& ea = t.events[a];
    const Event& eb = t.events[b];
    if (ea.placed != eb.placed) return ea.placed;
    if (!ea.placed) return a < b;
    return before(order_of(ea, a), order_of(eb, b));
  });
  std::vector<Event> sorted;
  sorted.reserve(idx.size());
  for (std::size_t i : idx) sorted.push_back(std::move(t.events[i]));
  t.events = std::move(sorted);
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    t.events[i].id = "e" + std::to_string(i + 1);
    if (t.events[i].placed) t.placed = i + 1;
  }
  return t;
}

}  // namespace timeline
