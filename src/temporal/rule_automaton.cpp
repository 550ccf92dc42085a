// RuleAutomaton (see rule_automaton.hpp): a reader of RE2 syntax into a syntax tree, Thompson's
// construction of one automaton for all the rules, and the deterministic states made from it on
// demand (subset construction over byte classes).
#include "temporal/rule_automaton.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <map>
#include <unordered_map>
#include <string>
#include <type_traits>
#include <utility>

namespace timeline::temporal_detail {
namespace {

using Bytes = std::bitset<256>;

constexpr int kUnbounded = -1;
constexpr int kMaxCount = 16;  // larger counts are read as unbounded (a superset)

// A node of the syntax tree. kBytes: one byte of `bytes`; kSeq: the kids in order; kAlt: one of
// the kids; kRepeat: the one kid min..max times (max kUnbounded: no limit).
struct Node {
  enum Kind { kBytes, kSeq, kAlt, kRepeat } kind = kSeq;
  Bytes bytes;
  std::vector<Node> kids;
  int min = 0, max = 0;
};

Node bytes_node(const Bytes& b) {
  Node n;
  n.kind = Node::kBytes;
  n.bytes = b;
  return n;
}

Node seq_node(std::vector<Node> kids) {
  Node n;
  n.kind = Node::kSeq;
  n.kids = std::move(kids);
  return n;
}

Node alt_node(std::vector<Node> kids) {
  Node n;
  n.kind = Node::kAlt;
  n.kids = std::move(kids);
  return n;
}

Node repeat_node(Node kid, int min, int max) {
  Node n;
  n.kind = Node::kRepeat;
  n.kids.push_back(std::move(kid));
  n.min = min;
  n.max = max;
  return n;
}

Bytes range(unsigned lo, unsigned hi) {
  Bytes b;
  for (unsigned x = lo; x <= hi; ++x) b.set(x);
  return b;
}

// The bytes after the first of a UTF-8 character: one to three of 0x80..0xBF.
Node continuation(int min) { return repeat_node(bytes_node(range(0x80, 0xBF)), min, 3); }

// One character whose first byte is in `first` (ASCII, or a lead byte then continuations).
Node char_of(const Bytes& first) { return seq_node({bytes_node(first), continuation(0)}); }

// Any character at all.
Node any_char() { return char_of(Bytes().set()); }

// Any character of two or more bytes.
Node non_ascii_char() { return seq_node({bytes_node(range(0xC0, 0xFF)), continuation(1)}); }

// Reads a pattern into a Node: groups with (?:, (?P<name>, flags (?i) (?-i:...), alternation,
// classes with ranges and escapes, counted and open repetitions (lazy ones the same), escapes.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  bool read(Node* out) {
    *out = alternation();
    return ok_ && i_ == p_.size();
  }

 private:
  bool at(char c) const { return i_ < p_.size() && p_[i_] == c; }

  Node alternation() {
    std::vector<Node> alts;
    alts.push_back(sequence());
    while (ok_ && at('|')) {
      ++i_;
      alts.push_back(sequence());
    }
    return alts.size() == 1 ? std::move(alts[0]) : alt_node(std::move(alts));
  }

  Node sequence() {
    std::vector<Node> items;
    while (ok_ && i_ < p_.size() && !at('|') && !at(')')) {
      Node a = atom();
      repeat(&a);
      items.push_back(std::move(a));
    }
    return seq_node(std::move(items));
  }

  // A quantifier after an atom, if any: ? * + {m} {m,} {m,n}, each maybe followed by '?'.
  void repeat(Node* a) {
    if (!ok_ || i_ >= p_.size()) return;
    int min = 0, max = 0;
    const char c = p_[i_];
    if (c == '?' || c == '*' || c == '+') {
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : kUnbounded;
      ++i_;
    } else if (c == '{') {
      std::size_t j = i_ + 1;
      std::string lo, hi;
      bool comma = false;
      while (j < p_.size() && p_[j] != '}') {
        if (p_[j] == ',') comma = true;
        else if (std::isdigit(static_cast<unsigned char>(p_[j]))) (comma ? hi : lo) += p_[j];
        else return;  // not a counted repetition: a literal '{' (read as an atom next)
        ++j;
      }
      if (j >= p_.size() || lo.empty() || lo.size() > 4 || hi.size() > 4) return;
      min = std::stoi(lo);
      max = comma ? (hi.empty() ? kUnbounded : std::stoi(hi)) : min;
      i_ = j + 1;
    } else {
      return;
    }
    if (at('?')) ++i_;  // lazy: the same strings
    if (min > kMaxCount) min = kMaxCount;
    if (max > kMaxCount) max = kUnbounded;
    *a = repeat_node(std::move(*a), min, max);
  }

  Node atom() {
    const unsigned char c = static_cast<unsigned char>(p_[i_]);
    switch (c) {
      case '(':
        return group();
      case '[':
        return char_class();
      case '\\':
        return escape();
      case '.':
        ++i_;
        return any_char();
      case '^':
      case '$':
        ++i_;
        return seq_node({});
      case '*':
      case '+':
      case '?':
      case ')':
        ok_ = false;
        return seq_node({});
      default:
        break;
    }
    if (c >= 0x80) {
      ++i_;
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return non_ascii_char();
    }
    ++i_;
    return letters(cased(Bytes().set(c)));
  }

  Node group() {
    ++i_;  // '('
    const bool outer_case = fold_case_;
    if (at('?')) {
      ++i_;
      if (at('P') && i_ + 1 < p_.size() && p_[i_ + 1] == '<') {
        const std::size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) {
          ok_ = false;
          return seq_node({});
        }
        i_ = close + 1;
      } else {
        // Flags: "(?-i:...)" is a group matched case-sensitively, "(?i:...)" one that folds
        // case; "(?-i)" alone changes the rest of the enclosing group.
        bool negate = false;
        bool fold = fold_case_;
        while (i_ < p_.size() && (std::isalpha(static_cast<unsigned char>(p_[i_])) || at('-'))) {
          if (at('-')) negate = true;
          if (at('i')) fold = !negate;
          ++i_;
        }
        if (at(')')) {
          ++i_;
          fold_case_ = fold;
          return seq_node({});
        }
        if (!at(':')) {
          ok_ = false;
          return seq_node({});
        }
        ++i_;
        fold_case_ = fold;
      }
    }
    Node r = alternation();
    fold_case_ = outer_case;
    if (!at(')')) {
      ok_ = false;
      return r;
    }
    ++i_;
    return r;
  }

  // `b` with the other case of each ASCII letter added when case is folded.
  Bytes cased(Bytes b) const {
    if (!fold_case_) return b;
    for (unsigned c = 'a'; c <= 'z'; ++c)
      if (b[c] || b[c - 'a' + 'A']) b.set(c).set(c - 'a' + 'A');
    return b;
  }

  // The single bytes `b` (already cased), plus, when case is folded, the characters outside
  // ASCII that k and s fold to in RE2 (KELVIN SIGN U+212A, LONG S U+017F).
  Node letters(const Bytes& b) const {
    if (!fold_case_ || !(b['k'] || b['s'])) return bytes_node(b);
    return alt_node({bytes_node(b), non_ascii_char()});
  }

  // The ASCII bytes an escape stands for (\s, \d, \w, \., \t), and in *wide whether it also
  // stands for characters outside ASCII (\pL: the ASCII letters and, read widely, any other
  // character; \S, \W, \D likewise; \x41 and classes not modelled: any character). Sets
  // *zero_width for \b, \A, \z.
  Bytes escaped(bool* wide, bool* zero_width) {
    *wide = *zero_width = false;
    ++i_;  // '\'
    if (i_ >= p_.size()) {
      ok_ = false;
      return Bytes();
    }
    const unsigned char e = static_cast<unsigned char>(p_[i_++]);
    const Bytes ascii = range(0, 0x7F);
    Bytes space;
    for (char c : std::string(" \t\n\r\f\v")) space.set(static_cast<unsigned char>(c));
    const Bytes digits = range('0', '9');
    const Bytes word = range('0', '9') | range('A', 'Z') | range('a', 'z') | Bytes().set('_');
    Bytes b;
    switch (e) {
      case 's':
        return space;
      case 'd':
        return digits;
      case 'w':  // ASCII only in RE2
        return word;
      case 'S':
        *wide = true;
        return ascii & ~space;
      case 'D':
        *wide = true;
        return ascii & ~digits;
      case 'W':
        *wide = true;
        return ascii & ~word;
      case 't':
        return b.set('\t');
      case 'n':
        return b.set('\n');
      case 'r':
        return b.set('\r');
      case 'f':
        return b.set('\f');
      case 'v':
        return b.set('\v');
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        *zero_width = true;
        return b;
      case 'p':
      case 'P': {
        std::string_view name;
        if (at('{')) {
          const std::size_t close = p_.find('}', i_);
          name = p_.substr(i_ + 1, close == std::string_view::npos ? 0 : close - i_ - 1);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else if (i_ < p_.size()) {
          name = p_.substr(i_, 1);
          ++i_;
        }
        *wide = true;  // every Unicode class has members outside ASCII
        if (e == 'p' && (name == "L" || name == "Lu" || name == "Ll" || name == "Lt" ||
                         name == "Lm" || name == "Lo" || name == "Latin"))
          return range('A', 'Z') | range('a', 'z');
        if (e == 'p' && (name == "N" || name == "Nd")) return digits;
        return ascii;  // another class, or a negated one: any character
      }
      case 'x':
        if (at('{')) {
          const std::size_t close = p_.find('}', i_);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else {
          for (int k = 0; k < 2 && i_ < p_.size() &&
                          std::isxdigit(static_cast<unsigned char>(p_[i_]));
               ++k)
            ++i_;
        }
        *wide = true;
        return ascii;
      case 'Q':
      case 'C':
        ok_ = false;  // quoted text, single bytes: not read
        return b;
      default:
        if (e >= '0' && e <= '7') {  // an octal escape: its digits, then any character
          while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '7') ++i_;
          *wide = true;
          return ascii;
        }
        if (std::isalnum(e)) {  // an escape not modelled: any character
          *wide = true;
          return ascii;
        }
        return b.set(e);  // an escaped sign: itself
    }
  }

  Node escape() {
    bool wide = false, zero_width = false;
    const Bytes b = escaped(&wide, &zero_width);
    if (zero_width) return seq_node({});
    if (wide) return alt_node({bytes_node(b), non_ascii_char()});
    return bytes_node(b);
  }

  Node char_class() {
    ++i_;  // '['
    const bool negated = at('^');
    if (negated) ++i_;
    Bytes single;       // ASCII members
    bool wide = false;  // a member of two or more bytes, or one not modelled
    bool first = true;
    while (ok_ && i_ < p_.size() && (first || !at(']'))) {
      first = false;
      const unsigned char lo = static_cast<unsigned char>(p_[i_]);
      if (lo == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        ok_ = false;  // a POSIX class ([:alpha:]): not read
        break;
      }
      if (lo == '\\') {
        bool escape_wide = false, zero_width = false;
        single |= escaped(&escape_wide, &zero_width);
        wide = wide || escape_wide;
        continue;
      }
      if (lo >= 0x80) {
        wide = true;
        ++i_;
        while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
        continue;
      }
      ++i_;
      if (at('-') && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        const unsigned char hi = static_cast<unsigned char>(p_[i_ + 1]);
        if (hi == '\\') {  // a range to an escape: not read
          ok_ = false;
          break;
        }
        if (hi >= 0x80) {  // a range to a character of several bytes
          single |= range(lo, 0x7F);
          wide = true;
          i_ += 2;
          while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
          continue;
        }
        single |= range(lo, hi);
        i_ += 2;
      } else {
        single.set(lo);
      }
    }
    if (!at(']')) {
      ok_ = false;
      return seq_node({});
    }
    ++i_;
    if (negated) {
      // [^.;]: any byte but those (a character of several bytes has none of them). A negated
      // class with wide members is read as any character.
      if (wide) return any_char();
      Bytes allowed = ~cased(single);
      return char_of(allowed);
    }
    const Node ascii = letters(cased(single));
    if (!wide) return ascii;
    return alt_node({ascii, non_ascii_char()});
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
  bool fold_case_ = true;  // patterns are compiled case-insensitive
};

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
  std::unordered_map<Bytes, int> set_index;
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

  // Builds `n`; returns its first and last state (the last reads nothing, leads nowhere yet).
  std::pair<int, int> build(const Node& n) {
    switch (n.kind) {
      case Node::kBytes: {
        const int s = add_state(), e = add_state();
        states[s].set = set_of(n.bytes);
        states[s].out = e;
        return {s, e};
      }
      case Node::kSeq: {
        const int s = add_state();
        int last = s;
        for (const Node& k : n.kids) {
          const auto [ks, ke] = build(k);
          add_eps(last, ks);
          last = ke;
        }
        return {s, last};
      }
      case Node::kAlt: {
        const int s = add_state(), e = add_state();
        for (const Node& k : n.kids) {
          const auto [ks, ke] = build(k);
          add_eps(s, ks);
          add_eps(ke, e);
        }
        return {s, e};
      }
      case Node::kRepeat: {
        const Node& kid = n.kids[0];
        const int s = add_state();
        int last = s;
        for (int i = 0; i < n.min; ++i) {
          const auto [ks, ke] = build(kid);
          add_eps(last, ks);
          last = ke;
        }
        if (n.max == kUnbounded) {
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
        for (int i = n.min; i < n.max; ++i) {
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

// One thread's deterministic states. State 0 is the start (all rules at their beginning).
struct RuleAutomaton::Dfa {
  // A transition: the next state, or one of these. kFull: no room for a new state (the walk
  // stops there as if deep; the room comes back when the thread's states are dropped).
  using Id = std::int16_t;
  static constexpr Id kUnknown = -2, kDead = -1, kFull = -3;
  static constexpr std::size_t kRoom = 32000;  // states at most (Id is 16 bits)
  const Nfa* nfa = nullptr;
  int words = 1;                     // 64-bit words of a rule mask
  std::vector<Id> next;              // [state * classes + class]
  std::vector<std::uint64_t> ended;  // [state * words + w]: the rules that end in the state
  std::vector<std::uint64_t> alive;  // [state * words + w]: the rules the state is inside
  std::vector<std::uint8_t> ends;    // [state]: some rule ends in it
  struct Hash {
    std::size_t operator()(const std::vector<int>& v) const {
      std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the state numbers
      for (int x : v) h = (h ^ static_cast<std::uint32_t>(x)) * 1099511628211ull;
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<std::vector<int>, Id, Hash> index;
  // The automaton's states in each state: the keys of `index` (an unordered_map's keys keep
  // their place), not a second copy.
  std::vector<const std::vector<int>*> members;
  std::vector<std::uint32_t> seen;        // closure marks
  std::uint32_t mark = 0;
  std::vector<int> stack, set;
  std::vector<std::vector<int>> closures;  // [state]: its closure, once worked out
  std::vector<std::uint8_t> closed;        // [state]: closures[state] is worked out
  std::vector<std::uint32_t> in_union;     // marks while a step unites closures
  std::uint32_t union_mark = 0;

  void reset(const Nfa& n, std::size_t rules) {
    nfa = &n;
    words = static_cast<int>((rules + 63) / 64);
    if (words == 0) words = 1;
    next.clear();
    ended.clear();
    alive.clear();
    ends.clear();
    index.clear();
    members.clear();
    seen.assign(n.states.size(), 0);
    mark = 0;
    closures.assign(n.states.size(), {});
    closed.assign(n.states.size(), 0);
    in_union.assign(n.states.size(), 0);
    union_mark = 0;
    closure(n.starts, &set);
    intern(set);
  }

  // The states reached from `from` without reading: those that read a byte or end a rule.
  void closure(const std::vector<int>& from, std::vector<int>* out) {
    if (++mark == 0) {
      std::fill(seen.begin(), seen.end(), 0);
      mark = 1;
    }
    out->clear();
    stack.assign(from.begin(), from.end());
    while (!stack.empty()) {
      const int s = stack.back();
      stack.pop_back();
      if (seen[s] == mark) continue;
      seen[s] = mark;
      const Nfa::State& st = nfa->states[s];
      if (st.set >= 0 || st.rule >= 0) out->push_back(s);
      for (int k = st.eps; k >= 0; k = nfa->edges[k].next) stack.push_back(nfa->edges[k].to);
    }
    std::sort(out->begin(), out->end());
  }

  Id intern(const std::vector<int>& states) {
    const auto found = index.find(states);
    if (found != index.end()) return found->second;
    if (members.size() >= kRoom) return kFull;
    const auto id = static_cast<Id>(members.size());
    members.push_back(&index.emplace(states, id).first->first);
    next.resize(next.size() + nfa->classes, kUnknown);
    ended.resize(ended.size() + words, 0);
    alive.resize(alive.size() + words, 0);
    bool any_end = false;
    for (int s : states) {
      const int rule = nfa->owner[s];
      alive[id * words + rule / 64] |= std::uint64_t{1} << (rule % 64);
      if (nfa->states[s].rule < 0) continue;
      ended[id * words + rule / 64] |= std::uint64_t{1} << (rule % 64);
      any_end = true;
    }
    ends.push_back(any_end ? 1 : 0);
    return id;
  }

  // The closure of one state, worked out once per thread and kept.
  const std::vector<int>& closure_of(int s) {
    if (!closed[s]) {
      closure({s}, &closures[s]);
      closed[s] = 1;
    }
    return closures[s];
  }

  // Makes the transition of `state` on byte class `cls` (kept out of line: the walk's loop
  // stays small, and this runs only the first time a thread takes a transition).
  [[gnu::noinline]] Id step(Id state, int cls) {
    const unsigned char byte = nfa->class_byte[cls];
    set.clear();
    if (++union_mark == 0) {
      std::fill(in_union.begin(), in_union.end(), 0);
      union_mark = 1;
    }
    for (int s : *members[state]) {
      const Nfa::State& st = nfa->states[s];
      if (st.set < 0 || !nfa->sets[st.set][byte]) continue;
      for (int x : closure_of(st.out)) {
        if (in_union[x] == union_mark) continue;
        in_union[x] = union_mark;
        set.push_back(x);
      }
    }
    Id to = kDead;
    if (!set.empty()) {
      std::sort(set.begin(), set.end());
      to = intern(set);
    }
    if (to != kFull) next[static_cast<std::size_t>(state) * nfa->classes + cls] = to;
    return to;
  }
};

// Walker::candidates (inline, in the header) reads the table as 16-bit entries with -1 for dead.
static_assert(std::is_same_v<RuleAutomaton::Dfa::Id, std::int16_t> &&
                  RuleAutomaton::Dfa::kDead == -1,
              "the header's inline walk must read the table as Dfa lays it out");

RuleAutomaton::RuleAutomaton() : nfa_(std::make_unique<Nfa>()) {}
RuleAutomaton::~RuleAutomaton() = default;

void RuleAutomaton::add(std::string_view pattern) {
  const int rule = static_cast<int>(rules_++);
  Node tree;
  if (!Reader(pattern).read(&tree)) {
    open_.push_back(rule);
    return;
  }
  const auto [s, e] = nfa_->build(tree);
  const int end = nfa_->add_state();
  nfa_->states[end].rule = rule;
  nfa_->add_eps(e, end);
  nfa_->starts.push_back(s);
  nfa_->owner.resize(nfa_->states.size(), rule);
}

void RuleAutomaton::finish() {
  nfa_->classify();
  static std::atomic<std::uint64_t> serials{0};
  serial_ = ++serials;
}

RuleAutomaton::Walker::Walker(const RuleAutomaton& a) : a_(a) {
  // One automaton's states per thread: a thread that moves to another automaton (another
  // tagger) starts again.
  struct Slot {
    std::uint64_t serial = 0;
    Dfa dfa;
  };
  thread_local Slot slot;
  if (slot.serial != a.serial_ || slot.dfa.members.size() > kMaxStates) {
    slot.dfa.reset(*a.nfa_, a.rules_);
    slot.serial = a.serial_;
  }
  d_ = &slot.dfa;
  byte_class_ = a.nfa_->byte_class.data();
  classes_ = static_cast<std::size_t>(a.nfa_->classes);
  quick_ = a.open_.empty() && !d_->ends[0];
  refresh();
}

void RuleAutomaton::Walker::refresh() {
  next_ = d_->next.data();
  ends_ = d_->ends.data();
}

void RuleAutomaton::Walker::walk(std::string_view text, std::size_t p, std::size_t end,
                                 std::vector<int>* ids) {
  struct Refresh {  // however the walk ends, the inline path sees the grown table
    Walker* w;
    ~Refresh() { w->refresh(); }
  } refresh_after{this};
  ids->clear();
  Dfa& d = *d_;
  const Nfa& n = *a_.nfa_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t classes = static_cast<std::size_t>(n.classes);
  const std::size_t words = static_cast<std::size_t>(d.words);
  const std::size_t stop = end - p > kMaxDepth ? p + kMaxDepth : end;
  // The rules whose end the walk has passed, one bit a rule (on the stack for up to 256 rules).
  std::uint64_t local[4] = {0, 0, 0, 0};
  std::uint64_t* found = local;
  if (words > 4) {
    found_.assign(words, 0);
    found = found_.data();
  }
  bool any = false;
  const auto add = [&](const std::uint64_t* mask) {
    any = true;
    for (std::size_t w = 0; w < words; ++w) found[w] |= mask[w];
  };
  Dfa::Id s = 0;
  if (d.ends[0]) add(&d.ended[0]);
  const Dfa::Id* next = d.next.data();
  std::size_t q = p;
  for (; q < stop; ++q) {
    const int cls = n.byte_class[bytes[q]];
    Dfa::Id t = next[static_cast<std::size_t>(s) * classes + cls];
    if (t < 0) {
      if (t == Dfa::kUnknown) {
        t = d.step(s, cls);
        next = d.next.data();  // step() may have moved the table
      }
      if (t == Dfa::kDead) break;
      if (t == Dfa::kFull) {  // as if deep: every rule under way is a candidate
        add(&d.alive[static_cast<std::size_t>(s) * words]);
        break;
      }
    }
    s = t;
    if (d.ends[s]) add(&d.ended[static_cast<std::size_t>(s) * words]);
  }
  // Stopped deep in a place: every rule still under way may match.
  if (q == stop && stop < end) add(&d.alive[static_cast<std::size_t>(s) * words]);
  for (int rule : a_.open_) {
    found[rule / 64] |= std::uint64_t{1} << (rule % 64);
    any = true;
  }
  if (!any) return;
  for (std::size_t w = 0; w < words; ++w)
    for (std::uint64_t m = found[w]; m != 0; m &= m - 1)
      ids->push_back(static_cast<int>(w * 64 + __builtin_ctzll(m)));
}

}  // namespace timeline::temporal_detail
