// compare_json(): the JSON form of a Comparison, as published in schemas/compare.schema.json.
// Every member carries its document id, claim id and evidence sentence, so each side of a
// conflict can be traced to the words of its article.
#include <timeline/compare.hpp>

namespace timeline {
namespace {

using nlohmann::json;

json when_json(const When& w) {
  json j{{"timex3", w.timex3},   {"edtf", w.edtf},   {"start", w.start},
         {"end", w.end},         {"precision", precision_name(w.precision)},
         {"basis", w.basis},     {"text", w.text}};
  if (!w.duration.empty()) j["duration"] = w.duration;
  return j;
}

json evidence_json(const Claim& c) {
  if (c.evidence.empty()) return json{{"sentence", ""}, {"begin", 0}, {"end", 0}};
  const Evidence& e = c.evidence.front();
  return json{{"sentence", e.sentence}, {"begin", e.span.begin}, {"end", e.span.end}};
}

json member_json(const std::vector<DocumentClaims>& docs, const EventMember& m) {
  const DocumentClaims& d = docs[m.doc];
  const Claim& c = d.claims[m.claim];
  return json{{"document", d.id},
              {"claim", c.id},
              {"status", status_name(c.status)},
              {"certainty", certainty_name(c.certainty)},
              {"actor", c.actor.name},
              {"claimed_by", c.claimed_by},
              {"reported_by", c.reported_by},
              {"when", when_json(c.when)},
              {"less_specific", m.less_specific},
              {"evidence", evidence_json(c)}};
}

json conflict_json(const std::vector<DocumentClaims>& docs, const AlignedEvent& e,
                   const Conflict& c) {
  json sides = json::array();
  for (const ConflictSide& s : c.sides) {
    json documents = json::array(), evidence = json::array();
    for (std::size_t m : s.members) {
      const EventMember& em = e.members[m];
      const std::string& id = docs[em.doc].id;
      if (std::find(documents.begin(), documents.end(), id) == documents.end())
        documents.push_back(id);
      evidence.push_back(evidence_json(docs[em.doc].claims[em.claim]).at("sentence"));
    }
    sides.push_back(json{{"value", s.value},
                         {"members", s.members},
                         {"documents", std::move(documents)},
                         {"evidence", std::move(evidence)}});
  }
  return json{{"field", c.field}, {"sides", std::move(sides)}};
}

json event_json(const std::vector<DocumentClaims>& docs, const AlignedEvent& e) {
  json targets = json::array(), documents = json::array(), members = json::array(),
       conflicts = json::array();
  for (const Entity& t : e.targets) {
    json tj{{"name", t.name.empty() ? t.mention : t.name}};
    if (!t.region.empty()) tj["region"] = t.region;
    targets.push_back(std::move(tj));
  }
  for (std::size_t d : e.documents) documents.push_back(docs[d].id);
  for (const EventMember& m : e.members) members.push_back(member_json(docs, m));
  for (const Conflict& c : e.conflicts) conflicts.push_back(conflict_json(docs, e, c));
  json j{{"id", e.id},
         {"action", action_name(e.action)},
         {"verdict", verdict_name(e.verdict)},
         {"sources", e.documents.size()},
         {"targets", std::move(targets)},
         {"actor", e.actor.name},
         {"when", when_json(e.when)},
         {"documents", std::move(documents)},
         {"members", std::move(members)},
         {"conflicts", std::move(conflicts)}};
  if (e.most_precise >= 0) {
    const EventMember& m = e.members[static_cast<std::size_t>(e.most_precise)];
    const Claim& c = docs[m.doc].claims[m.claim];
    j["more_precise"] = json{{"member", e.most_precise},
                             {"document", docs[m.doc].id},
                             {"claim", c.id},
                             {"timex3", c.when.timex3},
                             {"precision", precision_name(c.when.precision)}};
  }
  return j;
}

}  // namespace

nlohmann::json compare_json(const std::vector<DocumentClaims>& docs, const Comparison& cmp) {
  json documents = json::array(), events = json::array();
  for (const DocumentClaims& d : docs) {
    documents.push_back(json{{"id", d.id},
                             {"title", d.title},
                             {"url", d.url},
                             {"published", d.published},
                             {"source", d.source},
                             {"claims", d.claims.size()}});
  }
  std::size_t counts[3] = {0, 0, 0};
  for (const AlignedEvent& e : cmp.events) {
    ++counts[static_cast<int>(e.verdict)];
    events.push_back(event_json(docs, e));
  }
  json summary{{"documents", docs.size()},
               {"claims", cmp.stats.claims},
               {"events", cmp.events.size()},
               {"corroborated", counts[static_cast<int>(Verdict::kCorroborated)]},
               {"conflict", counts[static_cast<int>(Verdict::kConflict)]},
               {"single_source", counts[static_cast<int>(Verdict::kSingleSource)]}};
  return json{{"documents", std::move(documents)},
              {"summary", std::move(summary)},
              {"events", std::move(events)}};
}

}  // namespace timeline
