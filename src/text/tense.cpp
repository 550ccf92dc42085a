// Tense cues (see tense.hpp): a word list, no parser.
#include "text/tense.hpp"

#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace timeline {
namespace {

struct Word {
  std::size_t begin, end;
  std::string lower;
};

std::vector<Word> words_of(std::string_view t) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::isalpha(c) || c == '\'') {
      std::size_t j = i;
      std::string w;
      while (j < t.size() && (std::isalpha(static_cast<unsigned char>(t[j])) || t[j] == '\'')) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(t[j])));
        ++j;
      }
      out.push_back({i, j, w});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// Word lists, hashed once.
using WordSet = std::unordered_set<std::string_view>;

bool in(const std::string& w, const WordSet& set) { return set.count(w) > 0; }

const WordSet& false_ed_words() {
  static const WordSet set = {"need", "speed", "feed", "seed", "bed", "red", "shed", "indeed", "hundred",
                "embed", "proceed", "succeed", "exceed", "breed", "weed", "greed", "creed",
                "bleed", "wed", "led", "fled", "ted", "ned", "united", "limited"};
  return set;
}

const WordSet& be_auxiliaries() {
  static const WordSet set = {"be", "been", "being", "has", "have", "is", "are", "am",
                                       "get", "gets", "stay", "stays", "remain", "remains"};
  return set;
}

const WordSet& future_words() {
  static const WordSet set = {"will", "'ll", "shall", "won't", "tomorrow", "due", "scheduled", "planned",
             "planning", "intends", "intend", "hopes", "upcoming", "payable"};
  return set;
}

const WordSet& plan_verbs() {
  static const WordSet set = {"plans", "plan", "expects", "expected", "scheduled", "due", "set"};
  return set;
}

const WordSet& past_words() {
  static const WordSet set = {"said", "was", "were", "had", "did", "told", "announced", "reported", "began",
             "came", "went", "took", "made", "gave", "found", "became", "left", "met",
             "held", "ago", "yesterday", "wrote", "sent", "got", "saw", "knew", "thought",
             "brought", "won", "lost", "fell", "rose", "paid", "sold", "bought", "ran",
             "spoke", "hit", "cut", "put", "kept", "shut", "wasn't", "weren't", "didn't",
             "spread", "grew", "fought", "struck", "stood", "chose", "drove", "flew"};
  return set;
}

const WordSet& present_words() {
  static const WordSet set = {"is", "are", "am", "says", "has", "have", "does", "do", "isn't", "aren't",
             "now", "today", "currently"};
  return set;
}

const WordSet& reporting_verbs() {
  static const WordSet set = {"said", "says", "say", "told", "reported", "added",
                                     "announced", "stated", "noted", "explained"};
  return set;
}

// Words whose -ed ending is not a past tense.
bool false_ed(const std::string& w) {
  return in(w, false_ed_words());
}

bool after_be(const std::vector<Word>& ws, std::size_t k) {
  return k > 0 && in(ws[k - 1].lower, be_auxiliaries());
}

// The tense a word signals. `strong` is false for the weak cue of a regular -ed form.
Tense tense_of_word(const std::vector<Word>& ws, std::size_t k, bool* strong = nullptr) {
  const std::string& w = ws[k].lower;
  if (strong) *strong = true;
  if (in(w, future_words()))
    return Tense::kFuture;
  if (w == "going" && k + 1 < ws.size() && ws[k + 1].lower == "to") return Tense::kFuture;
  if (in(w, plan_verbs()) &&
      k + 1 < ws.size() && ws[k + 1].lower == "to")
    return Tense::kFuture;
  if (in(w, past_words()))
    return after_be(ws, k) ? Tense::kUnknown : Tense::kPast;
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !false_ed(w)) {
    // A participle after "be", "been", "being", "has", "have" takes the auxiliary's tense.
    if (after_be(ws, k)) return Tense::kUnknown;
    if (strong) *strong = false;
    return Tense::kPast;
  }
  if (in(w, present_words()))
    return Tense::kPresent;
  return Tense::kUnknown;
}

}  // namespace

Tense sentence_tense(std::string_view text) {
  const std::vector<Word> ws = words_of(text);
  bool past = false, present = false;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const Tense t = tense_of_word(ws, k);
    if (t == Tense::kFuture) return Tense::kFuture;
    if (t == Tense::kPast) past = true;
    if (t == Tense::kPresent) present = true;
  }
  if (past) return Tense::kPast;
  if (present) return Tense::kPresent;
  return Tense::kUnknown;
}

Tense local_tense(std::string_view text, std::size_t pos, std::size_t end, int window,
                  bool weak_anywhere) {
  const std::vector<Word> ws = words_of(text);
  // Index of the first word at or after pos.
  std::size_t first = 0;
  while (first < ws.size() && ws[first].end <= pos) ++first;
  std::size_t after = first;
  while (after < ws.size() && ws[after].begin < end) ++after;
  // Only strong cues (auxiliaries, irregular past forms) count here; a weak -ed form is left
  // to the sentence's tense, which a future auxiliary elsewhere outranks.
  // The words before the expression first (its verb usually precedes it), then those after.
  // A weak form just before the expression counts: "announced Wednesday".
  bool strong = true;
  for (int d = 1; d <= window && first >= static_cast<std::size_t>(d); ++d) {
    const Tense t = tense_of_word(ws, first - d, &strong);
    if (t != Tense::kUnknown && (strong || d == 1 || weak_anywhere)) return t;
  }
  for (int d = 1; d <= window && after + d - 1 < ws.size(); ++d) {
    // "..., the company said": a reporting verb after the expression tells when it was said,
    // not when the expression lies.
    if (in(ws[after + d - 1].lower, reporting_verbs()))
      break;
    const Tense t = tense_of_word(ws, after + d - 1, &strong);
    if (t != Tense::kUnknown && (strong || weak_anywhere)) return t;
  }
  return Tense::kUnknown;
}

}  // namespace timeline
