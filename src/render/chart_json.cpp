// Chart-ready JSON: TimelineJS 3 slides and vis-timeline items.
#include <timeline/render.hpp>

#include "render/dates.hpp"
#include "render/describe.hpp"

namespace timeline {
namespace {

using nlohmann::json;
using render::Date;
namespace bg = boost::gregorian;

// TimelineJS date object for `d` at precision `p`: a month gets no day, a year no month.
json tl_date(const Date& d, Precision p, const std::string& time = "") {
  json j{{"year", static_cast<int>(d.year())}};
  if (p >= Precision::kMonth || p == Precision::kHalfYear || p == Precision::kSeason ||
      p == Precision::kQuarter || p == Precision::kUnknown) {
    j["month"] = static_cast<int>(d.month());
  }
  if (p >= Precision::kWeek || p == Precision::kUnknown) j["day"] = static_cast<int>(d.day());
  if (p >= Precision::kHour && time.size() == 5) {
    j["hour"] = std::stoi(time.substr(0, 2));
    j["minute"] = std::stoi(time.substr(3, 2));
  }
  return j;
}

// The slide's text: status, the evidence sentence with its marks, who says so, the article.
std::string slide_html(const Timeline& t, const Event& e) {
  const Claim& c = e.claim;
  std::string html = "<p>" + render::html_escape(render::status_title(c.status) + " · " +
                                                 render::certainty_title(c.certainty)) + "</p>";
  for (const Statement& s : e.sources) {
    const TimelineDocument& d = t.documents[s.document];
    if (!s.claim.evidence.empty())
      html += "<blockquote>" + render::evidence_html(s.claim.evidence.front()) + "</blockquote>";
    std::string who = render::attribution(s.claim);
    std::string title = d.title.empty() ? d.id : d.title;
    html += "<p>";
    if (!who.empty()) html += render::html_escape(who) + " — ";
    if (!d.url.empty())
      html += "<a href=\"" + render::html_escape(d.url) + "\">" + render::html_escape(title) + "</a>";
    else
      html += render::html_escape(title);
    if (!d.published.empty()) html += " (" + render::html_escape(d.published) + ")";
    html += "</p>";
  }
  return html;
}

}  // namespace

json timelinejs_json(const Timeline& t, const RenderOptions& options) {
  json events = json::array();
  for (const Event& e : t.events) {
    const When& w = e.claim.when;
    const render::DayRange r = render::day_range(w, e.open_until);
    if (!r.first && !r.last) continue;
    const Precision p = w.precision;
    json ev;
    if (r.open_start) {
      ev["start_date"] = tl_date(*r.last, Precision::kDay);
    } else {
      ev["start_date"] = tl_date(*r.first, p, render::time_of_day(w.start));
      if (r.last) {
        // The end at the same precision as the start, or the day an open interval runs to.
        const json end = r.open_end ? tl_date(*r.last, Precision::kDay)
                                    : tl_date(*r.last, p == Precision::kWeek ? Precision::kDay : p);
        if (end != ev["start_date"]) ev["end_date"] = end;
      }
    }
    ev["display_date"] = display_date(w);
    ev["text"] = json{{"headline", render::html_escape(render::headline(e.claim))},
                      {"text", slide_html(t, e)}};
    ev["group"] = render::action_title(e.claim.action);
    ev["unique_id"] = e.id;
    events.push_back(std::move(ev));
  }
  std::string title = options.title;
  if (title.empty())
    title = t.documents.size() == 1 && !t.documents[0].title.empty()
                ? t.documents[0].title
                : "Censorship timeline: " + std::to_string(t.documents.size()) + " articles";
  return json{{"title",
               {{"text",
                 {{"headline", render::html_escape(title)},
                  {"text", std::to_string(events.size()) + " dated claims"}}}}},
              {"events", std::move(events)}};
}

json vis_items_json(const Timeline& t) {
  json items = json::array();
  json groups = json::array();
  bool used[static_cast<int>(Action::kResponse) + 1] = {};
  for (const Event& e : t.events) {
    const render::DayRange r = render::day_range(e.claim.when, e.open_until);
    if (!r.first && !r.last) continue;
    const Precision p = e.claim.when.precision;
    const std::string action = action_name(e.claim.action);
    std::string cls = "action-" + action + " precision-" + precision_name(p);
    json item{{"id", e.id},
              {"content", render::html_escape(render::headline(e.claim))},
              {"group", action}};
    const bool one_day = r.first && r.last && *r.first == *r.last;
    if (r.open_start || one_day || (r.first && !r.last)) {
      item["start"] = render::iso_day(r.open_start ? *r.last : *r.first);
      item["type"] = "point";
      if (r.open_start) cls += " open-start";
      if (r.first && !r.last) cls += " open-end";
    } else {
      item["start"] = render::iso_day(*r.first);
      item["end"] = render::iso_day(*r.last + bg::days(1));
      item["type"] = "range";
      if (r.open_end) cls += " open-end";
    }
    std::string title = display_date(e.claim.when) + ": " + render::headline(e.claim);
    const std::string who = render::attribution(e.claim);
    if (!who.empty()) title += " (" + who + ")";
    item["title"] = render::html_escape(title);
    item["className"] = cls;
    items.push_back(std::move(item));
    used[static_cast<int>(e.claim.action)] = true;
  }
  for (int a = 0; a <= static_cast<int>(Action::kResponse); ++a) {
    if (!used[a]) continue;
    const Action act = static_cast<Action>(a);
    groups.push_back(json{{"id", action_name(act)}, {"content", render::action_title(act)}});
  }
  return json{{"items", std::move(items)}, {"groups", std::move(groups)}};
}

}  // namespace timeline
