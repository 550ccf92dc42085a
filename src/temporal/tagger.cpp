// The English (and any rule-driven language's) Tagger: segment, match, resolve, link.
#include <timeline/tagger.hpp>

#include "temporal/calendar.hpp"
#include "temporal/links.hpp"
#include "temporal/matcher.hpp"
#include "temporal/resolve.hpp"
#include "text/tense.hpp"

namespace timeline {
namespace {

using namespace temporal_detail;

class RuleTagger : public Tagger {
 public:
  explicit RuleTagger(std::unique_ptr<Matcher> m) : matcher_(std::move(m)) {}

  std::vector<Timex> tag(const Document& doc) const override {
    return tag(doc.text, doc.published, segment(doc.text));
  }

  std::vector<Timex> tag(std::string_view text, std::string_view published,
                         const std::vector<Sentence>& sentences) const override {
    const std::optional<bg::date> anchor = parse_iso_date(published);
    std::optional<bg::date> ref = anchor;
    std::vector<Timex> out;
    for (const Sentence& s : sentences) {
      if (s.end > text.size() || s.begin >= s.end) continue;
      const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
      for (const Match& m : matcher_->find(text, s.begin, s.end)) {
        Tense tense = local_tense(sentence, m.begin - s.begin, m.end - s.begin, 5);
        if (tense == Tense::kUnknown || tense == Tense::kPresent) {
          if (s.tense != Tense::kUnknown) tense = s.tense;
        }
        const Resolved r = resolve_value(m.value, anchor, ref, tense);
        Timex t;
        t.begin = m.begin;
        t.end = m.end;
        t.text = std::string(text.substr(m.begin, m.end - m.begin));
        t.type = m.type;
        t.value = r.value;
        t.mod = m.mod;
        t.quant = m.quant;
        t.freq = m.freq;
        t.rule = m.rule->name;
        t.resolved = r.resolved;
        if (m.value.compare(0, 6, "UNDEF-") == 0 && r.resolved) {
          t.anchor = r.used_ref && ref ? iso_date(*ref) : anchor ? iso_date(*anchor) : "";
        }
        if (t.type == "DATE" || t.type == "TIME") {
          if (const auto iv = interval_of(t.value)) {
            t.precision = iv->precision;
            // A day (or finer) becomes the narrative's reference for "the next day".
            if (iv->precision >= Precision::kDay) ref = parse_iso_date(iv->start);
          }
        }
        out.push_back(std::move(t));
      }
    }
    link_signals_and_ranges(text, &out);
    return out;
  }

 private:
  std::unique_ptr<Matcher> matcher_;
};

}  // namespace

std::unique_ptr<Tagger> Tagger::create(const DataFiles& data, const std::string& lang,
                                       Error* error) {
  RuleSet rules;
  if (!load_rules(data, lang, &rules, error)) return nullptr;
  if (rules.rules.empty()) {
    error->file = "rules/" + lang;
    error->message = "no temporal rules for language '" + lang + "'";
    return nullptr;
  }
  auto matcher = Matcher::create(std::move(rules), error);
  if (!matcher) return nullptr;
  return std::make_unique<RuleTagger>(std::move(matcher));
}

}  // namespace timeline
