// Time linking (see timelink.hpp).
#include "events/timelink.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "events/sources.hpp"

namespace timeline::events {

using namespace std::string_view_literals;

namespace {

std::optional<Interval> interval_for(const std::string& value) {
  if (auto iv = interval_of(value)) return iv;
  // "2024-07-23TNI" and other part-of-day forms: the day.
  if (value.size() > 10 && value[10] == 'T') return interval_of(value.substr(0, 10));
  return std::nullopt;
}

// The first token that ends after `offset` (tokens are in text order and do not overlap).
std::size_t token_at(const SentenceInfo& si, std::uint32_t offset) {
  const auto it = std::upper_bound(si.toks.begin(), si.toks.end(), offset,
                                   [](std::uint32_t o, const Token& t) { return o < t.end; });
  return static_cast<std::size_t>(it - si.toks.begin());
}

}  // namespace

When statement_time(std::string_view published) {
  When w;
  const std::string day(published.substr(0, std::min<std::size_t>(10, published.size())));
  auto iv = day.empty() ? std::nullopt : interval_of(day);
  if (!iv) {
    w.basis = "none";
    return w;
  }
  w.timex3 = day;
  w.edtf = day;
  w.start = iv->start;
  w.end = iv->end;
  w.precision = iv->precision;
  w.basis = "statement";
  return w;
}

void link_times(const SentenceInfo& si, const std::vector<Timex>& timexes,
                std::string_view published, std::vector<Draft>* drafts) {
  link_times(si, timexes, 0, timexes.size(), published, drafts);
}

void link_times(const SentenceInfo& si, const std::vector<Timex>& timexes, std::size_t from,
                std::size_t to, std::string_view published, std::vector<Draft>* drafts) {
  if (drafts->empty()) return;
  struct Cand {
    std::size_t index;  // into timexes
    std::size_t first, last;
    bool calendar;      // resolved, with a calendar interval
  };
  std::vector<Cand> cands;
  for (std::size_t k = from; k < to && k < timexes.size(); ++k) {
    const Timex& t = timexes[k];
    if (t.begin < si.sentence.begin || t.end > si.sentence.end) continue;
    if (t.type != "DATE"sv && t.type != "TIME"sv && t.type != "DURATION"sv) continue;
    cands.push_back(Cand{k, token_at(si, t.begin), token_at(si, t.end - 1) + 1,
                         t.resolved && interval_for(t.value).has_value()});
  }
  // Drafts come in trigger order and triggers do not overlap, so the drafts before a draft are
  // exactly those whose trigger ends before its own starts: the last of them with a time from
  // the text is the clause before it that shares its time frame.
  const Draft* last_text = nullptr;
  const Draft* previous = nullptr;
  for (Draft& dr : *drafts) {
    if (previous && previous->claim.when.basis == "text"sv) last_text = previous;
    previous = &dr;
    When& w = dr.claim.when;
    long best_score = 1 << 20;
    const Cand* best = nullptr;
    for (const Cand& c : cands) {
      const Timex& t = timexes[c.index];
      if (t.type == "DURATION"sv) {
        if (t.signal == "for"sv && c.first >= dr.trigger_last && c.first <= dr.clause_last + 2)
          w.duration = t.value;
        continue;
      }
      if (!c.calendar) continue;
      const long dist = c.first >= dr.trigger_last
                            ? static_cast<long>(c.first - dr.trigger_last)
                            : static_cast<long>(dr.trigger_first) - static_cast<long>(c.last);
      long score = std::labs(dist);
      const bool in_clause = c.first >= dr.clause_first && c.last <= dr.clause_last + 1;
      if (!in_clause) score += 12;
      // Another trigger of the sentence stands closer to this time.
      for (const Draft& o : *drafts) {
        if (&o == &dr) continue;
        const long od = c.first >= o.trigger_last
                            ? static_cast<long>(c.first - o.trigger_last)
                            : static_cast<long>(o.trigger_first) - static_cast<long>(c.last);
        const bool in_other = c.first >= o.clause_first && c.last <= o.clause_last + 1;
        if (std::labs(od) < std::labs(dist) ||
            (std::labs(od) == std::labs(dist) && in_other && !in_clause))
          score += 12;
      }
      if (t.signal == "since"sv || t.signal == "from"sv) score -= 2;
      if (score < best_score) {
        best_score = score;
        best = &c;
      }
    }
    if (!best || best_score > 24) {
      // "X was restored on July 25, but Y remained blocked": a coordinated clause shares the
      // time frame of the clause before it.
      const Draft* prev = last_text;
      if (prev && dr.clause_first > 0 &&
          one_of(si.toks[dr.clause_first - 1].lower, {"but", "while", "and", "whereas"})) {
        const std::string duration = w.duration;
        w = prev->claim.when;
        if (!duration.empty()) w.duration = duration;
        continue;
      }
      const When keep = w;
      w = statement_time(published);
      w.duration = keep.duration;
      if (dr.ongoing_cue && dr.claim.status == Status::kDone) dr.claim.status = Status::kOngoing;
      continue;
    }
    const Timex& t = timexes[best->index];
    auto iv = interval_for(t.value);
    const std::string duration = w.duration;
    w = When{};
    w.duration = duration;
    w.timex3 = t.value;
    w.start = iv->start;
    w.end = iv->end;
    w.precision = iv->precision;
    w.basis = "text";
    w.text = t.signal.empty() ? t.text : t.signal + " " + t.text;
    w.span = Span{t.signal.empty() ? t.begin : std::min(t.begin, t.signal_begin), t.end};
    const bool open = t.signal == "since"sv || t.mod == "AFTER"sv || t.mod == "ON_OR_AFTER"sv;
    w.edtf = edtf_of(t.value, t.mod, open);
    if (w.edtf.empty()) w.edtf = t.value.substr(0, 10);
    if (open) {
      w.end.clear();
      if (dr.claim.status == Status::kDone) dr.claim.status = Status::kOngoing;
    }
    if (t.range_partner >= 0 && static_cast<std::size_t>(t.range_partner) < timexes.size() &&
        t.signal != "to"sv && t.signal != "until"sv && t.signal != "and"sv) {
      if (auto other = interval_for(timexes[t.range_partner].value)) {
        w.end = other->end;
        w.edtf = t.value + "/" + timexes[t.range_partner].value;
        w.span.end = std::max(w.span.end, timexes[t.range_partner].end);
      }
    }
    if (dr.ongoing_cue && dr.claim.status == Status::kDone) dr.claim.status = Status::kOngoing;
    dr.claim.evidence.front().highlights.push_back(Span{t.begin, t.end});
  }
}

}  // namespace timeline::events
