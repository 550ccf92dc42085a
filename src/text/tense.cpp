// Tense cues (see tense.hpp): a word list, no parser.
#include "text/tense.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/bytes.hpp"

namespace timeline {
namespace {

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

// A word's lists bit for a word of more than four letters ending in "ed".
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

// A word of at most kLongestKey bytes in lower case, as two 64-bit numbers: its bytes in memory
// order, then zeros. No byte of a word is zero, so equal keys are equal words, and no key of a
// word is all zeros.
struct Key {
  std::uint64_t lo = 0, hi = 0;
};
constexpr std::size_t kLongestKey = 16;
constexpr std::uint64_t kCaseBits = 0x2020202020202020ull;

std::uint64_t load8(const void* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// The first n bytes of the eight at p, the others zero: masked by a window into eight 0xFF
// bytes then eight zeros, which keeps the first n bytes in either byte order (n <= 8).
std::uint64_t first_bytes(std::uint64_t word, std::size_t n) {
  static const unsigned char kKeep[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  return word & load8(kKeep + 8 - n);
}

// The key of the n bytes at p (1 <= n <= kLongestKey), which may be read sixteen bytes on,
// with `set` or'ed into each byte.
Key key_of(const char* p, std::size_t n, std::uint64_t set) {
  if (n <= 8) return Key{first_bytes(load8(p) | set, n), 0};
  return Key{load8(p) | set, first_bytes(load8(p + 8) | set, n - 8)};
}

// The lists as one open-addressing table keyed by Key: a word is looked up once, when it is
// read, and gives all its lists' bits.
struct ListTable {
  static constexpr unsigned kSlotBits = 9;  // 512 slots, several times the words
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  struct Slot {
    Key key;  // all zeros: a free slot
    unsigned lists = 0;
  };
  std::vector<Slot> slots = std::vector<Slot>(kSlots);
  std::size_t longest = 0;
  // Bit filter_bit() of a word in a list: a word whose bit is clear is in none. Seven words in
  // ten of news text are turned away by it without a lookup.
  std::array<std::uint64_t, 256> filter{};

  // A bit of `filter` for the word of `size` bytes at w from its size, its first byte and its
  // last byte (five bits of each, the same for an ASCII letter in either case).
  static std::size_t filter_bit(const char* w, std::size_t size) {
    return (size & 15) << 10 | (static_cast<std::size_t>(w[0]) & 31) << 5 |
           (static_cast<std::size_t>(w[size - 1]) & 31);
  }
  bool may_hold(const char* w, std::size_t size) const {
    const std::size_t bit = filter_bit(w, size);
    return (filter[bit >> 6] >> (bit & 63) & 1) != 0;
  }

  static std::size_t slot_of(const Key& k) {
    return static_cast<std::size_t>(((k.lo ^ (k.hi * 0xC2B2AE3D27D4EB4Full)) *
                                     0x9E3779B97F4A7C15ull) >> (64 - kSlotBits));
  }

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

  // Adds `bit` to the lists of `w` (a word in lower case of 1 to kLongestKey bytes), making its
  // slot if needed.
  void add(std::string_view w, unsigned bit) {
    char buf[kLongestKey + 8] = {};
    std::memcpy(buf, w.data(), w.size());
    const Key k = key_of(buf, w.size(), 0);
    std::size_t i = slot_of(k);
    while (slots[i].key.lo != 0 && !(slots[i].key.lo == k.lo && slots[i].key.hi == k.hi))
      i = (i + 1) & (kSlots - 1);
    slots[i].key = k;
    slots[i].lists |= bit;
    const std::size_t f = filter_bit(w.data(), w.size());
    filter[f >> 6] |= std::uint64_t{1} << (f & 63);
    if (w.size() > longest) longest = w.size();
  }

  unsigned find(const Key& k) const {
    for (std::size_t i = slot_of(k);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots[i];
      if (s.key.lo == k.lo && s.key.hi == k.hi) return s.lists;
      if (s.key.lo == 0) return 0;
    }
  }
};

const ListTable& list_table() {
  static const ListTable table;
  return table;
}

// Sets bit k of bits[k / 64] for each byte t[k] that belongs to a word (a letter or an
// apostrophe, as word_bytes() says). Returns true when one of them is not ASCII (a letter of
// the current locale's): then words are lowered through word_bytes(), not by ASCII rules.
bool mark_word_bytes(std::string_view t, std::uint64_t* bits) {
  const std::array<char, 256>& bytes = word_bytes();
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t n = t.size();
  bool high = false;
  std::size_t i = 0;
#ifdef __SSE2__
  // A letter: (byte | 0x20) - 'a' below 26, unsigned (compared signed after adding 0x80, as
  // SSE2 has no unsigned byte compare); no byte of 0x80 or above passes that test.
  const __m128i case_bit = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i limit = _mm_set1_epi8(static_cast<char>(0x80 + 26)), apostrophe = _mm_set1_epi8('\'');
  // The word bytes of the sixteen at q, a bit each.
  const auto mark16 = [&](const unsigned char* q) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), shift), limit);
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, _mm_cmpeq_epi8(v, apostrophe))));
    for (unsigned h = static_cast<unsigned>(_mm_movemask_epi8(v)); h != 0; h &= h - 1) {
      const unsigned k = static_cast<unsigned>(__builtin_ctz(h));
      if (bytes[q[k]] != 0) {
        m |= 1u << k;
        high = true;
      }
    }
    return static_cast<std::uint64_t>(m);
  };
  // i steps by sixteen from 0, so the sixteen bits of a step lie in one number of bits.
  for (; i + 16 <= n; i += 16) bits[i / 64] |= mark16(p + i) << (i % 64);
  if (i < n) {  // the last bytes, copied where sixteen can be read (a zero is no word's)
    unsigned char tail[16] = {};
    std::memcpy(tail, p + i, n - i);
    bits[i / 64] |= mark16(tail) << (i % 64);
    i = n;
  }
#endif
  for (; i < n; ++i) {
    if (bytes[p[i]] == 0) continue;
    bits[i / 64] |= std::uint64_t{1} << (i % 64);
    high = high || p[i] >= 0x80;
  }
  return high;
}

// A word's lists bits before it is looked up.
constexpr unsigned kPending = 1u << 30;

// The lists of the word t[begin, end) (bits of List, and kEd), as `table` has them for the word
// in lower case, when a byte of a word of t is not ASCII: lowered as word_bytes() says.
unsigned look_up_high(const ListTable& table, std::string_view t, std::uint32_t begin,
                      std::uint32_t end) {
  const std::array<char, 256>& bytes = word_bytes();
  const char* p = t.data();
  const std::size_t size = end - begin;
  unsigned lists = 0;
  if (size <= table.longest) {
    char copy[kLongestKey + 16] = {};
    for (std::size_t j = 0; j < size; ++j) copy[j] = bytes[static_cast<unsigned char>(p[begin + j])];
    lists = table.find(key_of(copy, size, 0));
  }
  if (size > 4 && bytes[static_cast<unsigned char>(p[end - 2])] == 'e' &&
      bytes[static_cast<unsigned char>(p[end - 1])] == 'd')
    lists |= kEd;
  return lists;
}

// The words of a sentence, as TenseCues holds them: each looked up when first read.
struct Words {
  const std::uint32_t* edges = nullptr;
  unsigned* list_bits = nullptr;
  std::size_t n = 0;
  std::string_view text;
  bool high = false;  // a byte of a word is not ASCII
  const ListTable& table = list_table();
  std::size_t size() const { return n; }
  std::uint32_t begin(std::size_t k) const { return edges[2 * k]; }
  std::uint32_t end(std::size_t k) const { return edges[2 * k + 1]; }
  unsigned lists(std::size_t k) const {
    unsigned l = list_bits[k];
    if (l & kPending) {
      l = high ? look_up_high(table, text, begin(k), end(k)) : look_up(k);
      list_bits[k] = l;
    }
    return l;
  }

 private:
  // The lists of word k of an ASCII sentence, lowered by setting bit 5 (which ' has).
  unsigned look_up(std::size_t k) const {
    const char* p = text.data();
    const std::uint32_t b = begin(k), e = end(k);
    const std::size_t size = e - b;
    unsigned l = 0;
    if (size <= table.longest && table.may_hold(p + b, size)) {
      const char* w = p + b;
      char copy[kLongestKey + 16];
      if (b + 16 > text.size()) {  // copied where sixteen bytes can be read
        std::memset(copy, 0, sizeof copy);
        std::memcpy(copy, w, text.size() - b);
        w = copy;
      }
      l = table.find(key_of(w, size, kCaseBits));
    }
    if (size > 4 && (p[e - 1] | 0x20) == 'd' && (p[e - 2] | 0x20) == 'e') l |= kEd;
    return l;
  }
};

bool after_be(const Words& ws, std::size_t k) {
  return k > 0 && (ws.lists(k - 1) & kBe) != 0;
}

// The tense a word signals. `strong` is false for the weak cue of a regular -ed form.
inline Tense tense_of_word(const Words& ws, std::size_t k, bool* strong = nullptr) {
  if (strong) *strong = true;
  const unsigned lists = ws.lists(k);
  // Most words are in none of the lists below.
  constexpr unsigned kTelling =
      kFutureWord | kGoing | kIsAre | kPlanned | kPlan | kPastWord | kEd | kPresentWord;
  if ((lists & kTelling) == 0) return Tense::kUnknown;
  const auto next_is = [&](unsigned bits) {
    return k + 1 < ws.size() && (ws.lists(k + 1) & bits) != 0;
  };
  if (lists & kFutureWord) {
    // "had been due to expire Friday", "had planned": a plan told in the past perfect lies
    // before the narrative's time.
    if (k >= 1 && ((ws.lists(k - 1) & kHad) ||
                   (k >= 2 && (ws.lists(k - 1) & kBeen) && (ws.lists(k - 2) & kHad))))
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
    const bool be_before = k > 0 && (ws.lists(k - 1) & (kWasWere | kBe)) != 0;
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

void TenseCues::reset(std::string_view t) {
  const std::size_t n = t.size();
  // Bit n (just past the text) is in the last number and stays 0, so a word that runs to the
  // end of the text ends there.
  bits_.assign(n / 64 + 1, 0);

  const bool high = mark_word_bytes(t, bits_.data());
  if (capacity_ < n / 2 + 1) {  // a word takes a byte and another between it and the next
    capacity_ = n / 2 + 1;
    lists_.reset(new unsigned[capacity_]);
    edges_.reset(new std::uint32_t[2 * capacity_]);  // n + 1 places at most
  }
  // Words begin and end where a byte's bit differs from the one before it: the changes
  // alternate, a beginning then an end, and bit n (just past the text) ends the last word.
  // The words are looked up when a question reads them (Words::lists).
  std::uint32_t* edges = edges_.get();
  std::size_t edge_count = 0;
  std::uint64_t carry = 0;  // the bit of the byte before the current 64
  for (std::size_t c = 0; c < bits_.size(); ++c) {
    const std::uint64_t m = bits_[c];
    std::uint64_t changes = m ^ ((m << 1) | carry);
    carry = m >> 63;
    const auto base = static_cast<std::uint32_t>(c * 64);
    for (; changes != 0; changes &= changes - 1)
      edges[edge_count++] = base + static_cast<std::uint32_t>(__builtin_ctzll(changes));
  }
  const std::size_t count = edge_count / 2;
  std::fill(lists_.get(), lists_.get() + count, kPending);
  text_ = t;
  high_ = high;
  count_ = count;
}

Tense TenseCues::sentence_tense() const {
  const Words ws{edges_.get(), lists_.get(), count_, text_, high_};
  bool past = false, present = false;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const Tense t = tense_of_word(ws, k);
    // "is to" + verb points ahead only for the words near it: a sentence's clauses often
    // carry other times ("is to publish a book on the investors who forced him out in May").
    if (t == Tense::kFuture && (ws.lists(k) & kIsAre)) continue;
    if (t == Tense::kFuture) return Tense::kFuture;
    if (t == Tense::kPast) past = true;
    if (t == Tense::kPresent) present = true;
  }
  if (past) return Tense::kPast;
  if (present) return Tense::kPresent;
  return Tense::kUnknown;
}

Tense TenseCues::local_tense(std::size_t pos, std::size_t end, int window,
                             bool weak_anywhere) const {
  Tense same = Tense::kUnknown;
  return local_tense(pos, end, window, window, weak_anywhere, &same);
}

Tense TenseCues::local_tense(std::size_t pos, std::size_t end, int window, int wide_window,
                             bool weak_anywhere, Tense* wide) const {
  const Words ws{edges_.get(), lists_.get(), count_, text_, high_};
  // Index of the first word at or after pos, and of the first after the expression.
  std::size_t lo = 0, hi = ws.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (ws.end(mid) <= pos) lo = mid + 1;
    else hi = mid;
  }
  const std::size_t first = lo;
  std::size_t after = first;
  while (after < ws.size() && ws.begin(after) < end) ++after;
  // Only strong cues (auxiliaries, irregular past forms) count here; a weak -ed form is left
  // to the sentence's tense, which a future auxiliary elsewhere outranks.
  // The words before the expression first (its verb usually precedes it), then those after.
  // A weak form just before the expression counts: "announced Wednesday".
  // An expression that opens the sentence ("On Friday, officials said") is when the
  // reporting verb after it happened; elsewhere a reporting verb after it is not its tense.
  // Each side is searched for its nearest cue up to the wider window: a cue is one whatever the
  // window, so the answer for `window` is the nearest cue before within it, else the nearest
  // after within it, and for `wide_window` the same.
  *wide = Tense::kUnknown;
  const int widest = std::max(window, wide_window);
  bool strong = true;
  int before_d = 0;  // the distance of the nearest cue before, 0 for none
  Tense before = Tense::kUnknown;
  for (int d = 1; d <= widest && first >= static_cast<std::size_t>(d); ++d) {
    const Tense t = tense_of_word(ws, first - d, &strong);
    if (t != Tense::kUnknown && (strong || d == 1 || weak_anywhere)) {
      before_d = d;
      before = t;
      break;
    }
  }
  if (before_d != 0 && before_d <= window) {
    if (before_d <= wide_window) *wide = before;
    return before;
  }
  bool opening = first <= 3;
  for (std::size_t k = 0; k < first && opening; ++k) opening = (ws.lists(k) & kOpening) != 0;
  int after_d = 0;
  Tense later = Tense::kUnknown;
  for (int d = 1; d <= widest && after + d - 1 < ws.size(); ++d) {
    // "..., the company said": a reporting verb after the expression tells when it was said,
    // not when the expression lies.
    if ((ws.lists(after + d - 1) & kReporting) && !opening)
      break;
    // "On Friday, the government planned to pay": the planning, not the paying, is then.
    Tense t = Tense::kPast;
    if (!(ws.lists(after + d - 1) & kPlanned)) {
      t = tense_of_word(ws, after + d - 1, &strong);
      if (t == Tense::kUnknown || !(strong || weak_anywhere)) continue;
    }
    after_d = d;
    later = t;
    break;
  }
  if (before_d != 0 && before_d <= wide_window) *wide = before;
  else if (after_d != 0 && after_d <= wide_window) *wide = later;
  return after_d != 0 && after_d <= window ? later : Tense::kUnknown;
}

Tense sentence_tense(std::string_view text) { return TenseCues(text).sentence_tense(); }

Tense local_tense(std::string_view text, std::size_t pos, std::size_t end, int window,
                  bool weak_anywhere) {
  return TenseCues(text).local_tense(pos, end, window, weak_anywhere);
}

}  // namespace timeline
