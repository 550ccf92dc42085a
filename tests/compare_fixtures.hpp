// Builders for the comparison tests: claims and documents written as one short line each.
// A time is given as a TIMEX3 date value ("2025", "2025-08", "2025-08-14", "2024-07-23TNI" for
// a night, "TAF" afternoon, "TMO" morning), an open start
// ("2026-01/.."), "statement" (dated by the document's publication), or "" (no time).
#pragma once

#include <boost/date_time/gregorian/gregorian.hpp>

#include <string>
#include <vector>

#include <timeline/claim.hpp>

namespace timeline::test {

inline std::string iso(const boost::gregorian::date& d) {
  return boost::gregorian::to_iso_extended_string(d);
}

// The When of a TIMEX3 date value, with its interval worked out on the calendar.
inline When when_of(const std::string& value, const std::string& published) {
  using boost::gregorian::date;
  When w;
  if (value.empty()) {
    w.basis = "none";
    return w;
  }
  if (value == "statement") {
    w.basis = "statement";
    w.timex3 = w.edtf = w.start = published;
    w.end = iso(date(boost::gregorian::from_simple_string(published)) +
                boost::gregorian::days(1));
    w.precision = Precision::kDay;
    return w;
  }
  w.basis = "text";
  std::string v = value;
  const bool open_end = v.size() > 3 && v.substr(v.size() - 3) == "/..";
  if (open_end) v = v.substr(0, v.size() - 3);
  w.timex3 = v;
  w.edtf = value;
  const int y = std::stoi(v.substr(0, 4));
  if (v.size() == 4) {
    w.start = iso(date(y, 1, 1));
    w.end = iso(date(y + 1, 1, 1));
    w.precision = Precision::kYear;
  } else if (v.size() == 7) {
    const date first(y, std::stoi(v.substr(5, 2)), 1);
    w.start = iso(first);
    w.end = iso(first + boost::gregorian::months(1));
    w.precision = Precision::kMonth;
  } else if (v.size() > 10 && v[10] == 'T') {  // part of a day: "2024-07-23TNI" (night)
    const date d = boost::gregorian::from_simple_string(v.substr(0, 10));
    const std::string part = v.substr(11);
    const bool night = part == "NI";
    w.start = iso(d) + (night ? "T21:00" : part == "AF" ? "T12:00" : "T06:00");
    w.end = iso(night ? d + boost::gregorian::days(1) : d) +
            (night ? "T06:00" : part == "AF" ? "T18:00" : "T12:00");
    w.precision = Precision::kPartOfDay;
  } else {
    const date d = boost::gregorian::from_simple_string(v);
    w.start = iso(d);
    w.end = iso(d + boost::gregorian::days(1));
    w.precision = Precision::kDay;
  }
  if (open_end) w.end.clear();
  return w;
}

struct ClaimSpec {
  Action action;
  Status status;
  std::string targets;      // names separated by '|'; "name@region" gives a region
  std::string actor;        // "" for none; "name:kind" gives the kind
  std::string time;         // see the file comment
  std::string duration;     // TIMEX3 duration or ""
  std::string sentence;     // the evidence sentence
};

inline Entity entity(const std::string& spec, const std::string& default_kind) {
  Entity e;
  std::string s = spec;
  const auto colon = s.find(':');
  e.kind = default_kind;
  if (colon != std::string::npos) {
    e.kind = s.substr(colon + 1);
    s = s.substr(0, colon);
  }
  const auto at = s.find('@');
  if (at != std::string::npos) {
    e.region = s.substr(at + 1);
    s = s.substr(0, at);
  }
  e.name = e.mention = s;
  return e;
}

inline DocumentClaims document(const std::string& id, const std::string& published,
                               const std::vector<ClaimSpec>& specs) {
  DocumentClaims d;
  d.id = id;
  d.title = "Article " + id;
  d.published = published;
  d.source = id + ".txt";
  for (const ClaimSpec& s : specs) {
    Claim c;
    c.id = id + "#" + std::to_string(d.claims.size() + 1);
    c.action = s.action;
    c.status = s.status;
    if (!s.actor.empty()) c.actor = entity(s.actor, "regulator");
    std::string rest = s.targets;
    while (!rest.empty()) {
      const auto bar = rest.find('|');
      c.targets.push_back(entity(rest.substr(0, bar), "platform"));
      rest = bar == std::string::npos ? "" : rest.substr(bar + 1);
    }
    c.when = when_of(s.time, published);
    c.when.duration = s.duration;
    c.evidence.push_back(Evidence{s.sentence, Span{0, static_cast<std::uint32_t>(s.sentence.size())}, {}});
    d.claims.push_back(std::move(c));
  }
  return d;
}

}  // namespace timeline::test
