// Entity patterns compiled for Latin-1 and, when needed, UTF-8 (see patterns.hpp).
#include "events/patterns.hpp"

#include <algorithm>
#include <cstdint>

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

}  // namespace

bool EntityPatterns::AtomFinder::build(const std::vector<std::string>& atoms) {
  atoms_ = atoms;
  head_.assign(128 * 128, 0);
  pairs_.assign(128 * 128 / 64, 0);
  lists_.clear();
  for (std::size_t k = 0; k < atoms.size(); ++k) {
    const std::string& a = atoms[k];
    if (a.size() < 2 || !all_ascii(a) || a.find('\0') != std::string::npos) return false;
    const std::size_t key = static_cast<unsigned char>(a[0]) * 128 + static_cast<unsigned char>(a[1]);
    if (head_[key] == 0) {
      lists_.emplace_back();
      head_[key] = static_cast<std::uint32_t>(lists_.size());
      pairs_[key / 64] |= std::uint64_t{1} << (key % 64);
    }
    lists_[head_[key] - 1].push_back(static_cast<int>(k));
  }
  return true;
}

void EntityPatterns::AtomFinder::find(std::string_view sentence, std::vector<int>* out) const {
  out->clear();
  const std::size_t n = sentence.size();
  if (n < 2) return;
  const auto* p = reinterpret_cast<const unsigned char*>(sentence.data());
  // The pair of lower-case bytes ending at i, as one number: atoms are found by their first two.
  std::size_t key = kAtomBytes.low[p[0]];
  for (std::size_t i = 1; i < n; ++i) {
    key = ((key << 7) | kAtomBytes.low[p[i]]) & (128 * 128 - 1);
    if ((pairs_[key / 64] >> (key % 64) & 1u) == 0) continue;
    for (const int k : lists_[head_[key] - 1]) {
      const std::string& atom = atoms_[static_cast<std::size_t>(k)];
      const std::size_t b = i - 1;
      if (b + atom.size() > n) continue;
      std::size_t j = 2;
      while (j < atom.size() && kAtomBytes.low[p[b + j]] == static_cast<unsigned char>(atom[j])) ++j;
      if (j == atom.size() && std::find(out->begin(), out->end(), k) == out->end())
        out->push_back(k);
    }
  }
}

EntityPatterns::EntityPatterns() = default;
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
  if (latin1_ok_ && utf8_text && add_to(&latin1_, regex, true)) {
    sources_.push_back(regex);
    groups_.push_back(latin1_.filter->GetRE2(static_cast<int>(latin1_.count - 1))
                          .NamedCapturingGroups());
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

void EntityPatterns::build_utf8() const {
  std::call_once(utf8_once_, [this] {
    for (const std::string& regex : sources_)
      if (!add_to(&utf8_, regex, false)) add_to(&utf8_, kNever, false);
    finish(&utf8_);
  });
}

void EntityPatterns::runs(const Side& side, std::string_view sentence,
                          std::vector<Run>* out) const {
  std::vector<int> atoms, ids;
  if (!side.atoms) {
    // No prefilter: every pattern.
    for (std::size_t k = 0; k < side.count; ++k) ids.push_back(static_cast<int>(k));
  } else {
    side.atoms->find(sentence, &atoms);
    if (atoms.empty()) {
      ids = side.without_atoms;
    } else {
      side.filter->AllPotentials(atoms, &ids);
      std::sort(ids.begin(), ids.end());
    }
  }
  for (const int k : ids) out->push_back(Run{k, &side.filter->GetRE2(k)});
}

std::vector<EntityPatterns::Run> EntityPatterns::candidates(std::string_view sentence) const {
  std::vector<Run> out;
  if (sources_.empty()) return out;
  if (latin1_ok_ && all_ascii(sentence)) {
    runs(latin1_, sentence, &out);
  } else {
    build_utf8();
    runs(utf8_, sentence, &out);
  }
  return out;
}

}  // namespace timeline::events
