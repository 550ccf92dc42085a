// Value templates (see template.hpp).
#include "temporal/template.hpp"

#include <array>
#include <cctype>
#include <cstring>
#include <string>

#include "common/bytes.hpp"

namespace timeline::temporal_detail {
namespace {

// What write_key makes of an ASCII byte: lower case, and ' ' for white space and hyphens (the
// bytes that separate a key's words).
constexpr std::array<char, 128> key_bytes() {
  std::array<char, 128> k{};
  for (unsigned c = 0; c < 128; ++c)
    k[c] = c == '\n' || c == '\t' || c == '-' ? ' '
           : c >= 'A' && c <= 'Z'               ? static_cast<char>(c | 0x20)
                                                : static_cast<char>(c);
  return k;
}
constexpr std::array<char, 128> kKeyByte = key_bytes();

// Writes the lexicon key of `s` to out[0..] (room for s.size() bytes); returns its length.
// Trailing full stops and spaces dropped, then each byte lower-cased (ASCII by a table, the
// others by the C library) and runs of white space and hyphens collapsed to one space.
std::size_t write_key(std::string_view s, char* out) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  std::size_t n = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    char l;
    if (c < 0x80) {
      l = kKeyByte[c];
    } else {
      l = lower_byte(c);
      if (l == '\n' || l == '\t' || l == '-') l = ' ';
    }
    if (l != ' ') out[n++] = l;
    else if (n > 0 && out[n - 1] != ' ') out[n++] = ' ';
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

// The expansion under way: short output gathers in a buffer and goes to the string in one
// append at the end (most expansions are a few bytes, in many pieces); longer output spills.
class Template::Sink {
 public:
  explicit Sink(std::string* out) : out_(out) {}
  std::size_t size() const { return out_->size() + n_; }
  void put(const char* s, std::size_t k) {
    if (k == 0) return;  // s may be null then (an empty view), which memcpy must not be given
    if (k > sizeof buf_ - n_) {
      spill();
      out_->append(s, k);
      return;
    }
    std::memcpy(buf_ + n_, s, k);
    n_ += k;
  }
  void put(std::string_view s) { put(s.data(), s.size()); }
  // Drops what was put after the first `size` bytes.
  void truncate(std::size_t size) {
    if (size >= out_->size()) {
      n_ = size - out_->size();
      return;
    }
    out_->resize(size);
    n_ = 0;
  }
  void finish() { spill(); }

 private:
  void spill() {
    out_->append(buf_, n_);
    n_ = 0;
  }
  char buf_[64];
  std::size_t n_ = 0;
  std::string* out_;
};

namespace {

// Writes n in decimal (as std::to_string writes a long) to the bytes just before `end`; returns
// where it begins.
char* write_number(long n, char* end) {
  const bool negative = n < 0;
  unsigned long u = negative ? 0ul - static_cast<unsigned long>(n) : static_cast<unsigned long>(n);
  char* p = end;
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (negative) *--p = '-';
  return p;
}

}  // namespace

Template::Template(std::string_view tmpl, const std::vector<std::string>& groups,
                   const Lexicon& lexicon)
    : numbers_(table_of(lexicon, "number")), ordinals_(table_of(lexicon, "ordinal")) {
  const std::vector<Piece> pieces = read(tmpl, groups, lexicon);
  bool plain = true;
  for (const Piece& p : pieces) plain = plain && p.group == 0 && !p.condition;
  if (plain) {
    for (const Piece& p : pieces) literals_ += p.literal;
    return;
  }
  flatten(pieces);
}

void Template::flatten(const std::vector<Piece>& pieces) {
  const auto here = [&] { return static_cast<std::uint32_t>(steps_.size()); };
  for (const Piece& p : pieces) {
    Step s;
    s.group = p.group;
    if (p.condition) {
      // {?g:THEN|ELSE}: unless g took part go to ELSE; THEN; go past ELSE; ELSE.
      s.kind = Step::kUnless;
      const std::uint32_t unless = here();
      steps_.push_back(s);
      flatten(p.then);
      if (p.otherwise.empty()) {
        steps_[unless].at = here();
        continue;
      }
      const std::uint32_t past = here();
      Step jump;
      jump.kind = Step::kGoto;
      steps_.push_back(jump);
      steps_[unless].at = here();
      flatten(p.otherwise);
      steps_[past].at = here();
      continue;
    }
    if (p.group == 0) {
      s.kind = Step::kLiteral;
      s.at = static_cast<std::uint32_t>(literals_.size());
      s.size = static_cast<std::uint32_t>(p.literal.size());
      literals_ += p.literal;
    } else {
      s.kind = Step::kGroup;
      s.fn = p.fn;
      s.table = p.table;
      s.optional = p.optional;
    }
    steps_.push_back(s);
  }
}

bool Template::run(std::string_view text, const std::int32_t* spans, std::string* out) const {
  Sink sink(out);
  const Step* const steps = steps_.data();
  const std::size_t count = steps_.size();
  for (std::size_t i = 0; i < count;) {
    const Step& s = steps[i];
    switch (s.kind) {
      case Step::kLiteral:
        sink.put(literals_.data() + s.at, s.size);
        ++i;
        continue;
      case Step::kGoto:
        i = s.at;
        continue;
      case Step::kUnless:
        i = s.group > 0 && spans[2 * s.group] >= 0 ? i + 1 : s.at;
        continue;
      case Step::kGroup: {
        ++i;
        const std::int32_t b = spans[2 * s.group];
        if (b < 0) continue;  // group not in the match
        const auto size = static_cast<std::size_t>(spans[2 * s.group + 1] - b);
        const std::string_view g = text.substr(static_cast<std::size_t>(b), size);
        const std::size_t mark = sink.size();
        if (!apply(s, g, &sink)) {
          if (!s.optional) return false;
          sink.truncate(mark);
        }
        continue;
      }
    }
  }
  sink.finish();
  return true;
}

// Puts what step `s`'s function makes of the group's text `text`; false when it fails.
bool Template::apply(const Step& s, std::string_view text, Sink* out) const {
  switch (s.fn) {
    case Fn::kText:
      out->put(text);
      return true;
    case Fn::kNum:
    case Fn::kNum10:
    case Fn::kNum100: {  // decades and centuries as years
      const long n = parse_number(text, numbers_);
      if (n == -1) return false;
      if (n == -2) {
        out->put("X", 1);
        return true;
      }
      const long times = s.fn == Fn::kNum ? 1 : s.fn == Fn::kNum10 ? 10 : 100;
      char room[24];
      const char* digits = write_number(n * times, room + sizeof room);
      out->put(digits, static_cast<std::size_t>(room + sizeof room - digits));
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
      out->put(two, 2);
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
      if (n == 2) out->put(d[0] <= '3' ? "20" : "19", 2);
      else if (n != 4) return false;
      out->put(d, n);
      return true;
    }
    case Fn::kTable: {
      const std::string* word = look_up(s.table, text);
      if (word == nullptr) return false;
      out->put(*word);
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
