// Reading rules/<lang>/*.rules and *.tsv (grammar: rules/en/GRAMMAR.md).
#include <algorithm>
#include <set>
#include <string_view>

#include "temporal/rules.hpp"
#include "temporal/template.hpp"

namespace timeline::temporal_detail {
namespace {

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// Calls f(line, number) for each line of `text` (without its '\n'; numbers from 1), as
// std::getline would give them: no line after a final '\n'.
template <typename F>
bool for_each_line(std::string_view text, const F& f) {
  int n = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (!f(text.substr(pos, nl - pos), ++n)) return false;
    pos = nl + 1;
  }
  return true;
}

bool fail(Error* error, const std::string& file, int line, const std::string& message) {
  error->file = file;
  error->line = line;
  error->column = 0;
  error->message = message;
  return false;
}

bool is_macro_name(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Replaces {NAME} by the macro's text; quantifiers such as {2} or {1,3} stay.
bool expand_macros(std::string_view in, const std::map<std::string, std::string>& macros,
                   std::string* out, std::string* message) {
  out->clear();
  out->reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    // The text up to the next '{' as it is, in one append.
    const std::size_t open = std::min(in.find('{', i), in.size());
    out->append(in.data() + i, open - i);
    i = open;
    if (i == in.size()) break;
    const std::size_t close = in.find('}', i);
    if (close != std::string_view::npos) {
      const std::string_view name = in.substr(i + 1, close - i - 1);
      if (is_macro_name(name)) {
        const auto it = macros.find(std::string(name));
        if (it == macros.end()) {
          *message = "unknown macro '" + std::string(name) + "'";
          return false;
        }
        *out += it->second;
        i = close + 1;
        continue;
      }
    }
    out->push_back(in[i++]);  // a '{' that opens no macro: a quantifier such as {2}
  }
  return true;
}

// The capturing groups of an RE2 pattern, read from its text: the names of (?P<name>...) groups
// in order, and whether there is a numbered one. Escapes and character classes are skipped.
void capture_groups(std::string_view p, std::vector<std::string>* names, bool* numbered) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
    } else if (p[i] == '(') {
      if (p.compare(i + 1, 3, "?P<") == 0) {
        const std::size_t close = p.find('>', i + 4);
        if (close == std::string_view::npos) return;  // the RE2 parser reports it
        names->emplace_back(p.substr(i + 4, close - i - 4));
        i = close;
      } else if (i + 1 >= p.size() || p[i + 1] != '?') {
        *numbered = true;
      }
    }
  }
}

// "text with [span] @2025-01-01 => DATE 2025"
bool parse_example(std::string_view raw, Example* ex, std::string* message) {
  const std::size_t arrow = raw.rfind("=>");
  if (arrow == std::string_view::npos) {
    *message = "example needs '=> EXPECTED'";
    return false;
  }
  std::string_view lhs = trim(raw.substr(0, arrow));
  ex->expected = trim(raw.substr(arrow + 2));
  ex->anchor = "2026-02-12";
  const std::size_t at = lhs.rfind(" @");
  if (at != std::string_view::npos) {
    ex->anchor = trim(lhs.substr(at + 2));
    lhs = trim(lhs.substr(0, at));
  }
  const std::size_t open = lhs.find('['), close = lhs.find(']');
  if (ex->expected != "none") {
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      *message = "example needs the expected span in [brackets]";
      return false;
    }
    ex->text.assign(lhs.substr(0, open));
    ex->text.append(lhs.substr(open + 1, close - open - 1));
    ex->text.append(lhs.substr(close + 1));
    ex->span_begin = open;
    ex->span_end = close - 1;
  } else {
    ex->text = lhs;
  }
  return true;
}

bool finish_rule(Rule* rule, const std::map<std::string, std::string>& macros,
                 const Lexicon& lexicon, Error* error) {
  if (rule->pattern.empty()) return fail(error, rule->file, rule->line, "rule without pattern");
  if (rule->type.empty()) return fail(error, rule->file, rule->line, "rule without type");
  std::string expanded, message;
  if (!expand_macros(rule->pattern, macros, &expanded, &message))
    return fail(error, rule->file, rule->line, message);
  rule->pattern = expanded;
  bool numbered = false;
  capture_groups(rule->pattern, &rule->groups, &numbered);
  if (numbered)
    return fail(error, rule->file, rule->line,
                "numbered group in pattern; use (?P<name>...) or (?:...)");
  const std::set<std::string> groups(rule->groups.begin(), rule->groups.end());
  if (groups.size() != rule->groups.size()) {
    for (std::size_t i = 0; i < rule->groups.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (rule->groups[i] == rule->groups[j])
          return fail(error, rule->file, rule->line,
                      "group '" + rule->groups[i] + "' named twice in the pattern");
  }
  for (const std::string* t : {&rule->type, &rule->value, &rule->mod, &rule->quant, &rule->freq,
                               &rule->value_after_quarter}) {
    if (!check_template(*t, groups, lexicon, &message))
      return fail(error, rule->file, rule->line, message);
  }
  if (rule->type != "NONE" && rule->value.empty())
    return fail(error, rule->file, rule->line, "rule without value");
  return true;
}

bool parse_lexicon(const std::string& path, std::string_view content, Lexicon* lexicon,
                   Error* error) {
  LexiconTable* table = nullptr;  // the table of the line before (lines come grouped by table)
  std::string_view table_name;
  return for_each_line(content, [&](std::string_view line, int n) {
    if (trim(line).empty() || trim(line)[0] == '#') return true;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos)
      return fail(error, path, n, "lexicon line needs table<TAB>key<TAB>value");
    const std::string_view name = line.substr(0, t1);
    if (table == nullptr || name != table_name) {
      auto it = lexicon->find(name);
      if (it == lexicon->end()) it = lexicon->emplace(std::string(name), LexiconTable()).first;
      table = &it->second;
      table_name = name;
    }
    (*table)[lexicon_key(trim(line.substr(t1 + 1, t2 - t1 - 1)))] = trim(line.substr(t2 + 1));
    return true;
  });
}

}  // namespace

std::uint64_t LexiconTable::hash(std::string_view key) {
  std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

std::size_t LexiconTable::slot(std::string_view key, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(h) & mask;
  for (; slots_[i] >= 0; i = (i + 1) & mask) {
    const Entry& e = entries_[static_cast<std::size_t>(slots_[i])];
    if (e.hash == h && e.key == key) break;
  }
  return i;
}

const std::string* LexiconTable::find(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  const std::int32_t k = slots_[slot(key, hash(key))];
  return k >= 0 ? &entries_[static_cast<std::size_t>(k)].value : nullptr;
}

std::string& LexiconTable::operator[](std::string_view key) {
  if (2 * (entries_.size() + 1) > slots_.size()) {  // keep the slots at most half full
    slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), -1);
    for (std::size_t k = 0; k < entries_.size(); ++k)
      slots_[slot(entries_[k].key, entries_[k].hash)] = static_cast<std::int32_t>(k);
  }
  const std::uint64_t h = hash(key);
  const std::size_t i = slot(key, h);
  if (slots_[i] < 0) {
    slots_[i] = static_cast<std::int32_t>(entries_.size());
    entries_.push_back({std::string(key), std::string(), h});
  }
  return entries_[static_cast<std::size_t>(slots_[i])].value;
}

RE2::Options rule_options() {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_case_sensitive(false);
  opt.set_longest_match(true);
  opt.set_max_mem(32 << 20);
  return opt;
}

const RE2& Rule::regex() const {
  std::call_once(*compile_once_,
                 [this] { compiled_ = std::make_unique<RE2>(pattern, rule_options()); });
  return *compiled_;
}

const RE2& Rule::ascii_regex() const {
  std::call_once(*compile_ascii_once_, [this] {
    RE2::Options opt = rule_options();
    opt.set_encoding(RE2::Options::EncodingLatin1);
    compiled_ascii_ = std::make_unique<RE2>(pattern, opt);
  });
  return *compiled_ascii_;
}

bool load_rules(const DataFiles& data, const std::string& lang, RuleSet* out, Error* error) {
  const std::string prefix = "rules/" + lang + "/";
  const std::vector<std::string> paths = data.list(prefix);
  for (const std::string& p : paths) {
    if (p.size() > 4 && p.compare(p.size() - 4, 4, ".tsv") == 0 &&
        !parse_lexicon(p, *data.find(p), &out->lexicon, error))
      return false;
  }
  std::map<std::string, std::string> macros;
  std::size_t rule_count = 0;  // room for the rules is made once (a Rule moved costs)
  // Macros first (from every file), so that a rule may use a macro of another file.
  for (const std::string& p : paths) {
    if (p.size() < 6 || p.compare(p.size() - 6, 6, ".rules") != 0) continue;
    const bool read = for_each_line(*data.find(p), [&](std::string_view line, int n) {
      const std::string_view t = trim(line);
      if (t.compare(0, 5, "rule ") == 0) ++rule_count;
      if (t.compare(0, 7, "define ") != 0) return true;
      const std::size_t eq = t.find(" = ");
      const std::string_view name =
          eq == std::string_view::npos ? std::string_view() : trim(t.substr(7, eq - 7));
      if (!is_macro_name(name))
        return fail(error, p, n, "define needs 'define NAME = regex' with NAME in capitals");
      std::string body, message;
      if (!expand_macros(trim(t.substr(eq + 3)), macros, &body, &message))
        return fail(error, p, n, message);
      macros[std::string(name)] = "(?:" + body + ")";
      return true;
    });
    if (!read) return false;
  }
  out->rules.reserve(out->rules.size() + rule_count);
  for (const std::string& p : paths) {
    if (p.size() < 6 || p.compare(p.size() - 6, 6, ".rules") != 0) continue;
    Rule* rule = nullptr;
    const bool builtin = data.is_builtin(p);
    const bool read = for_each_line(*data.find(p), [&](std::string_view line, int n) {
      const std::string_view t = trim(line);
      if (t.empty() || t[0] == '#' || t.compare(0, 7, "define ") == 0) return true;
      if (t.compare(0, 5, "rule ") == 0) {
        if (rule && !finish_rule(rule, macros, out->lexicon, error)) return false;
        out->rules.emplace_back();
        rule = &out->rules.back();
        rule->name = trim(t.substr(5));
        rule->file = p;
        rule->line = n;
        rule->builtin = builtin;
        return true;
      }
      const std::size_t colon = t.find(':');
      if (!rule || colon == std::string_view::npos)
        return fail(error, p, n, "expected 'rule NAME', 'define NAME = ...' or 'key: value'");
      const std::string_view key = t.substr(0, colon), val = trim(t.substr(colon + 1));
      if (key == "pattern") rule->pattern = val;
      else if (key == "type") rule->type = val;
      else if (key == "value") rule->value = val;
      else if (key == "mod") rule->mod = val;
      else if (key == "quant") rule->quant = val;
      else if (key == "freq") rule->freq = val;
      else if (key == "priority") rule->priority = std::atoi(std::string(val).c_str());
      else if (key == "value_after_quarter") rule->value_after_quarter = val;
      else if (key == "example") {
        Example ex;
        ex.file = p;
        ex.line = n;
        std::string message;
        if (!parse_example(val, &ex, &message)) return fail(error, p, n, message);
        rule->examples.push_back(std::move(ex));
      } else {
        return fail(error, p, n, "unknown key '" + std::string(key) + "'");
      }
      return true;
    });
    if (!read) return false;
    if (rule && !finish_rule(rule, macros, out->lexicon, error)) return false;
  }
  return true;
}

}  // namespace timeline::temporal_detail
