// The comparison page in headless Chromium (tests/browser/compare_page.test.js) run from CTest:
// compares the articles of tests/data/compare/ with the real program and lets the node script
// open compare.html, point at marks, untick verdicts and narrow the window. Setup as for the
// timeline page's browser test (Debian's chromium, the npm packages of package-lock.json).
// Screenshots land in <build>/test-output/compare*.png.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "test_util.hpp"

namespace {

int sh(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace

TEST_CASE("the comparison page works in headless Chromium", "[browser]") {
  namespace fs = std::filesystem;
  const std::string src = timeline::test::source_dir();
  const std::string browser_dir = src + "/tests/browser";
  const fs::path out = fs::path(timeline::test::binary()).parent_path() / "test-output";
  const fs::path site = out / "compare-site";
  fs::remove_all(site);
  fs::create_directories(site);
  const std::string log = (site / "log.txt").string();

  REQUIRE(sh("'" + src + "/.ci/install-deps' browser > '" + log + "' 2>&1") == 0);
  if (!timeline::test::exists(browser_dir + "/node_modules/playwright-core/package.json")) {
    REQUIRE(sh("cd '" + browser_dir + "' && npm ci --no-audit --no-fund >> '" + log + "' 2>&1") ==
            0);
  }
  REQUIRE(sh("'" + timeline::test::binary() + "' compare '" + src + "/tests/data/compare/'*.txt" +
             " -o '" + site.string() + "' >> '" + log + "' 2>&1") == 0);
  const int rc = sh("cd '" + browser_dir + "' && node compare_page.test.js '" + site.string() +
                    "' '" + out.string() + "' > '" + (site / "report.txt").string() + "' 2>&1");
  INFO(timeline::test::read_file((site / "report.txt").string()));
  CHECK(rc == 0);
}
