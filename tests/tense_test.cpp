// local_tense() and sentence_tense() on the cues that decide which side of the publication
// date a weekday or a month falls: a time that opens its sentence, plans told in the past
// perfect, "planned", "is to". Each row: a sentence of our own, the expression in it, the tense
// a reader gives the expression.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>

#include "text/tense.hpp"

using timeline::Tense;

TEST_CASE("local tense of an expression from the words around it", "[text]") {
  std::string text, expr;
  Tense want;
  std::tie(text, expr, want) = GENERATE(table<std::string, std::string, Tense>({
      // A time opening the sentence is when the reporting verb after it happened...
      {"On Friday, officials announced the ban.", "Friday", Tense::kPast},
      {"But on Monday, the regulator said it would act.", "Monday", Tense::kPast},
      // ...elsewhere a reporting verb after it says nothing of it.
      {"The ban will start Friday, officials said.", "Friday", Tense::kFuture},
      // A plan told in the past perfect lies before the narrative's time.
      {"The offer had been due to expire Friday evening.", "Friday", Tense::kPast},
      {"The vote had been scheduled for Monday.", "Monday", Tense::kPast},
      // "planned to" before the expression plans it; after it, the planning is then.
      {"Officials planned to meet on Friday.", "Friday", Tense::kFuture},
      {"On Friday, the government planned to pay the claims.", "Friday", Tense::kPast},
      // "is to" + verb is an arrangement ahead.
      {"The shares are to resume trading Tuesday.", "Tuesday", Tense::kFuture},
  }));
  CAPTURE(text, expr);
  const std::size_t at = text.find(expr);
  REQUIRE(at != std::string::npos);
  CHECK(timeline::local_tense(text, at, at + expr.size(), 5, true) == want);
}

TEST_CASE("sentence tense: weak future cues do not rule the sentence", "[text]") {
  std::string text;
  Tense want;
  std::tie(text, want) = GENERATE(table<std::string, Tense>({
      // "planned" as an adjective tells nothing; "planned to" and "was planned for" point ahead.
      {"The hastily planned trip.", Tense::kUnknown},
      {"The ministry planned to block the app.", Tense::kFuture},
      {"The launch was planned for March.", Tense::kFuture},
      // "is to" points ahead only near its verb; the other clause keeps its past.
      {"He is to publish a book on the investors who forced him out.", Tense::kPast},
  }));
  CAPTURE(text);
  CHECK(timeline::sentence_tense(text) == want);
}

TEST_CASE("one sentence asked about in turn: its expressions, then its own tense", "[text]") {
  // The cue five words after the expression is "is to" + verb: the two words after the window
  // decide it. The words of a sentence are read once and kept for the next question.
  const std::string vote = "The vote set for Tuesday in the upper house is to decide the matter.";
  const std::size_t at = vote.find("Tuesday");
  CHECK(timeline::local_tense(vote, at, at + 7, 5, true) == Tense::kFuture);
  // Four words after it, the same cue is outside a window of three.
  CHECK(timeline::local_tense(vote, at, at + 7, 3, true) == Tense::kUnknown);

  const std::string rules =
      "On Monday the ministry said that the new rules for messaging apps will apply.";
  const std::size_t monday = rules.find("Monday");
  // "said" is the nearest cue of "Monday", which opens the sentence...
  CHECK(timeline::local_tense(rules, monday, monday + 6, 5, true) == Tense::kPast);
  // ...while the sentence as a whole has a future auxiliary, eleven words on.
  CHECK(timeline::sentence_tense(rules) == Tense::kFuture);
  // Asked again after the whole sentence was read, the answer is the same.
  CHECK(timeline::local_tense(rules, monday, monday + 6, 5, true) == Tense::kPast);
  // A later expression of the same sentence.
  const std::size_t apps = rules.find("apps");
  CHECK(timeline::local_tense(rules, apps, apps + 4, 2, true) == Tense::kFuture);
}

TEST_CASE("tense cues: words across 64-byte steps, at the very end, long and mixed case",
          "[text]") {
  // Each row: a sentence of our own, an expression in it ("" = ask the sentence's tense), and
  // the tense a reader gives it. The filler words put the cue where the word finder changes
  // step: across byte 64, in the last sixteen bytes, longer than eight or sixteen bytes.
  std::string text, expr;
  Tense want;
  std::tie(text, expr, want) = GENERATE(table<std::string, std::string, Tense>({
      // "ANNOUNCED" spans bytes 62 to 70: a past form just before "Friday".
      {"Lorem ipsum dolor sit amet consectetur adipiscing elit sed do ANNOUNCED Friday.",
       "Friday", Tense::kPast},
      // "WILL" is the last word, within the last sixteen bytes: future.
      {"Officials said the apps would go dark, and more WILL", "", Tense::kFuture},
      // A seventeen-letter regular -ed form is past.
      {"The standards internationalized", "", Tense::kPast},
      // "Scheduled" (nine letters, capital) points ahead unless told in the past perfect.
      {"Talks are Scheduled to resume", "", Tense::kFuture},
      {"Talks HAD been Scheduled to resume", "", Tense::kPast},
      // "Won't" with its apostrophe is a future auxiliary.
      {"The regulator Won't lift the block", "", Tense::kFuture},
      // "hundred" ends in -ed but is not a verb.
      {"A hundred sites", "", Tense::kUnknown},
  }));
  CAPTURE(text, expr);
  timeline::TenseCues cues;
  cues.reset("Earlier text that is not asked about will be replaced.");
  cues.reset(text);
  if (expr.empty()) {
    CHECK(cues.sentence_tense() == want);
    CHECK(timeline::sentence_tense(text) == want);
  } else {
    const std::size_t at = text.find(expr);
    REQUIRE(at != std::string::npos);
    CHECK(cues.local_tense(at, at + expr.size(), 5, true) == want);
    CHECK(timeline::local_tense(text, at, at + expr.size(), 5, true) == want);
  }
}
