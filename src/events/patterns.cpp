// Entity patterns compiled for Latin-1 and, when needed, UTF-8 (see patterns.hpp).
#include "events/patterns.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <unordered_map>

#include <timeline/document.hpp>

#include "common/bytes.hpp"
#include "events/tokens.hpp"

namespace timeline::events {
namespace {

// FilteredRE2's shortest atom: shorter literals are too common to filter with.
constexpr int kMinAtomLength = 3;

// A pattern that matches nothing: holds the place of one that UTF-8 could not compile when it
// was first needed (RE2 refuses some patterns for size in UTF-8 only), so that ids stay aligned.
constexpr const char kNever[] = "[^\\x00-\\x{10FFFF}]";

// Whether every byte of `text` beyond ASCII belongs to one of the marks ‘ ’ “ ” – — … (E2 80
// 98, 99, 9C, 9D, 93, 94, A6), the no-break space or « » (C2 A0, AB, BB): punctuation and space,
// none of them a letter or a digit, none folding to one.
bool typographic_only(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
    } else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
               (p[i + 2] == 0x98 || p[i + 2] == 0x99 || p[i + 2] == 0x9C || p[i + 2] == 0x9D ||
                p[i + 2] == 0x93 || p[i + 2] == 0x94 || p[i + 2] == 0xA6)) {
      i += 3;
    } else if (p[i] == 0xC2 && i + 1 < n && (p[i + 1] == 0xA0 || p[i + 1] == 0xAB || p[i + 1] == 0xBB)) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

RE2::Options options(bool latin1) {
  RE2::Options opt(RE2::Quiet);
  if (latin1) opt.set_encoding(RE2::Options::EncodingLatin1);
  return opt;
}

}  // namespace

namespace {

// ASCII lower case of each byte, 0 for the bytes no atom holds (NUL and beyond ASCII).
struct AtomBytes {
  unsigned char low[256] = {};
  constexpr AtomBytes() {
    for (int c = 1; c < 128; ++c) low[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
};
constexpr AtomBytes kAtomBytes;

// The slot of a head in AtomFinder::bits_ (a multiplicative hash to 16 bits).
constexpr int kHeadBits = 16;
inline std::uint32_t head_slot(std::uint32_t head) {
  return (head * 0x9E3779B1u) >> (32 - kHeadBits);
}

}  // namespace

bool EntityPatterns::AtomFinder::build(const std::vector<std::string>& atoms) {
  atoms_ = atoms;
  heads_.clear();
  lists_.clear();
  bits_.assign((std::size_t{1} << kHeadBits) / 64, 0);
  grams_.assign(128 * 128, 0);
  key_len_ = 4;
  for (const std::string& a : atoms) {
    if (a.size() < 2 || !all_ascii(a) || a.find('\0') != std::string::npos) return false;
    key_len_ = std::min(key_len_, a.size());
  }
  stride_ = std::max<std::size_t>(1, key_len_ - 1);
  std::vector<std::pair<std::uint32_t, int>> by_head;
  for (std::size_t k = 0; k < atoms.size(); ++k) {
    const auto* a = reinterpret_cast<const unsigned char*>(atoms[k].data());
    std::uint32_t head = 0;
    for (std::size_t j = 0; j < key_len_; ++j) head = (head << 7) | a[j];
    by_head.emplace_back(head, static_cast<int>(k));
    for (std::size_t j = 0; j + 1 < key_len_; ++j)
      grams_[a[j] * 128u + a[j + 1]] = static_cast<std::uint8_t>(grams_[a[j] * 128u + a[j + 1]] | 1u << j);
  }
  // The raw bytes whose lower case is x: x itself (unless it is a capital, which no lower case
  // is) and the capital of a small letter.
  raw_grams_.assign(256 * 256, 0);
  auto raws = [](unsigned x, unsigned* out) {
    unsigned n = 0;
    if (kAtomBytes.low[x] == x) out[n++] = x;
    if (x >= 'a' && x <= 'z') out[n++] = x - 'a' + 'A';
    return n;
  };
  for (unsigned x = 1; x < 128; ++x) {
    for (unsigned y = 1; y < 128; ++y) {
      const std::uint8_t g = grams_[x * 128u + y];
      if (g == 0) continue;
      unsigned xs[2], ys[2];
      const unsigned nx = raws(x, xs), ny = raws(y, ys);
      for (unsigned i = 0; i < nx; ++i)
        for (unsigned j = 0; j < ny; ++j) raw_grams_[xs[i] * 256u + ys[j]] = g;
    }
  }
  std::sort(by_head.begin(), by_head.end());
  for (const auto& [head, k] : by_head) {
    if (heads_.empty() || heads_.back() != head) {
      heads_.push_back(head);
      lists_.emplace_back();
      const std::uint32_t slot = head_slot(head);
      bits_[slot / 64] |= std::uint64_t{1} << (slot % 64);
    }
    lists_.back().push_back(k);
  }
  return true;
}

void EntityPatterns::AtomFinder::find(
    std::string_view sentence, std::vector<int>* out,
    std::vector<std::pair<std::uint32_t, std::uint32_t>>* at) const {
  out->clear();
  if (at) at->clear();
  const std::size_t n = sentence.size();
  if (n < key_len_) return;
  const auto* p = reinterpret_cast<const unsigned char*>(sentence.data());
  const std::size_t stride = stride_;
  const std::uint8_t* const raw = raw_grams_.data();
  // A byte that no atom holds (NUL, beyond ASCII) is 0 in a head, and a pair holding one is no
  // head's (raw_grams_ is 0 there).
  for (std::size_t q = 0; q + 1 < n; q += stride) {
    const unsigned gram = raw[p[q] * 256u + p[q + 1]];
    if (gram == 0) continue;
    // The places the pair may be bytes k, k + 1 of a head at, left to right: its set bits
    // (below stride: a head has key_len_ - 1 <= stride pairs), highest first.
    for (unsigned ks = gram; ks != 0;) {
      const std::size_t k = 31u - static_cast<unsigned>(__builtin_clz(ks));
      ks &= ~(1u << k);
      if (q < k) continue;
      const std::size_t b = q - k;
      if (b + key_len_ > n) continue;
      // The head's pair at another place first (its first, or its last when that is this one).
      const std::size_t o = k == 0 ? key_len_ - 2 : 0;
      if ((raw[p[b + o] * 256u + p[b + o + 1]] >> o & 1u) == 0) continue;
      std::uint32_t head = 0;
      if (key_len_ == 4) {  // the usual length (atoms of four bytes or more), unrolled
        head = static_cast<std::uint32_t>(kAtomBytes.low[p[b]]) << 21 |
               static_cast<std::uint32_t>(kAtomBytes.low[p[b + 1]]) << 14 |
               static_cast<std::uint32_t>(kAtomBytes.low[p[b + 2]]) << 7 | kAtomBytes.low[p[b + 3]];
      } else {
        for (std::size_t j = 0; j < key_len_; ++j) head = (head << 7) | kAtomBytes.low[p[b + j]];
      }
      const std::uint32_t slot = head_slot(head);
      if ((bits_[slot / 64] >> (slot % 64) & 1u) == 0) continue;
      const auto it = std::lower_bound(heads_.begin(), heads_.end(), head);
      if (it == heads_.end() || *it != head) continue;
      for (const int a : lists_[static_cast<std::size_t>(it - heads_.begin())]) {
        const std::string& atom = atoms_[static_cast<std::size_t>(a)];
        if (b + atom.size() > n) continue;
        std::size_t j = key_len_;
        while (j < atom.size() && kAtomBytes.low[p[b + j]] == static_cast<unsigned char>(atom[j]))
          ++j;
        if (j != atom.size()) continue;
        if (std::find(out->begin(), out->end(), a) == out->end()) out->push_back(a);
        if (at) at->emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b + j));
      }
    }
  }
}

namespace {
std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> serial{0};
  return ++serial;
}
}  // namespace

namespace {

// The ASCII members of a Unicode class name (L, Lu, Ll, N, Nd) as the ranges of a bracket
// expression, or null for a name left alone.
const char* ascii_ranges(std::string_view name) {
  if (name == "L") return "A-Za-z";
  if (name == "Lu") return "A-Z";
  if (name == "Ll") return "a-z";
  if (name == "N" || name == "Nd") return "0-9";
  return nullptr;
}

}  // namespace

std::string ascii_classes(const std::string& regex) {
  if (regex.find("\\Q") != std::string::npos) return regex;
  std::string out;
  out.reserve(regex.size() + 16);
  bool in_class = false;
  std::size_t class_start = 0;  // in `regex`: the first place after "[" or "[^"
  for (std::size_t i = 0; i < regex.size();) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size() && (regex[i + 1] == 'p' || regex[i + 1] == 'P')) {
      const bool negated = regex[i + 1] == 'P';
      std::size_t end;  // past the escape
      std::string_view name;
      if (i + 2 < regex.size() && regex[i + 2] == '{') {
        const std::size_t close = regex.find('}', i + 3);
        if (close == std::string::npos) return regex;
        name = std::string_view(regex).substr(i + 3, close - i - 3);
        end = close + 1;
      } else if (i + 2 < regex.size()) {
        name = std::string_view(regex).substr(i + 2, 1);
        end = i + 3;
      } else {
        return regex;
      }
      const char* ranges = ascii_ranges(name);
      if (ranges == nullptr) return regex;
      if (in_class) {
        // Not an end of a range: no "-" before it (but at the class's start) or after it (but
        // right before the closing "]").
        if (negated) return regex;
        if (i > class_start && regex[i - 1] == '-') return regex;
        if (end < regex.size() && regex[end] == '-' &&
            !(end + 1 < regex.size() && regex[end + 1] == ']'))
          return regex;
        out += ranges;
      } else {
        out += negated ? "[^" : "[";
        out += ranges;
        out += ']';
      }
      i = end;
      continue;
    }
    if (c == '\\') {  // any other escape, copied whole (its next byte is not special)
      out.append(regex, i, std::min<std::size_t>(2, regex.size() - i));
      i += 2;
      continue;
    }
    if (!in_class && c == '[') {
      in_class = true;
      out += c;
      ++i;
      if (i < regex.size() && regex[i] == '^') out += regex[i++];
      class_start = i;
      // A "]" first in the class is one of its characters.
      if (i < regex.size() && regex[i] == ']') out += regex[i++];
      continue;
    }
    if (in_class && c == '[' && i + 1 < regex.size() && regex[i + 1] == ':') {
      const std::size_t close = regex.find(":]", i + 2);  // [:alpha:], copied whole
      if (close == std::string::npos) return regex;
      out.append(regex, i, close + 2 - i);
      i = close + 2;
      continue;
    }
    if (in_class && c == ']') in_class = false;
    out += c;
    ++i;
  }
  return out;
}

EntityPatterns::EntityPatterns() : serial_(next_serial()) {}
EntityPatterns::~EntityPatterns() = default;

bool EntityPatterns::add_to(Side* side, const std::string& regex, bool latin1) {
  if (!side->filter) side->filter = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
  int id = 0;
  if (side->filter->Add(regex, options(latin1), &id) != RE2::NoError) return false;
  ++side->count;
  return true;
}

int EntityPatterns::add(const std::string& regex, std::string* why) {
  // The UTF-8 compilation decides what is valid: a text that is not UTF-8 only fails there.
  std::size_t bad = 0;
  const bool utf8_text = valid_utf8(regex, &bad);
  // The Latin-1 side reads ASCII sentences only: its classes need only their ASCII members.
  const std::string ascii = latin1_ok_ && utf8_text ? ascii_classes(regex) : std::string();
  if (latin1_ok_ && utf8_text && add_to(&latin1_, ascii, true)) {
    sources_.push_back(regex);
    groups_.push_back(latin1_.filter->GetRE2(static_cast<int>(latin1_.count - 1))
                          .NamedCapturingGroups());
    bytes_.emplace_back();
    bytes_known_.push_back(match_bytes(ascii, &bytes_.back()));
    return static_cast<int>(sources_.size() - 1);
  }
  const RE2 re(regex, options(false));
  if (!re.ok()) {
    *why = "bad regular expression: " + re.error();
    return -1;
  }
  // Valid in UTF-8 only (an escape above \xFF): every sentence takes the UTF-8 side.
  latin1_ok_ = false;
  latin1_ = Side{};
  sources_.push_back(regex);
  groups_.push_back(re.NamedCapturingGroups());
  bytes_.emplace_back();
  bytes_known_.push_back(false);
  return static_cast<int>(sources_.size() - 1);
}

void EntityPatterns::finish(Side* side) {
  std::vector<std::string> atoms;
  if (side->count > 0) side->filter->Compile(&atoms);
  // Atoms beyond ASCII would need Unicode lower case of the text; then every pattern runs.
  side->atoms = std::make_unique<AtomFinder>();
  if (atoms.empty() || !side->atoms->build(atoms)) side->atoms.reset();
  // What a sentence without any atom runs (most sentences), worked out once.
  side->without_atoms.clear();
  if (side->atoms) {
    side->filter->AllPotentials({}, &side->without_atoms);
    std::sort(side->without_atoms.begin(), side->without_atoms.end());
  }
}

void EntityPatterns::compile() {
  if (latin1_ok_) {
    finish(&latin1_);
  } else {
    build_utf8();
  }
}

void EntityPatterns::build_marks() const {
  std::call_once(marks_once_, [this] {
    // The pattern as written when its rewrite does not compile (it matches the same anyway).
    for (const std::string& regex : sources_)
      if (!add_to(&marks_, ascii_classes(regex), false) && !add_to(&marks_, regex, false))
        add_to(&marks_, kNever, false);
    finish(&marks_);
  });
}

void EntityPatterns::build_utf8() const {
  std::call_once(utf8_once_, [this] {
    for (const std::string& regex : sources_)
      if (!add_to(&utf8_, regex, false)) add_to(&utf8_, kNever, false);
    finish(&utf8_);
  });
}

void EntityPatterns::runs(const Side& side, std::string_view sentence,
                          std::vector<Run>* out) const {
  // The atoms found and the patterns they admit, per thread, kept from one sentence to the next.
  thread_local std::vector<int> atoms, ids;
  // Where the atoms occur, for the Latin-1 side (sentences all ASCII, which match_bytes tells).
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> at;
  const auto n = static_cast<std::uint32_t>(sentence.size());
  if (!side.atoms) {
    // No prefilter: every pattern.
    for (std::size_t k = 0; k < side.count; ++k)
      out->push_back(Run{static_cast<int>(k), &side.filter->GetRE2(static_cast<int>(k)), 0, n});
    return;
  }
  const bool windows = &side == &latin1_;
  side.atoms->find(sentence, &atoms, windows ? &at : nullptr);
  const std::vector<int>* admitted = &side.without_atoms;
  if (!atoms.empty()) {
    // What a set of atoms admits depends on the set alone, and sentences hold the same few sets
    // over and over, while AllPotentials walks FilteredRE2's tree and allocates each time: so
    // each thread keeps the answers by set (a bit per atom, for at most 64 atoms), for this
    // side of this EntityPatterns, up to kMaxRemembered sets.
    constexpr std::size_t kMaxRemembered = 4096;
    struct Memory {
      std::uint64_t serial = 0;
      const Side* side = nullptr;
      std::unordered_map<std::uint64_t, std::vector<int>> by_set;
    };
    thread_local Memory memories[3];  // one for each side, so that they do not take turns
    Memory& memory = memories[&side == &latin1_ ? 0 : &side == &marks_ ? 1 : 2];
    const bool keyed = side.atoms->size() <= 64;
    std::uint64_t set = 0;
    for (const int a : atoms) set |= std::uint64_t{1} << (keyed ? a : 0);
    if (keyed && (memory.serial != serial_ || memory.side != &side)) {
      memory.serial = serial_;
      memory.side = &side;
      memory.by_set.clear();
    }
    const auto it = keyed ? memory.by_set.find(set) : memory.by_set.end();
    if (it != memory.by_set.end()) {
      admitted = &it->second;
    } else {
      ids.clear();
      side.filter->AllPotentials(atoms, &ids);
      std::sort(ids.begin(), ids.end());
      admitted = &ids;
      if (keyed && memory.by_set.size() < kMaxRemembered) admitted = &(memory.by_set[set] = ids);
    }
  }
  for (const int k : *admitted) {
    const RE2* re = &side.filter->GetRE2(k);
    // A pattern that an empty set of atoms admits may match without one: the whole sentence.
    if (!windows || !bytes_known_[static_cast<std::size_t>(k)] ||
        std::binary_search(side.without_atoms.begin(), side.without_atoms.end(), k)) {
      out->push_back(Run{k, re, 0, n});
      continue;
    }
    each_run_holding(bytes_[static_cast<std::size_t>(k)], sentence, at,
                     [&](std::uint32_t b, std::uint32_t e) { out->push_back(Run{k, re, b, e}); });
  }
}

std::vector<EntityPatterns::Run> EntityPatterns::candidates(std::string_view sentence) const {
  std::vector<Run> out;
  candidates(sentence, &out);
  return out;
}

void EntityPatterns::candidates(std::string_view sentence, std::vector<Run>* out) const {
  out->clear();
  if (sources_.empty()) return;
  if (latin1_ok_ && all_ascii(sentence)) {
    runs(latin1_, sentence, out);
  } else if (typographic_only(sentence)) {
    build_marks();
    runs(marks_, sentence, out);
  } else {
    build_utf8();
    runs(utf8_, sentence, out);
  }
}

}  // namespace timeline::events
