// TimeML reading and writing: offsets, entities, kept markup, the DCT, fresh documents.
#include <catch2/catch.hpp>

#include <filesystem>

#include <timeline/timeml.hpp>

#include "test_util.hpp"

namespace {

using timeline::Document;
using timeline::Timex;
using timeline::TimemlFile;

std::string data_path(const std::string& name) {
  return timeline::test::source_dir() + "/tests/data/eval/" + name;
}

TimemlFile read_ok(const std::string& bytes, const std::string& name) {
  TimemlFile f;
  timeline::Error err;
  bool ok = timeline::read_timeml(bytes, name, &f, &err);
  INFO(err.str());
  REQUIRE(ok);
  return f;
}

Timex timex_at(const std::string& text, const std::string& words, const std::string& type,
               const std::string& value) {
  Timex t;
  auto pos = text.find(words);
  REQUIRE(pos != std::string::npos);
  t.begin = static_cast<std::uint32_t>(pos);
  t.end = static_cast<std::uint32_t>(pos + words.size());
  t.text = words;
  t.type = type;
  t.value = value;
  return t;
}

std::string covered(const TimemlFile& f, std::size_t i) {
  return f.text.substr(f.timexes[i].begin, f.timexes[i].end - f.timexes[i].begin);
}

}  // namespace

TEST_CASE("read_timeml gives the TEXT content and its timexes", "[eval]") {
  TimemlFile f = read_ok(timeline::test::read_file(data_path("gold/alpha.tml")), "alpha.tml");
  CHECK(f.docid == "alpha");
  CHECK(f.dct == "2026-02-12");
  CHECK(f.text.find("AT&T users") != std::string::npos);
  CHECK(f.text.find('<') == std::string::npos);
  REQUIRE(f.timexes.size() == 5);
  auto row = GENERATE(table<std::size_t, std::string, std::string, std::string>({
      {0, "in August last year", "DATE", "2025-08"},
      {1, "on Wednesday", "DATE", "2026-02-11"},
      {2, "the past two weeks", "DURATION", "P2W"},
      {3, "now", "DATE", "PRESENT_REF"},
      {4, "every Monday", "SET", "XXXX-WXX-1"},
  }));
  std::size_t i = std::get<0>(row);
  CHECK(covered(f, i) == std::get<1>(row));
  CHECK(f.timexes[i].type == std::get<2>(row));
  CHECK(f.timexes[i].value == std::get<3>(row));
}

TEST_CASE("read_timeml reports broken files with their place", "[eval]") {
  TimemlFile f;
  timeline::Error err;
  CHECK_FALSE(timeline::read_timeml("<TimeML><DOCID>x</DOCID></TimeML>", "x.tml", &f, &err));
  CHECK(err.str() == "x.tml: no <TEXT> element (is this a TimeML file?)");
  CHECK_FALSE(timeline::read_timeml("<TimeML>\n<TEXT>a &bogus; b</TEXT></TimeML>", "y.tml", &f, &err));
  CHECK(err.str() == "y.tml:2:9: unknown or unterminated entity");
  CHECK_FALSE(timeline::read_timeml("<TEXT>a <TIMEX3 tid=\"t1\">b</TEXT>", "z.tml", &f, &err));
  CHECK(err.str() == "z.tml:1:9: <TIMEX3> is never closed");
}

TEST_CASE("write_timeml re-annotates a TimeML source and keeps everything else", "[eval]") {
  std::string source = timeline::test::read_file(data_path("gold/alpha.tml"));
  TimemlFile gold = read_ok(source, "alpha.tml");
  Document doc;
  doc.id = "alpha";
  doc.text = gold.text;
  doc.published = gold.dct;
  doc.format = timeline::Format::kTimeml;
  doc.timeml_source = source;
  doc.timeml_text_begin = gold.text_begin;
  doc.timeml_text_end = gold.text_end;

  std::vector<Timex> ours = {
      timex_at(doc.text, "the past two weeks", "DURATION", "P2W"),
      timex_at(doc.text, "August last year", "DATE", "2025-08"),
      timex_at(doc.text, "slowed", "DATE", "X"),    // exactly an EVENT's extent
      timex_at(doc.text, "August", "DATE", "XXXX-08"),  // overlaps a longer one: left out
  };
  ours[0].mod = "APPROX";
  std::string out = timeline::write_timeml(doc, ours);
  TimemlFile back = read_ok(out, "out.tml");

  CHECK(back.text == gold.text);
  CHECK(back.dct == "2026-02-12");
  REQUIRE(back.timexes.size() == 3);
  CHECK(covered(back, 0) == "slowed");
  CHECK(covered(back, 1) == "August last year");
  CHECK(back.timexes[1].value == "2025-08");
  CHECK(covered(back, 2) == "the past two weeks");
  CHECK(back.timexes[2].mod == "APPROX");
  // Markup other than TIMEX3 is kept, the new tag sits inside the EVENT it coincides with.
  CHECK(out.find("<EVENT eid=\"e1\" class=\"OCCURRENCE\"><TIMEX3 tid=\"t1\" type=\"DATE\" "
                 "value=\"X\">slowed</TIMEX3></EVENT>") != std::string::npos);
  CHECK(out.find("<EVENT eid=\"e2\" class=\"OCCURRENCE\">blocked</EVENT> it on Wednesday.") !=
        std::string::npos);
  CHECK(out.find("AT&amp;T") != std::string::npos);
  CHECK(out.find("PRESENT_REF") == std::string::npos);
  // Everything before TEXT is byte for byte the same.
  CHECK(out.substr(0, gold.text_begin) == source.substr(0, gold.text_begin));
}

TEST_CASE("write_timeml puts a timex over an entity around the whole entity", "[eval]") {
  std::string source = "<TimeML><TEXT>Q&amp;A on 5 May</TEXT></TimeML>";
  TimemlFile f = read_ok(source, "s.tml");
  REQUIRE(f.text == "Q&A on 5 May");
  Document doc;
  doc.text = f.text;
  doc.timeml_source = source;
  doc.timeml_text_begin = f.text_begin;
  doc.timeml_text_end = f.text_end;
  std::vector<Timex> ours = {timex_at(doc.text, "&A", "DATE", "X"),
                             timex_at(doc.text, "5 May", "DATE", "XXXX-05-05")};
  std::string out = timeline::write_timeml(doc, ours);
  CHECK(out == "<TimeML><TEXT>Q<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\">&amp;A</TIMEX3> on "
               "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"XXXX-05-05\">5 May</TIMEX3></TEXT>"
               "</TimeML>");
}

TEST_CASE("write_timeml writes a fresh document for other inputs", "[eval]") {
  Document doc;
  doc.id = "note";
  doc.published = "2026-02-12T09:30:00Z";
  doc.text = "Calls <failed> since \"January\" & then.";
  std::vector<Timex> ours = {timex_at(doc.text, "January", "DATE", "2026-01")};
  ours[0].mod = "START";
  std::string out = timeline::write_timeml(doc, ours);
  CHECK(out.find("<DOCID>note</DOCID>") != std::string::npos);
  TimemlFile back = read_ok(out, "note.tml");
  CHECK(back.dct == "2026-02-12");
  CHECK(back.text == doc.text);
  REQUIRE(back.timexes.size() == 1);
  CHECK(covered(back, 0) == "January");
  CHECK(back.timexes[0].mod == "START");
  CHECK(out.find("&lt;failed&gt; since &quot;<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2026-01\" "
                 "mod=\"START\">January</TIMEX3>&quot; &amp; then.") != std::string::npos);

  doc.published.clear();
  CHECK(timeline::write_timeml(doc, {}).find("<DCT>") == std::string::npos);
}

TEST_CASE("write_timeml round-trips the gold timexes of every TBAQ file", "[eval]") {
  const std::string tbaq = timeline::test::shared_dir() + "/data/tbaq";
  TIMELINE_REQUIRE_DATA(tbaq + "/timebank");
  int files = 0, timexes = 0;
  for (const char* folder : {"timebank", "aquaint"}) {
    for (const auto& e : std::filesystem::directory_iterator(tbaq + "/" + folder)) {
      std::string source = timeline::test::read_file(e.path().string());
      TimemlFile gold = read_ok(source, e.path().filename().string());
      Document doc;
      doc.text = gold.text;
      doc.timeml_source = source;
      doc.timeml_text_begin = gold.text_begin;
      doc.timeml_text_end = gold.text_end;
      std::vector<Timex> ours;
      for (const auto& g : gold.timexes) {
        Timex t;
        t.begin = g.begin;
        t.end = g.end;
        t.type = g.type;
        t.value = g.value;
        t.mod = g.mod;
        ours.push_back(t);
      }
      TimemlFile back = read_ok(timeline::write_timeml(doc, ours), "rewritten");
      INFO(e.path().string());
      REQUIRE(back.text == gold.text);
      REQUIRE(back.timexes.size() == gold.timexes.size());
      for (std::size_t i = 0; i < gold.timexes.size(); ++i) {
        CHECK(back.timexes[i].begin == gold.timexes[i].begin);
        CHECK(back.timexes[i].end == gold.timexes[i].end);
        CHECK(back.timexes[i].value == gold.timexes[i].value);
      }
      ++files;
      timexes += static_cast<int>(gold.timexes.size());
    }
  }
  CHECK(files == 256);
  CHECK(timexes == 1822);
}

TEST_CASE("write_timeml falls back to a fresh document when the text does not match the source", "[eval]") {
  std::string source = "<TimeML><TEXT>\nBlocked on 5 May.</TEXT></TimeML>";
  TimemlFile f = read_ok(source, "s.tml");
  Document doc;
  doc.id = "s";
  doc.text = "Blocked on 5 May.";  // the leading newline was trimmed by someone
  doc.timeml_source = source;
  doc.timeml_text_begin = f.text_begin;
  doc.timeml_text_end = f.text_end;
  std::string out = timeline::write_timeml(doc, {timex_at(doc.text, "5 May", "DATE", "XXXX-05-05")});
  TimemlFile back = read_ok(out, "out.tml");
  CHECK(back.text == doc.text);
  REQUIRE(back.timexes.size() == 1);
  CHECK(covered(back, 0) == "5 May");
}

TEST_CASE("read_timeml keeps nested timexes and skips empty ones", "[eval]") {
  TimemlFile f = read_ok(
      "<TimeML><TEXT>In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"199\">the "
      "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1990\">1990</TIMEX3>s</TIMEX3> it grew"
      "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"X\"/>.</TEXT></TimeML>",
      "n.tml");
  CHECK(f.text == "In the 1990s it grew.");
  REQUIRE(f.timexes.size() == 2);
  CHECK(covered(f, 0) == "the 1990s");
  CHECK(f.timexes[0].tid == "t1");
  CHECK(covered(f, 1) == "1990");
  CHECK(f.timexes[1].value == "1990");

  timeline::Error err;
  CHECK_FALSE(timeline::read_timeml("<TEXT>a</TIMEX3></TEXT>", "u.tml", &f, &err));
  CHECK(err.str() == "u.tml:1:8: </TIMEX3> without an opening tag");
}
