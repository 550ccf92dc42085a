// The outputs of a timeline: timeline.json against its schema, TimelineJS and vis-timeline
// JSON, CSV, and the HTML page. Input: the hand-written claims in tests/data/render/.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include <timeline/render.hpp>

#include "schema_util.hpp"
#include "test_util.hpp"

namespace {

using nlohmann::json;

timeline::Timeline sample() {
  std::vector<timeline::DocumentClaims> docs;
  for (const char* f : {"russia_two_outlets.jsonl", "dhaka_shutdown.claims.json"}) {
    timeline::Error e;
    REQUIRE(timeline::read_document_claims(
        timeline::test::read_file(timeline::test::source_dir() + "/tests/data/render/" + f), f,
        [&](timeline::DocumentClaims&& d) { docs.push_back(std::move(d)); }, &e));
  }
  return timeline::assemble(docs);
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

const json* by_id(const json& list, const char* key, const std::string& id) {
  for (const json& j : list)
    if (j.at(key) == id) return &j;
  return nullptr;
}

}  // namespace

TEST_CASE("timeline.json follows schemas/timeline.schema.json", "[render]") {
  const timeline::Timeline t = sample();
  const json j = timeline::timeline_json(t);
  CHECK(j.at("counts").at("claims") == 13);
  CHECK(j.at("counts").at("events") == 12);
  CHECK(j.at("counts").at("unplaced") == 1);
  CHECK(j.at("events").at(3).at("sources").size() == 2);
  CHECK(j.at("events").at(4).at("display_date") == "since January 2026");
  CHECK(j.at("events").at(4).at("open_until") == "2026-02-12");

  const std::string path =
      (std::filesystem::temp_directory_path() / "render_test_timeline.json").string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  const std::string text = j.dump(2);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  CHECK(timeline::test::schema_violations("timeline.schema.json", path) == "");
}

TEST_CASE("TimelineJS events keep each time's precision", "[render]") {
  const json j = timeline::timelinejs_json(sample(), {});
  const json& events = j.at("events");
  CHECK(events.size() == 11);  // the claim without a time has no place on a TimelineJS axis
  for (const json& e : events) {
    CAPTURE(e.dump());
    CHECK(e.contains("unique_id"));
    CHECK(e.at("text").contains("headline"));
    if (e.contains("end_date")) CHECK(e.at("end_date") != e.at("start_date"));
  }
  // August 2025, month precision: no invented day, no end.
  const json* month = by_id(events, "unique_id", "e4");
  REQUIRE(month);
  CHECK(month->at("start_date") == json{{"year", 2025}, {"month", 8}});
  CHECK_FALSE(month->contains("end_date"));
  CHECK(month->at("display_date") == "August 2025");
  CHECK(month->at("group") == "Restriction");
  // Since January 2026: from the month to the publication day.
  const json* open = by_id(events, "unique_id", "e5");
  REQUIRE(open);
  CHECK(open->at("start_date") == json{{"year", 2026}, {"month", 1}});
  CHECK(open->at("end_date") == json{{"year", 2026}, {"month", 2}, {"day", 12}});
  // July 18 to July 23: both days, the end inclusive.
  const json* range = by_id(events, "unique_id", "e1");
  REQUIRE(range);
  CHECK(range->at("start_date") == json{{"year", 2024}, {"month", 7}, {"day", 18}});
  CHECK(range->at("end_date") == json{{"year", 2024}, {"month", 7}, {"day", 23}});
  // One day: a point.
  const json* day = by_id(events, "unique_id", "e6");
  REQUIRE(day);
  CHECK(day->at("start_date") == json{{"year", 2026}, {"month", 2}, {"day", 11}});
  CHECK_FALSE(day->contains("end_date"));
  // The slide text escapes the article's markup.
  const json* restore = by_id(events, "unique_id", "e3");
  REQUIRE(restore);
  CHECK(restore->at("text").at("text").get<std::string>().find("&lt;script&gt;") !=
        std::string::npos);
}

TEST_CASE("vis-timeline items: a day is a point, a longer time a range", "[render]") {
  const json j = timeline::vis_items_json(sample());
  const json& items = j.at("items");
  CHECK(items.size() == 11);
  for (const json& it : items) {
    CHECK(it.contains("id"));
    CHECK(it.contains("content"));
    CHECK(it.contains("group"));
    CHECK(it.contains("title"));
  }
  const json* month = by_id(items, "id", "e4");
  REQUIRE(month);
  CHECK(month->at("type") == "range");
  CHECK(month->at("start") == "2025-08-01");
  CHECK(month->at("end") == "2025-09-01");
  const json* open = by_id(items, "id", "e5");
  REQUIRE(open);
  CHECK(open->at("end") == "2026-02-13");  // through the publication day
  const json* day = by_id(items, "id", "e7");
  REQUIRE(day);
  CHECK(day->at("type") == "point");
  CHECK(day->at("start") == "2026-02-12");
  CHECK_FALSE(day->contains("end"));
  // One group per action that occurs.
  CHECK(j.at("groups").size() == 8);
}

TEST_CASE("timeline.csv has one RFC 4180 row per claim", "[render]") {
  const std::string csv = timeline::timeline_csv(sample());
  CHECK(count(csv, "\r\n") == 14);  // header + 13 claims of the three documents
  CHECK(csv.rfind("event,document,claim,start,end,precision,", 0) == 0);
  // A field with a comma is quoted; the row of the merged event appears once per document.
  CHECK(csv.find(",\"WhatsApp, Telegram\",") != std::string::npos);
  CHECK(count(csv, "\r\ne4,") == 2);
  // A sentence with quotes doubles them.
  timeline::DocumentClaims d;
  d.id = "q";
  timeline::Claim c;
  c.id = "q#1";
  c.evidence.push_back({"He said \"no\", twice.", {0, 20}, {}});
  c.claimed_by = "=cmd";
  d.claims.push_back(c);
  const std::string one = timeline::timeline_csv(timeline::assemble({d}));
  CHECK(one.find(",\"He said \"\"no\"\", twice.\",") != std::string::npos);
  CHECK(one.find(",'=cmd,") != std::string::npos);  // not run as a spreadsheet formula
}

TEST_CASE("the page is self-contained and lists every claim", "[render]") {
  const timeline::Timeline t = sample();
  std::string html;
  timeline::Error e;
  REQUIRE(timeline::timeline_html(t, timeline::DataFiles::builtin(), {}, &html, &e));
  CHECK(count(html, "<li class=\"claim ") == 12);
  // The whole span has a mark per placed event; close-ups for each year and for the month
  // with at least 4 events (February 2026) repeat the marks that fall in them:
  // 11 + 3 (2024) + 1 (2025) + 7 (2026) + 7 (February 2026, with the open bar since January).
  const std::string first_axis =
      html.substr(html.find("id=\"axis-0\""), html.find("id=\"axis-1\"") - html.find("id=\"axis-0\""));
  CHECK(count(first_axis, "<li class=\"mark ") == 11);
  CHECK(count(html, "<li class=\"mark ") == 29);
  for (const char* option : {">All dates (2024–2026)<", ">2024 (3)<", ">2025 (1)<", ">2026 (7)<",
                             ">February 2026 (6)<"}) {
    CAPTURE(option);
    CHECK(html.find(option) != std::string::npos);
  }
  CHECK(html.find("id=\"axis-5\"") == std::string::npos);
  // In the February close-up, the bar "since January" is cut at the left edge, and only there.
  CHECK(count(html, "mark open cut-start a-throttle") == 1);
  CHECK(count(html, " cut-end a-") == 0);
  // Claims dated by their statement (promote, response on 12 February; the planned restriction
  // on 13 February) are drawn hollow on each axis they appear on: the whole span, 2026, February.
  CHECK(count(html, "mark point stated a-") == 9);
  CHECK(html.find("id=\"unplaced\"") != std::string::npos);
  CHECK(count(html, "<mark>") > 20);
  // No external resource: no src= or <link>, and exactly the page's own two </script>.
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(count(html, "</script>") == 2);
  // The article's "<script>" is text, escaped in the list and in the embedded JSON.
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("\\u003cscript>alert(1)\\u003c/script>") != std::string::npos);
  CHECK(html.find("<time datetime=\"2025-08\">August 2025</time>") != std::string::npos);
  CHECK(html.find("Censorship timeline: 3 articles") != std::string::npos);
}

TEST_CASE("the page reports a missing or broken template", "[render]") {
  timeline::DataFiles data = timeline::DataFiles::builtin();
  data.put("templates/page.mustache", "<p>{{#events}}</p>");
  std::string html;
  timeline::Error e;
  CHECK_FALSE(timeline::timeline_html(sample(), data, {}, &html, &e));
  CHECK(e.file == "templates/page.mustache");
  CHECK_FALSE(e.message.empty());
}

TEST_CASE("an empty timeline still renders every output", "[render]") {
  std::vector<timeline::OutputFile> files;
  timeline::Error e;
  REQUIRE(timeline::render_outputs(timeline::assemble({}), timeline::DataFiles::builtin(), {},
                                   &files, &e));
  REQUIRE(files.size() == 5);
  CHECK(files[4].name == "timeline.html");
  CHECK(files[4].content.find("No censorship claims were found") != std::string::npos);
  CHECK(json::parse(files[1].content).at("events").empty());
}
