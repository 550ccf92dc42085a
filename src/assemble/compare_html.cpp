// render_compare_html(): Mustache data for templates/compare.mustache, with compare.css and
// compare.js inlined, so that the page is one file that makes no network request.
//
// The lanes are a grid: row 1 holds the event columns' dates, row d + 2 is document d, column
// e + 2 is event e (events are already in time order). The axis is ordinal, one column per event,
// so that events days apart stay as readable as events years apart.
#include <algorithm>

#include <kainjow/mustache.hpp>

#include <timeline/compare.hpp>
#include <timeline/render.hpp>

#include "render/describe.hpp"

namespace timeline {
namespace {

namespace mu = kainjow::mustache;

const Claim& claim_of(const std::vector<DocumentClaims>& docs, const EventMember& m) {
  return docs[m.doc].claims[m.claim];
}

std::string doc_title(const DocumentClaims& d) { return d.title.empty() ? d.id : d.title; }

std::string date_label(const When& w) {
  const std::string shown = display_date(w);
  if (shown.empty()) return "time not stated";
  if (w.basis == "statement") return "reported " + shown;
  return shown;
}

std::string headline(const AlignedEvent& e) {
  std::string out = render::action_title(e.action);
  if (!e.targets.empty()) {
    out += " of ";
    for (std::size_t i = 0; i < e.targets.size(); ++i) {
      const Entity& t = e.targets[i];
      out += (i ? ", " : "") + (t.name.empty() ? t.mention : t.name);
      if (!t.region.empty()) out += " (" + t.region + ")";
    }
  }
  if (!e.actor.name.empty()) out += " by " + e.actor.name;
  return out;
}

// "P11D" -> "11 days"; other forms are shown as they are.
std::string duration_label(const std::string& v) {
  if (v.size() < 3 || v[0] != 'P' || v[1] == 'T') return v;
  const std::string n = v.substr(1, v.size() - 2);
  if (n.find_first_not_of("0123456789") != std::string::npos) return v;
  const char* units[] = {"day", "week", "month", "year"};
  const std::string letters = "DWMY";
  const auto u = letters.find(v.back());
  if (u == std::string::npos) return v;
  return n + " " + units[u] + (n == "1" ? "" : "s");
}

std::string side_label(const std::vector<DocumentClaims>& docs, const AlignedEvent& e,
                       const Conflict& c, const ConflictSide& s) {
  if (c.field == "duration") return duration_label(s.value);
  if (c.field == "status") {
    Status st;
    return parse_status(s.value, &st) ? render::status_title(st) : s.value;
  }
  if (c.field == "time") {
    for (std::size_t m : s.members) {
      const When& w = claim_of(docs, e.members[m]).when;
      if (w.timex3 == s.value) return date_label(w);
    }
  }
  return s.value;
}

const char* field_title(const std::string& field) {
  if (field == "time") return "date";
  if (field == "status") return "status (did it happen?)";
  if (field == "duration") return "duration";
  return "actor";
}

mu::data conflict_data(const std::vector<DocumentClaims>& docs, const AlignedEvent& e,
                       const Conflict& c) {
  mu::data sides{mu::data::type::list};
  for (const ConflictSide& s : c.sides) {
    mu::data evidence{mu::data::type::list};
    for (std::size_t m : s.members) {
      const EventMember& em = e.members[m];
      const Claim& cl = claim_of(docs, em);
      mu::data ev;
      ev.set("html", cl.evidence.empty() ? "" : render::evidence_html(cl.evidence.front()));
      ev.set("document", doc_title(docs[em.doc]));
      evidence.push_back(ev);
    }
    mu::data side;
    side.set("value", side_label(docs, e, c, s));
    side.set("evidence", evidence);
    sides.push_back(side);
  }
  mu::data out;
  out.set("field", field_title(c.field));
  out.set("side_count", std::to_string(c.sides.size()));
  out.set("sides", sides);
  return out;
}

std::string precise_note(const std::vector<DocumentClaims>& docs, const AlignedEvent& e) {
  if (e.most_precise < 0) return "";
  const EventMember& p = e.members[static_cast<std::size_t>(e.most_precise)];
  std::string note = "Most precise: " + doc_title(docs[p.doc]) + " (" +
                     date_label(claim_of(docs, p).when) + "). Less specific: ";
  std::vector<std::size_t> seen;
  for (const EventMember& m : e.members) {
    if (!m.less_specific || std::find(seen.begin(), seen.end(), m.doc) != seen.end()) continue;
    note += (seen.empty() ? "" : "; ") + doc_title(docs[m.doc]) + " (" +
            date_label(claim_of(docs, m).when) + ")";
    seen.push_back(m.doc);
  }
  return note + ".";
}

mu::data event_data(const std::vector<DocumentClaims>& docs, const AlignedEvent& e) {
  mu::data d;
  d.set("id", e.id);
  d.set("date", date_label(e.when));
  d.set("action", action_name(e.action));
  d.set("headline", headline(e));
  d.set("verdict", verdict_name(e.verdict));
  d.set("verdict_title", e.verdict == Verdict::kSingleSource ? "single source"
                                                              : verdict_name(e.verdict));
  d.set("sources", std::to_string(e.documents.size()));
  d.set("sources_word", e.documents.size() == 1 ? "source" : "sources");
  mu::data documents{mu::data::type::list};
  for (std::size_t i = 0; i < e.documents.size(); ++i) {
    mu::data doc;
    doc.set("title", doc_title(docs[e.documents[i]]));
    doc.set("last", i + 1 == e.documents.size());
    documents.push_back(doc);
  }
  d.set("documents", documents);
  const std::string note = precise_note(docs, e);
  if (!note.empty()) d.set("precise_note", note);
  mu::data conflicts{mu::data::type::list};
  for (const Conflict& c : e.conflicts) conflicts.push_back(conflict_data(docs, e, c));
  d.set("conflicts", conflicts);
  mu::data members{mu::data::type::list};
  for (const EventMember& m : e.members) {
    const Claim& c = claim_of(docs, m);
    mu::data md;
    md.set("document", doc_title(docs[m.doc]));
    md.set("status", render::status_title(c.status));
    md.set("date", date_label(c.when));
    md.set("less", m.less_specific);
    const std::string attribution = render::attribution(c);
    if (!attribution.empty()) md.set("attribution", attribution);
    md.set("evidence", c.evidence.empty() ? "" : render::evidence_html(c.evidence.front()));
    members.push_back(md);
  }
  d.set("member_count", std::to_string(e.members.size()));
  d.set("members", members);
  return d;
}

// The lanes: per document the marks of the events it reports, and per event a link line.
void lane_data(const std::vector<DocumentClaims>& docs, const Comparison& cmp, mu::data* page) {
  std::vector<mu::data> items(docs.size(), mu::data{mu::data::type::list});
  mu::data columns{mu::data::type::list}, links{mu::data::type::list};
  for (std::size_t i = 0; i < cmp.events.size(); ++i) {
    const AlignedEvent& e = cmp.events[i];
    const std::string col = std::to_string(i + 2);
    mu::data head;
    head.set("id", e.id);
    head.set("col", col);
    head.set("verdict", verdict_name(e.verdict));
    head.set("date", date_label(e.when));
    columns.push_back(head);
    std::size_t last_doc = docs.size();
    for (const EventMember& m : e.members) {
      if (m.doc == last_doc) continue;  // one mark per document and event
      last_doc = m.doc;
      const Claim& c = claim_of(docs, m);
      mu::data item;
      item.set("event", e.id);
      item.set("col", col);
      item.set("row", std::to_string(m.doc + 2));
      item.set("verdict", verdict_name(e.verdict));
      item.set("action", action_name(e.action));
      item.set("less", m.less_specific);
      item.set("label", headline(e) + ", " + date_label(c.when) + ", " +
                            render::status_title(c.status) + " (" + verdict_name(e.verdict) + ")");
      items[m.doc].push_back(item);
    }
    if (e.documents.size() >= 2) {
      mu::data link;
      link.set("id", e.id);
      link.set("col", col);
      link.set("verdict", verdict_name(e.verdict));
      link.set("from", std::to_string(e.documents.front() + 2));
      link.set("to", std::to_string(e.documents.back() + 3));
      links.push_back(link);
    }
  }
  mu::data lanes{mu::data::type::list};
  for (std::size_t d = 0; d < docs.size(); ++d) {
    mu::data lane;
    lane.set("row", std::to_string(d + 2));
    lane.set("title", doc_title(docs[d]));
    lane.set("published", docs[d].published);
    lane.set("items", items[d]);
    lanes.push_back(lane);
  }
  page->set("columns", columns);
  page->set("links", links);
  page->set("lanes", lanes);
  page->set("column_count", std::to_string(cmp.events.size()));
}

}  // namespace

bool render_compare_html(const DataFiles& data, const std::vector<DocumentClaims>& docs,
                         const Comparison& cmp, std::string* html, Error* error) {
  const char* paths[] = {"templates/compare.mustache", "templates/compare.css",
                         "templates/compare.js"};
  const std::string* files[3];
  for (int i = 0; i < 3; ++i) {
    files[i] = data.find(paths[i]);
    if (!files[i]) {
      *error = Error{paths[i], 0, 0, "template not found"};
      return false;
    }
  }
  mu::mustache page(*files[0]);
  if (!page.is_valid()) {
    *error = Error{paths[0], 0, 0, page.error_message()};
    return false;
  }
  std::size_t counts[3] = {0, 0, 0};
  mu::data events{mu::data::type::list};
  for (const AlignedEvent& e : cmp.events) {
    ++counts[static_cast<int>(e.verdict)];
    events.push_back(event_data(docs, e));
  }
  mu::data d;
  d.set("title", "Comparison of " + std::to_string(docs.size()) + " articles");
  d.set("css", *files[1]);
  d.set("script", *files[2]);
  d.set("event_count", std::to_string(cmp.events.size()));
  d.set("document_count", std::to_string(docs.size()));
  d.set("corroborated", std::to_string(counts[static_cast<int>(Verdict::kCorroborated)]));
  d.set("conflict", std::to_string(counts[static_cast<int>(Verdict::kConflict)]));
  d.set("single_source", std::to_string(counts[static_cast<int>(Verdict::kSingleSource)]));
  d.set("empty", cmp.events.empty());
  d.set("events", events);
  lane_data(docs, cmp, &d);
  *html = page.render(d);
  if (!page.is_valid()) {
    *error = Error{paths[0], 0, 0, page.error_message()};
    return false;
  }
  return true;
}

}  // namespace timeline
