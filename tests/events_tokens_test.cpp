// Tokens and phrase patterns of the claim extractor (src/events/tokens.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "events/tokens.hpp"

namespace {

std::string joined(const std::vector<timeline::events::Token>& toks) {
  std::string out;
  for (const auto& t : toks) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

}  // namespace

TEST_CASE("tokenize keeps names whole and splits possessives and negations", "[events]") {
  auto [text, tokens] = GENERATE(table<std::string, std::string>({
      {"Russia's watchdog", "Russia 's watchdog"},
      {"Russia\xE2\x80\x99s watchdog", "Russia 's watchdog"},
      {"a state-backed app", "a state-backed app"},
      {"according to Sboi.rf.", "according to Sboi.rf ."},
      {"it didn't block", "it did n't block"},
      {"\xE2\x80\x9C" "completely shut down\xE2\x80\x9D its", "\xE2\x80\x9C completely shut down "
                                                            "\xE2\x80\x9D its"},
      {"N. Biren Singh", "N . Biren Singh"},
      {"Роскомнадзор said", "Роскомнадзор said"},
  }));
  CHECK(joined(timeline::events::tokenize(text, 0, static_cast<std::uint32_t>(text.size()))) ==
        tokens);
}

TEST_CASE("token offsets point into the text", "[events]") {
  const std::string text = "Peskov told TASS\xE2\x80\x99s reporter.";
  const auto toks = timeline::events::tokenize(text, 0, static_cast<std::uint32_t>(text.size()));
  REQUIRE(toks.size() == 6);
  CHECK(text.substr(toks[2].begin, toks[2].end - toks[2].begin) == "TASS");
  CHECK(text.substr(toks[3].begin, toks[3].end - toks[3].begin) == "\xE2\x80\x99s");
  CHECK(toks[3].text == "'s");
}

TEST_CASE("phrases: alternatives, gaps and case", "[events]") {
  auto [pattern, case_sensitive, text, matched] =
      GENERATE(table<std::string, bool, std::string, std::size_t>({
          {"slow|slows|slowed down", false, "Slowed down YouTube", 2},
          {"cut|cuts * off", false, "cut it off", 3},
          {"cut|cuts * off", false, "cut more than 100 million people off", 0},
          {"cut|cuts * off", false, "cut off", 2},
          {"Max", true, "max speed", 0},
          {"Max", true, "Max messenger", 1},
          {"the Kremlin", true, "The Kremlin said", 2},
          {"Russia's internet regulator", true, "Russia\xE2\x80\x99s internet regulator", 4},
      }));
  timeline::events::Phrase p;
  std::string why;
  REQUIRE(p.compile(pattern, case_sensitive, &why));
  const auto toks = timeline::events::tokenize(text, 0, static_cast<std::uint32_t>(text.size()));
  CHECK(p.match(toks, 0) == matched);
}

TEST_CASE("phrases that cannot be compiled say why", "[events]") {
  auto [pattern, why] = GENERATE(table<std::string, std::string>({
      {"* blocked", "pattern '* blocked' is empty or begins or ends with '*'"},
      {"blocked *", "pattern 'blocked *' is empty or begins or ends with '*'"},
      {"block||ban", "empty alternative in 'block||ban'"},
      {"   ", "pattern '   ' is empty or begins or ends with '*'"},
  }));
  timeline::events::Phrase p;
  std::string got;
  CHECK_FALSE(p.compile(pattern, false, &got));
  CHECK(got == why);
}
