// The English (and any rule-driven language's) Tagger: segment, match, resolve, link.
#include <timeline/tagger.hpp>

#include <cctype>
#include <stdexcept>

#include "temporal/calendar.hpp"
#include "temporal/links.hpp"
#include "temporal/matcher.hpp"
#include "temporal/resolve.hpp"
#include "text/tense.hpp"

namespace timeline {
namespace {

using namespace temporal_detail;

// The narrative's last dates, by grain: "the next day" reads the last day named, "the
// following month" the last month (or day), "the quarter" the last quarter named, "that year"
// the last year (or finer). All start at the publication date.
struct Refs {
  std::optional<bg::date> day, month, quarter, year;
  bool quarter_set = false;  // a quarter has been named

  void update(const std::optional<bg::date>& start, Precision p,
              const std::optional<bg::date>& anchor) {
    if (p >= Precision::kDay) day = start;
    if (p >= Precision::kMonth) month = start;
    // Only a quarter named as such, and only the first of the two years before the
    // publication date: an earnings story names the quarter it reports first, and the others
    // it names are comparisons ("after a flat second quarter", "the best since the third
    // quarter of 1984").
    if (p == Precision::kQuarter && !quarter_set && start && anchor &&
        (*anchor - *start).days() >= -92 && (*anchor - *start).days() <= 731) {
      quarter = start;
      quarter_set = true;
    }
    if (p >= Precision::kYear) year = start;
  }

  // The reference a "UNDEF-ref-UNIT..." value is resolved against, by the grain of UNIT.
  const std::optional<bg::date>& for_value(std::string_view partial) const {
    if (partial.substr(0, 10) != "UNDEF-ref-") return day;
    const std::string_view unit = partial.substr(10, 4);
    if (unit == "year" || unit == "deca" || unit == "cent") return year;
    if (unit == "quar" || unit == "half") return quarter;
    if (unit == "mont") return month;
    return day;
  }
};

// True for "UNDEF-ref-UNIT-N..." (a shift into the past from the narrative's date) and for
// "UNDEF-ref-UNIT+0@YYYY" (the narrative's period in another year).
bool backward_shift(const std::string& partial) {
  if (partial.find('@') != std::string::npos) return true;
  const std::size_t minus = partial.find('-', 10);
  return minus != std::string::npos && minus + 1 < partial.size() &&
         std::isdigit(static_cast<unsigned char>(partial[minus + 1]));
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
    // "The quarter" before any is named is the last one completed: news reports on it.
    Refs refs{anchor, anchor, anchor, anchor};
    try {
      if (anchor) refs.quarter = *anchor - bg::months(3);
    } catch (const std::out_of_range&) {  // before 1400-04-01 Boost.Date_Time has no such date
    }
    // The anchor of the values resolved against the publication date, written once.
    const std::string anchor_text = anchor ? iso_date(*anchor) : std::string();
    std::vector<Timex> out;
    // The rules' values, before resolution: one list per thread, whose room serves every
    // document the thread tags.
    static thread_local std::vector<std::string> partials;
    partials.clear();
    bool quarter_named = false;         // the document has named a quarter so far
    // The words of the sentence, read at its first timex: one per thread, whose storage serves
    // every document the thread tags.
    static thread_local TenseCues cues;
    // Where rules may match in every sentence, first (Matcher::scan).
    static thread_local Matcher::Scan scan;
    matcher_->scan(text, sentences, &scan);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const Sentence& s = sentences[i];
      if (s.end > text.size() || s.begin >= s.end) continue;
      const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
      // The sentence's own tense, read once and only if a timex needs it.
      std::optional<Tense> sentence_tense_once;
      bool cues_read = false;
      // The matches are this loop's own: their strings move into the timexes.
      for (Match& m : matcher_->find(text, s.begin, s.end, scan, i)) {
        if (!cues_read) {
          cues.reset(sentence);
          cues_read = true;
        }
        if (out.empty()) out.reserve(16);  // spares the first few moves of growth
        Timex& t = out.emplace_back();     // filled in place
        t.begin = m.begin;
        t.end = m.end;
        find_signal(text, &t);
        const std::string_view signal = t.signal;
        // The clause's tense within five words, and within ten (asked at once).
        Tense within_ten = Tense::kUnknown;
        const Tense near =
            cues.local_tense(m.begin - s.begin, m.end - s.begin, 5, 10, true, &within_ten);
        Tense tense = near;
        if (tense == Tense::kUnknown || tense == Tense::kPresent) {
          // A strong cue farther in the clause outranks the sentence's ("since he was rescued
          // off the coast of Florida in late November" in a sentence that has a "will").
          const Tense wide = near == Tense::kUnknown ? within_ten : Tense::kUnknown;
          if (wide == Tense::kPast || wide == Tense::kFuture) tense = wide;
          else {
            if (!sentence_tense_once) sentence_tense_once = cues.sentence_tense();
            if (*sentence_tense_once != Tense::kUnknown) tense = *sentence_tense_once;
          }
        }
        // A past tense that only the sentence shows, with no verb near the expression, is a weak
        // cue: "the dividend is payable Dec. 7, the company said" (written in November).
        bool loose = tense == Tense::kPast && near != Tense::kPast;
        // So is a past sentence around a deadline: "extended the offer to Nov. 20".
        if (tense == Tense::kPast && (signal == "by" || signal == "until" ||
                                      signal == "till" || signal == "to" ||
                                      signal == "through" || signal == "past"))
          loose = true;
        // "by year-end" with no past verb near is a deadline ahead; so is "until Tuesday".
        if (signal == "by" && (tense == Tense::kUnknown || tense == Tense::kPresent))
          tense = Tense::kFuture;
        // ...unless the sentence opens with it: "Until Thursday, they had not called".
        if ((signal == "until" || signal == "till") &&
            m.value.find("-weekday-") != std::string::npos &&
            !(near == Tense::kPast && t.signal_begin >= s.begin &&
              text.substr(s.begin, t.signal_begin - s.begin).find_first_not_of(" \t\n\r\"'`") ==
                  std::string_view::npos))
          tense = Tense::kFuture;
        // "as soon as Tuesday", "as early as next week": the earliest time of something ahead.
        if (signal == "as soon as" ||
            (signal == "as early as" && near != Tense::kPast && tense != Tense::kPast))
          tense = Tense::kFuture;
        if (signal == "since") {  // "has been down since March"
          tense = Tense::kPast;
          loose = false;
        }
        std::string& partial =
            quarter_named && !m.value_after_quarter.empty() ? m.value_after_quarter : m.value;
        const std::optional<bg::date>& ref = refs.for_value(partial);
        Resolved r = resolve_value(partial, anchor, ref, tense, loose);
        t.text.assign(text.data() + m.begin, m.end - m.begin);
        t.type = std::move(m.type);
        t.value = std::move(r.value);
        t.mod = std::move(m.mod);
        t.quant = std::move(m.quant);
        t.freq = std::move(m.freq);
        t.rule = m.rule->name;
        t.resolved = r.resolved;
        if (r.resolved && std::string_view(m.value).substr(0, 6) == "UNDEF-") {
          if (r.used_ref && ref) t.anchor = iso_date(*ref);
          else t.anchor = anchor_text;
        }
        const std::string_view type = t.type;
        if (type == "DATE" || type == "TIME") {
          // Most values are a year, month or day: those without a whole Span.
          Precision precision = Precision::kUnknown;
          bg::date first_day;
          bool on_calendar = plain_date_span(t.value, &precision, &first_day);
          if (!on_calendar) {
            if (const auto span = span_of(t.value)) {
              on_calendar = true;
              precision = span->precision;
              first_day = span->first_day();
            }
          }
          if (on_calendar) {
            t.precision = precision;
            // A date reached backwards from the narrative ("a year earlier") is a comparison,
            // not a step of the story: it does not move the references.
            if (!(r.used_ref && backward_shift(partial))) refs.update(first_day, precision, anchor);
            if (precision == Precision::kQuarter) quarter_named = true;
          }
        }
        partials.push_back(std::move(partial));
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
