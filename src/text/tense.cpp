// Tense cues (see tense.hpp): a word list, no parser.
#include "text/tense.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/bytes.hpp"

namespace timeline {
namespace {

struct Word {
  std::uint32_t begin, end;  // the sentence is part of a document, whose offsets are 32-bit
  unsigned lists = 0;  // the word lists below it is in (bits of List), and its form (kEd)
};

constexpr std::uint32_t kHashStart = 2166136261u;
inline std::uint32_t hash_step(std::uint32_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 16777619u;  // FNV-1a
}
struct ListTable;
const ListTable& list_table();

// alpha_byte / lower_byte of every byte, asked once (other bytes than ASCII follow the locale
// current at the first call): 0 for a byte that is neither a letter nor an apostrophe, else the
// byte in lower case.
const std::array<char, 256>& word_bytes() {
  static const std::array<char, 256> table = [] {
    std::array<char, 256> t{};
    for (unsigned c = 0; c < 256; ++c) {
      const auto b = static_cast<unsigned char>(c);
      if (c == '\'') t[c] = '\'';
      else if (alpha_byte(b)) t[c] = lower_byte(b);
    }
    return t;
  }();
  return table;
}

// Word::lists bit for a word of more than four letters ending in "ed".
constexpr unsigned kEd = 1u << 31;

// Word lists, hashed once.
using WordSet = std::unordered_set<std::string_view>;

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
  static const WordSet set = {"will", "'ll", "shall", "won't", "tomorrow", "due", "scheduled",
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

// Words that may open a sentence before its time expression: "But on Friday, officials said".
const WordSet& opening_words() {
  static const WordSet set = {"in", "on", "at", "by", "during", "since", "from", "until", "and",
                              "but", "also", "then", "so", "yet", "earlier", "later", "again",
                              "as", "of", "early", "late", "meanwhile", "separately"};
  return set;
}

const WordSet& reporting_verbs() {
  static const WordSet set = {"said", "says", "say", "told", "reported", "added",
                                     "announced", "stated", "noted", "explained"};
  return set;
}

// The lists above by bit (ListTable below merges them).
// The last bits are single words the cues below ask about.
enum List : unsigned {
  kFalseEd = 1, kBe = 2, kFutureWord = 4, kPlan = 8, kPastWord = 16, kPresentWord = 32,
  kReporting = 64, kOpening = 128, kHad = 256, kBeen = 512, kGoing = 1024, kIsAre = 2048,
  kPlanned = 4096, kTo = 8192, kFor = 16384, kWasWere = 32768
};

// The lists as one open-addressing table keyed by the FNV-1a hash split() computes as it
// reads a word (no second pass over the word, no std::hash): a word is looked up once, when it
// is read, and gives all its lists' bits.
struct ListTable {
  static constexpr std::size_t kSlots = 1024;  // a power of two, several times the words
  struct Slot {
    std::string_view word;  // empty: a free slot
    std::uint32_t hash = 0;
    unsigned lists = 0;
  };
  std::vector<Slot> slots = std::vector<Slot>(kSlots);
  std::size_t longest = 0;

  ListTable() {
    const std::pair<const WordSet*, unsigned> lists[] = {
        {&false_ed_words(), kFalseEd}, {&be_auxiliaries(), kBe},
        {&future_words(), kFutureWord}, {&plan_verbs(), kPlan},
        {&past_words(), kPastWord},     {&present_words(), kPresentWord},
        {&reporting_verbs(), kReporting}, {&opening_words(), kOpening}};
    for (const auto& [set, bit] : lists)
      for (std::string_view w : *set) add(w, bit);
    const std::pair<std::string_view, unsigned> single[] = {
        {"had", kHad}, {"been", kBeen}, {"going", kGoing}, {"is", kIsAre}, {"are", kIsAre},
        {"planned", kPlanned}, {"to", kTo}, {"for", kFor}, {"was", kWasWere},
        {"were", kWasWere}};
    for (const auto& [w, bit] : single) add(w, bit);
  }

  // Adds `bit` to the lists of `w` (a word in lower case), making its slot if needed.
  void add(std::string_view w, unsigned bit) {
    std::uint32_t h = kHashStart;
    for (char c : w) h = hash_step(h, c);
    std::size_t i = h & (kSlots - 1);
    while (!slots[i].word.empty() && slots[i].word != w) i = (i + 1) & (kSlots - 1);
    slots[i].word = w;
    slots[i].hash = h;
    slots[i].lists |= bit;
    if (w.size() > longest) longest = w.size();
  }

  // The lists of the word p[0, n), which hashes to h once lowered through `bytes`.
  unsigned find(const unsigned char* p, std::size_t n, std::uint32_t h,
                const std::array<char, 256>& bytes) const {
    for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots[i];
      if (s.word.empty()) return 0;
      if (s.hash != h || s.word.size() != n) continue;
      std::size_t k = 0;
      while (k < n && bytes[p[k]] == s.word[k]) ++k;
      if (k == n) return s.lists;
    }
  }
};

const ListTable& list_table() {
  static const ListTable table;
  return table;
}

// The words of a sentence, in an array that only grows (a word takes a byte and another between
// it and the next, so a text of n bytes has at most n / 2 + 1).
struct Words {
  const Word* w = nullptr;
  std::size_t n = 0;
  std::size_t size() const { return n; }
  const Word& operator[](std::size_t k) const { return w[k]; }
};

// Splits `t` into words, written to *store from its start (grown as needed). A word is a run of
// letters and apostrophes; its lists are looked up by the hash of its lower-case form, made as
// it is read (no copy of the word). `t` must be followed by a byte that is not a word's and
// then one that is (the loops stop on them instead of counting bytes).
Words split(std::string_view t, std::vector<Word>* store) {
  if (store->size() < t.size() / 2 + 1) store->resize(t.size() / 2 + 1);
  Word* out = store->data();
  std::size_t count = 0;
  const ListTable& table = list_table();
  const std::array<char, 256>& bytes = word_bytes();
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  std::size_t i = 0;
  for (;;) {
    while (bytes[p[i]] == 0) ++i;
    if (i >= n) break;
    std::size_t j = i;
    std::uint32_t h = kHashStart;
    char l;
    while ((l = bytes[p[j]]) != 0) {
      h = hash_step(h, l);
      ++j;
    }
    unsigned lists = j - i <= table.longest ? table.find(p + i, j - i, h, bytes) : 0;
    if (j - i > 4 && bytes[p[j - 2]] == 'e' && bytes[p[j - 1]] == 'd') lists |= kEd;
    out[count++] = Word{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), lists};
    i = j;
  }
  return Words{out, count};
}

// The words of the last text asked about, per thread: the tagger asks about every expression
// of a sentence in turn, and the sentence is split once. Keyed on the text's bytes, so a new
// text with the same address is never mistaken for the old one.
Words words_of(std::string_view t) {
  struct Cache {
    std::string text;  // the text, then " a" (the two bytes split() stops on)
    std::size_t size = 0;
    std::vector<Word> store;
    Words words;
    bool valid = false;
  };
  thread_local Cache cache;
  if (!cache.valid || std::string_view(cache.text.data(), cache.size) != t) {
    cache.text.assign(t.data(), t.size());
    cache.text += " a";
    cache.size = t.size();
    cache.words = split(std::string_view(cache.text.data(), t.size()), &cache.store);
    cache.valid = true;
  }
  return cache.words;
}

bool after_be(Words ws, std::size_t k) {
  return k > 0 && (ws[k - 1].lists & kBe) != 0;
}

// The tense a word signals. `strong` is false for the weak cue of a regular -ed form.
Tense tense_of_word(Words ws, std::size_t k, bool* strong = nullptr) {
  if (strong) *strong = true;
  const unsigned lists = ws[k].lists;
  const auto next_is = [&](unsigned bits) {
    return k + 1 < ws.size() && (ws[k + 1].lists & bits) != 0;
  };
  if (lists & kFutureWord) {
    // "had been due to expire Friday", "had planned": a plan told in the past perfect lies
    // before the narrative's time.
    if (k >= 1 && ((ws[k - 1].lists & kHad) ||
                   (k >= 2 && (ws[k - 1].lists & kBeen) && (ws[k - 2].lists & kHad))))
      return Tense::kPast;
    return Tense::kFuture;
  }
  if ((lists & kGoing) && next_is(kTo)) return Tense::kFuture;
  // "is to resume trading Tuesday", "are to meet": an arrangement ahead.
  if ((lists & kIsAre) && k + 2 < ws.size() && next_is(kTo)) return Tense::kFuture;
  // "planned to leave", "was planned for March": a plan ahead; "the hastily planned trip"
  // tells nothing.
  if (lists & kPlanned) {
    const bool before_to = next_is(kTo | kFor);
    const bool be_before = k > 0 && (ws[k - 1].lists & (kWasWere | kBe)) != 0;
    return before_to || be_before ? Tense::kFuture : Tense::kUnknown;
  }
  if ((lists & kPlan) && next_is(kTo)) return Tense::kFuture;
  if (lists & kPastWord)
    return after_be(ws, k) ? Tense::kUnknown : Tense::kPast;
  if ((lists & kEd) && !(lists & kFalseEd)) {
    // A participle after "be", "been", "being", "has", "have" takes the auxiliary's tense.
    if (after_be(ws, k)) return Tense::kUnknown;
    if (strong) *strong = false;
    return Tense::kPast;
  }
  if (lists & kPresentWord)
    return Tense::kPresent;
  return Tense::kUnknown;
}

}  // namespace

Tense sentence_tense(std::string_view text) {
  const Words ws = words_of(text);  // shared with local_tense()
  bool past = false, present = false;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const Tense t = tense_of_word(ws, k);
    // "is to" + verb points ahead only for the words near it: a sentence's clauses often
    // carry other times ("is to publish a book on the investors who forced him out in May").
    if (t == Tense::kFuture && (ws[k].lists & kIsAre)) continue;
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
  const Words ws = words_of(text);
  // Index of the first word at or after pos, and of the first after the expression.
  const std::size_t first = static_cast<std::size_t>(
      std::partition_point(ws.w, ws.w + ws.n, [pos](const Word& w) { return w.end <= pos; }) -
      ws.w);
  std::size_t after = first;
  while (after < ws.size() && ws[after].begin < end) ++after;
  // Only strong cues (auxiliaries, irregular past forms) count here; a weak -ed form is left
  // to the sentence's tense, which a future auxiliary elsewhere outranks.
  // The words before the expression first (its verb usually precedes it), then those after.
  // A weak form just before the expression counts: "announced Wednesday".
  // An expression that opens the sentence ("On Friday, officials said") is when the
  // reporting verb after it happened; elsewhere a reporting verb after it is not its tense.
  bool opening = first <= 3;
  for (std::size_t k = 0; k < first && opening; ++k) opening = (ws[k].lists & kOpening) != 0;
  bool strong = true;
  for (int d = 1; d <= window && first >= static_cast<std::size_t>(d); ++d) {
    const Tense t = tense_of_word(ws, first - d, &strong);
    if (t != Tense::kUnknown && (strong || d == 1 || weak_anywhere)) return t;
  }
  for (int d = 1; d <= window && after + d - 1 < ws.size(); ++d) {
    // "..., the company said": a reporting verb after the expression tells when it was said,
    // not when the expression lies.
    if ((ws[after + d - 1].lists & kReporting) && !opening)
      break;
    // "On Friday, the government planned to pay": the planning, not the paying, is then.
    if (ws[after + d - 1].lists & kPlanned) return Tense::kPast;
    const Tense t = tense_of_word(ws, after + d - 1, &strong);
    if (t != Tense::kUnknown && (strong || weak_anywhere)) return t;
  }
  return Tense::kUnknown;
}

}  // namespace timeline
