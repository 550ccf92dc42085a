// The comparison's outputs: compare.json against schemas/compare.schema.json (a real validator),
// its fields for a conflict, and the self-contained compare.html.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include <timeline/compare.hpp>

#include "compare_fixtures.hpp"
#include "schema_util.hpp"

namespace {

using timeline::Action;
using timeline::DocumentClaims;
using timeline::Status;
using timeline::test::document;

// Three articles: a date conflict, a status conflict, a precision difference, one lone claim.
std::vector<DocumentClaims> three_articles() {
  return {
      document("north", "2024-07-30",
               {{Action::kRestore, Status::kDone, "broadband", "", "2024-07-23TNI", "",
                 "Broadband came back on Tuesday night."},
                {Action::kThrottle, Status::kDone, "YouTube", "Roskomnadzor", "2024-07", "",
                 "The regulator slowed video in July."}}),
      document("south", "2024-07-31",
               {{Action::kRestore, Status::kDone, "broadband", "", "2024-07-24", "",
                 "Broadband returned on Wednesday."},
                {Action::kThrottle, Status::kDenied, "YouTube", "Roskomnadzor", "2024-07-15", "",
                 "The regulator denied slowing video on July 15."}}),
      document("east", "2024-08-02",
               {{Action::kThrottle, Status::kDone, "YouTube", "", "2024-07-15", "",
                 "Video <slowed> on July 15 & after."},
                {Action::kBlock, Status::kDone, "Signal", "", "2024-08-01", "P2D",
                 "Signal was blocked on August 1 for two days."}}),
  };
}

std::string temp_path(const std::string& name) {
  return std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/" + name;
}

}  // namespace

TEST_CASE("compare.json follows schemas/compare.schema.json", "[compare]") {
  const auto docs = three_articles();
  const nlohmann::json j = timeline::compare_json(docs, timeline::compare(docs));
  const std::string path = temp_path("timeline_compare_test.json");
  std::ofstream(path) << j.dump(2);
  CHECK(timeline::test::schema_violations("compare.schema.json", path) == "");
  std::remove(path.c_str());

  CHECK(j.at("summary") == nlohmann::json{{"documents", 3},   {"claims", 6},
                                          {"events", 3},      {"corroborated", 0},
                                          {"conflict", 2},    {"single_source", 1}});
  // In time order: the throttling (July, with July 15 the precise day), the restoration
  // (July 23 night against July 24), the Signal block (August 1).
  const auto& events = j.at("events");
  REQUIRE(events.size() == 3);
  CHECK(events[0].at("action") == "throttle");
  CHECK(events[0].at("verdict") == "conflict");
  CHECK(events[0].at("conflicts").size() == 1);
  CHECK(events[0].at("conflicts")[0].at("field") == "status");
  CHECK(events[0].at("when").at("timex3") == "2024-07-15");
  CHECK(events[0].at("sources") == 3);

  const auto& restore = events[1];
  CHECK(restore.at("verdict") == "conflict");
  const auto& sides = restore.at("conflicts")[0].at("sides");
  REQUIRE(sides.size() == 2);
  CHECK(sides[0].at("value") == "2024-07-23TNI");
  CHECK(sides[0].at("documents") == nlohmann::json{"north"});
  CHECK(sides[0].at("evidence") == nlohmann::json{"Broadband came back on Tuesday night."});
  CHECK(sides[1].at("value") == "2024-07-24");
  CHECK(sides[1].at("evidence") == nlohmann::json{"Broadband returned on Wednesday."});

  CHECK(events[2].at("verdict") == "single-source");
  CHECK(events[2].at("members")[0].at("when").at("duration") == "P2D");
}

TEST_CASE("compare.json names the more precise article", "[compare]") {
  const std::vector<DocumentClaims> docs = {
      document("a", "2026-02-12", {{Action::kRestrict, Status::kDone, "Telegram", "", "2025-08", "", "s1"}}),
      document("b", "2025-08-20", {{Action::kRestrict, Status::kDone, "Telegram", "", "2025-08-13", "", "s2"}}),
  };
  const nlohmann::json j = timeline::compare_json(docs, timeline::compare(docs));
  const auto& e = j.at("events").at(0);
  CHECK(e.at("verdict") == "corroborated");
  CHECK(e.at("more_precise") == nlohmann::json{{"member", 1},
                                               {"document", "b"},
                                               {"claim", "b#1"},
                                               {"timex3", "2025-08-13"},
                                               {"precision", "day"}});
  CHECK(e.at("members")[0].at("less_specific") == true);
}

TEST_CASE("compare.html: lanes, linked events, conflicts side by side, no network", "[compare]") {
  const auto docs = three_articles();
  const timeline::Comparison cmp = timeline::compare(docs);
  std::string html;
  timeline::Error err;
  REQUIRE(timeline::render_compare_html(timeline::DataFiles::builtin(), docs, cmp, &html, &err));
  auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (auto p = html.find(needle); p != std::string::npos; p = html.find(needle, p + 1)) ++n;
    return n;
  };
  // One lane name per article; one mark per (article, event): 3 + 2 + 1.
  CHECK(count("class=\"lane-name\"") == 3);
  CHECK(count("<a class=\"item ") == 6);
  // The two events reported by several articles are linked across their lanes.
  CHECK(count("<div class=\"link ") == 2);
  // Conflicts: both sides with their sentences; the evidence is escaped.
  CHECK(count("class=\"side\"") == 4);
  CHECK(html.find("Broadband came back on Tuesday night.") != std::string::npos);
  CHECK(html.find("Video &lt;slowed&gt; on July 15 &amp; after.") != std::string::npos);
  CHECK(html.find("<slowed>") == std::string::npos);
  // The merged timeline shows the number of sources.
  CHECK(html.find("3 sources") != std::string::npos);
  CHECK(html.find("1 source<") != std::string::npos);
  // Self-contained: style and script inlined, nothing fetched.
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("{{") == std::string::npos);
}

TEST_CASE("compare.html reports a missing template", "[compare]") {
  timeline::DataFiles empty;
  std::string html;
  timeline::Error err;
  CHECK_FALSE(timeline::render_compare_html(empty, {}, {}, &html, &err));
  CHECK(err.str() == "templates/compare.mustache: template not found");
}
