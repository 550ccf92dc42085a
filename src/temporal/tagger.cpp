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

// The reference date a "UNDEF-ref-UNIT..." value is resolved against, by the grain of UNIT.
const std::optional<bg::date>& ref_for(const std::string& partial,
                                       const std::optional<bg::date>& day,
                                       const std::optional<bg::date>& month,
                                       const std::optional<bg::date>& year) {
  if (partial.compare(0, 10, "UNDEF-ref-") != 0) return day;
  const std::string unit = partial.substr(10, 4);
  if (unit == "year" || unit == "deca" || unit == "cent") return year;
  if (unit == "mont" || unit == "quar" || unit == "half") return month;
  return day;
}

class RuleTagger : public Tagger {
 public:
  explicit RuleTagger(std::unique_ptr<Matcher> m) : matcher_(std::move(m)) {}

  std::vector<Timex> tag(const Document& doc) const override {
    return tag(doc.text, doc.published, segment(doc.text));
  }

  std::vector<Timex> tag(std::string_view text, std::string_view published,
                         const std::vector<Sentence>& sentences) const override {
    const std::optional<bg::date> anchor = parse_iso_date(published);
    // The narrative's last dates, by grain: "the next day" reads the last day named, "the
    // following month" the last month (or day), "that year" the last year (or finer).
    std::optional<bg::date> ref_day = anchor, ref_month = anchor, ref_year = anchor;
    std::vector<Timex> out;
    std::vector<std::string> partials;  // the rules' values, before resolution
    for (const Sentence& s : sentences) {
      if (s.end > text.size() || s.begin >= s.end) continue;
      const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
      for (const Match& m : matcher_->find(text, s.begin, s.end)) {
        Timex t;
        t.begin = m.begin;
        t.end = m.end;
        find_signal(text, &t);
        Tense tense = local_tense(sentence, m.begin - s.begin, m.end - s.begin, 5);
        if (tense == Tense::kUnknown || tense == Tense::kPresent) {
          if (s.tense != Tense::kUnknown) tense = s.tense;
        }
        if (t.signal == "since") tense = Tense::kPast;  // "has been down since March"
        const std::optional<bg::date>& ref = ref_for(m.value, ref_day, ref_month, ref_year);
        const Resolved r = resolve_value(m.value, anchor, ref, tense);
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
            const auto start = parse_iso_date(iv->start);
            if (iv->precision >= Precision::kDay) ref_day = start;
            if (iv->precision >= Precision::kMonth) ref_month = start;
            if (iv->precision >= Precision::kYear) ref_year = start;
          }
        }
        out.push_back(std::move(t));
        partials.push_back(m.value);
      }
    }
    link_ranges(text, &out);
    share_range_years(partials, &out);
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
