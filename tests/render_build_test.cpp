// `timeline build` as a user runs it: claims JSON in, five files out; bad input named by
// file:line and exit code 1, with the other documents still rendered.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "schema_util.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr
};

Run run(const std::string& args) {
  Run r;
  const std::string cmd = timeline::test::binary() + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int rc = ::pclose(p);
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return r;
}

std::string data(const std::string& name) {
  return timeline::test::source_dir() + "/tests/data/render/" + name;
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("timeline build writes the page and the chart data", "[render]") {
  const fs::path out = fresh_dir("timeline-render-build");
  const Run r = run("build " + data("russia_two_outlets.jsonl") + " " +
                    data("dhaka_shutdown.claims.json") + " -o " + out.string());
  INFO(r.output);
  REQUIRE(r.status == 0);
  for (const char* f : {"timeline.json", "timelinejs.json", "vis-items.json", "timeline.csv",
                        "timeline.html"}) {
    CAPTURE(f);
    CHECK(fs::file_size(out / f) > 100);
  }
  const auto j = nlohmann::json::parse(timeline::test::read_file((out / "timeline.json").string()));
  CHECK(j.at("counts").at("events") == 12);
  CHECK(j.at("documents").size() == 3);
  CHECK(timeline::test::schema_violations("timeline.schema.json", (out / "timeline.json").string())
        == "");
  fs::remove_all(out);
}

TEST_CASE("timeline build --title names the page", "[render]") {
  const fs::path out = fresh_dir("timeline-render-title");
  const Run r = run("build " + data("dhaka_shutdown.claims.json") + " --title 'Bangladesh, July' -o " +
                    out.string());
  REQUIRE(r.status == 0);
  const std::string html = timeline::test::read_file((out / "timeline.html").string());
  CHECK(html.find("<title>Bangladesh, July</title>") != std::string::npos);
  fs::remove_all(out);
}

TEST_CASE("timeline build reports bad claims by place and keeps the rest", "[render]") {
  const fs::path out = fresh_dir("timeline-render-bad");
  fs::create_directories(out);
  const std::string bad = (out / "bad.jsonl").string();
  {
    std::FILE* f = std::fopen(bad.c_str(), "wb");
    REQUIRE(f);
    std::fputs("{\"id\": \"x\", \"claims\": []}\n{\"id\": \"y\", \"claims\": [ \n", f);
    std::fclose(f);
  }
  const Run r = run("build " + bad + " " + data("dhaka_shutdown.claims.json") + " -o " +
                    (out / "site").string());
  CHECK(r.status == 1);
  CHECK(r.output.find(bad + ":2:") != std::string::npos);
  const auto j =
      nlohmann::json::parse(timeline::test::read_file((out / "site" / "timeline.json").string()));
  CHECK(j.at("counts").at("events") == 3);
  fs::remove_all(out);
}

TEST_CASE("timeline build usage errors exit with 2", "[render]") {
  CHECK(run("build " + data("dhaka_shutdown.claims.json")).status == 2);  // no -o
  CHECK(run("build -o /tmp/x").status == 2);                               // no input
  CHECK(run("build --bogus x -o /tmp/x").status == 2);
  const Run help = run("build --help");
  CHECK(help.status == 0);
  CHECK(help.output.find("timelinejs.json") != std::string::npos);
}

TEST_CASE("timeline build --templates replaces built-in page files", "[render]") {
  const fs::path dir = fresh_dir("timeline-render-templates");
  fs::create_directories(dir / "tpl");
  {
    std::FILE* f = std::fopen((dir / "tpl" / "page.css").string().c_str(), "wb");
    REQUIRE(f);
    std::fputs("body { background: #fdf6e3; }\n", f);
    std::fclose(f);
  }
  const std::string args = "build " + data("dhaka_shutdown.claims.json") + " --templates " +
                           (dir / "tpl").string() + " -o " + (dir / "site").string();
  REQUIRE(run(args).status == 0);
  const std::string html = timeline::test::read_file((dir / "site" / "timeline.html").string());
  CHECK(html.find("body { background: #fdf6e3; }") != std::string::npos);
  CHECK(html.find("--block: #b71c1c") == std::string::npos);  // the built-in style is replaced
  {
    std::FILE* f = std::fopen((dir / "tpl" / "page.mustache").string().c_str(), "wb");
    REQUIRE(f);
    std::fputs("<p>{{#events}}</p>\n", f);
    std::fclose(f);
  }
  const Run broken = run(args);
  CHECK(broken.status == 1);
  CHECK(broken.output.find("templates/page.mustache: ") != std::string::npos);
  CHECK(run("build " + data("dhaka_shutdown.claims.json") + " --templates /nonexistent -o " +
            (dir / "x").string()).status == 2);
  fs::remove_all(dir);
}

TEST_CASE("timeline build gives the same timeline from articles and from their extract output",
          "[render]") {
  const fs::path dir = fresh_dir("timeline-render-roundtrip");
  fs::create_directories(dir);
  const std::string examples = timeline::test::source_dir() + "/examples/*.txt";
  const std::string claims = (dir / "claims.jsonl").string();
  REQUIRE(run("extract " + examples + " -o " + claims).status == 0);
  REQUIRE(run("build " + examples + " -o " + (dir / "a").string()).status == 0);
  REQUIRE(run("build " + claims + " -o " + (dir / "b").string()).status == 0);
  const auto a = nlohmann::json::parse(timeline::test::read_file((dir / "a/timeline.json").string()));
  const auto b = nlohmann::json::parse(timeline::test::read_file((dir / "b/timeline.json").string()));
  CHECK(a.at("counts").at("documents") == 6);
  CHECK(a.at("counts").at("events").get<int>() > 20);
  CHECK(a.at("events") == b.at("events"));
  fs::remove_all(dir);
}
