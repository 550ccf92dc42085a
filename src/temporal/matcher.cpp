// Rule matching (see matcher.hpp).
#include "temporal/matcher.hpp"

#include <algorithm>

#include "temporal/template.hpp"

namespace timeline::temporal_detail {
namespace {

// True when the code point that ends just before `i` (or starts at `i`) is a letter or digit.
// Bytes >= 0x80 count as letters except the general punctuation block (U+2000..U+206F: dashes,
// quotes) and the no-break space.
bool word_char_before(std::string_view t, std::size_t i) {
  if (i == 0) return false;
  const unsigned char c = static_cast<unsigned char>(t[i - 1]);
  if (c < 0x80) return std::isalnum(c) != 0;
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
  if (c < 0x80) return std::isalnum(c) != 0;
  if (c == 0xE2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80)
    return false;
  if (c == 0xC2) return false;
  return true;
}

std::size_t next_char(std::string_view t, std::size_t i) {
  ++i;
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
  return i;
}

}  // namespace

std::unique_ptr<Matcher> Matcher::create(RuleSet rules, Error* error) {
  auto m = std::unique_ptr<Matcher>(new Matcher());
  m->rules_ = std::move(rules);
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_case_sensitive(false);
  m->filter_ = std::make_unique<re2::FilteredRE2>(3);
  for (const Rule& r : m->rules_.rules) {
    int id = 0;
    if (m->filter_->Add(r.pattern, opt, &id) != RE2::NoError) {
      error->file = r.file;
      error->line = r.line;
      error->message = "bad pattern";
      return nullptr;
    }
  }
  std::vector<std::string> atoms;
  m->filter_->Compile(&atoms);
  // The set's DFA gets room to spare: a DFA out of memory makes Match() fail.
  opt.set_max_mem(64 << 20);
  m->atoms_ = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  for (const std::string& a : atoms) {
    std::string message;
    if (m->atoms_->Add(RE2::QuoteMeta(a), &message) < 0) {
      error->message = "bad rule atom '" + a + "': " + message;
      return nullptr;
    }
  }
  if (!m->atoms_->Compile()) {
    error->message = "cannot compile the rule set (too large)";
    return nullptr;
  }
  return m;
}

std::vector<Match> Matcher::find(std::string_view text, std::uint32_t begin,
                                 std::uint32_t end) const {
  const std::string_view sentence = text.substr(0, end);
  std::vector<int> ids;
  std::vector<int> atoms;
  RE2::Set::ErrorInfo info;
  if (!atoms_->Match(text.substr(begin, end - begin), &atoms, &info) &&
      info.kind != RE2::Set::kNoError) {
    // The set's DFA gave up (out of memory): run every rule, slower but complete.
    for (std::size_t i = 0; i < rules_.rules.size(); ++i) ids.push_back(static_cast<int>(i));
  } else {
    filter_->AllPotentials(atoms, &ids);
  }
  std::sort(ids.begin(), ids.end());
  std::vector<Match> cands;
  std::vector<re2::StringPiece> subs;
  for (int id : ids) {
    const Rule& rule = rules_.rules[id];
    const int ngroups = rule.re->NumberOfCapturingGroups();
    subs.assign(ngroups + 1, re2::StringPiece());
    const auto tx = rule.re->NamedCapturingGroups().find("tx");
    const int tx_group = tx == rule.re->NamedCapturingGroups().end() ? -1 : tx->second;
    // The groups by name, filled in at the first match and then only given new values: the
    // map's keys are allocated once per rule and sentence, not once per match.
    Groups groups;
    std::vector<std::pair<std::string_view*, int>> slots;
    std::size_t pos = begin;
    while (pos < end &&
           rule.re->Match(sentence, pos, end, RE2::UNANCHORED, subs.data(), ngroups + 1)) {
      // A group named "tx" narrows the timex to part of the match; the rest is context.
      const re2::StringPiece whole =
          tx_group >= 0 && subs[tx_group].data() ? subs[tx_group] : subs[0];
      const std::size_t b = whole.data() - text.data(), e = b + whole.size();
      const std::size_t match_end = subs[0].data() - text.data() + subs[0].size();
      if (e == b || word_char_before(text, b) || word_char_at(text, e)) {
        pos = next_char(text, b);
        continue;
      }
      if (groups.empty())
        for (const auto& g : rule.re->NamedCapturingGroups())
          slots.emplace_back(&groups[g.first], g.second);
      for (const auto& [slot, index] : slots) {
        const re2::StringPiece& sp = subs[index];
        *slot = sp.data() ? std::string_view(sp.data(), sp.size()) : std::string_view();
      }
      Match m;
      m.begin = static_cast<std::uint32_t>(b);
      m.end = static_cast<std::uint32_t>(e);
      m.rule = &rule;
      const Lexicon& lx = rules_.lexicon;
      if (expand_template(rule.type, groups, lx, &m.type) &&
          expand_template(rule.value, groups, lx, &m.value) &&
          expand_template(rule.mod, groups, lx, &m.mod) &&
          expand_template(rule.quant, groups, lx, &m.quant) &&
          expand_template(rule.freq, groups, lx, &m.freq) &&
          expand_template(rule.value_after_quarter, groups, lx, &m.value_after_quarter)) {
        cands.push_back(std::move(m));
        pos = match_end;
      } else {
        pos = next_char(text, b);
      }
    }
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Match& a, const Match& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
    return a.begin < b.begin;
  });
  std::vector<Match> chosen;
  for (Match& c : cands) {
    bool overlaps = false;
    for (const Match& k : chosen)
      if (c.begin < k.end && k.begin < c.end) overlaps = true;
    if (!overlaps) chosen.push_back(std::move(c));
  }
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                              [](const Match& m) { return m.type == "NONE"; }),
               chosen.end());
  std::sort(chosen.begin(), chosen.end(),
            [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return chosen;
}

}  // namespace timeline::temporal_detail
