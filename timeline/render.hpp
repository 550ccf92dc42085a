// timeline/render.hpp: the outputs of a timeline (timeline/timeline.hpp) for people and for tools.
//
//   timeline_json     the project's own format, schemas/timeline.schema.json: documents, and the
//                     events in time order with every source's claim and evidence
//   timelinejs_json   TimelineJS 3 (events[] with start_date/end_date {year, month, day},
//                     text {headline, text}, group, display_date, unique_id); a month-precision
//                     time has no day, and an event has no end_date equal to its start_date.
//                     Events without a calendar time are left out (TimelineJS needs a start)
//   vis_items_json    vis-timeline: {"items": [{id, content, start, end, group, type, title}],
//                     "groups": [{id, content}]}; a day is a point, a longer time a range
//   timeline_csv      one row per claim of each document (RFC 4180), for spreadsheets
//   timeline_html     one self-contained page from templates/page.mustache (+ page.css, page.js):
//                     a time axis that shows each claim's precision, filters, the evidence with
//                     its key words marked, and the claims without a time listed apart. It makes
//                     no network request: style, script and data are inlined
//
// render_outputs() produces all five under their file names ("timeline.json", "timelinejs.json",
// "vis-items.json", "timeline.csv", "timeline.html"), as `timeline build -o DIR` writes them.
//
// No function here reads the clock or a file: the templates come from `data`
// (DataFiles::builtin() or a --rules overlay), and the page shows only dates from the input.
// Failure (a template missing or not valid Mustache) is reported through *error.
//
// Example:
//   timeline::Timeline t = timeline::assemble(documents);
//   std::vector<timeline::OutputFile> files;
//   timeline::Error err;
//   if (!timeline::render_outputs(t, timeline::DataFiles::builtin(), {}, &files, &err)) ...
//
// Thread safety: pure functions; no shared state.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/data.hpp>
#include <timeline/error.hpp>
#include <timeline/timeline.hpp>

namespace timeline {

struct RenderOptions {
  // The page's title; "" means one derived from the documents ("Censorship timeline: <title>"
  // for one document, "Censorship timeline: N articles" for several).
  std::string title;
};

nlohmann::json timeline_json(const Timeline& t);
nlohmann::json timelinejs_json(const Timeline& t, const RenderOptions& options);
nlohmann::json vis_items_json(const Timeline& t);
std::string timeline_csv(const Timeline& t);
bool timeline_html(const Timeline& t, const DataFiles& data, const RenderOptions& options,
                   std::string* html, Error* error);

struct OutputFile {
  std::string name;     // file name, no folder: "timeline.json"
  std::string content;
};
bool render_outputs(const Timeline& t, const DataFiles& data, const RenderOptions& options,
                    std::vector<OutputFile>* files, Error* error);

// How a time reads on the page and in chart labels: "12 February 2026", "August 2025",
// "since January 2026", "18–23 July 2024", "before 1 August 2025", "summer 2025".
// Returns "" when the time is not on the calendar.
std::string display_date(const When& when);

}  // namespace timeline
