// Temporal phrases, written independently of the tagger: each row is a sentence written for this
// test, the anchor (publication date), and the timex expected in it (its exact words, type,
// TIMEX3 value, mod). Values were worked out by hand with a calendar (and python's datetime for
// weekdays and ISO weeks), following the TimeML / TimeBank conventions seen in TBAQ-cleaned:
// prepositions stay outside the timex ("on Thursday" -> "Thursday"), "last week" is a week value,
// "the past two weeks" a DURATION, "now" PRESENT_REF, "the 1990s" the decade "199", parts of day
// TIME "TMO"/"TAF"/"TEV"/"TNI", "earlier this month" the month with mod START.
//
// Anchor used most: 2026-02-12, a Thursday in ISO week 2026-W07. ISO years with 53 weeks near it:
// 2020 and 2026 (not 2025). Easter: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28.
// Thanksgiving (4th Thursday of November): 2025-11-27, 2026-11-26.
//
// The row's timex is looked up among the tagger's output by its words; other timexes in the
// sentence are not checked here.
#include <catch2/catch.hpp>

#include <sstream>

#include <timeline/data.hpp>
#include <timeline/tagger.hpp>

namespace {

const timeline::Tagger& tagger() {
  static const std::unique_ptr<timeline::Tagger> t = [] {
    timeline::Error err;
    auto made = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
    if (!made) FAIL("tagger: " << err.str());
    return made;
  }();
  return *t;
}

std::vector<timeline::Timex> tag(const std::string& sentence, const std::string& anchor) {
  timeline::Document doc;
  doc.id = "phrase";
  doc.text = sentence;
  doc.published = anchor;
  return tagger().tag(doc);
}

std::string listing(const std::vector<timeline::Timex>& found) {
  std::ostringstream s;
  for (const auto& t : found)
    s << "  \"" << t.text << "\" " << t.type << " " << t.value << (t.mod.empty() ? "" : " ")
      << t.mod << "\n";
  return found.empty() ? "  (no timex)\n" : s.str();
}

using Row = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

// Checks that `sentence` tagged at `anchor` holds a timex over exactly `words` with these values.
void check_row(const Row& row) {
  const auto& [sentence, anchor, words, type, value, mod] = row;
  auto found = tag(sentence, anchor);
  INFO("sentence: " << sentence << "\nanchor: " << anchor << "\ntagger found:\n" << listing(found));
  const timeline::Timex* hit = nullptr;
  for (const auto& t : found)
    if (t.text == words) hit = &t;
  REQUIRE(hit != nullptr);
  CHECK(sentence.substr(hit->begin, hit->end - hit->begin) == words);
  CHECK(hit->type == type);
  CHECK(hit->value == value);
  CHECK(hit->mod == mod);
}

const char* const A = "2026-02-12";  // Thursday, 2026-W07

}  // namespace

TEST_CASE("absolute dates in common formats", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The ban took effect on February 12, 2026.", A, "February 12, 2026", "DATE", "2026-02-12", ""},
      Row{"The law was signed on 12 February 2026.", A, "12 February 2026", "DATE", "2026-02-12", ""},
      Row{"The order is dated 2026-02-12 in the registry.", A, "2026-02-12", "DATE", "2026-02-12", ""},
      Row{"Access failed on Feb. 10, 2026, in several regions.", A, "Feb. 10, 2026", "DATE", "2026-02-10", ""},
      Row{"Calls were cut on 3 March 2025 across the region.", A, "3 March 2025", "DATE", "2025-03-03", ""},
      Row{"The court ruled on March 3rd, 2025, against the company.", A, "March 3rd, 2025", "DATE", "2025-03-03", ""},
      Row{"The blocking began in August 2025.", A, "August 2025", "DATE", "2025-08", ""},
      Row{"It started in Aug 2025 with slower videos.", A, "Aug 2025", "DATE", "2025-08", ""},
      Row{"The platform was banned in 2022.", A, "2022", "DATE", "2022", ""},
      Row{"The first filtering law passed in 1996.", A, "1996", "DATE", "1996", ""},
      Row{"The outage was logged on 25/12/2025 by monitors.", A, "25/12/2025", "DATE", "2025-12-25", ""},
      Row{"The outage was logged on 12/25/2025 by monitors.", A, "12/25/2025", "DATE", "2025-12-25", ""},
      Row{"The site went dark on Sept. 4, 2024.", A, "Sept. 4, 2024", "DATE", "2024-09-04", ""},
      Row{"The decree of 1 July 2024 still applies.", A, "1 July 2024", "DATE", "2024-07-01", ""},
      Row{"The report covers December 2025 in detail.", A, "December 2025", "DATE", "2025-12", ""},
      Row{"The leak happened on 29 February 2024.", A, "29 February 2024", "DATE", "2024-02-29", ""},
      Row{"A filing from Feb 29, 2024 was cited.", A, "Feb 29, 2024", "DATE", "2024-02-29", ""},
      Row{"The service stopped at 2026-01-31T18:30 according to the log.", A, "2026-01-31T18:30", "TIME", "2026-01-31T18:30", ""},
      Row{"The regulator wrote on January 5 that the app broke the law.", A, "January 5", "DATE", "2026-01-05", ""},
      Row{"Officials blocked the site on March 3.", A, "March 3", "DATE", "2025-03-03", ""},
      Row{"Officials will unblock the site on March 3.", A, "March 3", "DATE", "2026-03-03", ""},
      Row{"The network was shut down on 4 August.", A, "4 August", "DATE", "2025-08-04", ""},
      Row{"The measure will expire on 1 September.", A, "1 September", "DATE", "2026-09-01", ""},
      Row{"The ban was lifted on December 24.", A, "December 24", "DATE", "2025-12-24", ""},
      Row{"The hearing will take place on March 15.", A, "March 15", "DATE", "2026-03-15", ""},
      Row{"Traffic fell sharply in November 2019.", A, "November 2019", "DATE", "2019-11", ""},
      Row{"The rule dates from January 1, 2000.", A, "January 1, 2000", "DATE", "2000-01-01", ""},
      Row{"By October 2023 most VPNs were throttled.", A, "October 2023", "DATE", "2023-10", ""},
      Row{"On 31 December 1999 the old system closed.", A, "31 December 1999", "DATE", "1999-12-31", ""},
      Row{"Users complained in June.", A, "June", "DATE", "2025-06", ""},
      Row{"Elections will be held in June.", A, "June", "DATE", "2026-06", ""},
      Row{"Activists were detained in January.", A, "January", "DATE", "2026-01", ""},
      Row{"The app was removed from stores in Nov. 2025.", A, "Nov. 2025", "DATE", "2025-11", ""},
      Row{"The list was updated on Jan 7, 2026.", A, "Jan 7, 2026", "DATE", "2026-01-07", ""},
      Row{"Inspectors visited on 7 Jan 2026.", A, "7 Jan 2026", "DATE", "2026-01-07", ""},
  })));
}

TEST_CASE("weekdays resolved by tense", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The regulator confirmed the block on Thursday.", A, "Thursday", "DATE", "2026-02-12", ""},
      Row{"The regulator confirmed on Monday that calls were limited.", A, "Monday", "DATE", "2026-02-09", ""},
      Row{"Users reported outages on Tuesday.", A, "Tuesday", "DATE", "2026-02-10", ""},
      Row{"Users reported outages on Wednesday.", A, "Wednesday", "DATE", "2026-02-11", ""},
      Row{"The ministry said on Friday that it had no plans.", A, "Friday", "DATE", "2026-02-06", ""},
      Row{"The ministry said on Saturday that it had no plans.", A, "Saturday", "DATE", "2026-02-07", ""},
      Row{"On Sunday, the app stopped working.", A, "Sunday", "DATE", "2026-02-08", ""},
      Row{"The court will rule on Monday.", A, "Monday", "DATE", "2026-02-16", ""},
      Row{"Lawmakers will vote on Friday.", A, "Friday", "DATE", "2026-02-13", ""},
      Row{"The company will appeal on Tuesday.", A, "Tuesday", "DATE", "2026-02-17", ""},
      Row{"The regulator will meet on Wednesday.", A, "Wednesday", "DATE", "2026-02-18", ""},
      Row{"The new rules will start on Saturday.", A, "Saturday", "DATE", "2026-02-14", ""},
      Row{"The site was blocked last Monday.", A, "last Monday", "DATE", "2026-02-09", ""},
      Row{"The site will be unblocked next Monday.", A, "next Monday", "DATE", "2026-02-16", ""},
      Row{"Officials will decide this Friday.", A, "this Friday", "DATE", "2026-02-13", ""},
      Row{"The outage started last Sunday.", A, "last Sunday", "DATE", "2026-02-08", ""},
      Row{"The agency said on Sunday that it acted lawfully.", "2026-03-02", "Sunday", "DATE", "2026-03-01", ""},
      Row{"Service will resume on Sunday.", "2026-03-02", "Sunday", "DATE", "2026-03-08", ""},
      Row{"The minister spoke on Monday about the ban.", "2026-03-02", "Monday", "DATE", "2026-03-02", ""},
      Row{"The ministry announced on Friday that the block was over.", "2026-03-02", "Friday", "DATE", "2026-02-27", ""},
      Row{"Regulators will publish the list on Thursday.", "2026-03-02", "Thursday", "DATE", "2026-03-05", ""},
      Row{"Protests took place on Saturday in the capital.", "2026-01-01", "Saturday", "DATE", "2025-12-27", ""},
      Row{"The court will hear the case on Monday.", "2025-12-30", "Monday", "DATE", "2026-01-05", ""},
  })));
}

TEST_CASE("today, yesterday, tomorrow, tonight and parts of days", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"Access was restored today.", A, "today", "DATE", "2026-02-12", ""},
      Row{"The block started yesterday.", A, "yesterday", "DATE", "2026-02-11", ""},
      Row{"The ruling is due tomorrow.", A, "tomorrow", "DATE", "2026-02-13", ""},
      Row{"Today the regulator named the app.", A, "Today", "DATE", "2026-02-12", ""},
      Row{"Yesterday the regulator named the app.", A, "Yesterday", "DATE", "2026-02-11", ""},
      Row{"The app will go dark tonight.", A, "tonight", "TIME", "2026-02-12TNI", ""},
      Row{"Officials spoke this morning.", A, "this morning", "TIME", "2026-02-12TMO", ""},
      Row{"Protests continued this afternoon.", A, "this afternoon", "TIME", "2026-02-12TAF", ""},
      Row{"A statement is expected this evening.", A, "this evening", "TIME", "2026-02-12TEV", ""},
      Row{"Service dropped last night.", A, "last night", "TIME", "2026-02-11TNI", ""},
      Row{"Engineers noticed the fault yesterday morning.", A, "yesterday morning", "TIME", "2026-02-11TMO", ""},
      Row{"The vote is set for tomorrow morning.", A, "tomorrow morning", "TIME", "2026-02-13TMO", ""},
      Row{"The order arrived yesterday afternoon.", A, "yesterday afternoon", "TIME", "2026-02-11TAF", ""},
      Row{"The checks ended yesterday.", "2026-03-01", "yesterday", "DATE", "2026-02-28", ""},
      Row{"The checks ended yesterday.", "2024-03-01", "yesterday", "DATE", "2024-02-29", ""},
      Row{"The checks ended yesterday.", "2026-01-01", "yesterday", "DATE", "2025-12-31", ""},
      Row{"The checks will end tomorrow.", "2025-12-31", "tomorrow", "DATE", "2026-01-01", ""},
      Row{"The checks will end tomorrow.", "2024-02-28", "tomorrow", "DATE", "2024-02-29", ""},
      Row{"The checks will end tomorrow.", "2026-02-28", "tomorrow", "DATE", "2026-03-01", ""},
      Row{"The outage began tonight.", "2025-12-31", "tonight", "TIME", "2025-12-31TNI", ""},
  })));
}
