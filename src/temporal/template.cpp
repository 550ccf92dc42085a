// Value templates (see template.hpp).
#include "temporal/template.hpp"

#include <cctype>
#include <string>

#include "common/bytes.hpp"

namespace timeline::temporal_detail {
namespace {

// Writes the lexicon key of `s` to out[0..] (room for s.size() bytes); returns its length.
// Trailing full stops and spaces dropped, then each byte lower-cased (ASCII inline, the others
// by the C library) and runs of white space and hyphens collapsed to one space.
std::size_t write_key(std::string_view s, char* out) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  std::size_t n = 0;
  for (char ch : s) {
    const char l = lower_byte(static_cast<unsigned char>(ch));
    if (l == ' ' || l == '\n' || l == '\t' || l == '-') {
      if (n > 0 && out[n - 1] != ' ') out[n++] = ' ';
    } else {
      out[n++] = l;
    }
  }
  return n;
}

// The lexicon key of `s`, in `buffer` when it fits there, else in `*heap`.
template <std::size_t N>
std::string_view key_of(std::string_view s, char (&buffer)[N], std::string* heap) {
  if (s.size() <= N) return {buffer, write_key(s, buffer)};
  heap->resize(s.size());
  heap->resize(write_key(s, heap->data()));
  return *heap;
}

}  // namespace

std::string lexicon_key(std::string_view s) {
  std::string out(s.size(), '\0');
  out.resize(write_key(s, out.data()));
  return out;
}

namespace {

// The value of the word `text` in `table`, by its lexicon key; nullptr when it is not there.
const std::string* look_up(const LexiconTable* table, std::string_view text) {
  if (table == nullptr) return nullptr;
  char buffer[64];
  std::string heap;
  return table->find(key_of(text, buffer, &heap));
}

const LexiconTable* table_of(const Lexicon& lexicon, std::string_view name) {
  const auto it = lexicon.find(name);
  return it == lexicon.end() ? nullptr : &it->second;
}

}  // namespace

long parse_number(std::string_view text, const Lexicon& lexicon) {
  return parse_number(text, table_of(lexicon, "number"));
}

long parse_number(std::string_view text, const LexiconTable* numbers) {
  char buffer[64];
  std::string heap;
  const std::string_view key = key_of(text, buffer, &heap);
  if (key.empty()) return -1;
  // Digits, with or without thousands separators.
  long value = 0;
  std::size_t digits = 0;
  bool only_digits = true;
  for (char c : key) {
    if (c == ',') continue;
    if (c < '0' || c > '9') {
      only_digits = false;
      break;
    }
    if (++digits <= 9) value = value * 10 + (c - '0');
  }
  if (only_digits && digits > 0) return digits > 9 ? -1 : value;
  if (numbers == nullptr) return -1;
  const LexiconTable& words = *numbers;
  if (const std::string* whole = words.find(key)) return *whole == "X" ? -2 : std::stol(*whole);
  // "twenty five", "one hundred": sum of the parts, a hundred multiplying what came before.
  long total = 0, part = 0;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    const std::string_view w = key.substr(i, j - i);
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
    const std::string* value = words.find(w);
    if (value == nullptr || *value == "X") return -1;
    part += std::stol(*value);
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
      p.table = table_of(lexicon, fn);
    }
    if (p.group == 0) continue;  // a group the pattern lacks never takes part: nothing
    pieces.push_back(std::move(p));
  }
  return pieces;
}

Template::Template(std::string_view tmpl, const std::vector<std::string>& groups,
                   const Lexicon& lexicon)
    : pieces_(read(tmpl, groups, lexicon)),
      numbers_(table_of(lexicon, "number")),
      ordinals_(table_of(lexicon, "ordinal")) {}

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
  switch (p.fn) {
    case Fn::kText:
      *out += text;
      return true;
    case Fn::kNum:
    case Fn::kNum10:
    case Fn::kNum100: {  // decades and centuries as years
      const long n = parse_number(text, numbers_);
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
      long n = parse_number(t, numbers_);
      if (n < 0) {
        if (const std::string* ord = look_up(ordinals_, text)) n = std::stol(*ord);
      }
      if (n < 0 || n > 99) return false;
      const char two[2] = {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
      out->append(two, 2);
      return true;
    }
    case Fn::kYear4: {
      char d[4];
      std::size_t n = 0;
      for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) continue;
        if (n == 4) return false;
        d[n++] = c;
      }
      if (n == 2) out->append(d[0] <= '3' ? "20" : "19");
      else if (n != 4) return false;
      out->append(d, n);
      return true;
    }
    case Fn::kTable: {
      const std::string* word = look_up(p.table, text);
      if (word == nullptr) return false;
      *out += *word;
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
