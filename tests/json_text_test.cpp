// The direct JSON writer (src/common/json_text.hpp, dump_json in timeline/json.hpp): the same
// bytes as nlohmann::json's dump() of the to_json values, and the escapes written out by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include <timeline/json.hpp>

#include "common/json_text.hpp"

namespace {

using timeline::json_text::append_string;

std::string as_json_string(const std::string& s) {
  std::string out;
  append_string(&out, s);
  return out;
}

// A claim with every optional member present and strings that need escapes.
timeline::DocumentClaims sample_claims() {
  timeline::DocumentClaims d;
  d.id = "a\"1";
  d.title = "Line one\nline two\ttab";
  d.url = "https://example.org/a?b=c\\d";
  d.published = "2026-02-12";
  d.source = "caf\xC3\xA9.jsonl";
  timeline::Claim c;
  c.id = "a\"1#1";
  c.action = timeline::Action::kThrottle;
  c.status = timeline::Status::kOngoing;
  c.certainty = timeline::Certainty::kConfirmed;
  c.actor = {"Roskomnadzor", "the watchdog", "regulator", "", {10, 22}};
  c.targets.push_back({"YouTube", "YouTube", "video", "", {40, 47}});
  c.targets.push_back({"mobile internet", "mobile data", "network", "Manipur", {0, 0}});
  c.claimed_by = "\xE2\x80\x9Cusers\xE2\x80\x9D";
  c.when.timex3 = "2025-08";
  c.when.edtf = "2025-08/..";
  c.when.start = "2025-08-01";
  c.when.precision = timeline::Precision::kMonth;
  c.when.basis = "text";
  c.when.text = "since August";
  c.when.span = {50, 62};
  c.when.duration = "P11D";
  timeline::Evidence ev;
  ev.sentence = std::string("a\x01" "b\x1F" "c\x7F" "d", 7);
  ev.span = {0, 7};
  ev.highlights = {{1, 2}, {3, 5}};
  c.evidence.push_back(ev);
  c.evidence.push_back(timeline::Evidence{"Second.", {8, 15}, {}});
  c.trigger = "slowed down";
  c.confidence = 0.1 + 0.2;  // not exactly 0.3: the shortest form that reads back is long
  d.claims.push_back(c);
  c.confidence = 0.7;
  c.targets.clear();
  c.when = timeline::When{};
  c.when.basis = "none";
  d.claims.push_back(c);
  return d;
}

}  // namespace

TEST_CASE("json_text: strings escaped as nlohmann escapes them", "[io]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"plain", "\"plain\""},
      {"say \"no\"", "\"say \\\"no\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"a\nb\tc\rd", "\"a\\nb\\tc\\rd\""},
      {"\b\f", "\"\\b\\f\""},
      {"\x01\x1F", "\"\\u0001\\u001f\""},
      {"del\x7F", "\"del\x7F\""},
      {"\xD0\x9C\xD0\xB0\xD0\xBA\xD1\x81", "\"\xD0\x9C\xD0\xB0\xD0\xBA\xD1\x81\""},
      {"", "\"\""},
      // Past the first eight bytes, which are looked at in one step.
      {"0123456789\"x", "\"0123456789\\\"x\""},
      {"abcdefgh\x1F", "\"abcdefgh\\u001f\""},
      {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n", "\"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\\n\""},
  }));
  CHECK(as_json_string(input) == expected);
  CHECK(as_json_string(input) == nlohmann::json(input).dump());
}

TEST_CASE("json_text: plain_run_end stops at the first byte a JSON string escapes", "[io]") {
  // Each byte that stops a run, at every place of a 20-byte string of each filler byte; the
  // fillers include bytes at and above 0x80, which are no stop.
  for (const char stop : {'"', '\\', '\0', '\n', '\x1F'}) {
    for (const char fill : {'a', ' ', '\x7F', '\x80', '\xA0', '\xDC', '\xFF'}) {
      for (std::size_t at = 0; at <= 20; ++at) {
        std::string s(20, fill);
        if (at < s.size()) s[at] = stop;
        for (std::size_t from = 0; from <= at && from <= s.size(); from += 3) {
          CAPTURE(static_cast<int>(stop), static_cast<int>(fill), at, from);
          CHECK(timeline::json_text::plain_run_end(s, from) == std::min(at, s.size()));
        }
      }
    }
  }
}

TEST_CASE("json_text: a NUL byte and invalid UTF-8 as nlohmann treats them", "[io]") {
  const std::string with_nul("x\0\xC3\xA9", 4);
  CHECK(as_json_string(with_nul) == "\"x\\u0000\xC3\xA9\"");
  CHECK_THROWS_AS(as_json_string("bad \xC3("), nlohmann::json::type_error);
}

TEST_CASE("json_text: objects written in key order with each kind of value", "[io]") {
  timeline::json_text::Object o;
  o.add_string("zeta", "z");
  o.add_uint("alpha", 4294967295u);
  o.add_int("mid", -3);
  o.add_bool("beta", false);
  o.add_double("gamma", 2.0);
  o.add_raw("list", "[1,2]");
  std::string out;
  o.write(&out);
  CHECK(out == "{\"alpha\":4294967295,\"beta\":false,\"gamma\":2.0,\"list\":[1,2],\"mid\":-3,"
               "\"zeta\":\"z\"}");
  o.add_string("again", "reused");
  out.clear();
  o.write(&out);
  CHECK(out == "{\"again\":\"reused\"}");
}

TEST_CASE("dump_json writes the bytes nlohmann::json(claims).dump() writes", "[io]") {
  const timeline::DocumentClaims d = sample_claims();
  CHECK(timeline::dump_json(d) == nlohmann::json(d).dump());
  timeline::DocumentClaims empty;
  empty.id = "none";
  CHECK(timeline::dump_json(empty) ==
        "{\"claims\":[],\"id\":\"none\",\"published\":\"\",\"source\":\"\",\"title\":\"\","
        "\"url\":\"\"}");
}

TEST_CASE("json_text: write_timex writes what to_json makes, for dates, sets and ranges", "[io]") {
  timeline::Timex date;
  date.begin = 3;
  date.end = 16;
  date.text = "March 3, 2025";
  date.type = "DATE";
  date.value = "2025-03-03";
  date.signal = "on";
  date.precision = timeline::Precision::kDay;
  date.range_partner = 2;
  timeline::Timex set;
  set.text = "every week";
  set.type = "SET";
  set.value = "P1W";
  set.quant = "EVERY";
  set.resolved = false;
  set.freq = "1X";
  set.rule = "every_unit";
  const std::string edtf = "2025-03-03";
  for (const timeline::Timex& t : {date, set}) {
    std::string out;
    timeline::json_text::write_timex(&out, t);
    CHECK(out == nlohmann::json(t).dump());
    // With the members `tag` adds: "edtf" sorts between "begin" and "end", "rule" after
    // "resolved".
    nlohmann::json with = t;
    with["edtf"] = edtf;
    with["rule"] = t.rule;
    out = "[";
    timeline::json_text::write_timex(&out, t, &edtf, &t.rule);
    CHECK(out == "[" + with.dump());
  }
}

TEST_CASE("json_text: write_timex with strings that need escapes, UTF-8 or much room", "[io]") {
  // The common timex is written from a buffer on the stack; these take the general way.
  const std::string text = GENERATE(as<std::string>{}, "the \"Black Friday\" sale",
                                    "back\\slash", "line\nbreak", "tab\there",
                                    "2026\xE5\xB9\xB4" "2\xE6\x9C\x88",  // CJK year and month
                                    "caf\xC3\xA9 days", std::string(600, 'x'),
                                    std::string("nul\0byte", 8), "del\x7F", "");
  timeline::Timex t;
  t.begin = 10;
  t.end = 10 + static_cast<std::uint32_t>(text.size());
  t.text = text;
  t.type = "DATE";
  t.value = "2026-02";
  t.anchor = "2026-02-12";
  t.signal = "in";
  t.precision = timeline::Precision::kMonth;
  t.rule = "month_name";
  CAPTURE(text);
  const std::string edtf = "2026-02";
  std::string out;
  timeline::json_text::write_timex(&out, t, &edtf, &t.rule);
  nlohmann::json with = t;
  with["edtf"] = edtf;
  with["rule"] = t.rule;
  CHECK(out == with.dump());
  // Invalid UTF-8 is refused as nlohmann refuses it.
  t.text = "bad \xC3(";
  out.clear();
  CHECK_THROWS_AS(timeline::json_text::write_timex(&out, t), nlohmann::json::type_error);
}

TEST_CASE("json_text: strings of every length up to past the copied ones, each escape anywhere",
          "[io]") {
  // Strings up to kCopied (512) bytes are checked while copied; longer ones, and any with a byte
  // to escape or UTF-8, go the general way. Each byte that is not copied as it is, at the first,
  // a middle and the last place of fillers of each length, written after text already there.
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1F", "\x7F",
                                  "\xC3\xA9", "x"};
  for (std::size_t n = 0; n <= 530; n += n < 40 ? 1 : 61) {
    for (const std::string& special : specials) {
      for (const std::size_t at : {std::size_t{0}, n / 2, n}) {
        std::string s(n, 'a');
        s.insert(at, special);
        std::string out = "[1,";
        append_string(&out, s);
        CAPTURE(n, at, special);
        CHECK(out == "[1," + nlohmann::json(s).dump());
      }
    }
  }
  // Invalid UTF-8 in a short string is refused as nlohmann refuses it, and nothing of it stays.
  std::string out = "[";
  CHECK_THROWS_AS(append_string(&out, "ok \xC3"), nlohmann::json::type_error);
  CHECK(out == "[");
}

TEST_CASE("json_text: object keys that need an escape or are not ASCII", "[io]") {
  // The keys of this project are plain and written as they are; any other key is escaped as
  // nlohmann escapes it, in key order.
  timeline::json_text::Object o;
  o.add_uint("b\"q", 1);
  o.add_string("a", "x");
  o.add_bool("caf\xC3\xA9", true);
  o.add_raw("tab\there", "[]");
  std::string out;
  o.write(&out);
  const nlohmann::json j = {{"b\"q", 1}, {"a", "x"}, {"caf\xC3\xA9", true},
                            {"tab\there", nlohmann::json::array()}};
  CHECK(out == j.dump());
  // Empty, then plain again: the same object reused.
  o.write(&out);
  CHECK(out == j.dump() + "{}");
  o.add_uint("k", 7);
  out.clear();
  o.write(&out);
  CHECK(out == "{\"k\":7}");
}
