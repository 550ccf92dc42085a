// read_syntax (see rule_syntax.hpp): a recursive-descent reader of the RE2 syntax the rules use.
#include "temporal/rule_syntax.hpp"

#include <cctype>
#include <string>
#include <utility>

namespace timeline::temporal_detail {
namespace {

using Ascii = std::bitset<128>;
using Node = SyntaxNode;

Ascii range(unsigned lo, unsigned hi) {
  Ascii b;
  for (unsigned x = lo; x <= hi && x < 128; ++x) b.set(x);
  return b;
}

Ascii all_ascii() { return Ascii().set(); }

// RE2's classes, on ASCII: \s is Perl's [\t\n\f\r ] (no \v), \w is [0-9A-Za-z_].
const Ascii& space_class() {
  static const Ascii b = Ascii().set('\t').set('\n').set('\f').set('\r').set(' ');
  return b;
}
const Ascii& digit_class() {
  static const Ascii b = range('0', '9');
  return b;
}
const Ascii& word_class() {
  static const Ascii b = range('0', '9') | range('A', 'Z') | range('a', 'z') | Ascii().set('_');
  return b;
}
const Ascii& letter_class() {
  static const Ascii b = range('A', 'Z') | range('a', 'z');
  return b;
}

Node char_node(const Ascii& ascii, Node::Wide wide) {
  Node n;
  n.kind = Node::kChar;
  n.ascii = ascii;
  n.wide = wide;
  return n;
}

Node seq_node(std::vector<Node> kids) {
  Node n;
  n.kind = Node::kSeq;
  n.kids = std::move(kids);
  return n;
}

Node assert_node(Node::Assertion a) {
  Node n;
  n.kind = Node::kAssert;
  n.assertion = a;
  return n;
}

// A set of characters being read: its ASCII members, whether it has others, and whether its
// ASCII members are known exactly.
struct CharSet {
  Ascii ascii;
  bool wide = false;
  bool exact = true;
};

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  bool read(Syntax* out) {
    out->root = alternation();
    out->groups = groups_;
    out->exact = exact_;
    out->latin1_same = latin1_same_;
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
    if (alts.size() == 1) return std::move(alts[0]);
    Node n;
    n.kind = Node::kAlt;
    n.kids = std::move(alts);
    return n;
  }

  Node sequence() {
    std::vector<Node> items;
    items.reserve(8);  // most are words of a few letters: one allocation, not four
    while (ok_ && i_ < p_.size() && !at('|') && !at(')')) {
      const bool several_bytes = static_cast<unsigned char>(p_[i_]) >= 0x80;
      Node a = atom();
      const std::size_t before = i_;
      repeat(&a);
      // Read as Latin-1, "é?" is "Ã" then an optional "©": RE2's Latin-1 program would then
      // differ from its UTF-8 one even on ASCII text.
      if (several_bytes && i_ != before) latin1_same_ = false;
      items.push_back(std::move(a));
    }
    return items.size() == 1 ? std::move(items[0]) : seq_node(std::move(items));
  }

  // A quantifier after an atom, if any: ? * + {m} {m,} {m,n}, each maybe followed by '?' (lazy).
  void repeat(Node* a) {
    if (!ok_ || i_ >= p_.size()) return;
    int min = 0, max = 0;
    const char c = p_[i_];
    if (c == '?' || c == '*' || c == '+') {
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : Node::kUnbounded;
      ++i_;
    } else if (c == '{') {
      std::size_t j = i_ + 1;
      std::string lo, hi;
      bool comma = false;
      while (j < p_.size() && p_[j] != '}') {
        if (p_[j] == ',' && !comma) comma = true;
        else if (std::isdigit(static_cast<unsigned char>(p_[j]))) (comma ? hi : lo) += p_[j];
        else return;  // not a counted repetition: a literal '{' (read as an atom next)
        ++j;
      }
      if (j >= p_.size() || lo.empty() || lo.size() > 4 || hi.size() > 4) return;
      min = std::stoi(lo);
      max = comma ? (hi.empty() ? Node::kUnbounded : std::stoi(hi)) : min;
      if (max != Node::kUnbounded && max < min) {
        ok_ = false;
        return;
      }
      i_ = j + 1;
    } else {
      return;
    }
    Node r;
    r.kind = Node::kRepeat;
    r.min = min;
    r.max = max;
    if (at('?')) {
      r.greedy = false;
      ++i_;
    }
    r.kids.push_back(std::move(*a));
    *a = std::move(r);
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
      case '.':  // any character but a newline
        ++i_;
        return char_node(all_ascii().reset('\n'), Node::kAnyWide);
      case '^':
        ++i_;
        return assert_node(Node::kBeginText);
      case '$':
        ++i_;
        return assert_node(Node::kEndText);
      case '*':
      case '+':
      case '?':
      case ')':
        ok_ = false;
        return seq_node({});
      default:
        break;
    }
    if (c >= 0x80) {  // a character of several bytes: no ASCII member, but see folded()
      const Ascii ascii = folded(several_bytes());
      return char_node(ascii, Node::kSomeWide);
    }
    ++i_;
    return letters(cased(Ascii().set(c)));
  }

  Node group() {
    ++i_;  // '('
    const bool outer_case = fold_case_;
    bool capture = true;
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
        // case; "(?-i)" alone changes the rest of the enclosing group. Other flags (s, m, U)
        // change what the engines would have to do: the tree is then inexact.
        capture = false;
        bool negate = false;
        bool fold = fold_case_;
        while (i_ < p_.size() && (std::isalpha(static_cast<unsigned char>(p_[i_])) || at('-'))) {
          if (at('-')) negate = true;
          else if (at('i')) fold = !negate;
          else exact_ = false;
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
    const int number = capture ? ++groups_ : 0;
    Node r = alternation();
    fold_case_ = outer_case;
    if (!at(')')) {
      ok_ = false;
      return r;
    }
    ++i_;
    if (!capture) return r;
    Node g;
    g.kind = Node::kCapture;
    g.group = number;
    g.kids.push_back(std::move(r));
    return g;
  }

  // Reads the character of several bytes at i_; returns its bytes.
  std::string_view several_bytes() {
    const std::size_t start = i_++;
    while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
    return p_.substr(start, i_ - start);
  }

  // The ASCII letters a character beyond ASCII stands for when case is folded: RE2 folds KELVIN
  // SIGN (U+212A) with k and LONG S (U+017F) with s. Read as Latin-1 the pattern holds other
  // characters there, so RE2's Latin-1 program differs from its UTF-8 one.
  Ascii folded(std::string_view character) {
    if (!fold_case_) return Ascii();
    const bool kelvin = character == "\xE2\x84\xAA", long_s = character == "\xC5\xBF";
    if (!kelvin && !long_s) return Ascii();
    latin1_same_ = false;
    return cased(Ascii().set(kelvin ? 'k' : 's'));
  }

  // `b` with the other case of each ASCII letter added when case is folded.
  Ascii cased(const Ascii& b) const {
    if (!fold_case_) return b;
    static const Ascii kUpper = range('A', 'Z'), kLower = range('a', 'z');
    return b | ((b & kUpper) << 32) | ((b & kLower) >> 32);  // 'a' - 'A' == 32
  }

  // The ASCII characters `b` (already cased), and, when case is folded, the characters outside
  // ASCII that k and s fold to in RE2 (KELVIN SIGN U+212A, LONG S U+017F).
  Node letters(const Ascii& b) const {
    const bool wide = fold_case_ && (b['k'] || b['s']);
    return char_node(b, wide ? Node::kSomeWide : Node::kNoWide);
  }

  // The characters an escape stands for (cased), or for \b \B \A \z sets *assertion.
  CharSet escaped(bool* is_assertion, Node::Assertion* assertion) {
    *is_assertion = false;
    CharSet s;
    ++i_;  // '\'
    if (i_ >= p_.size()) {
      ok_ = false;
      return s;
    }
    const unsigned char e = static_cast<unsigned char>(p_[i_++]);
    const auto negated = [&](const Ascii& positive) {
      s.ascii = ~cased(positive);  // RE2 folds the positive class, then negates it
      s.wide = true;
      return s;
    };
    switch (e) {
      case 's':
        s.ascii = space_class();
        return s;
      case 'd':
        s.ascii = digit_class();
        return s;
      case 'w':  // ASCII only in RE2
        s.ascii = word_class();
        s.wide = fold_case_;  // k and s fold to characters outside ASCII
        return s;
      case 'S':
        return negated(space_class());
      case 'D':
        return negated(digit_class());
      case 'W':
        return negated(word_class());
      case 't':
      case 'n':
      case 'r':
      case 'f':
      case 'v': {
        const std::string_view controls = "t\tn\nr\rf\fv\v";  // letter, then its character
        s.ascii.set(static_cast<unsigned char>(controls[controls.find(static_cast<char>(e)) + 1]));
        return s;
      }
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        *is_assertion = true;
        *assertion = e == 'b'   ? Node::kWordBoundary
                     : e == 'B' ? Node::kNotWordBoundary
                     : e == 'A' ? Node::kBeginText
                                : Node::kEndText;
        return s;
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
        if (!name.empty() && name[0] == '^') {  // \p{^L}: negated
          name.remove_prefix(1);
          if (e == 'p') return unicode_class(name, true);
          return unicode_class(name, false);
        }
        return unicode_class(name, e == 'P');
      }
      case 'x':  // a character by number: not modelled
        if (at('{')) {
          const std::size_t close = p_.find('}', i_);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else {
          for (int k = 0; k < 2 && i_ < p_.size() &&
                          std::isxdigit(static_cast<unsigned char>(p_[i_]));
               ++k)
            ++i_;
        }
        return unknown();
      case 'Q':
      case 'C':
        ok_ = false;  // quoted text, single bytes: not read
        return s;
      default:
        if (e >= '0' && e <= '7') {  // an octal escape: not modelled
          while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '7') ++i_;
          return unknown();
        }
        if (std::isalnum(e)) return unknown();  // an escape not modelled
        s.ascii = cased(Ascii().set(e));        // an escaped sign: itself
        return s;
    }
  }

  // Any character, ASCII members not known exactly.
  CharSet unknown() {
    exact_ = false;
    CharSet s;
    s.ascii = all_ascii();
    s.wide = true;
    s.exact = false;
    return s;
  }

  // A Unicode class by name. The letter and number classes' ASCII members are known; any other
  // class is read as any character (inexact).
  CharSet unicode_class(std::string_view name, bool negate) {
    Ascii ascii;
    if (name == "L" || name == "Latin") ascii = letter_class();
    else if (name == "Lu") ascii = range('A', 'Z');
    else if (name == "Ll") ascii = range('a', 'z');
    else if (name == "Lt" || name == "Lm" || name == "Lo" || name == "Nl" || name == "No") ascii = Ascii();
    else if (name == "N" || name == "Nd") ascii = digit_class();
    else return unknown();
    CharSet s;
    s.wide = true;  // every Unicode class (and its negation) has members outside ASCII
    s.ascii = negate ? ~cased(ascii) : cased(ascii);
    return s;
  }

  Node escape() {
    bool is_assertion = false;
    Node::Assertion assertion = Node::kWordBoundary;
    const CharSet s = escaped(&is_assertion, &assertion);
    if (is_assertion) return assert_node(assertion);
    if (!s.exact) return char_node(s.ascii, Node::kAnyWide);
    if (!s.wide) return letters(s.ascii);
    return char_node(s.ascii, Node::kSomeWide);
  }

  Node char_class() {
    ++i_;  // '['
    const bool negated = at('^');
    if (negated) ++i_;
    CharSet set;
    bool first = true;
    while (ok_ && i_ < p_.size() && (first || !at(']'))) {
      first = false;
      const unsigned char lo = static_cast<unsigned char>(p_[i_]);
      if (lo == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        ok_ = false;  // a POSIX class ([:alpha:]): not read
        break;
      }
      if (lo == '\\') {
        bool is_assertion = false;
        Node::Assertion assertion;
        const CharSet e = escaped(&is_assertion, &assertion);
        if (is_assertion) {  // \b in a class is not an assertion: not read
          ok_ = false;
          break;
        }
        set.ascii |= e.ascii;
        set.wide = set.wide || e.wide;
        set.exact = set.exact && e.exact;
        continue;
      }
      if (lo >= 0x80) {  // a character of several bytes: no ASCII member, but see folded()
        set.wide = true;
        set.ascii |= folded(several_bytes());
        if (at('-') && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
          ok_ = false;  // a range from a character of several bytes: not read
          break;
        }
        continue;
      }
      ++i_;
      if (at('-') && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        const unsigned char hi = static_cast<unsigned char>(p_[i_ + 1]);
        if (hi == '\\' || hi < lo) {  // a range to an escape, or backwards: not read
          ok_ = false;
          break;
        }
        if (hi >= 0x80) {  // a range to a character of several bytes
          set.ascii |= range(lo, 0x7F);
          set.wide = true;
          i_ += 2;
          while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
          continue;
        }
        set.ascii |= range(lo, hi);
        i_ += 2;
      } else {
        set.ascii.set(lo);
      }
    }
    if (!at(']')) {
      ok_ = false;
      return seq_node({});
    }
    ++i_;
    const Ascii members = cased(set.ascii);
    if (!set.exact) return char_node(all_ascii(), Node::kAnyWide);
    // A negated class matches every character of several bytes that is not a member (RE2 folds
    // the members first, then negates).
    if (negated) return char_node(~members, Node::kAnyWide);
    const bool kelvin = fold_case_ && (members['k'] || members['s']);
    return char_node(members, set.wide || kelvin ? Node::kSomeWide : Node::kNoWide);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
  bool exact_ = true;
  bool latin1_same_ = true;
  bool fold_case_ = true;  // patterns are compiled case-insensitive
  int groups_ = 0;
};

}  // namespace

bool read_syntax(std::string_view pattern, Syntax* out) {
  *out = Syntax();
  return Reader(pattern).read(out);
}

}  // namespace timeline::temporal_detail
