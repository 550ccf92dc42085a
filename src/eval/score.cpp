// TempEval-3 timex scoring: token-sharing (relaxed) and identical-extent (strict) matches,
// attribute accuracy over the relaxed pairs. See timeline/eval.hpp for the definitions.
#include <timeline/eval.hpp>

#include <algorithm>

namespace timeline {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }
bool is_word(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

// Token number of every byte of `text`, -1 for white space.
std::vector<int> token_ids(const std::string& text) {
  std::vector<int> ids(text.size(), -1);
  int next = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (is_space(c)) {
      ++i;
    } else if (is_word(c)) {
      while (i < text.size() && is_word(static_cast<unsigned char>(text[i]))) ids[i++] = next;
      ++next;
    } else {
      ids[i++] = next++;
    }
  }
  return ids;
}

// Whether [b1,e1) and [b2,e2) cover a common token.
bool share_token(const std::vector<int>& ids, std::uint32_t b1, std::uint32_t e1,
                 std::uint32_t b2, std::uint32_t e2) {
  auto first_last = [&](std::uint32_t b, std::uint32_t e, int* lo, int* hi) {
    *lo = -1;
    *hi = -1;
    for (std::uint32_t i = b; i < e && i < ids.size(); ++i) {
      if (ids[i] < 0) continue;
      if (*lo < 0) *lo = ids[i];
      *hi = ids[i];
    }
  };
  int lo1, hi1, lo2, hi2;
  first_last(b1, e1, &lo1, &hi1);
  first_last(b2, e2, &lo2, &hi2);
  if (lo1 < 0 || lo2 < 0) return false;
  return lo1 <= hi2 && lo2 <= hi1;
}

std::uint32_t overlap(const TimemlTimex& a, const TimemlTimex& b) {
  std::uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(static_cast<unsigned char>(c))) {
      space = true;
    } else {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

// Up to `words` words on each side of [b, e), the span in brackets.
std::string context_of(const std::string& text, std::uint32_t b, std::uint32_t e, int words = 5) {
  auto space_at = [&](std::size_t i) { return is_space(static_cast<unsigned char>(text[i])); };
  std::size_t lo = b;
  for (int n = 0; n < words && lo > 0; ++n) {
    while (lo > 0 && space_at(lo - 1)) --lo;
    while (lo > 0 && !space_at(lo - 1)) --lo;
  }
  std::size_t hi = e;
  for (int n = 0; n < words && hi < text.size(); ++n) {
    while (hi < text.size() && space_at(hi)) ++hi;
    while (hi < text.size() && !space_at(hi)) ++hi;
  }
  std::string before = one_line(std::string_view(text).substr(lo, b - lo));
  std::string after = one_line(std::string_view(text).substr(e, hi - e));
  bool space_before = b > lo && space_at(b - 1), space_after = hi > e && space_at(e);
  return before + (space_before ? " [" : "[") + one_line(std::string_view(text).substr(b, e - b)) +
         (space_after ? "] " : "]") + after;
}

EvalIssue issue(const std::string& kind, const std::string& text, const TimemlTimex* g,
                const TimemlTimex* s) {
  EvalIssue i;
  i.kind = kind;
  const TimemlTimex* at = g ? g : s;
  i.begin = at->begin;
  i.end = at->end;
  if (g) {
    i.gold_text = text.substr(g->begin, g->end - g->begin);
    i.gold_type = g->type;
    i.gold_value = g->value;
  }
  if (s) {
    i.system_text = text.substr(s->begin, s->end - s->begin);
    i.system_type = s->type;
    i.system_value = s->value;
  }
  i.context = context_of(text, at->begin, at->end);
  return i;
}

double ratio(int a, int b) { return b > 0 ? static_cast<double>(a) / b : 0.0; }
double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace

EvalCounts& EvalCounts::operator+=(const EvalCounts& o) {
  gold += o.gold;
  system += o.system;
  strict_gold += o.strict_gold;
  strict_system += o.strict_system;
  relaxed_gold += o.relaxed_gold;
  relaxed_system += o.relaxed_system;
  value_correct += o.value_correct;
  type_correct += o.type_correct;
  for (const auto& [type, t] : o.by_type) {
    EvalTypeCounts& mine = by_type[type];
    mine.gold += t.gold;
    mine.relaxed_gold += t.relaxed_gold;
    mine.strict_gold += t.strict_gold;
    mine.value_correct += t.value_correct;
    mine.system += t.system;
    mine.relaxed_system += t.relaxed_system;
  }
  return *this;
}

EvalScores scores_of(const EvalCounts& c) {
  EvalScores s;
  s.strict_p = ratio(c.strict_system, c.system);
  s.strict_r = ratio(c.strict_gold, c.gold);
  s.strict_f1 = f1(s.strict_p, s.strict_r);
  s.relaxed_p = ratio(c.relaxed_system, c.system);
  s.relaxed_r = ratio(c.relaxed_gold, c.gold);
  s.relaxed_f1 = f1(s.relaxed_p, s.relaxed_r);
  s.value_accuracy = ratio(c.value_correct, c.relaxed_gold);
  s.type_accuracy = ratio(c.type_correct, c.relaxed_gold);
  s.value_f1 = s.value_accuracy * s.relaxed_f1;
  s.type_f1 = s.type_accuracy * s.relaxed_f1;
  return s;
}

void EvalReport::add(DocumentEval d) {
  total += d.counts;
  documents.push_back(std::move(d));
}

bool score_document(const std::string& name, const TimemlFile& gold, const TimemlFile& system,
                    DocumentEval* out, Error* error) {
  if (gold.text != system.text) {
    std::size_t n = 0;
    while (n < gold.text.size() && n < system.text.size() && gold.text[n] == system.text[n]) ++n;
    *error = Error{name, 0, 0, "system text differs from gold text at byte " + std::to_string(n)};
    return false;
  }
  *out = DocumentEval{};
  out->name = name;
  const std::string& text = gold.text;
  const std::vector<int> ids = token_ids(text);
  const auto& G = gold.timexes;
  const auto& S = system.timexes;
  EvalCounts& c = out->counts;
  c.gold = static_cast<int>(G.size());
  c.system = static_cast<int>(S.size());

  std::vector<bool> s_relaxed(S.size()), s_strict(S.size());
  for (const TimemlTimex& g : G) {
    const TimemlTimex* partner = nullptr;
    bool strict = false;
    for (std::size_t j = 0; j < S.size(); ++j) {
      const TimemlTimex& s = S[j];
      if (!share_token(ids, g.begin, g.end, s.begin, s.end)) continue;
      s_relaxed[j] = true;
      bool same = s.begin == g.begin && s.end == g.end;
      if (same) s_strict[j] = true;
      if (!partner || (same && !strict) || (!strict && overlap(g, s) > overlap(g, *partner))) {
        partner = &s;
        strict = strict || same;
      }
    }
    EvalTypeCounts& by = c.by_type[g.type];
    ++by.gold;
    if (!partner) {
      out->issues.push_back(issue("missed", text, &g, nullptr));
      continue;
    }
    ++c.relaxed_gold;
    ++by.relaxed_gold;
    if (strict) {
      ++c.strict_gold;
      ++by.strict_gold;
    } else {
      out->issues.push_back(issue("extent", text, &g, partner));
    }
    if (partner->value == g.value) {
      ++c.value_correct;
      ++by.value_correct;
    } else {
      out->issues.push_back(issue("value", text, &g, partner));
    }
    if (partner->type == g.type) ++c.type_correct;
    else out->issues.push_back(issue("type", text, &g, partner));
  }
  for (std::size_t j = 0; j < S.size(); ++j) {
    EvalTypeCounts& by = c.by_type[S[j].type];
    ++by.system;
    if (s_relaxed[j]) ++by.relaxed_system;
    if (s_relaxed[j]) ++c.relaxed_system;
    else out->issues.push_back(issue("spurious", text, nullptr, &S[j]));
    if (s_strict[j]) ++c.strict_system;
  }
  std::stable_sort(out->issues.begin(), out->issues.end(),
                   [](const EvalIssue& a, const EvalIssue& b) { return a.begin < b.begin; });
  return true;
}

DocumentEval score_missing(const std::string& name, const TimemlFile& gold) {
  DocumentEval d;
  d.name = name;
  d.note = "no system file: every gold timex counts as missed";
  d.counts.gold = static_cast<int>(gold.timexes.size());
  for (const TimemlTimex& g : gold.timexes) {
    ++d.counts.by_type[g.type].gold;
    d.issues.push_back(issue("missed", gold.text, &g, nullptr));
  }
  return d;
}

bool tag_and_score(const Tagger& tagger, std::string_view gold_bytes, const std::string& name,
                   DocumentEval* out, Error* error) {
  TimemlFile gold;
  if (!read_timeml(gold_bytes, name, &gold, error)) return false;
  Document doc;
  doc.id = name;
  doc.source = name;
  doc.format = Format::kTimeml;
  doc.text = gold.text;
  doc.published = gold.dct.substr(0, std::min<std::size_t>(gold.dct.size(), 10));
  doc.timeml_source = std::string(gold_bytes);
  doc.timeml_text_begin = gold.text_begin;
  doc.timeml_text_end = gold.text_end;
  std::string written = write_timeml(doc, tagger.tag(doc));
  TimemlFile system;
  if (!read_timeml(written, name + " (system output)", &system, error)) return false;
  return score_document(name, gold, system, out, error);
}

}  // namespace timeline
