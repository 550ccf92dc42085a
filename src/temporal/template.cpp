// Value templates (see template.hpp).
#include "temporal/template.hpp"

#include <cctype>
#include <cstdio>
#include <string>

#include "common/bytes.hpp"

namespace timeline::temporal_detail {
std::string lexicon_key(std::string_view s) {
  // Trailing full stops and spaces dropped, then each byte lower-cased (ASCII inline, the
  // others by the C library) and runs of white space and hyphens collapsed to one space.
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const char l = lower_byte(c);
    if (l == ' ' || l == '\n' || l == '\t' || l == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += l;
    }
  }
  return out;
}

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',') return false;
  return true;
}

// The word `text` in `table`, by its lexicon key.
bool look_up(const std::map<std::string, std::string>* table, std::string_view text,
             std::string* out) {
  if (table == nullptr) return false;
  const auto it = table->find(lexicon_key(text));
  if (it == table->end()) return false;
  *out = it->second;
  return true;
}

}  // namespace

long parse_number(std::string_view text, const Lexicon& lexicon) {
  const std::string key = lexicon_key(text);
  if (key.empty()) return -1;
  std::string digits;
  for (char c : key)
    if (c != ',') digits += c;
  if (all_digits(digits)) return digits.size() > 9 ? -1 : std::stol(digits);
  const auto table = lexicon.find("number");
  if (table == lexicon.end()) return -1;
  const auto& words = table->second;
  const auto whole = words.find(key);
  if (whole != words.end()) return whole->second == "X" ? -2 : std::stol(whole->second);
  // "twenty five", "one hundred": sum of the parts, a hundred multiplying what came before.
  long total = 0, part = 0;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    const std::string w = key.substr(i, j - i);
    i = j + 1;
    if (w == "and") continue;
    if (w == "hundred") {
      part = (part == 0 ? 1 : part) * 100;
      continue;
    }
    if (w == "thousand") {
      total += (part == 0 ? 1 : part) * 1000;
      part = 0;
      continue;
    }
    const auto it = words.find(w);
    if (it == words.end() || it->second == "X") return -1;
    part += std::stol(it->second);
  }
  return total + part;
}

namespace {

// The index of the '}' that closes the '{' at `open`, counting nested braces; npos if none.
std::size_t closing_brace(std::string_view t, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < t.size(); ++i) {
    if (t[i] == '{') ++depth;
    if (t[i] == '}' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Splits "g:then|else" of a conditional at its first top-level ':' and '|'.
void split_conditional(std::string_view body, std::string_view* name, std::string_view* then,
                       std::string_view* otherwise) {
  const std::size_t colon = body.find(':');
  *name = body.substr(0, colon);
  const std::string_view rest = colon == std::string_view::npos ? "" : body.substr(colon + 1);
  int depth = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '{') ++depth;
    if (rest[i] == '}') --depth;
    if (rest[i] == '|' && depth == 0) {
      *then = rest.substr(0, i);
      *otherwise = rest.substr(i + 1);
      return;
    }
  }
  *then = rest;
  *otherwise = "";
}

}  // namespace

std::vector<Template::Piece> Template::read(std::string_view tmpl,
                                            const std::vector<std::string>& groups,
                                            const Lexicon& lexicon) {
  const auto number = [&](std::string_view name) {
    for (std::size_t k = 0; k < groups.size(); ++k)
      if (groups[k] == name) return static_cast<int>(k) + 1;
    return 0;  // not a group of the pattern: never present
  };
  std::vector<Piece> pieces;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] != '{') {
      if (pieces.empty() || pieces.back().group != 0 || pieces.back().condition)
        pieces.emplace_back();
      pieces.back().literal += tmpl[i++];
      continue;
    }
    const std::size_t close = closing_brace(tmpl, i);
    const std::string_view ref = tmpl.substr(i + 1, close - i - 1);
    i = close + 1;
    Piece p;
    if (!ref.empty() && ref[0] == '?') {  // {?g:then|else}
      std::string_view name, then, otherwise;
      split_conditional(ref.substr(1), &name, &then, &otherwise);
      p.condition = true;
      p.group = number(name);
      p.then = read(then, groups, lexicon);
      p.otherwise = read(otherwise, groups, lexicon);
      pieces.push_back(std::move(p));
      continue;
    }
    const std::size_t colon = ref.find(':');
    p.group = number(ref.substr(0, colon));
    std::string_view fn = colon == std::string_view::npos ? "" : ref.substr(colon + 1);
    p.optional = !fn.empty() && fn.back() == '?';
    if (p.optional) fn.remove_suffix(1);
    if (fn.empty()) p.fn = Fn::kText;
    else if (fn == "num") p.fn = Fn::kNum;
    else if (fn == "num10") p.fn = Fn::kNum10;
    else if (fn == "num100") p.fn = Fn::kNum100;
    else if (fn == "day2") p.fn = Fn::kDay2;
    else if (fn == "year4") p.fn = Fn::kYear4;
    else {
      p.fn = Fn::kTable;
      const auto table = lexicon.find(std::string(fn));
      if (table != lexicon.end()) p.table = &table->second;
    }
    if (p.group == 0) continue;  // a group the pattern lacks never takes part: nothing
    pieces.push_back(std::move(p));
  }
  return pieces;
}

Template::Template(std::string_view tmpl, const std::vector<std::string>& groups,
                   const Lexicon& lexicon)
    : pieces_(read(tmpl, groups, lexicon)), lexicon_(&lexicon) {}

bool Template::expand(std::string_view text, const std::int32_t* spans, std::string* out) const {
  out->clear();
  return expand(pieces_, text, spans, out);
}

bool Template::expand(const std::vector<Piece>& pieces, std::string_view text,
                      const std::int32_t* spans, std::string* out) const {
  for (const Piece& p : pieces) {
    if (p.group == 0 && !p.condition) {
      *out += p.literal;
      continue;
    }
    const bool present = p.group > 0 && spans[2 * p.group] >= 0;
    if (p.condition) {
      if (!expand(present ? p.then : p.otherwise, text, spans, out)) return false;
      continue;
    }
    if (!present) continue;  // group not in the match
    const std::string_view g =
        text.substr(static_cast<std::size_t>(spans[2 * p.group]),
                    static_cast<std::size_t>(spans[2 * p.group + 1] - spans[2 * p.group]));
    const std::size_t size = out->size();
    if (!apply(p, g, out)) {
      if (!p.optional) return false;
      out->resize(size);
    }
  }
  return true;
}

// Appends what piece `p`'s function makes of the group's text `text`; false when it fails.
bool Template::apply(const Piece& p, std::string_view text, std::string* out) const {
  const Lexicon& lexicon = *lexicon_;
  switch (p.fn) {
    case Fn::kText:
      *out += text;
      return true;
    case Fn::kNum:
    case Fn::kNum10:
    case Fn::kNum100: {  // decades and centuries as years
      const long n = parse_number(text, lexicon);
      if (n == -1) return false;
      const long times = p.fn == Fn::kNum ? 1 : p.fn == Fn::kNum10 ? 10 : 100;
      *out += n == -2 ? "X" : std::to_string(n * times);
      return true;
    }
    case Fn::kDay2: {  // "5", "05", "5th", "fifth"
      std::string_view t = text;
      if (t.size() > 2 && std::isdigit(static_cast<unsigned char>(t[0])) &&
          std::isalpha(static_cast<unsigned char>(t.back())))
        t.remove_suffix(2);
      long n = parse_number(t, lexicon);
      if (n < 0) {
        std::string ord;
        const auto table = lexicon.find("ordinal");
        if (look_up(table == lexicon.end() ? nullptr : &table->second, text, &ord))
          n = std::stol(ord);
      }
      if (n < 0 || n > 99) return false;
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02ld", n);
      *out += buf;
      return true;
    }
    case Fn::kYear4: {
      std::string d;
      for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
      if (d.size() == 2) d = (d[0] <= '3' ? "20" : "19") + d;
      if (d.size() != 4) return false;
      *out += d;
      return true;
    }
    case Fn::kTable: {
      std::string word;
      if (!look_up(p.table, text, &word)) return false;
      *out += word;
      return true;
    }
  }
  return false;
}

bool check_template(std::string_view tmpl, const std::set<std::string>& groups,
                    const Lexicon& lexicon, std::string* message) {
  std::size_t i = 0;
  while ((i = tmpl.find('{', i)) != std::string_view::npos) {
    const std::size_t close = closing_brace(tmpl, i);
    if (close == std::string_view::npos) {
      *message = "unclosed '{' in template '" + std::string(tmpl) + "'";
      return false;
    }
    const std::string_view ref = tmpl.substr(i + 1, close - i - 1);
    i = close + 1;
    if (!ref.empty() && ref[0] == '?') {
      std::string_view name, then, otherwise;
      split_conditional(ref.substr(1), &name, &then, &otherwise);
      if (!groups.count(std::string(name))) {
        *message = "unknown group '" + std::string(name) + "'";
        return false;
      }
      if (!check_template(then, groups, lexicon, message) ||
          !check_template(otherwise, groups, lexicon, message))
        return false;
      continue;
    }
    const std::size_t colon = ref.find(':');
    const std::string name(ref.substr(0, colon));
    if (!groups.count(name)) {
      *message = "unknown group '" + name + "'";
      return false;
    }
    if (colon != std::string_view::npos) {
      std::string fn(ref.substr(colon + 1));
      if (!fn.empty() && fn.back() == '?') fn.pop_back();
      if (fn != "num" && fn != "num10" && fn != "num100" && fn != "day2" && fn != "year4" &&
          !lexicon.count(fn)) {
        *message = "unknown table '" + fn + "'";
        return false;
      }
    }
  }
  return true;
}

}  // namespace timeline::temporal_detail
