// JSON form of Timex, Claim and DocumentClaims; the schema is schemas/claims.schema.json.
#include <timeline/json.hpp>

namespace timeline {

using nlohmann::json;

namespace {

json span_json(const Span& s) { return json{{"begin", s.begin}, {"end", s.end}}; }

Span span_from(const json& j) {
  Span s;
  s.begin = j.at("begin").get<std::uint32_t>();
  s.end = j.at("end").get<std::uint32_t>();
  return s;
}

template <typename E>
E label_from(const json& j, const char* field, bool (*parse)(std::string_view, E*)) {
  const std::string label = j.at(field).get<std::string>();
  E out{};
  if (!parse(label, &out)) {
    throw json::other_error::create(501, std::string("unknown ") + field + " '" + label + "'",
                                    &j);
  }
  return out;
}

}  // namespace

void to_json(json& j, const Timex& t) {
  j = json{{"begin", t.begin},         {"end", t.end},     {"text", t.text},
           {"type", t.type},           {"value", t.value}, {"mod", t.mod},
           {"anchor", t.anchor},       {"precision", precision_name(t.precision)},
           {"resolved", t.resolved},   {"signal", t.signal}};
  if (t.type == "SET") {
    j["quant"] = t.quant;
    j["freq"] = t.freq;
  }
  if (t.range_partner >= 0) j["range_partner"] = t.range_partner;
}

void to_json(json& j, const Entity& e) {
  j = json{{"name", e.name}, {"mention", e.mention}, {"kind", e.kind}};
  if (!e.region.empty()) j["region"] = e.region;
  j["begin"] = e.span.begin;
  j["end"] = e.span.end;
}

void from_json(const json& j, Entity& e) {
  e.name = j.at("name").get<std::string>();
  e.mention = j.at("mention").get<std::string>();
  e.kind = j.value("kind", "");
  e.region = j.value("region", "");
  e.span.begin = j.value("begin", 0u);
  e.span.end = j.value("end", 0u);
}

void to_json(json& j, const When& w) {
  j = json{{"timex3", w.timex3},
           {"edtf", w.edtf},
           {"start", w.start},
           {"end", w.end},
           {"precision", precision_name(w.precision)},
           {"basis", w.basis},
           {"text", w.text},
           {"begin", w.span.begin},
           {"end_offset", w.span.end}};
  if (!w.duration.empty()) j["duration"] = w.duration;
}

void from_json(const json& j, When& w) {
  w.timex3 = j.at("timex3").get<std::string>();
  w.edtf = j.at("edtf").get<std::string>();
  w.start = j.at("start").get<std::string>();
  w.end = j.at("end").get<std::string>();
  w.precision = parse_precision(j.at("precision").get<std::string>());
  w.basis = j.at("basis").get<std::string>();
  w.text = j.value("text", "");
  w.span.begin = j.value("begin", 0u);
  w.span.end = j.value("end_offset", 0u);
  w.duration = j.value("duration", "");
}

void to_json(json& j, const Evidence& e) {
  j = json{{"sentence", e.sentence}, {"begin", e.span.begin}, {"end", e.span.end}};
  json hl = json::array();
  for (const Span& s : e.highlights) hl.push_back(span_json(s));
  j["highlights"] = std::move(hl);
}

void from_json(const json& j, Evidence& e) {
  e.sentence = j.at("sentence").get<std::string>();
  e.span.begin = j.at("begin").get<std::uint32_t>();
  e.span.end = j.at("end").get<std::uint32_t>();
  e.highlights.clear();
  if (j.contains("highlights")) {
    for (const json& h : j.at("highlights")) e.highlights.push_back(span_from(h));
  }
}

void to_json(json& j, const Claim& c) {
  j = json{{"id", c.id},
           {"action", action_name(c.action)},
           {"status", status_name(c.status)},
           {"certainty", certainty_name(c.certainty)},
           {"actor", c.actor},
           {"targets", c.targets},
           {"claimed_by", c.claimed_by},
           {"reported_by", c.reported_by},
           {"when", c.when},
           {"evidence", c.evidence},
           {"trigger", c.trigger},
           {"confidence", c.confidence}};
}

void from_json(const json& j, Claim& c) {
  c.id = j.at("id").get<std::string>();
  c.action = label_from<Action>(j, "action", parse_action);
  c.status = label_from<Status>(j, "status", parse_status);
  c.certainty = label_from<Certainty>(j, "certainty", parse_certainty);
  c.actor = j.at("actor").get<Entity>();
  c.targets = j.at("targets").get<std::vector<Entity>>();
  c.claimed_by = j.at("claimed_by").get<std::string>();
  c.reported_by = j.at("reported_by").get<std::string>();
  c.when = j.at("when").get<When>();
  c.evidence = j.at("evidence").get<std::vector<Evidence>>();
  c.trigger = j.value("trigger", "");
  c.confidence = j.at("confidence").get<double>();
}

void to_json(json& j, const DocumentClaims& d) {
  j = json{{"id", d.id},         {"title", d.title},   {"url", d.url},
           {"published", d.published}, {"source", d.source}, {"claims", d.claims}};
}

void from_json(const json& j, DocumentClaims& d) {
  d.id = j.at("id").get<std::string>();
  d.title = j.value("title", "");
  d.url = j.value("url", "");
  d.published = j.value("published", "");
  d.source = j.value("source", "");
  d.claims = j.at("claims").get<std::vector<Claim>>();
}

}  // namespace timeline
