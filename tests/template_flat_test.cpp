// Templates read into a flat list of steps and expanded through a buffer, against a plain reading
// of the grammar (template.hpp) written here: the template text walked for every expansion,
// std::string appends, std::to_string. Every built-in rule's six templates are expanded for the
// matches of its pattern in the rule examples, in TimeBank and in te3-silver (the shared data;
// skipped when absent), and for hand-written templates over a text of our own.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "temporal/rule_automaton.hpp"
#include "temporal/rule_program.hpp"
#include "temporal/rule_syntax.hpp"
#include "temporal/rules.hpp"
#include "temporal/template.hpp"
#include "rule_program_util.hpp"
#include "test_util.hpp"

namespace {

namespace td = timeline::temporal_detail;

// The template grammar, read anew at each expansion.
class PlainTemplate {
 public:
  PlainTemplate(const std::vector<std::string>& groups, const td::Lexicon& lexicon)
      : groups_(groups), lexicon_(lexicon) {}

  bool expand(std::string_view tmpl, std::string_view text, const std::int32_t* spans,
              std::string* out) const {
    std::size_t i = 0;
    while (i < tmpl.size()) {
      if (tmpl[i] != '{') {
        *out += tmpl[i++];
        continue;
      }
      int depth = 0;
      std::size_t close = i;
      for (; close < tmpl.size(); ++close) {
        if (tmpl[close] == '{') ++depth;
        if (tmpl[close] == '}' && --depth == 0) break;
      }
      const std::string_view ref = tmpl.substr(i + 1, close - i - 1);
      i = close + 1;
      if (ref[0] == '?') {
        const std::size_t colon = ref.find(':');
        const int g = group(ref.substr(1, colon - 1));
        const std::string_view rest = ref.substr(colon + 1);
        std::size_t bar = rest.size();
        int d = 0;
        for (std::size_t k = 0; k < rest.size(); ++k) {
          if (rest[k] == '{') ++d;
          if (rest[k] == '}') --d;
          if (rest[k] == '|' && d == 0) {
            bar = k;
            break;
          }
        }
        const std::string_view then = rest.substr(0, bar);
        const std::string_view otherwise = bar < rest.size() ? rest.substr(bar + 1) : "";
        const bool present = g > 0 && spans[2 * g] >= 0;
        if (!expand(present ? then : otherwise, text, spans, out)) return false;
        continue;
      }
      const std::size_t colon = ref.find(':');
      const int g = group(ref.substr(0, colon));
      if (g == 0 || spans[2 * g] < 0) continue;
      std::string fn(colon == std::string_view::npos ? "" : ref.substr(colon + 1));
      const bool optional = !fn.empty() && fn.back() == '?';
      if (optional) fn.pop_back();
      const auto size = static_cast<std::size_t>(spans[2 * g + 1] - spans[2 * g]);
      const std::string_view word = text.substr(static_cast<std::size_t>(spans[2 * g]), size);
      std::string value;
      if (!apply(fn, word, &value)) {
        if (!optional) return false;
        value.clear();
      }
      *out += value;
    }
    return true;
  }

 private:
  int group(std::string_view name) const {
    for (std::size_t k = 0; k < groups_.size(); ++k)
      if (groups_[k] == name) return static_cast<int>(k) + 1;
    return 0;
  }

  const std::string* look_up(const std::string& table, std::string_view word) const {
    const auto it = lexicon_.find(table);
    return it == lexicon_.end() ? nullptr : it->second.find(td::lexicon_key(word));
  }

  bool apply(const std::string& fn, std::string_view word, std::string* out) const {
    if (fn.empty()) {
      *out = std::string(word);
      return true;
    }
    if (fn == "num" || fn == "num10" || fn == "num100") {
      const long n = td::parse_number(word, lexicon_);
      if (n == -1) return false;
      const long times = fn == "num" ? 1 : fn == "num10" ? 10 : 100;
      *out = n == -2 ? "X" : std::to_string(n * times);
      return true;
    }
    if (fn == "day2") {
      std::string_view t = word;
      if (t.size() > 2 && std::isdigit(static_cast<unsigned char>(t[0])) &&
          std::isalpha(static_cast<unsigned char>(t.back())))
        t.remove_suffix(2);
      long n = td::parse_number(t, lexicon_);
      if (n < 0) {
        if (const std::string* ord = look_up("ordinal", word)) n = std::stol(*ord);
      }
      if (n < 0 || n > 99) return false;
      *out = std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
      return true;
    }
    if (fn == "year4") {
      std::string digits;
      for (char c : word)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() == 2) *out = (digits[0] <= '3' ? "20" : "19") + digits;
      else if (digits.size() == 4) *out = digits;
      else return false;
      return true;
    }
    const std::string* value = look_up(fn, word);
    if (value == nullptr) return false;
    *out = *value;
    return true;
  }

  const std::vector<std::string>& groups_;
  const td::Lexicon& lexicon_;
};

// Expands `tmpl` both ways; they must agree on success and on the text.
void check_both(const std::string& tmpl, const std::vector<std::string>& groups,
                const td::Lexicon& lexicon, std::string_view text, const std::int32_t* spans,
                std::size_t* compared, std::size_t* wrong) {
  const td::Template flat(tmpl, groups, lexicon);
  std::string got = "left over", want;
  const bool ok = flat.expand(text, spans, &got);
  const bool plain_ok = PlainTemplate(groups, lexicon).expand(tmpl, text, spans, &want);
  ++*compared;
  if (ok == plain_ok && (!ok || got == want)) return;
  ++*wrong;
  const auto size = static_cast<std::size_t>(spans[1] - spans[0]);
  UNSCOPED_INFO("template '" << tmpl << "' on '"
                             << text.substr(static_cast<std::size_t>(spans[0]), size) << "': "
                             << ok << " '" << got << "', plainly " << plain_ok << " '" << want
                             << "'");
}

// Every built-in rule's templates for each match its program finds where the automaton names
// it, in each ASCII line of `text`.
void check_rules_on(const td::RuleSet& rules, const std::string& text, const std::string& where) {
  td::RuleAutomaton automaton;
  std::vector<std::unique_ptr<td::RuleProgram>> programs;
  for (const td::Rule& r : rules.rules) {
    td::Syntax s;
    REQUIRE(td::read_syntax(r.pattern, &s));
    automaton.add(r.pattern, &s);
    programs.push_back(td::RuleProgram::compile(s));
    REQUIRE(programs.back());
  }
  automaton.finish();
  td::RuleProgram::Scratch scratch;
  std::vector<std::int32_t> spans;
  std::vector<int> ids;
  std::size_t matches = 0, compared = 0, wrong = 0;
  for (std::size_t line = 0; line < text.size();) {
    std::size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    bool ascii = true;
    for (std::size_t i = line; i < end; ++i)
      ascii = ascii && static_cast<unsigned char>(text[i]) < 0x80;
    for (std::size_t p = line; ascii && p < end; ++p) {
      td::RuleAutomaton::Walker walker(automaton);
      walker.candidates(text, p, end, &ids);
      for (int id : ids) {
        if (programs[id]->match(text, p, end, &scratch, &spans) != td::RuleProgram::kMatch)
          continue;
        ++matches;
        const td::Rule& r = rules.rules[id];
        for (const std::string* t : {&r.type, &r.value, &r.mod, &r.quant, &r.freq,
                                     &r.value_after_quarter})
          check_both(*t, r.groups, rules.lexicon, text, spans.data(), &compared, &wrong);
      }
    }
    line = end + 1;
  }
  INFO(where << ": " << matches << " matches, " << compared << " expansions");
  CHECK(wrong == 0);
  CHECK(matches > 100);
}

}  // namespace

TEST_CASE("template steps: hand-written templates expand as the grammar reads", "[temporal]") {
  const td::RuleSet rules = timeline::test::builtin_rules();
  // "On Tuesday, the 3rd of March '07, about twenty-five days - or several weeks." with groups
  // wd, day, month, year, n, unit, vague; `none` takes no part.
  const std::string text =
      "On Tuesday, the 3rd of March '07, about twenty-five days - or several weeks.";
  const std::vector<std::string> groups = {"wd", "day",  "month", "year",
                                           "n",  "unit", "vague", "none"};
  const std::vector<std::int32_t> spans = {0,  76, 3,  10, 16, 19, 23, 28, 29, 32,
                                           40, 51, 52, 56, 62, 69, -1, -1};
  const std::vector<std::string> templates = {
      "", "DATE", "{wd}", "{wd:weekday}", "w{wd:weekday}x", "{year:year4}-{month:month}-{day:day2}",
      "P{n:num}{unit:unit}", "P{vague:num}W", "{n:num10}", "{n:num100}", "{?none:a|b}",
      "{?none:a}", "{?wd:{?none:x|y{day:day2}}|z}-{?year:{year}|}", "{none:num}", "{wd:num}",
      "[{wd:number?}]", "{?nosuch:yes|no}{nosuch}", "{month:month}{month:month}{month:month}",
      "{?wd:{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}|}",  // past the buffer of 64 bytes
      "{?wd:{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{none:number}|}",
      "{?wd:{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd:number?}.|}",
  };
  std::size_t compared = 0, wrong = 0;
  for (const std::string& t : templates)
    check_both(t, groups, rules.lexicon, text, spans.data(), &compared, &wrong);
  // A group at the first byte of the text (offset 0) takes part like any other.
  const std::string friday = "Friday";
  const std::vector<std::string> one = {"wd"};
  const std::vector<std::int32_t> at_zero = {0, 6, 0, 6};
  for (const std::string& t : {"{?wd:a{wd:weekday}|b}", "{wd}", "{?wd:{?wd:{wd}|x}|y}"})
    check_both(t, one, rules.lexicon, friday, at_zero.data(), &compared, &wrong);
  CHECK(wrong == 0);
  CHECK(compared == templates.size() + 3);
  std::string out;
  const td::Template weekday("{?wd:a{wd:weekday}|b}", one, rules.lexicon);
  CHECK(weekday.expand(friday, at_zero.data(), &out));
  CHECK(out == "a5");
  // A few worked out by hand as well.
  const auto expand = [&](const std::string& t) {
    std::string out;
    const td::Template made(t, groups, rules.lexicon);
    return made.expand(text, spans.data(), &out) ? out : "(fails)";
  };
  CHECK(expand("{year:year4}-{month:month}-{day:day2}") == "2007-03-03");
  CHECK(expand("P{n:num}D") == "P25D");
  CHECK(expand("{?wd:{?none:x|y{day:day2}}|z}-{?year:{year}|}") == "y03-'07");
  CHECK(expand("{wd:num}") == "(fails)");
  std::string ten;
  for (int k = 0; k < 10; ++k) ten += "Tuesday";
  CHECK(expand("{?wd:{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd}{wd:number?}.|}") == ten + ".");
}

TEST_CASE("template steps: every built-in rule's templates on real matches", "[temporal]") {
  const td::RuleSet rules = timeline::test::builtin_rules();
  std::string examples;
  for (const td::Rule& r : rules.rules)
    for (const td::Example& e : r.examples) examples += e.text + "\n";
  check_rules_on(rules, examples, "rule examples");

  const std::string timebank = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(timebank);
  check_rules_on(rules, timeline::test::read_files(timebank, ".tml"), "TimeBank");
  // A slice of te3-silver: the articles of 1997 (434 of 2,452).
  TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
  const std::string some = timeline::test::te3_silver_of("1997");
  REQUIRE(some.size() > 100000);
  check_rules_on(rules, some, "te3-silver");
}

TEST_CASE("template steps: lexicon keys by the byte table, against a plain reading", "[temporal]") {
  // The plain reading: trailing full stops and spaces dropped, each byte lower-cased by the C
  // library, runs of white space and hyphens as one space.
  const auto plain = [](std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    std::string out;
    for (char ch : s) {
      const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (l == ' ' || l == '\n' || l == '\t' || l == '-') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += l;
      }
    }
    return out;
  };
  // Every byte alone, between letters, after a separator, and at the end before a full stop.
  std::size_t checked = 0;
  for (int c = 1; c < 256; ++c) {
    const char b = static_cast<char>(c);
    const std::string one(1, b);
    for (const std::string& s : {one, "A" + one + "z", "x -" + one + "\t-Y", "Q" + one + ". "}) {
      INFO("byte " << c);
      CHECK(td::lexicon_key(s) == plain(s));
      ++checked;
    }
  }
  CHECK(checked == 4 * 255);
  // Worked out by hand.
  CHECK(td::lexicon_key("Year-Ago") == "year ago");
  CHECK(td::lexicon_key("  Mid -\t Week.. ") == "mid week");  // nothing before the first word
  CHECK(td::lexicon_key("SEPT.") == "sept");
}
