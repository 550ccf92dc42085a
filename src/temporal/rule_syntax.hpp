// The syntax tree of a rule pattern (RE2 syntax), read once for the two engines that run the
// rules without RE2: RuleAutomaton (which rules may match at a place; it widens the tree into a
// superset) and RuleProgram (a rule's exact match and groups on a sentence of ASCII text).
//
// What is read: groups (?:...), (?P<name>...) and (...), flag groups (?i:...) (?-i:...) and
// (?-i), alternation, classes with ranges, negation and escapes, '.', the repetitions ? * + {m}
// {m,} {m,n} and their lazy forms, the escapes \s \d \w \S \D \W \pL \pN \PL \PN (and the
// letter classes \p{Lu} ...), \t \n \r \f \v, escaped signs, and the assertions \b \B \A \z ^ $.
// A pattern is compiled case-insensitive (rule_options()), so letters match both cases except
// inside (?-i:...).
//
// Each character node says exactly which ASCII characters it matches, and roughly which others:
// none, some, or any. Where the ASCII members of a construct are not known exactly (a Unicode
// class other than letters and digits, \x41, an octal escape) the node is widened to any ASCII
// character and the tree is marked inexact: the automaton can still use it, RuleProgram cannot.
// Constructs not read at all (POSIX classes [:alpha:], \Q...\E, \C) make read_syntax() fail.
#pragma once

#include <bitset>
#include <string_view>
#include <vector>

namespace timeline::temporal_detail {

struct SyntaxNode {
  enum Kind {
    kChar,     // one character of `ascii` or (per `wide`) one of two or more bytes
    kSeq,      // the kids in order (none: the empty string)
    kAlt,      // one of the kids, the first preferred
    kRepeat,   // the one kid min..max times (max kUnbounded: no limit), greedy or lazy
    kCapture,  // the one kid, recorded as group `group` (1-based, in order of '(')
    kAssert,   // an empty string where `assertion` holds
  };
  enum Wide { kNoWide, kSomeWide, kAnyWide };  // which characters beyond ASCII a kChar matches
  enum Assertion { kWordBoundary, kNotWordBoundary, kBeginText, kEndText };
  static constexpr int kUnbounded = -1;

  Kind kind = kSeq;
  std::bitset<128> ascii;  // kChar: the ASCII characters matched (case folding applied)
  Wide wide = kNoWide;
  std::vector<SyntaxNode> kids;
  int min = 0, max = 0;  // kRepeat
  bool greedy = true;    // kRepeat
  int group = 0;         // kCapture
  Assertion assertion = kWordBoundary;  // kAssert
};

struct Syntax {
  SyntaxNode root;
  int groups = 0;     // capturing groups
  bool exact = true;  // every node's ASCII members are exact (see above)
  // RE2 reads the pattern as Latin-1 for a Latin-1 program: the two readings match the same on
  // ASCII text unless a character of several bytes is repeated ("é?") or folds with an ASCII
  // letter (KELVIN SIGN, LONG S). The tree itself follows the UTF-8 reading.
  bool latin1_same = true;
};

// Reads `pattern`; false when it holds a construct that is not read (or is malformed).
bool read_syntax(std::string_view pattern, Syntax* out);

}  // namespace timeline::temporal_detail
