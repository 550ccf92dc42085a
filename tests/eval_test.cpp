// TempEval-3 scoring on small hand-made TimeML files (tests/data/eval/), figures worked out by hand.
//
// gold/alpha.tml has 5 timexes; system/alpha.tml has 5: "August last year" (gold "in August last
// year": relaxed only, value and type right), "on Wednesday" (strict, value 2026-02-18 wrong, type
// TIME wrong), "the past two weeks" (strict, right), "Officials" (spurious), "every Monday"
// (strict, value right, type DATE wrong); gold "now" is missed.
// beta: "Monday" against gold "Monday morning" (relaxed, value right, type TIME wrong), "three
// days" strict and right. gamma has no system file: its 1 gold timex is missed.
// Totals: gold 8, system 7; relaxed matches 6 of 7 system, 6 of 8 gold; strict 4 and 4;
// value right in 5 of the 6 relaxed pairs, type in 3.
//   relaxed P 6/7, R 6/8, F1 = 12/15 = 0.8;  strict P 4/7, R 4/8, F1 = 8/15
//   value F1 = 5/6 * 0.8 = 2/3;  type F1 = 3/6 * 0.8 = 0.4
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include <timeline/eval.hpp>

#include "test_util.hpp"

namespace {

using timeline::DocumentEval;
using timeline::TimemlFile;

TimemlFile load(const std::string& rel) {
  TimemlFile f;
  timeline::Error err;
  std::string path = timeline::test::source_dir() + "/tests/data/eval/" + rel;
  bool ok = timeline::read_timeml(timeline::test::read_file(path), rel, &f, &err);
  INFO(err.str());
  REQUIRE(ok);
  return f;
}

DocumentEval score(const std::string& name) {
  DocumentEval d;
  timeline::Error err;
  bool ok = timeline::score_document(name, load("gold/" + name), load("system/" + name), &d, &err);
  INFO(err.str());
  REQUIRE(ok);
  return d;
}

timeline::EvalReport sample_report() {
  timeline::EvalReport r;
  r.add(score("alpha.tml"));
  r.add(score("beta.tml"));
  r.add(timeline::score_missing("gamma.tml", load("gold/gamma.tml")));
  return r;
}

// A TimeML TEXT with the given inner markup.
TimemlFile inline_file(const std::string& text_markup) {
  TimemlFile f;
  timeline::Error err;
  REQUIRE(timeline::read_timeml("<TimeML><TEXT>" + text_markup + "</TEXT></TimeML>", "t", &f, &err));
  return f;
}

// Runs the program with `args` and returns its exit status; its standard output goes to *out and
// its standard error to *err.
int run_timeline(const std::string& args, std::string* out, std::string* err) {
  const std::string err_path = "eval_test_stderr.txt";
  FILE* p = ::popen((timeline::test::binary() + " " + args + " 2>" + err_path).c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  std::size_t n;
  out->clear();
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  int status = ::pclose(p);
  *err = timeline::test::read_file(err_path);
  std::remove(err_path.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("overall figures are micro averages of the TempEval-3 measures", "[eval]") {
  timeline::EvalReport r = sample_report();
  const timeline::EvalCounts& c = r.total;
  CHECK(c.gold == 8);
  CHECK(c.system == 7);
  CHECK(c.relaxed_gold == 6);
  CHECK(c.relaxed_system == 6);
  CHECK(c.strict_gold == 4);
  CHECK(c.strict_system == 4);
  CHECK(c.value_correct == 5);
  CHECK(c.type_correct == 3);
  timeline::EvalScores s = timeline::scores_of(c);
  CHECK(s.relaxed_p == Approx(6.0 / 7));
  CHECK(s.relaxed_r == Approx(0.75));
  CHECK(s.relaxed_f1 == Approx(0.8));
  CHECK(s.strict_p == Approx(4.0 / 7));
  CHECK(s.strict_r == Approx(0.5));
  CHECK(s.strict_f1 == Approx(8.0 / 15));
  CHECK(s.value_f1 == Approx(2.0 / 3));
  CHECK(s.type_f1 == Approx(0.4));

  // By type. Gold DATE: "in August last year" (relaxed, value right), "on Wednesday" (strict,
  // value wrong), "now" (missed), "Monday morning" (relaxed, value right), "yesterday" (missed).
  // System DATE: "August last year" and "every Monday" match, "Officials" does not.
  using TypeRow = std::tuple<std::string, int, int, int, int, int, int>;
  auto [type, gold, relaxed_gold, strict_gold, value_correct, system, relaxed_system] =
      GENERATE(table<std::string, int, int, int, int, int, int>({
          TypeRow{"DATE", 5, 3, 1, 2, 3, 2},
          TypeRow{"DURATION", 2, 2, 2, 2, 2, 2},
          TypeRow{"SET", 1, 1, 1, 1, 0, 0},
          TypeRow{"TIME", 0, 0, 0, 0, 2, 2},
      }));
  INFO(type);
  REQUIRE(c.by_type.count(type) == 1);
  const timeline::EvalTypeCounts& t = c.by_type.at(type);
  CHECK(t.gold == gold);
  CHECK(t.relaxed_gold == relaxed_gold);
  CHECK(t.strict_gold == strict_gold);
  CHECK(t.value_correct == value_correct);
  CHECK(t.system == system);
  CHECK(t.relaxed_system == relaxed_system);
  CHECK(c.by_type.size() == 4);
}

TEST_CASE("per-document figures and the missing system file", "[eval]") {
  timeline::EvalReport r = sample_report();
  REQUIRE(r.documents.size() == 3);
  using Row = std::tuple<std::size_t, double, double, double, double>;
  // document, strict F1, relaxed F1, value F1, type F1
  auto row = GENERATE(table<std::size_t, double, double, double, double>({
      Row{0, 0.6, 0.8, 0.6, 0.4},  // alpha: 3 of 5 strict; 4 relaxed; 3/4 values; 2/4 types
      Row{1, 0.5, 1.0, 1.0, 0.5},  // beta: 1 of 2 strict; 2 relaxed; 2/2 values; 1/2 types
      Row{2, 0.0, 0.0, 0.0, 0.0},  // gamma: nothing found
  }));
  const DocumentEval& d = r.documents[std::get<0>(row)];
  timeline::EvalScores s = timeline::scores_of(d.counts);
  INFO(d.name);
  CHECK(s.strict_f1 == Approx(std::get<1>(row)));
  CHECK(s.relaxed_f1 == Approx(std::get<2>(row)));
  CHECK(s.value_f1 == Approx(std::get<3>(row)));
  CHECK(s.type_f1 == Approx(std::get<4>(row)));
  CHECK(r.documents[2].note == "no system file: every gold timex counts as missed");
  CHECK(r.documents[2].counts.gold == 1);
}

TEST_CASE("issues list each disagreement with its context", "[eval]") {
  DocumentEval d = score("alpha.tml");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& i : d.issues) got.emplace_back(i.kind, i.kind == "spurious" ? i.system_text : i.gold_text);
  std::vector<std::pair<std::string, std::string>> want = {
      {"extent", "in August last year"}, {"value", "on Wednesday"}, {"type", "on Wednesday"},
      {"missed", "now"},                 {"spurious", "Officials"}, {"type", "every Monday"}};
  CHECK(got == want);
  REQUIRE(d.issues.size() == 6);
  CHECK(d.issues[1].gold_value == "2026-02-11");
  CHECK(d.issues[1].system_value == "2026-02-18");
  CHECK(d.issues[3].context == "two weeks, a spokesperson said [now]. Officials meet every Monday.");

  timeline::EvalReport r = sample_report();
  std::string text = timeline::eval_text(r, true);
  CHECK(text.find("relaxed   85.71   75.00   80.00") != std::string::npos);
  CHECK(text.find("strict    57.14   50.00   53.33") != std::string::npos);
  CHECK(text.find("value F1  66.67") != std::string::npos);
  CHECK(text.find("type F1   40.00") != std::string::npos);
  CHECK(text.find("DATE          5   60.00     20.00      66.67 |    3      66.67") != std::string::npos);
  CHECK(text.find("gamma.tml") != std::string::npos);
  CHECK(text.find("no system file") != std::string::npos);
  CHECK(text.find("missed   \"now\" DATE PRESENT_REF") != std::string::npos);

  nlohmann::json j = timeline::eval_json(r);
  CHECK(j.at("overall").at("relaxed").at("f1").get<double>() == Approx(0.8));
  CHECK(j.at("overall").at("type_f1").get<double>() == Approx(0.4));
  CHECK(j.at("overall").at("by_type").at("SET").at("gold") == 1);
  CHECK(j.at("documents").at(0).at("issues").size() == 6);
  CHECK(j.at("documents").at(2).at("note") == "no system file: every gold timex counts as missed");
}

TEST_CASE("a system timex spanning two gold timexes matches both on the gold side", "[eval]") {
  TimemlFile gold = inline_file(
      "Open from <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-07-18\">July 18</TIMEX3> to "
      "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2025-07-23\">July 23</TIMEX3>.");
  TimemlFile sys = inline_file(
      "Open from <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-07-18\">July 18 to July 23</TIMEX3>.");
  DocumentEval d;
  timeline::Error err;
  REQUIRE(timeline::score_document("t", gold, sys, &d, &err));
  timeline::EvalScores s = timeline::scores_of(d.counts);
  CHECK(s.relaxed_p == Approx(1.0));  // the one system timex matches
  CHECK(s.relaxed_r == Approx(1.0));  // both gold timexes are matched
  CHECK(s.strict_f1 == Approx(0.0));
  CHECK(s.value_accuracy == Approx(0.5));  // only July 18 has the system's value
  CHECK(s.value_f1 == Approx(0.5));
}

TEST_CASE("relaxed matching is by token, not by word between spaces", "[eval]") {
  TimemlFile gold = inline_file(
      "In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1997\">1997</TIMEX3>-1998 prices rose.");
  TimemlFile sys = inline_file(
      "In 1997-<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\">1998</TIMEX3> prices rose.");
  DocumentEval d;
  timeline::Error err;
  REQUIRE(timeline::score_document("t", gold, sys, &d, &err));
  CHECK(d.counts.relaxed_gold == 0);
  CHECK(d.counts.relaxed_system == 0);
  REQUIRE(d.issues.size() == 2);
  CHECK(d.issues[0].kind == "missed");
  CHECK(d.issues[1].kind == "spurious");
  CHECK(d.issues[0].context == "In [1997]-1998 prices rose.");
}

TEST_CASE("files whose texts differ are refused", "[eval]") {
  DocumentEval d;
  timeline::Error err;
  CHECK_FALSE(timeline::score_document("x.tml", inline_file("Calls failed today."),
                                       inline_file("Calls failed today!"), &d, &err));
  CHECK(err.str() == "x.tml: system text differs from gold text at byte 18");
}

TEST_CASE("timeline eval pairs files by name and reports a missing system file", "[eval]") {
  const std::string dir = timeline::test::source_dir() + "/tests/data/eval";
  std::string out, err;
  int rc = run_timeline("eval --gold " + dir + "/gold --system " + dir + "/system", &out, &err);
  CHECK(rc == 0);
  CHECK(out.find("relaxed   85.71   75.00   80.00") != std::string::npos);
  CHECK(out.find("value F1  66.67") != std::string::npos);
  CHECK(out.find("missed   \"yesterday\" DATE 2024-02-29") != std::string::npos);
  CHECK(err == "timeline eval: gamma.tml: no system file: every gold timex counts as missed\n");

  rc = run_timeline("eval --gold " + dir + "/gold --system " + dir + "/system --format json", &out, &err);
  CHECK(rc == 0);
  nlohmann::json j = nlohmann::json::parse(out);
  CHECK(j.at("overall").at("strict").at("f1").get<double>() == Approx(8.0 / 15));
  CHECK(j.at("documents").size() == 3);

  CHECK(run_timeline("eval --system " + dir + "/system", &out, &err) == 2);
  CHECK(run_timeline("eval --gold " + dir + "/gold --format xml", &out, &err) == 2);
  CHECK(run_timeline("eval --gold " + dir + "/nowhere", &out, &err) == 2);
}

TEST_CASE("timeline eval reports an unreadable gold file and scores the others", "[eval]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "timeline_eval_test_gold";
  fs::remove_all(dir);
  fs::create_directories(dir / "part");
  std::ofstream(dir / "part" / "bad.tml") << "<TimeML>\n<TEXT>Blocked &bogus; today.</TEXT></TimeML>\n";
  std::ofstream(dir / "good.tml")
      << "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2026-02-12\" "
         "functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>Blocked <TIMEX3 tid=\"t1\" "
         "type=\"DATE\" value=\"2026-02-12\">today</TIMEX3>.</TEXT></TimeML>\n";
  std::string out, err;
  int rc = run_timeline("eval --summary --gold " + dir.string(), &out, &err);
  CHECK(rc == 1);
  CHECK(err == (dir / "part" / "bad.tml").string() + ":2:15: unknown or unterminated entity\n");
  CHECK(out.find("1 documents, 1 gold timexes") != std::string::npos);
  fs::remove_all(dir);
}
