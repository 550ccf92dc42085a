// JSON form of Timex, Claim and DocumentClaims; the schema is schemas/claims.schema.json.
#include <timeline/json.hpp>

#include "common/json_text.hpp"

namespace timeline {

using nlohmann::json;

namespace {

json span_json(const Span& s) { return json{{"begin", s.begin}, {"end", s.end}}; }

// A byte offset: a whole number from 0 to 2^32 - 1. Anything else (-1, 2.5, 1e10) is refused
// with a JSON type error, which the readers of claims files report with its place; converting it
// would wrap or be undefined.
std::uint32_t offset(const json& j, const char* key) {
  const json& v = j.at(key);
  if (v.is_number_unsigned() && v.get<std::uint64_t>() <= 0xFFFFFFFFu)
    return static_cast<std::uint32_t>(v.get<std::uint64_t>());
  if (v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() >= 0 &&
      v.get<std::int64_t>() <= 0xFFFFFFFF)
    return static_cast<std::uint32_t>(v.get<std::int64_t>());
  throw json::type_error::create(302,
                                 std::string("offset \"") + key +
                                     "\" must be a whole number from 0 to 4294967295, not " +
                                     v.dump(),
                                 &v);
}

std::uint32_t offset_or(const json& j, const char* key, std::uint32_t absent) {
  return j.contains(key) ? offset(j, key) : absent;
}

Span span_from(const json& j) {
  Span s;
  s.begin = offset(j, "begin");
  s.end = offset(j, "end");
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
  e.span.begin = offset_or(j, "begin", 0);
  e.span.end = offset_or(j, "end", 0);
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
  w.span.begin = offset_or(j, "begin", 0);
  w.span.end = offset_or(j, "end_offset", 0);
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
  e.span.begin = offset(j, "begin");
  e.span.end = offset(j, "end");
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

namespace {

// The JSON texts below mirror the to_json functions above member for member; json_test checks
// that both write the same bytes.
void write_span_list(std::string* out, const std::vector<Span>& spans) {
  out->push_back('[');
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (k > 0) out->push_back(',');
    *out += "{\"begin\":" + std::to_string(spans[k].begin) +
            ",\"end\":" + std::to_string(spans[k].end) + "}";
  }
  out->push_back(']');
}

// [item,item,...] with each item written by `write`.
template <typename T>
void write_list(std::string* out, const std::vector<T>& items,
                void (*write)(std::string*, const T&)) {
  out->push_back('[');
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out->push_back(',');
    write(out, items[k]);
  }
  out->push_back(']');
}

// Adds the member `key` whose JSON text `write` appends to a string.
template <typename Fn>
void add_written(json_text::Object* o, const char* key, Fn write) {
  std::string text;
  write(&text);
  o->add_raw(key, text);
}

void write_entity(std::string* out, const Entity& e) {
  json_text::Object o;
  o.add_string("name", e.name);
  o.add_string("mention", e.mention);
  o.add_string("kind", e.kind);
  if (!e.region.empty()) o.add_string("region", e.region);
  o.add_uint("begin", e.span.begin);
  o.add_uint("end", e.span.end);
  o.write(out);
}

void write_when(std::string* out, const When& w) {
  json_text::Object o;
  o.add_string("timex3", w.timex3);
  o.add_string("edtf", w.edtf);
  o.add_string("start", w.start);
  o.add_string("end", w.end);
  o.add_string("precision", precision_name(w.precision));
  o.add_string("basis", w.basis);
  o.add_string("text", w.text);
  o.add_uint("begin", w.span.begin);
  o.add_uint("end_offset", w.span.end);
  if (!w.duration.empty()) o.add_string("duration", w.duration);
  o.write(out);
}

void write_evidence(std::string* out, const Evidence& e) {
  json_text::Object o;
  o.add_string("sentence", e.sentence);
  o.add_uint("begin", e.span.begin);
  o.add_uint("end", e.span.end);
  add_written(&o, "highlights", [&](std::string* t) { write_span_list(t, e.highlights); });
  o.write(out);
}

void write_claim(std::string* out, const Claim& c) {
  json_text::Object o;
  o.add_string("id", c.id);
  o.add_string("action", action_name(c.action));
  o.add_string("status", status_name(c.status));
  o.add_string("certainty", certainty_name(c.certainty));
  add_written(&o, "actor", [&](std::string* t) { write_entity(t, c.actor); });
  add_written(&o, "targets", [&](std::string* t) { write_list(t, c.targets, write_entity); });
  o.add_string("claimed_by", c.claimed_by);
  o.add_string("reported_by", c.reported_by);
  add_written(&o, "when", [&](std::string* t) { write_when(t, c.when); });
  add_written(&o, "evidence", [&](std::string* t) { write_list(t, c.evidence, write_evidence); });
  o.add_string("trigger", c.trigger);
  o.add_double("confidence", c.confidence);
  o.write(out);
}

}  // namespace

std::string dump_json(const DocumentClaims& d) {
  json_text::Object o;
  o.add_string("id", d.id);
  o.add_string("title", d.title);
  o.add_string("url", d.url);
  o.add_string("published", d.published);
  o.add_string("source", d.source);
  add_written(&o, "claims", [&](std::string* t) { write_list(t, d.claims, write_claim); });
  std::string out;
  o.write(&out);
  return out;
}

}  // namespace timeline
