// RuleAutomaton (see rule_automaton.hpp): a reader of RE2 syntax into a syntax tree, Thompson's
// construction of one automaton for all the rules, and the deterministic states made from it on
// demand (subset construction over byte classes).
#include "temporal/rule_automaton.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <iterator>
#include <mutex>
#include <map>
#include <unordered_map>
#include <string>
#include <type_traits>
#include <utility>

namespace timeline::temporal_detail {
namespace {

using Bytes = std::bitset<256>;

constexpr int kMaxCount = 16;  // larger counts are read as unbounded (a superset)

Bytes range(unsigned lo, unsigned hi) {
  Bytes b;
  for (unsigned x = lo; x <= hi; ++x) b.set(x);
  return b;
}

}  // namespace

// Thompson's construction: each state either reads one byte of a set (then goes to `out`), or
// moves on without reading (its edges), or ends rule `rule`.
struct RuleAutomaton::Nfa {
  struct State {
    int set = -1;  // index into `sets`: this state reads one byte of it, then goes to `out`
    int out = -1;
    int eps = -1;  // the first of its moves without reading (index into `edges`), or -1
    int rule = -1;  // >= 0: a match of this rule ends here
  };
  std::vector<State> states;
  struct Edge {
    int to, next;  // next: the state's following edge, or -1
  };
  std::vector<Edge> edges;  // every state's moves without reading, in one array
  std::vector<Bytes> sets;
  // A hash of a set's words (a bitset of 256 holds nothing but its bits; std::hash of one goes
  // through a general byte hash, a third of the cost of building the automaton).
  struct BytesHash {
    std::size_t operator()(const Bytes& b) const {
      static_assert(sizeof(Bytes) == 4 * sizeof(std::uint64_t), "a bitset of 256 is 4 words");
      std::uint64_t w[4];
      std::memcpy(w, &b, sizeof w);
      std::uint64_t h = 0;
      for (std::uint64_t x : w) h = (h ^ x) * 0x9E3779B97F4A7C15ull;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  std::unordered_map<Bytes, int, BytesHash> set_index;
  std::vector<int> starts;  // each rule's first state
  std::vector<int> owner;   // [state]: the rule it belongs to
  std::array<std::uint8_t, 256> byte_class{};
  std::vector<std::uint8_t> class_byte;  // a byte of each class
  int classes = 0;

  void add_eps(int from, int to) {
    edges.push_back({to, states[from].eps});
    states[from].eps = static_cast<int>(edges.size()) - 1;
  }

  int add_state() {
    states.emplace_back();
    return static_cast<int>(states.size()) - 1;
  }

  int set_of(const Bytes& b) {
    const auto [it, added] = set_index.emplace(b, static_cast<int>(sets.size()));
    if (added) sets.push_back(b);
    return it->second;
  }

  // One byte of `b`.
  std::pair<int, int> bytes(const Bytes& b) {
    const int s = add_state(), e = add_state();
    states[s].set = set_of(b);
    states[s].out = e;
    return {s, e};
  }

  // `a` then `b`.
  std::pair<int, int> then(std::pair<int, int> a, std::pair<int, int> b) {
    add_eps(a.second, b.first);
    return {a.first, b.second};
  }

  // The bytes after the first of a UTF-8 character: `min` to three of 0x80..0xBF.
  std::pair<int, int> continuation(int min) {
    static const Bytes kFollowing = range(0x80, 0xBF);
    const int s = add_state(), e = add_state();
    int last = s;
    for (int i = 0; i < 3; ++i) {
      if (i >= min) add_eps(last, e);
      const auto [ks, ke] = bytes(kFollowing);
      add_eps(last, ks);
      last = ke;
    }
    add_eps(last, e);
    return {s, e};
  }

  // One character of a syntax tree, widened: a character of several bytes is any lead byte and
  // up to three continuation bytes.
  std::pair<int, int> character(const SyntaxNode& n) {
    static const std::bitset<128> kLow(~std::uint64_t{0});
    static const Bytes kLead = range(0xC0, 0xFF), kHigh = range(0x80, 0xFF);
    const Bytes ascii =
        Bytes((n.ascii & kLow).to_ullong()) | (Bytes((n.ascii >> 64).to_ullong()) << 64);
    if (n.wide == SyntaxNode::kNoWide) return bytes(ascii);
    if (n.wide == SyntaxNode::kAnyWide) return then(bytes(ascii | kHigh), continuation(0));
    const auto other = then(bytes(kLead), continuation(1));
    if (ascii.none()) return other;
    const int s = add_state(), e = add_state();
    for (const auto& [ks, ke] : {bytes(ascii), other}) {
      add_eps(s, ks);
      add_eps(ke, e);
    }
    return {s, e};
  }

  // Builds the superset of `n` (see the header); returns its first and last state (the last
  // reads nothing, leads nowhere yet). Assertions match anywhere; counts above kMaxCount are
  // unbounded.
  std::pair<int, int> build(const SyntaxNode& n) {
    switch (n.kind) {
      case SyntaxNode::kChar:
        return character(n);
      case SyntaxNode::kSeq:
      case SyntaxNode::kAssert: {
        const int s = add_state();
        int last = s;
        for (const SyntaxNode& k : n.kids) {
          const auto [ks, ke] = build(k);
          add_eps(last, ks);
          last = ke;
        }
        return {s, last};
      }
      case SyntaxNode::kCapture:
        return build(n.kids[0]);
      case SyntaxNode::kAlt: {
        const int s = add_state(), e = add_state();
        for (const SyntaxNode& k : n.kids) {
          const auto [ks, ke] = build(k);
          add_eps(s, ks);
          add_eps(ke, e);
        }
        return {s, e};
      }
      case SyntaxNode::kRepeat: {
        const SyntaxNode& kid = n.kids[0];
        const int min = n.min > kMaxCount ? kMaxCount : n.min;
        const int max = n.max > kMaxCount ? SyntaxNode::kUnbounded : n.max;
        const int s = add_state();
        int last = s;
        for (int i = 0; i < min; ++i) {
          const auto [ks, ke] = build(kid);
          add_eps(last, ks);
          last = ke;
        }
        if (max == SyntaxNode::kUnbounded) {
          // last -> loop; loop -> kid -> loop; loop -> end
          const int loop = add_state(), e = add_state();
          const auto [ks, ke] = build(kid);
          add_eps(last, loop);
          add_eps(loop, ks);
          add_eps(loop, e);
          add_eps(ke, loop);
          return {s, e};
        }
        // (kid (kid ...)?)? for the optional copies.
        const int e = add_state();
        for (int i = min; i < max; ++i) {
          const auto [ks, ke] = build(kid);
          add_eps(last, ks);
          add_eps(last, e);
          last = ke;
        }
        add_eps(last, e);
        return {s, e};
      }
    }
    return {add_state(), add_state()};
  }

  // Byte classes: bytes that every set either holds both of or neither.
  void classify() {
    std::map<std::string, int> by_signature;
    class_byte.clear();
    for (unsigned b = 0; b < 256; ++b) {
      std::string signature(sets.size(), '0');
      for (std::size_t i = 0; i < sets.size(); ++i)
        if (sets[i][b]) signature[i] = '1';
      const auto [it, added] =
          by_signature.emplace(signature, static_cast<int>(class_byte.size()));
      if (added) class_byte.push_back(static_cast<std::uint8_t>(b));
      byte_class[b] = static_cast<std::uint8_t>(it->second);
    }
    classes = static_cast<int>(class_byte.size());
  }
};

// The deterministic states, shared by the threads. State 0 is the start (all rules at their
// beginning). Walks read `next`, `lists`, `rules` and `byte_class` only: either the tables made
// here, which have room for kRoom states from the start (their pages are touched only as
// states are made), so they never move and walks read them without a lock (a transition is
// published, with release order, only after the state it leads to is complete); or the table
// made ahead of time, read-only. Everything else is used by step() alone, under the
// automaton's lock.
struct RuleAutomaton::Dfa {
  // A transition: the next state (with kEndsMark when a rule ends there), or one of these.
  // kFull: no room for a new state (the walk stops there as if deep: every rule under way is a
  // candidate).
  using Id = std::int16_t;
  static constexpr Id kUnknown = -2, kDead = -1, kFull = -3;
  static constexpr std::size_t kRoom = kMaxStates;  // states at most (14 bits of an Id)
  static constexpr std::size_t kRuleRoom = std::size_t{1} << 20;  // entries of all rule lists

  // What walks read.
  const std::atomic<Id>* next = nullptr;  // [state * classes + class]
  const std::int16_t* pairs = nullptr;    // Walker::pairs_ (made ahead of time only)
  // `next` as plain numbers, for a table made ahead of time (read-only: no order is needed).
  const std::int16_t* fixed_next = nullptr;
  // Each state's rules, as numbers in `rules`: [lists[2s], lists[2s+1]) end in it;
  // [lists[2s+1], lists[2s+2]) are under way in it (ending or not).
  const std::uint32_t* lists = nullptr;
  const std::uint32_t* rules = nullptr;
  const std::uint8_t* byte_class = nullptr;
  std::size_t classes = 0;
  std::size_t count = 0;  // states

  bool ends(std::size_t s) const { return lists[2 * s + 1] > lists[2 * s]; }
  // [byte]: 0 when the table made ahead of time has state 0 dead on the byte's class (no rule
  // starts with it), else 1 (always 1 for states made as walks need them).
  std::uint8_t may_start[256];
  Dfa() { std::memset(may_start, 1, sizeof may_start); }

  // The tables made here.
  const Nfa* nfa = nullptr;
  std::unique_ptr<std::atomic<Id>[]> next_store;
  std::unique_ptr<std::uint32_t[]> list_store, rule_store;
  std::size_t rules_used = 0;
  // The sets of automaton states the deterministic states stand for: one after another in
  // `members`, found again through an open-addressing table by a hash that does not depend on
  // their order (a sum of mixed state numbers). A step collects a set in whatever order it
  // unites closures, marking each member; a stored set equals it when it has as many members
  // and all of them are marked. Nothing is sorted.
  std::vector<int> members;
  std::vector<std::uint32_t> member_begin;  // [id] .. [id + 1] in members
  std::vector<std::uint64_t> hashes;        // [id]
  std::vector<std::int32_t> slots;          // a state's id, or -1; size a power of two
  // The states of each state that read a byte, with the set they read and where they go, side
  // by side: reads[read_begin[id] .. read_begin[id + 1]). A step scans them without touching the
  // automaton's own (large, scattered) state array.
  struct Read {
    int set, out;
  };
  std::vector<Read> reads;
  std::vector<std::uint32_t> read_begin;
  // The closure of each automaton state (the states reached from it without reading that read
  // a byte or end a rule), worked out the first time a step needs it: closure_pool[
  // closure_begin[s] .. closure_end[s]).
  static constexpr std::uint32_t kNotYet = ~std::uint32_t{0};
  std::vector<int> closure_pool;
  std::vector<std::uint32_t> closure_begin, closure_end;
  std::vector<std::uint32_t> seen;  // marks of the closure being worked out
  std::uint32_t mark = 0;
  std::vector<int> stack;
  std::vector<int> set;                 // the set a step is making
  std::vector<std::uint32_t> in_union;  // [state] == union_mark: a member of `set`
  std::uint32_t union_mark = 0;
  std::vector<std::uint32_t> rule_seen;  // [rule] == union_mark: listed for the state made
  std::vector<std::uint32_t> ended, alive;  // the lists of the state being made

  void reset(const Nfa& n, std::size_t rule_count) {
    nfa = &n;
    byte_class = n.byte_class.data();
    classes = static_cast<std::size_t>(n.classes);
    count = 0;
    next_store.reset(new std::atomic<Id>[kRoom * classes]);
    list_store.reset(new std::uint32_t[2 * kRoom + 1]);
    rule_store.reset(new std::uint32_t[kRuleRoom]);
    next = next_store.get();
    lists = list_store.get();
    rules = rule_store.get();
    list_store[0] = 0;
    rules_used = 0;
    members.clear();
    member_begin.assign(1, 0);
    hashes.clear();
    slots.assign(1024, -1);
    reads.clear();
    read_begin.assign(1, 0);
    closure_pool.clear();
    closure_begin.assign(n.states.size(), kNotYet);
    closure_end.assign(n.states.size(), 0);
    seen.assign(n.states.size(), 0);
    mark = 0;
    in_union.assign(n.states.size(), 0);
    union_mark = 0;
    rule_seen.assign(rule_count, 0);
    begin_set();
    for (int s : n.starts) unite(s);
    intern();
  }

  // Works out the closure of automaton state `from` at the end of closure_pool.
  void close(int from) {
    if (++mark == 0) {
      std::fill(seen.begin(), seen.end(), 0);
      mark = 1;
    }
    closure_begin[from] = static_cast<std::uint32_t>(closure_pool.size());
    stack.assign(1, from);
    while (!stack.empty()) {
      const int s = stack.back();
      stack.pop_back();
      if (seen[s] == mark) continue;
      seen[s] = mark;
      const Nfa::State& st = nfa->states[s];
      if (st.set >= 0 || st.rule >= 0) closure_pool.push_back(s);
      for (int k = st.eps; k >= 0; k = nfa->edges[k].next) stack.push_back(nfa->edges[k].to);
    }
    closure_end[from] = static_cast<std::uint32_t>(closure_pool.size());
  }

  void begin_set() {
    set.clear();
    if (++union_mark == 0) {
      std::fill(in_union.begin(), in_union.end(), 0);
      std::fill(rule_seen.begin(), rule_seen.end(), 0);
      union_mark = 1;
    }
  }

  // Adds the closure of automaton state s to `set`.
  void unite(int s) {
    if (closure_begin[s] == kNotYet) close(s);
    for (std::uint32_t k = closure_begin[s]; k < closure_end[s]; ++k) {
      const int x = closure_pool[k];
      if (in_union[x] == union_mark) continue;
      in_union[x] = union_mark;
      set.push_back(x);
    }
  }

  static std::uint64_t mix(std::uint32_t x) {
    std::uint64_t z = (x + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    return z ^ (z >> 31);
  }

  // The deterministic state for `set` (its members marked), made if new; kFull if there is no
  // room for it.
  Id intern() {
    std::uint64_t h = 0;
    for (int x : set) h += mix(static_cast<std::uint32_t>(x));
    std::size_t mask = slots.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    for (; slots[i] >= 0; i = (i + 1) & mask) {
      const auto id = static_cast<std::size_t>(slots[i]);
      if (hashes[id] != h || member_begin[id + 1] - member_begin[id] != set.size()) continue;
      bool same = true;
      for (std::uint32_t k = member_begin[id]; k < member_begin[id + 1] && same; ++k)
        same = in_union[members[k]] == union_mark;
      if (same) return static_cast<Id>(id);
    }
    if (count >= kRoom) return kFull;
    // The state's rules: those that end in it, then all those under way.
    ended.clear();
    alive.clear();
    for (int s : set) {
      const auto rule = static_cast<std::uint32_t>(nfa->owner[s]);
      if (nfa->states[s].rule >= 0) ended.push_back(rule);
      if (rule_seen[rule] == union_mark) continue;
      rule_seen[rule] = union_mark;
      alive.push_back(rule);
    }
    std::sort(ended.begin(), ended.end());
    ended.erase(std::unique(ended.begin(), ended.end()), ended.end());
    if (rules_used + ended.size() + alive.size() > kRuleRoom) return kFull;
    const auto id = static_cast<Id>(count);
    slots[i] = id;
    hashes.push_back(h);
    members.insert(members.end(), set.begin(), set.end());
    member_begin.push_back(static_cast<std::uint32_t>(members.size()));
    for (std::size_t c = 0; c < classes; ++c)
      next_store[id * classes + c].store(kUnknown, std::memory_order_relaxed);
    for (std::uint32_t r : ended) rule_store[rules_used++] = r;
    list_store[2 * static_cast<std::size_t>(id) + 1] = static_cast<std::uint32_t>(rules_used);
    for (std::uint32_t r : alive) rule_store[rules_used++] = r;
    list_store[2 * static_cast<std::size_t>(id) + 2] = static_cast<std::uint32_t>(rules_used);
    for (int s : set)
      if (nfa->states[s].set >= 0) reads.push_back({nfa->states[s].set, nfa->states[s].out});
    read_begin.push_back(static_cast<std::uint32_t>(reads.size()));
    ++count;
    if (2 * count > slots.size()) {  // keep the table at most half full
      slots.assign(2 * slots.size(), -1);
      mask = slots.size() - 1;
      for (std::size_t k = 0; k < count; ++k) {
        std::size_t j = static_cast<std::size_t>(hashes[k]) & mask;
        while (slots[j] >= 0) j = (j + 1) & mask;
        slots[j] = static_cast<std::int32_t>(k);
      }
    }
    return id;
  }

  // Makes the transition of `state` on byte class `cls`, under the automaton's lock (kept out of
  // line: the walk's loop stays small, and this runs only the first time any thread takes a
  // transition). Another thread may have made it meanwhile. Returns the transition as stored.
  [[gnu::noinline]] Id step(Id state, int cls) {
    std::atomic<Id>& entry = next_store[static_cast<std::size_t>(state) * classes + cls];
    const Id made = entry.load(std::memory_order_relaxed);
    if (made != kUnknown) return made;
    const unsigned char byte = nfa->class_byte[cls];
    begin_set();
    for (std::uint32_t r = read_begin[state]; r < read_begin[state + 1]; ++r)
      if (nfa->sets[reads[r].set][byte]) unite(reads[r].out);
    Id to = kDead;
    if (!set.empty()) {
      to = intern();
      if (to >= 0 && ends(static_cast<std::size_t>(to))) to = static_cast<Id>(to | kEndsMark);
    }
    entry.store(to, std::memory_order_release);  // the state `to` is complete
    return to;
  }
};

// Walker::start (inline, in the header) reads the table as 16-bit entries with -1 for dead and
// the other marks negative.
static_assert(std::is_same_v<RuleAutomaton::Dfa::Id, std::int16_t> &&
                  RuleAutomaton::Dfa::kDead == -1 && RuleAutomaton::Dfa::kUnknown < 0 &&
                  RuleAutomaton::Dfa::kFull < 0 &&
                  RuleAutomaton::Dfa::kRoom <= RuleAutomaton::kEndsMark,
              "the header's inline walk must read the table as Dfa lays it out");
// The prebuilt table holds plain 16-bit entries that walks read through std::atomic (C++20's
// atomic_ref, in effect): the same size and representation, and lock-free.
static_assert(sizeof(std::atomic<std::int16_t>) == sizeof(std::int16_t) &&
                  alignof(std::atomic<std::int16_t>) == alignof(std::int16_t) &&
                  std::atomic<std::int16_t>::is_always_lock_free,
              "a prebuilt transition is read as an atomic one");

namespace {

// The prebuilt table (see write_prebuilt): a header, the byte classes, the transitions, the
// states two bytes from the start (Walker::pairs_), the rule lists' offsets, the rule lists and
// the rules whose patterns could not be read, each part aligned to 64 bytes.
constexpr char kMagic[8] = {'T', 'L', 'A', 'U', 'T', 'O', '0', '3'};
struct TableHeader {
  char magic[8];
  std::uint64_t fingerprint;
  std::uint32_t rules, classes, states, rule_entries, open, reserved;
};
static_assert(sizeof(TableHeader) == 40, "the table's header is 40 bytes");

constexpr std::size_t aligned(std::size_t n) { return (n + 63) & ~std::size_t{63}; }

// The parts of a table of `h`'s sizes, as offsets from its start.
struct TableLayout {
  std::size_t byte_class, next, pairs, lists, rules, open, size;
  explicit TableLayout(const TableHeader& h) {
    byte_class = aligned(sizeof(TableHeader));
    next = aligned(byte_class + 256);
    pairs = aligned(next + std::size_t{h.states} * h.classes * sizeof(std::int16_t));
    lists = aligned(pairs + std::size_t{h.classes} * h.classes * sizeof(std::int16_t));
    rules = aligned(lists + (2 * std::size_t{h.states} + 1) * sizeof(std::uint32_t));
    open = aligned(rules + std::size_t{h.rule_entries} * sizeof(std::uint32_t));
    size = open + std::size_t{h.open} * sizeof(std::uint32_t);
  }
};

// FNV-1a over the patterns and what else decides the states (the table's format, the depth and
// count limits): a table made from other rules, or by another version, is not taken.
std::uint64_t fingerprint_start() {
  std::uint64_t h = 0xCBF29CE484222325ull;
  const std::string version = std::string(kMagic, sizeof kMagic) + " depth " +
                              std::to_string(RuleAutomaton::kMaxDepth) + " count " +
                              std::to_string(kMaxCount);
  for (unsigned char c : version) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

std::uint64_t fingerprint_add(std::uint64_t h, std::string_view pattern) {
  for (unsigned char c : pattern) h = (h ^ c) * 0x100000001B3ull;
  return (h ^ 0xFF) * 0x100000001B3ull;  // ends the pattern (0xFF is never in UTF-8)
}

}  // namespace

RuleAutomaton::RuleAutomaton(Prebuilt prebuilt)
    : use_prebuilt_(prebuilt), fingerprint_(fingerprint_start()) {}
RuleAutomaton::~RuleAutomaton() = default;

void RuleAutomaton::add(std::string_view pattern) {
  auto syntax = std::make_unique<Syntax>();
  if (!read_syntax(pattern, syntax.get())) syntax.reset();
  add(pattern, syntax.get());
  if (syntax) owned_.push_back(std::move(syntax));
}

void RuleAutomaton::add(std::string_view pattern, const Syntax* syntax) {
  const int rule = static_cast<int>(rules_++);
  fingerprint_ = fingerprint_add(fingerprint_, pattern);
  if (syntax == nullptr) open_.push_back(rule);
  else pending_.push_back({rule, syntax});
}

std::uint64_t RuleAutomaton::fingerprint(const std::vector<std::string_view>& patterns) {
  std::uint64_t h = fingerprint_start();
  for (std::string_view p : patterns) h = fingerprint_add(h, p);
  return h;
}

bool RuleAutomaton::take_prebuilt(const std::vector<std::string_view>& patterns) {
  const std::uint64_t fingerprint = RuleAutomaton::fingerprint(patterns);
  if (rules_ != 0 || !take_table(fingerprint, patterns.size())) return false;
  rules_ = patterns.size();
  fingerprint_ = fingerprint;
  return true;
}

bool RuleAutomaton::take_table(std::uint64_t fingerprint, std::size_t rules) {
  const std::string_view table = linked_table();
  if (use_prebuilt_ != Prebuilt::kUse || table.size() < sizeof(TableHeader)) return false;
  TableHeader h;
  std::memcpy(&h, table.data(), sizeof h);
  const TableLayout at(h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.fingerprint != fingerprint ||
      h.rules != rules || h.states < 1 || h.states > Dfa::kRoom || h.classes < 1 ||
      h.classes > 256 || at.size != table.size() ||
      reinterpret_cast<std::uintptr_t>(table.data()) % 64 != 0)
    return false;
  dfa_ = std::make_unique<Dfa>();
  Dfa& d = *dfa_;
  d.byte_class = reinterpret_cast<const std::uint8_t*>(table.data() + at.byte_class);
  d.next = reinterpret_cast<const std::atomic<Dfa::Id>*>(table.data() + at.next);
  d.pairs = reinterpret_cast<const std::int16_t*>(table.data() + at.pairs);
  d.fixed_next = reinterpret_cast<const std::int16_t*>(table.data() + at.next);
  d.lists = reinterpret_cast<const std::uint32_t*>(table.data() + at.lists);
  d.rules = reinterpret_cast<const std::uint32_t*>(table.data() + at.rules);
  d.classes = h.classes;
  d.count = h.states;
  for (std::size_t b = 0; b < 256; ++b)
    d.may_start[b] = d.fixed_next[d.byte_class[b]] != Dfa::kDead;
  const auto* open = reinterpret_cast<const std::uint32_t*>(table.data() + at.open);
  open_.assign(open, open + h.open);
  prebuilt_used_ = true;
  pending_.clear();
  owned_.clear();
  return true;
}

void RuleAutomaton::finish() {
  if (take_table(fingerprint_, rules_)) return;
  dfa_ = std::make_unique<Dfa>();
  // Room for the built-in rules' automaton (43,000 states, 31,000 moves) from the start: growing
  // by doubling copied it five times over (pages are touched only as states are added).
  nfa_ = std::make_unique<Nfa>();
  nfa_->states.reserve(std::size_t{1} << 16);
  nfa_->edges.reserve(std::size_t{1} << 16);
  for (const Pending& p : pending_) {
    const auto [s, e] = nfa_->build(p.syntax->root);
    const int end = nfa_->add_state();
    nfa_->states[end].rule = p.rule;
    nfa_->add_eps(e, end);
    nfa_->starts.push_back(s);
    nfa_->owner.resize(nfa_->states.size(), p.rule);
  }
  pending_.clear();
  owned_.clear();
  nfa_->classify();
  dfa_->reset(*nfa_, rules_);
}

bool RuleAutomaton::write_prebuilt(std::string* out, std::string* error) const {
  if (!nfa_) {
    *error = "the automaton's states were not made here";
    return false;
  }
  Dfa& d = *dfa_;
  // Breadth first from the start: a state first reached after n bytes is stepped from only if
  // n < kMaxDepth (a walk stops there), so those are the states whose transitions are all made.
  std::vector<std::pair<Dfa::Id, std::size_t>> queue{{0, 0}};
  std::vector<bool> queued(Dfa::kRoom, false);
  queued[0] = true;
  {
    const std::lock_guard<StateLock> lock(lock_);
    for (std::size_t k = 0; k < queue.size(); ++k) {
      const auto [s, depth] = queue[k];
      if (depth >= kMaxDepth) continue;
      for (std::size_t c = 0; c < d.classes; ++c) {
        const Dfa::Id t = d.step(s, static_cast<int>(c));
        if (t == Dfa::kFull) {
          *error = "the rules need more than " + std::to_string(Dfa::kRoom) + " states";
          return false;
        }
        if (t < 0) continue;
        const auto to = static_cast<Dfa::Id>(t & ~kEndsMark);
        if (queued[static_cast<std::size_t>(to)]) continue;
        queued[static_cast<std::size_t>(to)] = true;
        queue.push_back({to, depth + 1});
      }
    }
  }
  TableHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.fingerprint = fingerprint_;
  h.rules = static_cast<std::uint32_t>(rules_);
  h.classes = static_cast<std::uint32_t>(d.classes);
  h.states = static_cast<std::uint32_t>(d.count);
  h.rule_entries = d.lists[2 * d.count];
  h.open = static_cast<std::uint32_t>(open_.size());
  const TableLayout at(h);
  out->assign(at.size, '\0');
  char* base = out->data();
  std::memcpy(base, &h, sizeof h);
  std::memcpy(base + at.byte_class, d.byte_class, 256);
  for (std::size_t k = 0; k < d.count * d.classes; ++k) {
    Dfa::Id t = d.next[k].load(std::memory_order_relaxed);
    // Never taken (the states a walk reaches only at its last byte): as if out of room.
    if (t == Dfa::kUnknown) t = Dfa::kFull;
    std::memcpy(base + at.next + k * sizeof t, &t, sizeof t);
  }
  // The first two bytes from the start: a state only when both steps lead to one with no rule
  // ending (Walker::start takes it and goes on from the third byte).
  constexpr Dfa::Id kByteByByte = -4;
  static_assert(static_cast<std::uint16_t>(kByteByByte) >= static_cast<std::uint16_t>(kEndsMark),
                "Walker::start reads it as 'byte by byte'");
  for (std::size_t c1 = 0; c1 < d.classes; ++c1) {
    const Dfa::Id t1 = d.next[c1].load(std::memory_order_relaxed);
    for (std::size_t c2 = 0; c2 < d.classes; ++c2) {
      Dfa::Id t = kByteByByte;
      if (t1 == Dfa::kDead) {
        t = Dfa::kDead;
      } else if (t1 >= 0 && !(t1 & kEndsMark)) {
        const Dfa::Id t2 =
            d.next[static_cast<std::size_t>(t1) * d.classes + c2].load(std::memory_order_relaxed);
        if (t2 == Dfa::kDead || (t2 >= 0 && !(t2 & kEndsMark))) t = t2;
      }
      std::memcpy(base + at.pairs + (c1 * d.classes + c2) * sizeof t, &t, sizeof t);
    }
  }
  std::memcpy(base + at.lists, d.lists, (2 * d.count + 1) * sizeof(std::uint32_t));
  std::memcpy(base + at.rules, d.rules, std::size_t{h.rule_entries} * sizeof(std::uint32_t));
  for (std::size_t k = 0; k < open_.size(); ++k) {
    const auto rule = static_cast<std::uint32_t>(open_[k]);
    std::memcpy(base + at.open + k * sizeof rule, &rule, sizeof rule);
  }
  return true;
}

// The table made by src/tools/automaton_gen.cpp and linked into the program (the generated
// source defines both symbols); absent from a program linked without it (the generator itself).
extern "C" {
extern const char timeline_rules_automaton[] __attribute__((weak));
extern const char timeline_rules_automaton_end[] __attribute__((weak));
}

std::string_view RuleAutomaton::linked_table() {
  const char* begin = timeline_rules_automaton;
  const char* end = timeline_rules_automaton_end;
  if (begin == nullptr || end == nullptr || end < begin) return {};
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

namespace {
// 1 for every byte value.
struct EveryByte {
  std::uint8_t one[256];
  constexpr EveryByte() : one() {
    for (std::uint8_t& x : one) x = 1;
  }
};
}  // namespace

RuleAutomaton::Walker::Walker(const RuleAutomaton& a) : a_(a) {
  d_ = a.dfa_.get();
  byte_class_ = d_->byte_class;
  classes_ = d_->classes;
  words_ = (a.rules_ + 63) / 64;
  if (words_ == 0) words_ = 1;
  quick_ = a.open_.empty() && !d_->ends(0);
  next_ = d_->next;
  pairs_ = d_->pairs;
  fixed_next_ = d_->fixed_next;
  fast_ = quick_ && fixed_next_ != nullptr && pairs_ != nullptr;
  // Without quick_, start() takes every place (a rule is open, or matches the empty string).
  static constexpr EveryByte kEvery;
  may_start_ = quick_ ? d_->may_start : kEvery.one;
}

RuleAutomaton::Walker::Chunk& RuleAutomaton::Walker::thread_chunk() {
  thread_local Chunk chunk;
  return chunk;
}

void RuleAutomaton::Walker::starts_chunk(const unsigned char* text, std::size_t end, Chunk& chunk,
                                         std::size_t n, std::vector<Found>* out) const {
  const std::uint32_t* const places = chunk.places;
  if (!fast_) {  // states made on the way
    for (std::size_t k = 0; k < n; ++k) slow_start(text, places[k], end, out);
    return;
  }
  const std::int16_t* const next = fixed_next_;
  const std::int16_t* const pairs = pairs_;
  const std::uint8_t* const byte_class = byte_class_;
  const std::size_t classes = classes_;
  constexpr auto kSpecial = static_cast<std::uint16_t>(kEndsMark);  // and every negative mark
  const auto normal = [](Dfa::Id t) -> std::size_t {
    return static_cast<std::uint16_t>(t) < kSpecial;
  };
  // The row of a value's state, or of state 0 where `keep` is 0 (then the load that follows
  // is harmless and its value not looked at): with no branch.
  const auto row = [classes](Dfa::Id t, std::size_t keep) {
    return (static_cast<std::size_t>(static_cast<std::uint16_t>(t)) & (0 - keep)) * classes;
  };
  // Places at least five bytes before the end (the places ascend) read their first four bytes
  // without a look at the end; the others go as start() goes, after them.
  std::size_t cut = n;
  while (cut > 0 && end - places[cut - 1] <= 4) --cut;
  // The first four bytes of every place: the first two in one lookup of the pairs table, then
  // two steps, each taken from state 0 when the value before was not an ordinary state (then
  // that value decides, and the rest is not looked at). No branch between the steps: a branch
  // on where a walk ends (hard to foresee) would hold up the next place's loads, which do not
  // depend on this one's. Most places are dead by then; the walks still under way are kept,
  // and those stopped on a value that is not a state and not dead (few) are looked at again.
  std::uint32_t* const open = chunk.open;
  std::uint32_t* const stopped = chunk.stopped;
  std::size_t opened = 0, stops = 0;
  for (std::size_t k = 0; k < cut; ++k) {
    const std::size_t p = places[k];
    const Dfa::Id t2 = pairs[byte_class[text[p]] * classes + byte_class[text[p + 1]]];
    const std::size_t n2 = normal(t2);
    const Dfa::Id t3 = next[row(t2, n2) + byte_class[text[p + 2]]];
    const std::size_t n3 = normal(t3);
    const Dfa::Id t4 = next[row(t3, n3) + byte_class[text[p + 3]]];
    // The first value that is not a state, or t4; selected with masks, not branches (whether
    // a walk lives on is hard to foresee).
    const std::size_t v3 = static_cast<std::uint16_t>(t3) ^
                           ((static_cast<std::uint16_t>(t3) ^ static_cast<std::uint16_t>(t4)) &
                            (0 - n3));
    const std::size_t v2 = static_cast<std::uint16_t>(t2);
    const std::size_t first = v2 ^ ((v2 ^ v3) & (0 - n2));
    const std::size_t on = first < kSpecial;
    open[2 * opened] = static_cast<std::uint32_t>(p);
    open[2 * opened + 1] = static_cast<std::uint16_t>(t4);
    opened += on;
    stopped[stops] = static_cast<std::uint32_t>(p);
    constexpr auto kDeadValue = static_cast<std::uint16_t>(Dfa::kDead);
    stops += (1 - on) & static_cast<std::size_t>(first != kDeadValue);
  }
  // The stopped walks: a rule ends, or a state is missing, within four bytes. Within two: as
  // start() goes; else from the third byte.
  std::vector<Found>& from_stops = chunk.found[0];
  from_stops.clear();
  for (std::size_t j = 0; j < stops; ++j) {
    const std::size_t p = stopped[j];
    const Dfa::Id t2 = pairs[byte_class[text[p]] * classes + byte_class[text[p + 1]]];
    if (!normal(t2)) {
      slow_start(text, p, end, &from_stops);
      continue;
    }
    const Dfa::Id t3 = next[row(t2, 1) + byte_class[text[p + 2]]];
    from_stops.push_back(normal(t3) ? Found{static_cast<std::uint32_t>(p),
                                            static_cast<std::uint32_t>(p + 3), t3}
                                    : Found{static_cast<std::uint32_t>(p),
                                            static_cast<std::uint32_t>(p + 2), t2});
  }
  // The walks under way, on from the fifth byte (inside the sentence) as start() goes.
  std::vector<Found>& from_open = chunk.found[1];
  from_open.clear();
  for (std::size_t j = 0; j < opened; ++j) {
    const std::size_t p = open[2 * j];
    const std::size_t stop = end - p > kQuickDepth ? p + kQuickDepth : end;
    std::size_t state = open[2 * j + 1], at = p + 4;
    bool alive = true;
    for (; at < stop; ++at) {
      const Dfa::Id t = next[state * classes + byte_class[text[at]]];
      if (t == Dfa::kDead) {
        alive = false;
        break;
      }
      if (!normal(t)) break;
      state = static_cast<std::size_t>(t);
    }
    if (alive && at != end)
      from_open.push_back(Found{static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(at),
                                static_cast<std::int16_t>(state)});
  }
  // Both in the order of the places (no place is in both), then the places near the end.
  std::merge(from_stops.begin(), from_stops.end(), from_open.begin(), from_open.end(),
             std::back_inserter(*out), [](const Found& x, const Found& y) { return x.p < y.p; });
  for (std::size_t k = cut; k < n; ++k) slow_start(text, places[k], end, out);
}

void RuleAutomaton::Walker::walk(std::string_view text, std::size_t p, std::size_t q,
                                 std::int16_t from, std::size_t end, std::vector<int>* ids,
                                 std::vector<std::uint32_t>* limits) {
  ids->clear();
  if (limits) limits->clear();
  Dfa& d = *d_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t classes = classes_;
  const std::size_t words = words_;
  const std::size_t stop = end - p > kMaxDepth ? p + kMaxDepth : end;
  // The rules whose end the walk has passed, one bit a rule (on the stack for up to 256 rules),
  // and where it last passed each (places only grow as the walk goes on).
  std::uint64_t local[4] = {0, 0, 0, 0};
  std::uint64_t* found = local;
  if (words > 4) {
    found_.assign(words, 0);
    found = found_.data();
  }
  // [rule]: the last place the walk passed its end (kept per thread: a Walker lives for one
  // sentence).
  thread_local std::vector<std::uint32_t> last_end;
  if (limits && last_end.size() < a_.rules_) last_end.resize(a_.rules_);
  bool any = false;
  // Adds the rules of one of state s's lists (0: those ending in it, 1: those under way).
  const auto add = [&](std::size_t s, int list, std::size_t at) {
    const std::uint32_t* r = d.rules + d.lists[2 * s + static_cast<std::size_t>(list)];
    const std::uint32_t* const r_end = d.rules + d.lists[2 * s + 1 + static_cast<std::size_t>(list)];
    if (r == r_end) return;
    any = true;
    for (; r < r_end; ++r) {
      found[*r / 64] |= std::uint64_t{1} << (*r % 64);
      if (limits) last_end[*r] = static_cast<std::uint32_t>(at);
    }
  };
  Dfa::Id s = from;
  add(static_cast<std::size_t>(s), 0, q);
  const std::atomic<Dfa::Id>* next = d.next;
  for (; q < stop; ++q) {
    const int cls = byte_class_[bytes[q]];
    Dfa::Id t = next[static_cast<std::size_t>(s) * classes + cls].load(std::memory_order_acquire);
    if (t < 0) {
      if (t == Dfa::kUnknown) {
        const std::lock_guard<StateLock> lock(a_.lock_);
        t = d.step(s, cls);
      }
      if (t == Dfa::kDead) break;
      if (t == Dfa::kFull) {  // as if deep: every rule under way is a candidate
        add(static_cast<std::size_t>(s), 1, end);
        break;
      }
    }
    s = static_cast<Dfa::Id>(t & ~kEndsMark);
    if (t & kEndsMark) add(static_cast<std::size_t>(s), 0, q + 1);
  }
  // Stopped deep in a place: every rule still under way may match.
  if (q == stop && stop < end) add(static_cast<std::size_t>(s), 1, end);
  for (int rule : a_.open_) {
    found[rule / 64] |= std::uint64_t{1} << (rule % 64);
    if (limits) last_end[static_cast<std::size_t>(rule)] = static_cast<std::uint32_t>(end);
    any = true;
  }
  if (!any) return;
  for (std::size_t w = 0; w < words; ++w)
    for (std::uint64_t m = found[w]; m != 0; m &= m - 1) {
      const int rule = static_cast<int>(w * 64 + __builtin_ctzll(m));
      ids->push_back(rule);
      if (limits) limits->push_back(last_end[static_cast<std::size_t>(rule)]);
    }
}

}  // namespace timeline::temporal_detail
