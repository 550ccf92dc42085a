// Rule matching (see matcher.hpp).
#include "temporal/matcher.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <re2/set.h>

#include "common/bytes.hpp"
#include "temporal/template.hpp"

// The programs table linked into the program (the generated source of
// src/tools/automaton_gen.cpp defines both symbols); absent from one linked without it.
extern "C" {
extern const char timeline_rule_programs[] __attribute__((weak));
extern const char timeline_rule_programs_end[] __attribute__((weak));
}

namespace timeline::temporal_detail {
namespace {

// A letter or digit of ASCII (the same in every locale, and inline).
constexpr bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// True when the code point that ends just before `i` (or starts at `i`) is a letter or digit.
// Bytes >= 0x80 count as letters except the general punctuation block (U+2000..U+206F: dashes,
// quotes) and the no-break space.
bool word_char_before(std::string_view t, std::size_t i) {
  if (i == 0) return false;
  const unsigned char c = static_cast<unsigned char>(t[i - 1]);
  if (c < 0x80) return ascii_alnum(c);
  std::size_t s = i - 1;
  while (s > 0 && (static_cast<unsigned char>(t[s]) & 0xC0) == 0x80) --s;
  const unsigned char lead = static_cast<unsigned char>(t[s]);
  if (lead == 0xE2 && s + 1 < t.size() && static_cast<unsigned char>(t[s + 1]) == 0x80)
    return false;
  if (lead == 0xC2) return false;
  return true;
}

bool word_char_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return ascii_alnum(c);
  if (c == 0xE2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80)
    return false;
  if (c == 0xC2) return false;
  return true;
}

// What a byte is to find()'s scan for the places a match may start.
enum ByteKind : std::uint8_t { kWordByte, kSpace, kSign, kFollowing, kLead };

constexpr std::array<std::uint8_t, 256> byte_kinds() {
  std::array<std::uint8_t, 256> k{};
  for (unsigned c = 0; c < 256; ++c) {
    if (c >= 0x80) k[c] = (c & 0xC0) == 0x80 ? kFollowing : kLead;
    else if (ascii_alnum(static_cast<unsigned char>(c))) k[c] = kWordByte;
    else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') k[c] = kSpace;
    else k[c] = kSign;
  }
  return k;
}
constexpr std::array<std::uint8_t, 256> kByteKind = byte_kinds();

// Calls f(p) at each place of text[begin, end) where a word or a sign starts: not inside a word,
// not on a space, not on a UTF-8 continuation byte. `in_word`: the character before `begin` is
// a letter or digit.
template <typename F>
void for_each_place(std::string_view text, std::uint32_t begin, std::uint32_t end, bool in_word,
                    const F& f) {
  for (std::uint32_t p = begin; p < end; ++p) {
    const unsigned char c = static_cast<unsigned char>(text[p]);
    switch (kByteKind[c]) {
      case kWordByte:
        if (in_word) continue;
        in_word = true;
        break;
      case kSpace:
        in_word = false;
        continue;
      case kSign:
        in_word = false;
        break;
      case kFollowing:
        continue;  // the character's lead byte has been seen
      default: {  // the lead byte of a character of several bytes
        const bool word = word_char_at(text, p);
        const bool inside = word && in_word;
        in_word = word;
        if (inside) continue;
      }
    }
    f(p);
  }
}

// The same for text of ASCII only, sixteen bytes a step: a place is a byte that is not a space
// and not a letter or digit after a letter or digit.
template <typename F>
void for_each_place_ascii(std::string_view text, std::uint32_t begin, std::uint32_t end,
                          bool in_word, const F& f) {
  std::uint32_t p = begin;
#ifdef __SSE2__
  const auto* b = reinterpret_cast<const __m128i*>(text.data());
  const __m128i below_a = _mm_set1_epi8('a' - 1), above_z = _mm_set1_epi8('z' + 1);
  const __m128i below_0 = _mm_set1_epi8('0' - 1), above_9 = _mm_set1_epi8('9' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  std::uint32_t carry = in_word ? 1 : 0;  // the byte before the block is a letter or digit
  for (; p + 16 <= end; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(
        reinterpret_cast<const char*>(b) + p));
    const __m128i lower = _mm_or_si128(v, case_bit);
    const __m128i alpha =
        _mm_and_si128(_mm_cmpgt_epi8(lower, below_a), _mm_cmplt_epi8(lower, above_z));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below_0), _mm_cmplt_epi8(v, above_9));
    const __m128i space = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    const auto word = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
    const auto blank = static_cast<std::uint32_t>(_mm_movemask_epi8(space));
    const std::uint32_t after_word = (word << 1) | carry;
    std::uint32_t places = ~blank & ~(word & after_word) & 0xFFFF;
    carry = word >> 15;
    for (; places != 0; places &= places - 1) f(p + static_cast<std::uint32_t>(__builtin_ctz(places)));
  }
  in_word = carry != 0;
#endif
  for_each_place(text.substr(0, end), p, end, in_word, f);
}

// Sorts the numbers `v` by `less`, keeping the order of equals: a sentence has a few candidates,
// put in order by an insertion sort (no buffer, no call); many go to std::stable_sort.
template <typename Less>
void sort_few(std::vector<std::uint32_t>* v, const Less& less) {
  constexpr std::size_t kFew = 16;
  if (v->size() > kFew) {
    std::stable_sort(v->begin(), v->end(), less);
    return;
  }
  std::uint32_t* const a = v->data();
  for (std::size_t k = 1; k < v->size(); ++k) {
    const std::uint32_t x = a[k];
    std::size_t j = k;
    for (; j > 0 && less(x, a[j - 1]); --j) a[j] = a[j - 1];
    a[j] = x;
  }
}

// The programs table (write_programs): a header, each rule's entry offset (count + 1, from the
// start of the entries), then the entries: a flags byte (kRead, kLatin1Same, kHasProgram) and
// the program's bytes (RuleProgram::write).
constexpr char kProgramsMagic[8] = {'T', 'L', 'P', 'R', 'O', 'G', '0', '1'};
struct ProgramsHeader {
  char magic[8];
  std::uint64_t fingerprint;
  std::uint32_t count, reserved;
};
static_assert(sizeof(ProgramsHeader) == 24, "the programs table's header is 24 bytes");
enum ProgramFlags : std::uint8_t { kRead = 1, kLatin1Same = 2, kHasProgram = 4 };

// The linked programs table if it was made for `count` rules of this fingerprint, else empty.
std::string_view linked_programs(std::uint64_t fingerprint, std::size_t count) {
  const char* begin = timeline_rule_programs;
  const char* end = timeline_rule_programs_end;
  if (begin == nullptr || end == nullptr || end < begin) return {};
  const std::string_view table(begin, static_cast<std::size_t>(end - begin));
  ProgramsHeader h;
  if (table.size() < sizeof h) return {};
  std::memcpy(&h, table.data(), sizeof h);
  const std::size_t offsets = (std::size_t{h.count} + 1) * sizeof(std::uint32_t);
  if (std::memcmp(h.magic, kProgramsMagic, sizeof h.magic) != 0 || h.fingerprint != fingerprint ||
      h.count != count || table.size() < sizeof h + offsets)
    return {};
  return table;
}

}  // namespace

std::string Matcher::write_programs(const RuleSet& rules) {
  std::vector<std::string_view> patterns;
  for (const Rule& r : rules.rules) patterns.push_back(r.pattern);
  ProgramsHeader h{};
  std::memcpy(h.magic, kProgramsMagic, sizeof h.magic);
  h.fingerprint = RuleAutomaton::fingerprint(patterns);
  h.count = static_cast<std::uint32_t>(rules.rules.size());
  std::string entries;
  std::vector<std::uint32_t> offsets{0};
  for (const Rule& r : rules.rules) {
    Syntax syntax;
    std::uint8_t flags = 0;
    std::unique_ptr<RuleProgram> program;
    if (read_syntax(r.pattern, &syntax)) {
      flags |= kRead;
      if (syntax.latin1_same) flags |= kLatin1Same;
      program = RuleProgram::compile(syntax);
      if (program) flags |= kHasProgram;
    }
    entries.push_back(static_cast<char>(flags));
    if (program) program->write(&entries);
    offsets.push_back(static_cast<std::uint32_t>(entries.size()));
  }
  std::string out(reinterpret_cast<const char*>(&h), sizeof h);
  for (std::uint32_t o : offsets) out.append(reinterpret_cast<const char*>(&o), sizeof o);
  return out + entries;
}

std::string_view Matcher::program_entry(std::size_t id) const {
  if (programs_.empty()) return {};
  const std::size_t count = info_.size();
  const char* offsets = programs_.data() + sizeof(ProgramsHeader);
  std::uint32_t from, to;
  std::memcpy(&from, offsets + id * sizeof from, sizeof from);
  std::memcpy(&to, offsets + (id + 1) * sizeof to, sizeof to);
  const std::size_t base = sizeof(ProgramsHeader) + (count + 1) * sizeof(std::uint32_t);
  if (from >= to || base + to > programs_.size()) return {};
  return programs_.substr(base + from, to - from);
}

std::unique_ptr<Matcher> Matcher::create(RuleSet rules, Error* error) {
  auto m = std::unique_ptr<Matcher>(new Matcher());
  m->rules_ = std::move(rules);
  // The syntax of a user's patterns is checked here, by RE2's parser, so that a bad rule is
  // reported when the tagger is made (the built-in ones are checked by the test suite). Each
  // rule's syntax tree feeds the automaton and the rule's program; its RE2 is compiled on first
  // use, if ever (a sentence with characters beyond ASCII, a program that gives up).
  RE2::Set syntax(rule_options(), RE2::ANCHOR_START);
  // With the automaton made ahead of time for these rules, a pattern is read only when its
  // program is first needed (most never are).
  std::vector<std::string_view> patterns;
  for (const Rule& r : m->rules_.rules) patterns.push_back(r.pattern);
  const bool prebuilt = m->automaton_.take_prebuilt(patterns);
  if (prebuilt)
    m->programs_ = linked_programs(m->automaton_.patterns_fingerprint(), patterns.size());
  for (const Rule& r : m->rules_.rules) {
    std::string message;
    if (!r.builtin && syntax.Add(r.pattern, &message) < 0) {
      error->file = r.file;
      error->line = r.line;
      error->message = "bad pattern: " + message;
      return nullptr;
    }
    RuleInfo info;
    bool read = false;
    if (!prebuilt) {
      info.syntax = std::make_unique<Syntax>();
      read = read_syntax(r.pattern, info.syntax.get());
      m->automaton_.add(r.pattern, read ? info.syntax.get() : nullptr);
      if (!read) info.syntax.reset();
    }
    // A pattern that could not be read has no program; one not read yet is read on first use.
    info.compiled = std::make_unique<std::atomic<bool>>(!prebuilt && !read);
    info.ngroups = static_cast<int>(r.groups.size());
    for (std::size_t g = 0; g < r.groups.size(); ++g)
      if (r.groups[g] == "tx") info.tx_group = static_cast<int>(g) + 1;
    for (const std::string* t : {&r.type, &r.value, &r.mod, &r.quant, &r.freq,
                                 &r.value_after_quarter})
      info.templates.emplace_back(*t, r.groups, m->rules_.lexicon);
    m->info_.push_back(std::move(info));
  }
  if (!prebuilt) m->automaton_.finish();
  return m;
}

void Matcher::compile_program(std::size_t id) const {
  const std::lock_guard<std::mutex> lock(compile_locks_[id % kCompileLocks]);
  const RuleInfo& info = info_[id];
  if (info.compiled->load(std::memory_order_relaxed)) return;  // another thread did it
  // The only writes to a RuleInfo after create(), under the lock and before `compiled` is set;
  // readers look at `program` and `latin1_same` only after seeing `compiled`.
  // Made ahead of time: the program as the build compiled it (the same bytes; tests check).
  const std::string_view entry = program_entry(id);
  if (!entry.empty()) {
    const auto flags = static_cast<std::uint8_t>(entry[0]);
    info.latin1_same = (flags & kLatin1Same) != 0;
    if (flags & kHasProgram) info.program = RuleProgram::read(entry.substr(1));
    if (info.program || !(flags & kHasProgram)) {
      if (info.program && info.program->groups() != info.ngroups) info.program.reset();
      info.compiled->store(true, std::memory_order_release);
      return;
    }
  }
  if (!info.syntax) {  // not read when the matcher was made
    info.syntax = std::make_unique<Syntax>();
    if (!read_syntax(rules_.rules[id].pattern, info.syntax.get())) info.syntax.reset();
  }
  if (!info.syntax) {
    info.compiled->store(true, std::memory_order_release);
    return;
  }
  info.latin1_same = info.syntax->latin1_same;
  info.program = RuleProgram::compile(*info.syntax);
  // A program whose groups disagree with RE2's numbering (a pattern RE2 reads otherwise) is
  // not used.
  if (info.program && info.program->groups() != info.ngroups) info.program.reset();
  info.syntax.reset();
  info.compiled->store(true, std::memory_order_release);
}

void Matcher::scan_sentence(const RuleAutomaton::Walker& walker, std::string_view text,
                            std::uint32_t begin, std::uint32_t end, Scan* out) const {
  // A match starts where a word or a sign starts: not inside a word, not on a space, not on a
  // UTF-8 continuation byte. `in_word`: the character before p is a letter or digit. Each place
  // goes straight to the walker (Walker::starts), which keeps those where a walk goes on.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const bool in_word = word_char_before(text, begin);
  const bool ascii = all_ascii(text.substr(begin, end - begin));
  if (ascii) {
    walker.starts(bytes, end,
                  [&](const auto& f) { for_each_place_ascii(text, begin, end, in_word, f); },
                  &out->places);
  } else {
    walker.starts(bytes, end,
                  [&](const auto& f) { for_each_place(text, begin, end, in_word, f); },
                  &out->places);
  }
  out->ascii.push_back(ascii);
}

void Matcher::scan(std::string_view text, const std::vector<Sentence>& sentences,
                   Scan* out) const {
  out->places.clear();
  out->first.clear();
  out->ascii.clear();
  const RuleAutomaton::Walker walker(automaton_);
  for (const Sentence& s : sentences) {
    out->first.push_back(static_cast<std::uint32_t>(out->places.size()));
    if (s.end <= text.size() && s.begin < s.end) scan_sentence(walker, text, s.begin, s.end, out);
    else out->ascii.push_back(0);
  }
  out->first.push_back(static_cast<std::uint32_t>(out->places.size()));
}

std::vector<Match> Matcher::find(std::string_view text, std::uint32_t begin,
                                 std::uint32_t end) const {
  thread_local Scan one;
  one.places.clear();
  one.first.assign(1, 0);
  one.ascii.clear();
  scan_sentence(RuleAutomaton::Walker(automaton_), text, begin, end, &one);
  one.first.push_back(static_cast<std::uint32_t>(one.places.size()));
  return find(text, begin, end, one, 0);
}

std::vector<Match> Matcher::find(std::string_view text, std::uint32_t /*begin*/, std::uint32_t end,
                                 const Scan& scan, std::size_t i) const {
  const std::string_view sentence = text.substr(0, end);
  // Working buffers, kept per thread across sentences (most sentences would otherwise allocate
  // the same few vectors anew).
  // Per rule, where its next match may start (see `next` below), valid in the call that set it.
  struct Next {
    std::uint64_t call = 0;
    std::uint32_t at = 0;
  };
  thread_local struct {
    std::vector<Match> cands;
    std::vector<int> ids;
    std::vector<re2::StringPiece> subs;
    std::vector<std::int32_t> spans;  // the match and its groups: begin, end offsets, or -1
    std::vector<Next> next;
    std::uint64_t calls = 0;
    std::vector<std::uint32_t> order, picked;
    std::vector<std::uint32_t> limits;  // [k]: no match of rule ids[k] ends after it
    RuleProgram::Scratch program;
  } work;
  std::vector<Match>& cands = work.cands;
  std::vector<int>& ids = work.ids;
  std::vector<re2::StringPiece>& subs = work.subs;
  std::vector<std::int32_t>& spans = work.spans;
  std::vector<std::uint32_t>& limits = work.limits;
  RuleProgram::Scratch& scratch = work.program;
  cands.clear();
  // Per rule, where its next match may start: after its last match in this sentence, as a
  // left-to-right search would continue. An entry counts only in the call that wrote it (the
  // call's number), so nothing is cleared between sentences; the table is the thread's, for
  // whatever matcher it runs.
  std::vector<Next>& next = work.next;
  if (next.size() < rules_.rules.size()) next.resize(rules_.rules.size());
  const std::uint64_t call = ++work.calls;
  RuleAutomaton::Walker walker(automaton_);
  const bool ascii = scan.ascii[i] != 0;  // rule programs serve
  // The rules that may match at p, from where the walker's inline start stopped (state s at
  // text[q]), each tried by its program or RE2. Out of line: at most places the inline start
  // settles that no rule matches, and the loop over places stays small.
  const auto try_place = [&](std::uint32_t p, std::size_t q, std::int16_t s)
                             __attribute__((noinline)) {
    walker.candidates_from(text, p, q, s, end, &ids, &limits);
    for (std::size_t k = 0; k < ids.size(); ++k) {
      const int id = ids[k];
      if (next[id].call == call && p < next[id].at) continue;
      const Rule& rule = rules_.rules[id];
      const RuleInfo& info = info_[id];
      RuleProgram::Result found = RuleProgram::kGaveUp;
      const RuleProgram* program = ascii ? this->program(static_cast<std::size_t>(id)) : nullptr;
      if (program) found = program->match(sentence, p, end, &scratch, &spans, limits[k]);
      if (found == RuleProgram::kNoMatch) continue;
      if (found == RuleProgram::kGaveUp) {
        // RE2: its Latin-1 program on ASCII text where that reads the pattern the same (it
        // compiles and runs faster), else the UTF-8 one.
        const int n = info.ngroups + 1;
        subs.assign(n, re2::StringPiece());
        const RE2& regex = ascii && info.latin1_same ? rule.ascii_regex() : rule.regex();
        if (!regex.Match(sentence, p, end, RE2::ANCHOR_START, subs.data(), n)) continue;
        spans.assign(2 * static_cast<std::size_t>(n), -1);
        for (int g = 0; g < n; ++g) {
          if (!subs[g].data()) continue;
          spans[2 * g] = static_cast<std::int32_t>(subs[g].data() - text.data());
          spans[2 * g + 1] = static_cast<std::int32_t>(spans[2 * g] + subs[g].size());
        }
      }
      // A group named "tx" narrows the timex to part of the match; the rest is context.
      const int whole = info.tx_group >= 0 && spans[2 * info.tx_group] >= 0 ? info.tx_group : 0;
      const std::size_t b = static_cast<std::size_t>(spans[2 * whole]);
      const std::size_t e = static_cast<std::size_t>(spans[2 * whole + 1]);
      const std::size_t match_end = static_cast<std::size_t>(spans[1]);
      if (e == b || word_char_before(text, b) || word_char_at(text, e)) continue;
      // Made in its place among the candidates (a Match is six strings: no move), and taken
      // back when a template fails. The candidates' room may have gone out with the last
      // sentence's matches (below): room for a few again (four Matches stay within the
      // allocator's per-thread cache of small blocks; eight do not).
      if (cands.capacity() == 0) cands.reserve(4);
      Match& m = cands.emplace_back();
      m.begin = static_cast<std::uint32_t>(b);
      m.end = static_cast<std::uint32_t>(e);
      m.rule = &rule;
      const std::int32_t* at = spans.data();
      const std::vector<Template>& t = info.templates;
      if (t[0].expand(text, at, &m.type) && t[1].expand(text, at, &m.value) &&
          t[2].expand(text, at, &m.mod) && t[3].expand(text, at, &m.quant) &&
          t[4].expand(text, at, &m.freq) && t[5].expand(text, at, &m.value_after_quarter))
        next[id] = {call, static_cast<std::uint32_t>(match_end)};
      else
        cands.pop_back();
    }
  };
  for (std::uint32_t k = scan.first[i]; k < scan.first[i + 1]; ++k) {
    const Scan::Place& at = scan.places[k];
    try_place(at.p, at.q, at.s);
  }
  if (cands.empty()) return {};
  // Longest first, then higher priority, then leftmost; sorted by number (a Match is large).
  std::vector<std::uint32_t>& order = work.order;
  order.resize(cands.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  const auto before = [&](std::uint32_t x, std::uint32_t y) {
    const Match& a = cands[x];
    const Match& b = cands[y];
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
    return a.begin < b.begin;
  };
  sort_few(&order, before);
  // The winners by number (no overlap between them), then moved out in text order: sorting
  // numbers, not Matches.
  std::vector<std::uint32_t>& picked = work.picked;
  picked.clear();
  for (std::uint32_t k : order) {
    const Match& c = cands[k];
    bool overlaps = false;
    for (std::uint32_t j : picked)
      if (c.begin < cands[j].end && cands[j].begin < c.end) overlaps = true;
    if (!overlaps) picked.push_back(k);
  }
  // Non-overlapping spans that are not empty have distinct beginnings: the order is total.
  sort_few(&picked,
           [&](std::uint32_t x, std::uint32_t y) { return cands[x].begin < cands[y].begin; });
  // Most often every candidate wins, in the order found, and none blocks: the candidates are
  // the matches, handed over whole (no Match moved); the next sentence's get new room.
  bool all = picked.size() == cands.size();
  for (std::size_t k = 0; all && k < picked.size(); ++k)
    all = picked[k] == k && std::string_view(cands[k].type) != "NONE";
  std::vector<Match> chosen;
  if (all) {
    chosen.swap(cands);
    return chosen;
  }
  chosen.reserve(picked.size());  // one allocation, not a few moves of growth
  for (std::uint32_t k : picked)
    if (std::string_view(cands[k].type) != "NONE") chosen.push_back(std::move(cands[k]));
  return chosen;
}

}  // namespace timeline::temporal_detail
