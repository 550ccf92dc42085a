// segment(): splits news text into sentences by byte span (timeline/text.hpp).
//
// A sentence ends at '.', '!' or '?' (after any closing quotes and brackets) when white space and
// then a capital letter, a digit, an opening quote or the end of the text follow, unless the word
// before the full stop is an abbreviation of news text ("Jan.", "Mr.", "U.S.", "No. 5") or a
// single initial. A blank line always ends a sentence; a single line break ends one when the next
// line does not begin in lower case (headlines, datelines, one-sentence-per-line files).
// A "sentence" that runs past kMaxSentenceBytes without an end (a page of text with no full
// stop or line break) is cut at the next white space, so that the per-sentence work of later
// stages (tense cues around each timex, the roles around each trigger) stays bounded and a
// long one-line article takes time in proportion to its length, not to its square.
#include <timeline/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>

#include "common/bytes.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace timeline {
namespace {

// Far longer than any sentence of news text (the longest in TimeBank is under 1 KB).
constexpr std::size_t kMaxSentenceBytes = 4096;

// What each byte is to the scans below, asked in one load: white space, a letter of ASCII or a
// dot (word_before's bytes), or a byte of 0x80 and above (a letter or not as the locale says).
enum ByteClass : unsigned char { kOther = 0, kSpace = 1, kWordByte = 2, kHighByte = 4 };
constexpr std::array<unsigned char, 256> kClass = [] {
  std::array<unsigned char, 256> t{};
  for (const char c : {' ', '\t', '\r', '\n', '\f'}) t[static_cast<unsigned char>(c)] = kSpace;
  for (unsigned c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = kWordByte;
  t['.'] = kWordByte;
  for (unsigned c = 0x80; c < 256; ++c) t[c] = kHighByte;
  return t;
}();

bool is_space(char c) { return kClass[static_cast<unsigned char>(c)] == kSpace; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }


// A word of 1 to 6 bytes, none of them NUL, as a number (first byte highest): distinct words give
// distinct numbers, so a set of words is a sorted array of numbers.
std::uint64_t packed(std::string_view word) {
  std::uint64_t v = 0;
  for (const char c : word) v = v << 8 | static_cast<unsigned char>(c);
  return v;
}

// Abbreviations that do not end a sentence (compared in lower case, without the dot).
bool is_abbreviation(std::string_view word) {
  static const std::array<const char*, 48> kAbbrev = {
      "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
      "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "etc", "no", "nos", "vol",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mt", "ft", "rev", "adm", "cmdr", "pres", "supt", "approx", "dept", "est"};
  static const auto kPacked = [] {
    std::array<std::uint64_t, kAbbrev.size()> out{};
    for (std::size_t k = 0; k < kAbbrev.size(); ++k) out[k] = packed(kAbbrev[k]);
    std::sort(out.begin(), out.end());
    return out;
  }();
  constexpr std::size_t kLongest = 6;  // "approx"
  if (word.empty() || word.size() > kLongest) return false;
  char lower[kLongest];
  for (std::size_t k = 0; k < word.size(); ++k) lower[k] = lower_byte(static_cast<unsigned char>(word[k]));
  return std::binary_search(kPacked.begin(), kPacked.end(), packed({lower, word.size()}));
}

// The word that ends just before the full stop at `dot` (letters and inner dots: "U.S").
std::string_view word_before(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  for (; b > 0; --b) {  // a letter (alpha_byte) or a dot
    const auto c = static_cast<unsigned char>(text[b - 1]);
    const unsigned char k = kClass[c];
    if (k == kWordByte) continue;
    if (k != kHighByte || !alpha_byte(c)) break;
  }
  return text.substr(b, dot - b);
}

bool closes(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// True when UTF-8 closing quotes (” ’) start at i; sets *len.
bool closing_quote_utf8(std::string_view t, std::size_t i, std::size_t* len) {
  if (i + 2 < t.size() + 0 && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(t[i + 2]);
    if (c == 0x9D || c == 0x99) {
      *len = 3;
      return true;
    }
  }
  return false;
}

bool starts_sentence(std::string_view t, std::size_t i) {
  if (i >= t.size()) return true;
  const char c = t[i];
  if (is_upper(c) || std::isdigit(static_cast<unsigned char>(c))) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '`' || c == '[') return true;
  return static_cast<unsigned char>(c) >= 0x80;  // a non-ASCII letter or an opening quote
}

// End of a sentence-final punctuation run at `i` (a '.', '!' or '?'), or npos when the
// punctuation does not end the sentence.
std::size_t sentence_end_at(std::string_view t, std::size_t i) {
  std::size_t j = i + 1;
  while (j < t.size() && (t[j] == '.' || t[j] == '!' || t[j] == '?')) ++j;
  for (;;) {
    std::size_t len = 0;
    if (j < t.size() && closes(t[j])) {
      ++j;
    } else if (closing_quote_utf8(t, j, &len)) {
      j += len;
    } else {
      break;
    }
  }
  if (j < t.size() && !is_space(t[j])) return std::string_view::npos;
  std::size_t k = j;
  while (k < t.size() && is_space(t[k])) ++k;
  if (!starts_sentence(t, k)) return std::string_view::npos;
  if (t[i] == '.' && j == i + 1) {
    const std::string_view w = word_before(t, i);
    if (w.size() == 1 && is_upper(w[0])) return std::string_view::npos;  // an initial
    if (w.find('.') != std::string_view::npos) {  // "U.S." ends a sentence only before a new one
      if (k < t.size() && !is_upper(t[k])) return std::string_view::npos;
      if (k < t.size() && k + 1 < t.size() && is_upper(t[k]) && !is_lower(t[k + 1]))
        return std::string_view::npos;
      if (k < t.size() && (t.substr(k, 4) != "The " && t.substr(k, 3) != "He " &&
                           t.substr(k, 4) != "She " && t.substr(k, 3) != "It " &&
                           t.substr(k, 5) != "They " && t.substr(k, 3) != "In "))
        return std::string_view::npos;
    } else if (is_abbreviation(w)) {
      return std::string_view::npos;
    }
  }
  return j;
}

constexpr std::array<bool, 256> kStops = [] {
  std::array<bool, 256> t{};
  t['.'] = t['!'] = t['?'] = t['\n'] = true;
  return t;
}();

// The first '.', '!', '?' or '\n' of t[i, end), else `end`; sixteen bytes a step where SSE2 is.
std::size_t next_stop(std::string_view t, std::size_t i, std::size_t end) {
#ifdef __SSE2__
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?'), newline = _mm_set1_epi8('\n');
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang));
    const __m128i others = _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, newline));
    if (const int mask = _mm_movemask_epi8(_mm_or_si128(ends, others)))
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < end && !kStops[static_cast<unsigned char>(t[i])]) ++i;
  return i;
}

}  // namespace

std::vector<Sentence> segment(std::string_view text) {
  std::vector<Sentence> out;
  out.reserve(text.size() / 128 + 1);  // news sentences run 100 to 200 bytes
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    while (start < end && is_space(text[start])) ++start;
    std::size_t e = end;
    while (e > start && is_space(text[e - 1])) --e;
    if (e > start) {
      Sentence s;
      s.begin = static_cast<std::uint32_t>(start);
      s.end = static_cast<std::uint32_t>(e);
      out.push_back(s);
    }
    start = end;
  };
  // The loop body acts only on '.', '!', '?' and '\n' (next_stop), and on white space once a
  // sentence is kMaxSentenceBytes long: the bytes in between are skipped.
  static const auto kStopsOrSpace = [] {
    std::array<bool, 256> t = kStops;
    for (unsigned c = 0; c < 256; ++c) t[c] = t[c] || is_space(static_cast<char>(c));
    return t;
  }();
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t long_from = std::min(n, start + kMaxSentenceBytes);
    i = next_stop(text, i, long_from);
    if (i >= long_from)
      while (i < n && !kStopsOrSpace[static_cast<unsigned char>(text[i])]) ++i;
    if (i == n) break;
    const char c = text[i];
    if (i - start >= kMaxSentenceBytes && is_space(c)) {
      emit(i);
    } else if (c == '.' || c == '!' || c == '?') {
      const std::size_t end = sentence_end_at(text, i);
      if (end != std::string_view::npos) {
        emit(end);
        i = end - 1;
      } else {
        while (i + 1 < text.size() && (text[i + 1] == '.' || text[i + 1] == '!' ||
                                       text[i + 1] == '?'))
          ++i;
      }
    } else if (c == '\n') {
      // The white space after the break, and its last two line breaks (i itself if none).
      std::size_t k = i + 1, last_break = i, before_last = i;
      while (k < n && is_space(text[k])) {
        if (text[k] == '\n') {
          before_last = last_break;
          last_break = k;
        }
        ++k;
      }
      const bool blank = last_break != i;
      const bool next_line_opens = k < n && !is_lower(text[k]);
      if (blank || next_line_opens) emit(i);
      // The other line breaks of a blank line, taken here as the loop would take them one by
      // one, not found and looked past again: each but the last ends an empty sentence (only
      // white space lies between them), which moves `start` only; the last ends one when the
      // next line does not begin in lower case. (A run of kMaxSentenceBytes or more is left to
      // the loop, where a long sentence's cut may fall inside it.)
      if (blank && k - i < kMaxSentenceBytes) {
        start = next_line_opens ? last_break : before_last;
        i = last_break;
      }
    }
  }
  emit(text.size());
  return out;
}

}  // namespace timeline
