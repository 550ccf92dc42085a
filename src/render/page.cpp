// The HTML page: Mustache data for templates/page.mustache, with the style, script and the
// timeline JSON inlined so that the page is one file that makes no network request.
#include <algorithm>
#include <cstdio>
#include <map>

#include <kainjow/mustache.hpp>

#include <timeline/render.hpp>

#include "render/axis.hpp"
#include "render/dates.hpp"
#include "render/describe.hpp"

namespace timeline {
namespace {

namespace mu = kainjow::mustache;
using render::html_escape;

std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", v);
  return buf;
}

// "|a|b|": the value of a data-* attribute that the page script filters on.
std::string bar_list(const std::vector<std::string>& values) {
  std::string out = "|";
  for (const std::string& v : values) out += v + "|";
  return out;
}

// The HTML datetime attribute for a time: "2026-02-12", "2025-08", "2025".
std::string datetime_attr(const When& w) {
  const std::string& s = w.start.empty() ? w.end : w.start;
  if (s.size() < 10) return "";
  if (w.precision == Precision::kYear) return s.substr(0, 4);
  if (w.precision == Precision::kMonth) return s.substr(0, 7);
  return s.substr(0, 10);
}

// Counts of filter values, for the <select> options, in a stable order (by count, then name).
using Counts = std::map<std::string, int>;
mu::data options_list(const Counts& counts, const std::map<std::string, std::string>& labels = {}) {
  std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  mu::data list{mu::data::type::list};
  for (const auto& [value, n] : v) {
    auto it = labels.find(value);
    mu::data o;
    o.set("value", value);
    o.set("label", it == labels.end() ? value : it->second);
    o.set("count", std::to_string(n));
    list.push_back(o);
  }
  return list;
}

mu::data event_data(const Timeline& t, const Event& e) {
  const Claim& c = e.claim;
  mu::data d;
  d.set("id", e.id);
  d.set("action", action_name(c.action));
  d.set("action_title", render::action_title(c.action));
  d.set("status", status_name(c.status));
  d.set("status_title", render::status_title(c.status));
  d.set("certainty", certainty_name(c.certainty));
  d.set("certainty_title", render::certainty_title(c.certainty));
  d.set("headline", render::headline(c));
  d.set("actor", c.actor.name.empty() ? c.actor.mention : c.actor.name);
  d.set("targets", render::target_list(c));
  const std::string date = display_date(c.when);
  d.set("date", date.empty() ? "time not stated" : date);
  d.set("datetime", datetime_attr(c.when));
  d.set("precision", precision_name(c.when.precision));
  if (c.when.basis == "statement")
    d.set("basis_note", "the article gives no time for the action: this is the date of the statement");
  if (!e.placed) {
    d.set("basis_note", c.when.text.empty()
                            ? std::string("the article gives no time that could be placed")
                            : "the time “" + c.when.text + "” could not be placed on the calendar");
  }
  if (c.when.basis == "text" && !c.when.text.empty()) d.set("time_text", c.when.text);
  // open_until comes from a publication date, which a claims file may give in any form.
  if (const auto until = render::parse_day(e.open_until)) d.set("open_until", render::long_day(*until));

  std::vector<std::string> sources;
  mu::data list{mu::data::type::list};
  for (const Statement& s : e.sources) {
    const TimelineDocument& doc = t.documents[s.document];
    sources.push_back(doc.id);
    mu::data sd;
    sd.set("document", doc.id);
    sd.set("title", doc.title.empty() ? doc.id : doc.title);
    if (!doc.url.empty()) sd.set("url", doc.url);
    if (!doc.published.empty()) sd.set("published", doc.published);
    const std::string who = render::attribution(s.claim);
    sd.set("attribution", who.empty() ? std::string("the article itself") : who);
    if (!s.claim.evidence.empty()) {
      const Evidence& ev = s.claim.evidence.front();
      sd.set("evidence_html", render::evidence_html(ev));
      sd.set("evidence_begin", std::to_string(ev.span.begin));
      sd.set("evidence_end", std::to_string(ev.span.end));
    }
    list.push_back(sd);
  }
  d.set("sources", list);
  d.set("source_count", std::to_string(e.sources.size()));
  if (e.sources.size() > 1) d.set("several_sources", true);
  d.set("data_actor", c.actor.name);
  d.set("data_targets", bar_list(render::target_names(c)));
  d.set("data_sources", bar_list(sources));
  return d;
}

std::string page_title(const Timeline& t, const RenderOptions& options) {
  if (!options.title.empty()) return options.title;
  if (t.documents.size() == 1)
    return "Censorship timeline: " + (t.documents[0].title.empty() ? t.documents[0].id
                                                                     : t.documents[0].title);
  return "Censorship timeline: " + std::to_string(t.documents.size()) + " articles";
}

const std::string* need(const DataFiles& data, const char* path, Error* error) {
  const std::string* s = data.find(path);
  if (!s) {
    error->file = path;
    error->message = "template not found";
  }
  return s;
}

}  // namespace

bool timeline_html(const Timeline& t, const DataFiles& data, const RenderOptions& options,
                   std::string* html, Error* error) {
  const std::string* tpl = need(data, "templates/page.mustache", error);
  const std::string* css = tpl ? need(data, "templates/page.css", error) : nullptr;
  const std::string* js = css ? need(data, "templates/page.js", error) : nullptr;
  const std::string* claim = js ? need(data, "templates/page.claim.mustache", error) : nullptr;
  if (!claim) return false;
  mu::mustache claim_check(*claim);
  if (!claim_check.is_valid()) {
    error->file = "templates/page.claim.mustache";
    error->message = claim_check.error_message();
    return false;
  }
  mu::mustache page(*tpl);
  if (!page.is_valid()) {
    error->file = "templates/page.mustache";
    error->message = page.error_message();
    return false;
  }

  mu::data d;
  d.set("title", page_title(t, options));
  d.set("css", *css);
  d.set("script", *js);
  d.set("claim", mu::data(mu::partial([claim] { return *claim; })));
  d.set("data_json", render::script_safe_json(timeline_json(t).dump()));

  Counts actions, actors, targets, sources;
  std::map<std::string, std::string> action_labels, source_labels;
  for (const Event& e : t.events) {
    const Claim& c = e.claim;
    ++actions[action_name(c.action)];
    action_labels[action_name(c.action)] = render::action_title(c.action);
    if (!c.actor.name.empty()) ++actors[c.actor.name];
    for (const std::string& n : render::target_names(c)) ++targets[n];
    for (const Statement& s : e.sources) ++sources[t.documents[s.document].id];
  }
  for (const TimelineDocument& doc : t.documents)
    source_labels[doc.id] = doc.title.empty() ? doc.id : doc.title;
  d.set("legend", options_list(actions, action_labels));
  d.set("filter_actions", options_list(actions, action_labels));
  d.set("filter_actors", options_list(actors));
  d.set("filter_targets", options_list(targets));
  d.set("filter_sources", options_list(sources, source_labels));

  mu::data docs{mu::data::type::list};
  for (const TimelineDocument& doc : t.documents) {
    mu::data dd;
    dd.set("id", doc.id);
    dd.set("title", doc.title.empty() ? doc.id : doc.title);
    if (!doc.url.empty()) dd.set("url", doc.url);
    dd.set("published", doc.published.empty() ? std::string("date unknown") : doc.published);
    dd.set("claims", std::to_string(doc.claims));
    docs.push_back(dd);
  }
  d.set("documents", docs);
  d.set("document_count", std::to_string(t.documents.size()));
  d.set("event_count", std::to_string(t.events.size()));
  d.set("placed_count", std::to_string(t.placed));
  d.set("unplaced_count", std::to_string(t.events.size() - t.placed));

  mu::data axes{mu::data::type::list};
  const std::vector<render::AxisWindow> windows = render::axis_windows(t);
  for (std::size_t w = 0; w < windows.size(); ++w) {
    const render::Axis axis = render::layout_axis(t, windows[w]);
    if (axis.marks.empty()) continue;
    mu::data a;
    mu::data ticks{mu::data::type::list}, marks{mu::data::type::list};
    for (const render::AxisTick& tk : axis.ticks) {
      mu::data x;
      x.set("left", percent(tk.left));
      x.set("label", tk.label);
      if (tk.major) x.set("major", true);
      ticks.push_back(x);
    }
    for (const render::AxisMark& m : axis.marks) {
      const Event& e = t.events[m.event];
      mu::data x;
      x.set("id", e.id);
      x.set("left", percent(m.left));
      x.set("width", percent(m.width));
      x.set("lane", std::to_string(m.lane));
      x.set("kind", m.kind + (m.cut_start ? " cut-start" : "") + (m.cut_end ? " cut-end" : "") +
                        (e.claim.when.basis == "statement" ? " stated" : ""));
      x.set("action", action_name(e.claim.action));
      x.set("label", display_date(e.claim.when) + ": " + render::headline(e.claim));
      marks.push_back(x);
    }
    a.set("index", std::to_string(w));
    if (w == 0) a.set("first", true);
    a.set("name", windows[w].label);
    a.set("ticks", ticks);
    a.set("marks", marks);
    a.set("lanes", std::to_string(axis.lanes));
    a.set("from", axis.from);
    a.set("to", axis.to);
    axes.push_back(a);
  }
  if (!windows.empty()) {
    d.set("axes", axes);
    d.set("has_axes", true);
    if (windows.size() > 1) d.set("zoomable", true);
  }

  mu::data placed{mu::data::type::list}, unplaced{mu::data::type::list};
  for (const Event& e : t.events) (e.placed ? placed : unplaced).push_back(event_data(t, e));
  d.set("events", placed);
  if (t.placed < t.events.size()) {
    d.set("unplaced", unplaced);
    d.set("has_unplaced", true);
  }
  if (t.events.empty()) d.set("empty", true);

  *html = page.render(d);
  if (!page.is_valid()) {
    error->file = "templates/page.mustache";
    error->message = page.error_message();
    return false;
  }
  return true;
}

bool render_outputs(const Timeline& t, const DataFiles& data, const RenderOptions& options,
                    std::vector<OutputFile>* files, Error* error) {
  std::string html;
  if (!timeline_html(t, data, options, &html, error)) return false;
  files->clear();
  files->push_back({"timeline.json", timeline_json(t).dump(2) + "\n"});
  files->push_back({"timelinejs.json", timelinejs_json(t, options).dump(2) + "\n"});
  files->push_back({"vis-items.json", vis_items_json(t).dump(2) + "\n"});
  files->push_back({"timeline.csv", timeline_csv(t)});
  files->push_back({"timeline.html", std::move(html)});
  return true;
}

}  // namespace timeline
