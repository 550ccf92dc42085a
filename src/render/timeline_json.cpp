// The project's own timeline JSON (schemas/timeline.schema.json) and the CSV table.
#include <timeline/json.hpp>
#include <timeline/render.hpp>

#include "render/describe.hpp"

namespace timeline {
namespace {

using nlohmann::json;

json source_json(const Timeline& t, const Statement& s) {
  const Claim& c = s.claim;
  return json{{"document", t.documents[s.document].id},
              {"claim", c.id},
              {"status", status_name(c.status)},
              {"certainty", certainty_name(c.certainty)},
              {"claimed_by", c.claimed_by},
              {"reported_by", c.reported_by},
              {"trigger", c.trigger},
              {"confidence", c.confidence},
              {"time_text", c.when.text},
              {"evidence", c.evidence}};
}

}  // namespace

json timeline_json(const Timeline& t) {
  json docs = json::array();
  std::size_t claims = 0;
  for (const TimelineDocument& d : t.documents) {
    docs.push_back(json{{"id", d.id},
                        {"title", d.title},
                        {"url", d.url},
                        {"published", d.published},
                        {"source", d.source},
                        {"claims", d.claims}});
    claims += d.claims;
  }
  json events = json::array();
  for (const Event& e : t.events) {
    const Claim& c = e.claim;
    json sources = json::array();
    for (const Statement& s : e.sources) sources.push_back(source_json(t, s));
    json ev{{"id", e.id},
            {"placed", e.placed},
            {"headline", render::headline(c)},
            {"display_date", display_date(c.when)},
            {"action", action_name(c.action)},
            {"status", status_name(c.status)},
            {"certainty", certainty_name(c.certainty)},
            {"actor", c.actor},
            {"targets", c.targets},
            {"claimed_by", c.claimed_by},
            {"reported_by", c.reported_by},
            {"when", c.when},
            {"sources", std::move(sources)}};
    if (!e.open_until.empty()) ev["open_until"] = e.open_until;
    events.push_back(std::move(ev));
  }
  return json{{"format", "timeline"},
              {"version", 1},
              {"documents", std::move(docs)},
              {"counts",
               {{"documents", t.documents.size()},
                {"claims", claims},
                {"events", t.events.size()},
                {"placed", t.placed},
                {"unplaced", t.events.size() - t.placed}}},
              {"events", std::move(events)}};
}

namespace {

// RFC 4180 field: quoted when it holds a comma, quote or line break. A field that a spreadsheet
// would run as a formula (leading = + @) gets a leading apostrophe.
std::string csv_field(const std::string& v) {
  std::string s = v;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '@')) s.insert(0, "'");
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string timeline_csv(const Timeline& t) {
  static const char* const kHeader[] = {
      "event",      "document",    "claim",       "start",   "end",         "precision",
      "date",       "timex3",      "edtf",        "basis",   "time_text",   "action",
      "status",     "certainty",   "actor",       "actor_mention", "targets", "claimed_by",
      "reported_by", "trigger",    "confidence",  "evidence", "title",      "url",
      "published"};
  std::string out;
  for (const char* h : kHeader) out += (out.empty() ? "" : ",") + std::string(h);
  out += "\r\n";
  for (const Event& e : t.events) {
    for (const Statement& s : e.sources) {
      const Claim& c = s.claim;
      const TimelineDocument& d = t.documents[s.document];
      const std::vector<std::string> row = {
          e.id, d.id, c.id, c.when.start, c.when.end, precision_name(c.when.precision),
          display_date(c.when), c.when.timex3, c.when.edtf, c.when.basis, c.when.text,
          action_name(c.action), status_name(c.status), certainty_name(c.certainty),
          c.actor.name, c.actor.mention, render::target_list(c), c.claimed_by, c.reported_by,
          c.trigger, number(c.confidence), c.evidence.empty() ? "" : c.evidence.front().sentence,
          d.title, d.url, d.published};
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + csv_field(row[i]);
      out += line + "\r\n";
    }
  }
  return out;
}

}  // namespace timeline
