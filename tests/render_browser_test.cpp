// The browser test (tests/browser/timeline_page.test.js) run from CTest: sets up what it needs on
// a fresh machine (Debian's chromium through .ci/install-deps, the npm packages from the committed
// package-lock.json), builds one timeline from the hand-written claims of tests/data/render/ and
// the articles of examples/ (through the whole pipeline) with the real program, and runs
// the node script, which opens the page, TimelineJS 3 and vis-timeline in headless Chromium.
// Screenshots land in <build>/test-output/ (timeline.png, timeline-phone.png, timelinejs.png,
// vis-timeline.png).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

int shell(const std::string& cmd, std::string* output) {
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) output->append(buf, n);
  const int rc = ::pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("the timeline page, TimelineJS and vis-timeline work in headless Chromium",
          "[browser]") {
  const std::string src = timeline::test::source_dir();
  const std::string browser_dir = src + "/tests/browser";
  const fs::path out = fs::path(timeline::test::binary()).parent_path() / "test-output";
  std::string log;

  INFO("setup: .ci/install-deps browser");
  REQUIRE(shell(quote(src + "/.ci/install-deps") + " browser", &log) == 0);
  if (!timeline::test::exists(browser_dir + "/node_modules/playwright-core/package.json") ||
      !timeline::test::exists(browser_dir + "/node_modules/vis-timeline/package.json") ||
      !timeline::test::exists(browser_dir + "/node_modules/@knight-lab/timelinejs/package.json")) {
    INFO(log);
    REQUIRE(shell("cd " + quote(browser_dir) + " && npm ci --no-audit --no-fund", &log) == 0);
  }

  const fs::path site = out / "browser-site";
  fs::remove_all(site);
  std::string build_log;
  const int built = shell(quote(timeline::test::binary()) + " build " +
                              quote(src + "/tests/data/render/russia_two_outlets.jsonl") + " " +
                              quote(src + "/tests/data/render/dhaka_shutdown.claims.json") +
                              " " + quote(src + "/examples") + "/*.txt -o " + quote(site.string()),
                          &build_log);
  INFO(build_log);
  REQUIRE(built == 0);

  std::string report;
  const int rc = shell("node " + quote(browser_dir + "/timeline_page.test.js") + " " +
                           quote(site.string()) + " " + quote(out.string()),
                       &report);
  INFO(report);
  CHECK(rc == 0);
  CHECK(report.find(" 0 failed") != std::string::npos);
  CHECK(timeline::test::exists((out / "timeline.png").string()));
}
