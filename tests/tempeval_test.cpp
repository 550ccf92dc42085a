// TempEval-3 on TBAQ-cleaned (../shared/data/tbaq): the built-in tagger, scored in process, must
// stay within 1.0 point of the levels recorded in tests/tempeval_baseline.json. Whoever improves
// the tagger raises the baseline in the same commit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <timeline/eval.hpp>

#include "test_util.hpp"

TEST_CASE("TBAQ-cleaned scores stay at the recorded baseline", "[tempeval]") {
  const std::string tbaq = timeline::test::shared_dir() + "/data/tbaq";
  TIMELINE_REQUIRE_DATA(tbaq + "/timebank");
  TIMELINE_REQUIRE_DATA(tbaq + "/aquaint");

  timeline::Error err;
  auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
  INFO(err.str());
  REQUIRE(tagger);

  timeline::EvalReport report;
  for (const char* folder : {"timebank", "aquaint"}) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(tbaq + "/" + folder))
      if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      timeline::DocumentEval d;
      bool ok = timeline::tag_and_score(*tagger, timeline::test::read_file(path.string()),
                                        path.filename().string(), &d, &err);
      INFO(err.str());
      REQUIRE(ok);
      report.add(std::move(d));
    }
  }
  // TBAQ-cleaned holds 256 documents with 1,822 timexes in TEXT (../shared/data/README.md).
  CHECK(report.documents.size() == 256);
  CHECK(report.total.gold == 1822);

  const timeline::EvalScores s = timeline::scores_of(report.total);
  WARN("TBAQ-cleaned (timebank + aquaint), points: relaxed F1 "
       << 100 * s.relaxed_f1 << " (P " << 100 * s.relaxed_p << ", R " << 100 * s.relaxed_r
       << "), strict F1 " << 100 * s.strict_f1 << ", value F1 " << 100 * s.value_f1
       << ", type F1 " << 100 * s.type_f1);

  const nlohmann::json baseline = nlohmann::json::parse(
      timeline::test::read_file(timeline::test::source_dir() + "/tests/tempeval_baseline.json"));
  const std::pair<const char*, double> figures[] = {{"relaxed_f1", s.relaxed_f1},
                                                    {"strict_f1", s.strict_f1},
                                                    {"value_f1", s.value_f1},
                                                    {"type_f1", s.type_f1}};
  for (const auto& [name, value] : figures) {
    const double floor = baseline.at(name).get<double>() - 1.0;
    INFO(name << ": " << 100 * value << " points, baseline " << baseline.at(name) << " points");
    CHECK(100 * value >= floor);
  }
}
