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

TEST_CASE("last, this and next week, month, year; ago; earlier and later", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The app was throttled last week.", A, "last week", "DATE", "2026-W06", ""},
      Row{"Talks continue this week.", A, "this week", "DATE", "2026-W07", ""},
      Row{"The law will take effect next week.", A, "next week", "DATE", "2026-W08", ""},
      Row{"Prices rose last month.", A, "last month", "DATE", "2026-01", ""},
      Row{"This month the regulator fined it twice.", A, "This month", "DATE", "2026-02", ""},
      Row{"The rules will change next month.", A, "next month", "DATE", "2026-03", ""},
      Row{"Traffic doubled last year.", A, "last year", "DATE", "2025", ""},
      Row{"This year the list grew.", A, "This year", "DATE", "2026", ""},
      Row{"Elections are due next year.", A, "next year", "DATE", "2027", ""},
      Row{"The app was banned two weeks ago.", A, "two weeks ago", "DATE", "2026-W05", ""},
      Row{"It broke three days ago.", A, "three days ago", "DATE", "2026-02-09", ""},
      Row{"The slowdown began two months ago.", A, "two months ago", "DATE", "2025-12", ""},
      Row{"The law passed a year ago.", A, "a year ago", "DATE", "2025", ""},
      Row{"The site was blocked five years ago.", A, "five years ago", "DATE", "2021", ""},
      Row{"Users noticed a week ago.", A, "a week ago", "DATE", "2026-W06", ""},
      Row{"The order came ten days ago.", A, "ten days ago", "DATE", "2026-02-02", ""},
      Row{"The order came 10 days ago.", A, "10 days ago", "DATE", "2026-02-02", ""},
      Row{"Earlier this month, the app was slowed.", A, "Earlier this month", "DATE", "2026-02", "START"},
      Row{"The agency warned earlier this month.", A, "earlier this month", "DATE", "2026-02", "START"},
      Row{"The list was extended earlier this year.", A, "earlier this year", "DATE", "2026", "START"},
      Row{"The app was slowed late last year.", A, "late last year", "DATE", "2025", "END"},
      Row{"A vote is planned for early next year.", A, "early next year", "DATE", "2027", "START"},
      Row{"The service was slowed in August last year.", A, "August last year", "DATE", "2025-08", ""},
      Row{"The app was blocked last August.", A, "last August", "DATE", "2025-08", ""},
      Row{"The rules will change this August.", A, "this August", "DATE", "2026-08", ""},
      Row{"The trial will open in March next year.", A, "March next year", "DATE", "2027-03", ""},
      Row{"A review is due by the end of the year.", A, "the end of the year", "DATE", "2026", "END"},
      Row{"The work will finish by the end of March.", A, "the end of March", "DATE", "2026-03", "END"},
      Row{"At the beginning of 2025 the list was short.", A, "the beginning of 2025", "DATE", "2025", "START"},
      Row{"Fines doubled at the end of 2025.", A, "the end of 2025", "DATE", "2025", "END"},
      Row{"Fines doubled at the end of last year.", A, "the end of last year", "DATE", "2025", "END"},
      // Year boundaries.
      Row{"The firm closed last December.", "2026-01-05", "last December", "DATE", "2025-12", ""},
      Row{"The law will take effect next January.", "2025-12-15", "next January", "DATE", "2026-01", ""},
      Row{"The app was throttled last week.", "2026-01-02", "last week", "DATE", "2025-W52", ""},
      Row{"The app was throttled last week.", "2026-01-05", "last week", "DATE", "2026-W01", ""},
      Row{"Talks continue this week.", "2025-12-30", "this week", "DATE", "2026-W01", ""},
      Row{"Prices rose last month.", "2026-01-05", "last month", "DATE", "2025-12", ""},
      Row{"The rules will change next month.", "2025-12-15", "next month", "DATE", "2026-01", ""},
      Row{"Traffic doubled last year.", "2026-01-05", "last year", "DATE", "2025", ""},
      Row{"Elections are due next year.", "2025-12-15", "next year", "DATE", "2026", ""},
      Row{"The law will take effect next week.", "2025-12-22", "next week", "DATE", "2026-W01", ""},
      Row{"It happened two weeks ago.", "2026-01-08", "two weeks ago", "DATE", "2025-W52", ""},
      // ISO years with 53 weeks: 2020 and 2026.
      Row{"Talks continue this week.", "2021-01-01", "this week", "DATE", "2020-W53", ""},
      Row{"The app was throttled last week.", "2021-01-06", "last week", "DATE", "2020-W53", ""},
      Row{"The app was throttled last week.", "2027-01-08", "last week", "DATE", "2026-W53", ""},
      Row{"Talks continue this week.", "2026-12-31", "this week", "DATE", "2026-W53", ""},
      Row{"The law will take effect next week.", "2026-12-22", "next week", "DATE", "2026-W53", ""},
      Row{"The law will take effect next week.", "2020-12-22", "next week", "DATE", "2020-W53", ""},
      // Leap days in day arithmetic.
      Row{"The order came ten days ago.", "2026-03-05", "ten days ago", "DATE", "2026-02-23", ""},
      Row{"It broke three days ago.", "2024-03-02", "three days ago", "DATE", "2024-02-28", ""},
      Row{"It broke two days ago.", "2024-03-01", "two days ago", "DATE", "2024-02-28", ""},
      Row{"Prices rose last month.", "2024-03-31", "last month", "DATE", "2024-02", ""},
      Row{"The law passed a year ago.", "2025-02-28", "a year ago", "DATE", "2024", ""},
  })));
}

TEST_CASE("since: the point named, resolved by the anchor", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"Calls have been blocked since January.", A, "January", "DATE", "2026-01", ""},
      Row{"The site has been down since March.", A, "March", "DATE", "2025-03", ""},
      Row{"VPNs have been throttled since 2022.", A, "2022", "DATE", "2022", ""},
      Row{"The service has been limited since last summer.", A, "last summer", "DATE", "2025-SU", ""},
      Row{"Users have complained since August.", A, "August", "DATE", "2025-08", ""},
      Row{"It has been blocked since February 3.", A, "February 3", "DATE", "2026-02-03", ""},
      Row{"Calls have failed since December 28.", "2026-01-05", "December 28", "DATE", "2025-12-28", ""},
      Row{"The app has been slow since Monday.", A, "Monday", "DATE", "2026-02-09", ""},
      Row{"Access has been limited since last week.", A, "last week", "DATE", "2026-W06", ""},
  })));
}

TEST_CASE("parts of periods: early, mid, late, halves, quarters", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The block began in late 2025.", A, "late 2025", "DATE", "2025", "END"},
      Row{"The law dates from mid-1996.", A, "mid-1996", "DATE", "1996", "MID"},
      Row{"Filtering grew in early 2024.", A, "early 2024", "DATE", "2024", "START"},
      Row{"Talks will resume in late February.", A, "late February", "DATE", "2026-02", "END"},
      Row{"Throttling started in early March.", A, "early March", "DATE", "2025-03", "START"},
      Row{"Outages spread in mid-January.", A, "mid-January", "DATE", "2026-01", "MID"},
      Row{"Outages spread in late December.", A, "late December", "DATE", "2025-12", "END"},
      Row{"Prices rose at the start of 2026.", A, "the start of 2026", "DATE", "2026", "START"},
      Row{"A deal may come by the middle of 2026.", A, "the middle of 2026", "DATE", "2026", "MID"},
      Row{"The first half of 2025 saw record blocks.", A, "The first half of 2025", "DATE", "2025-H1", ""},
      Row{"Work will resume in the second half of the year.", A, "the second half of the year", "DATE", "2026-H2", ""},
      Row{"Revenue fell in the first quarter of 2025.", A, "the first quarter of 2025", "DATE", "2025-Q1", ""},
      Row{"The fourth quarter of 2024 was weak.", A, "The fourth quarter of 2024", "DATE", "2024-Q4", ""},
      Row{"Sales dropped in Q2 2025.", A, "Q2 2025", "DATE", "2025-Q2", ""},
      Row{"The operator will report in the third quarter.", A, "the third quarter", "DATE", "2026-Q3", ""},
      Row{"Traffic fell in the fourth quarter.", A, "the fourth quarter", "DATE", "2025-Q4", ""},
      Row{"Profits fell last quarter.", A, "last quarter", "DATE", "2025-Q4", ""},
      Row{"This quarter the app lost users.", A, "This quarter", "DATE", "2026-Q1", ""},
      Row{"New rules will come next quarter.", A, "next quarter", "DATE", "2026-Q2", ""},
      Row{"Profits fell last quarter.", "2026-10-20", "last quarter", "DATE", "2026-Q3", ""},
      Row{"New rules will come next quarter.", "2026-10-20", "next quarter", "DATE", "2027-Q1", ""},
      Row{"Blocks rose in the second quarter of 2026.", A, "the second quarter of 2026", "DATE", "2026-Q2", ""},
  })));
}

TEST_CASE("seasons, decades and centuries", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The app was slowed last summer.", A, "last summer", "DATE", "2025-SU", ""},
      Row{"The law will take effect this spring.", A, "this spring", "DATE", "2026-SP", ""},
      Row{"Outages began last fall.", A, "last fall", "DATE", "2025-FA", ""},
      Row{"The rules changed in autumn 2024.", A, "autumn 2024", "DATE", "2024-FA", ""},
      Row{"Blocks spread in summer 2025.", A, "summer 2025", "DATE", "2025-SU", ""},
      Row{"It happened in the summer of 2023.", A, "the summer of 2023", "DATE", "2023-SU", ""},
      Row{"A review is due in spring 2027.", A, "spring 2027", "DATE", "2027-SP", ""},
      Row{"The election will be held this summer.", A, "this summer", "DATE", "2026-SU", ""},
      Row{"The site was banned last spring.", A, "last spring", "DATE", "2025-SP", ""},
      Row{"New limits will come next summer.", A, "next summer", "DATE", "2026-SU", ""},
      Row{"Jamming resumed in winter 2024.", A, "winter 2024", "DATE", "2024-WI", ""},
      Row{"The rules changed this summer.", "2026-11-01", "this summer", "DATE", "2026-SU", ""},
      Row{"The rules will change next spring.", "2026-10-20", "next spring", "DATE", "2027-SP", ""},
      Row{"Censorship laws multiplied in the 1990s.", A, "the 1990s", "DATE", "199", ""},
      Row{"The 2010s brought mass filtering.", A, "The 2010s", "DATE", "201", ""},
      Row{"Radio jamming was common in the 1980s.", A, "the 1980s", "DATE", "198", ""},
      Row{"Underground presses spread in the 1960s.", A, "the 1960s", "DATE", "196", ""},
      Row{"Printing was licensed in the 19th century.", A, "the 19th century", "DATE", "18", ""},
      Row{"The 20th century saw state radio.", A, "The 20th century", "DATE", "19", ""},
      Row{"Laws of the 21st century differ.", A, "the 21st century", "DATE", "20", ""},
      Row{"The early 2000s saw blogs flourish.", A, "The early 2000s", "DATE", "200", "START"},
      Row{"It was banned in the late 1990s.", A, "the late 1990s", "DATE", "199", "END"},
      Row{"It began in the mid-1980s.", A, "the mid-1980s", "DATE", "198", "MID"},
  })));
}

TEST_CASE("holidays", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The site was blocked at Christmas.", A, "Christmas", "DATE", "2025-12-25", ""},
      Row{"The app failed on Christmas Day 2024.", A, "Christmas Day 2024", "DATE", "2024-12-25", ""},
      Row{"Outages began on Christmas Eve.", A, "Christmas Eve", "DATE", "2025-12-24", ""},
      Row{"The rules took effect on New Year's Day.", A, "New Year's Day", "DATE", "2026-01-01", ""},
      Row{"Calls failed on New Year's Eve.", A, "New Year's Eve", "DATE", "2025-12-31", ""},
      Row{"Pilgrims travelled at Easter 2025.", A, "Easter 2025", "DATE", "2025-04-20", ""},
      Row{"Services will resume after Easter.", A, "Easter", "DATE", "2026-04-05", ""},
      Row{"The block started at Thanksgiving.", A, "Thanksgiving", "DATE", "2025-11-27", ""},
      Row{"The hearing is set for Thanksgiving 2026.", A, "Thanksgiving 2026", "DATE", "2026-11-26", ""},
      Row{"Shops will close on Thanksgiving Day.", "2026-10-20", "Thanksgiving Day", "DATE", "2026-11-26", ""},
      Row{"Churches filled on Easter Sunday 2027.", A, "Easter Sunday 2027", "DATE", "2027-03-28", ""},
      Row{"The app will be restored before Christmas.", "2026-10-20", "Christmas", "DATE", "2026-12-25", ""},
      Row{"Rules will tighten on New Year's Day.", "2026-10-20", "New Year's Day", "DATE", "2027-01-01", ""},
      Row{"Sites went dark on Halloween.", A, "Halloween", "DATE", "2025-10-31", ""},
      Row{"A rally will take place on Valentine's Day.", A, "Valentine's Day", "DATE", "2026-02-14", ""},
      Row{"The feed was cut at Christmas 2023.", A, "Christmas 2023", "DATE", "2023-12-25", ""},
      Row{"Services were slowed at Easter 2024.", A, "Easter 2024", "DATE", "2024-03-31", ""},
  })));
}

TEST_CASE("times of day, with zones", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The outage began at 3 p.m.", A, "3 p.m.", "TIME", "2026-02-12T15:00", ""},
      Row{"The order arrived at 10:30 a.m. and was read out.", A, "10:30 a.m.", "TIME", "2026-02-12T10:30", ""},
      Row{"Traffic fell at 18:45 and did not recover.", A, "18:45", "TIME", "2026-02-12T18:45", ""},
      Row{"The block began at 9 a.m. Moscow time.", A, "9 a.m. Moscow time", "TIME", "2026-02-12T09:00", ""},
      Row{"Service stopped at 5 p.m. EST.", A, "5 p.m. EST", "TIME", "2026-02-12T17:00", ""},
      Row{"The minister spoke at noon.", A, "noon", "TIME", "2026-02-12T12:00", ""},
      Row{"Logs show a drop at 14:00 GMT.", A, "14:00 GMT", "TIME", "2026-02-12T14:00", ""},
      Row{"The app came back at 8 a.m. UTC.", A, "8 a.m. UTC", "TIME", "2026-02-12T08:00", ""},
      Row{"The outage began at 11 o'clock.", A, "11 o'clock", "TIME", "2026-02-12T11:00", ""},
      Row{"Calls dropped at 3 p.m. yesterday.", A, "3 p.m. yesterday", "TIME", "2026-02-11T15:00", ""},
      Row{"The vote will be held at 10 a.m. tomorrow.", A, "10 a.m. tomorrow", "TIME", "2026-02-13T10:00", ""},
      Row{"The statement came at 7:15 p.m.", A, "7:15 p.m.", "TIME", "2026-02-12T19:15", ""},
      Row{"The first reports came at 6am.", A, "6am", "TIME", "2026-02-12T06:00", ""},
      Row{"The feed was cut at 9:30pm.", A, "9:30pm", "TIME", "2026-02-12T21:30", ""},
      Row{"Monitors saw the drop at 00:30 UTC.", A, "00:30 UTC", "TIME", "2026-02-12T00:30", ""},
      Row{"The outage began at 3 p.m.", "2024-02-29", "3 p.m.", "TIME", "2024-02-29T15:00", ""},
  })));
}

TEST_CASE("durations in words and digits, with modifiers", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"Calls were blocked for three days.", A, "three days", "DURATION", "P3D", ""},
      Row{"The site was down for 48 hours.", A, "48 hours", "DURATION", "PT48H", ""},
      Row{"The app was slowed for two weeks.", A, "two weeks", "DURATION", "P2W", ""},
      Row{"The ban lasted six months.", A, "six months", "DURATION", "P6M", ""},
      Row{"The network was off for 11 days.", A, "11 days", "DURATION", "P11D", ""},
      Row{"The feed was cut for a week.", A, "a week", "DURATION", "P1W", ""},
      Row{"The outage lasted 90 minutes.", A, "90 minutes", "DURATION", "PT90M", ""},
      Row{"The law was debated for two years.", A, "two years", "DURATION", "P2Y", ""},
      Row{"Users waited for several hours.", A, "several hours", "DURATION", "PTXH", ""},
      Row{"The block lasted a few days.", A, "a few days", "DURATION", "PXD", ""},
      Row{"Complaints grew during the past two weeks.", A, "the past two weeks", "DURATION", "P2W", ""},
      Row{"Blocks tripled in the last three months.", A, "the last three months", "DURATION", "P3M", ""},
      Row{"Traffic fell in the past 24 hours.", A, "the past 24 hours", "DURATION", "PT24H", ""},
      Row{"The plan covers the next five years.", A, "the next five years", "DURATION", "P5Y", ""},
      Row{"Filtering spread over the past decade.", A, "the past decade", "DURATION", "P10Y", ""},
      Row{"The station was jammed for two decades.", A, "two decades", "DURATION", "P20Y", ""},
      Row{"The page loaded after 30 seconds.", A, "30 seconds", "DURATION", "PT30S", ""},
      Row{"The app has been blocked for more than two years.", A, "more than two years", "DURATION", "P2Y", "MORE_THAN"},
      Row{"The slowdown lasted about three weeks.", A, "about three weeks", "DURATION", "P3W", "APPROX"},
      Row{"The site was offline for almost two years.", A, "almost two years", "DURATION", "P2Y", "LESS_THAN"},
      Row{"The block will last at least five days.", A, "at least five days", "DURATION", "P5D", "EQUAL_OR_MORE"},
      Row{"Appeals can take up to 10 days.", A, "up to 10 days", "DURATION", "P10D", "EQUAL_OR_LESS"},
      Row{"The outage lasted less than a week.", A, "less than a week", "DURATION", "P1W", "LESS_THAN"},
      Row{"The region endured a three-day shutdown.", A, "three-day", "DURATION", "P3D", ""},
      Row{"Residents faced a 24-hour blackout.", A, "24-hour", "DURATION", "PT24H", ""},
      Row{"The site was down for 3 days.", A, "3 days", "DURATION", "P3D", ""},
      Row{"The app was slowed for 2 weeks.", A, "2 weeks", "DURATION", "P2W", ""},
      Row{"The ban lasted 18 months.", A, "18 months", "DURATION", "P18M", ""},
      Row{"Mobile data was off for twelve hours.", A, "twelve hours", "DURATION", "PT12H", ""},
      Row{"Mobile data was off for seventy-two hours.", A, "seventy-two hours", "DURATION", "PT72H", ""},
      Row{"The stream froze for fifteen minutes.", A, "fifteen minutes", "DURATION", "PT15M", ""},
      Row{"The paper was banned for twenty years.", A, "twenty years", "DURATION", "P20Y", ""},
      Row{"Providers have thirty days to comply.", A, "thirty days", "DURATION", "P30D", ""},
      Row{"The block lasted a month.", A, "a month", "DURATION", "P1M", ""},
      Row{"The outlet was suspended for a year.", A, "a year", "DURATION", "P1Y", ""},
      Row{"The page was down for an hour.", A, "an hour", "DURATION", "PT1H", ""},
      Row{"The ban lasted one day.", A, "one day", "DURATION", "P1D", ""},
      Row{"The court imposed a six-month ban.", A, "six-month", "DURATION", "P6M", ""},
      Row{"The ministry began a two-week trial.", A, "two-week", "DURATION", "P2W", ""},
      Row{"The licence was suspended for 5 years.", A, "5 years", "DURATION", "P5Y", ""},
      Row{"The region was offline for 100 days.", A, "100 days", "DURATION", "P100D", ""},
      Row{"Speeds dropped over the past few weeks.", A, "the past few weeks", "DURATION", "PXW", ""},
      Row{"More blocks are expected over the next few days.", A, "the next few days", "DURATION", "PXD", ""},
      Row{"The probe took several months.", A, "several months", "DURATION", "PXM", ""},
      Row{"The trial lasted four weeks.", A, "four weeks", "DURATION", "P4W", ""},
      Row{"The blackout lasted 36 hours.", A, "36 hours", "DURATION", "PT36H", ""},
      // Modifiers as TBAQ writes them: the qualifying words are inside the timex.
      Row{"The region was cut off for over a week.", A, "over a week", "DURATION", "P1W", "MORE_THAN"},
      Row{"Operators must comply within no more than 30 days.", A, "no more than 30 days", "DURATION", "P30D", "EQUAL_OR_LESS"},
      Row{"The dispute could last a couple of years.", A, "a couple of years", "DURATION", "P2Y", "APPROX"},
      Row{"The shutdown lasted at least 72 hours.", A, "at least 72 hours", "DURATION", "PT72H", "EQUAL_OR_MORE"},
      Row{"The outage lasted more than four hours.", A, "more than four hours", "DURATION", "PT4H", "MORE_THAN"},
      Row{"The regulator can impose bans of up to 180 days.", A, "up to 180 days", "DURATION", "P180D", "EQUAL_OR_LESS"},
      Row{"The messenger was first throttled about two years ago.", A, "about two years ago", "DATE", "2024", "APPROX"},
      Row{"A decision is expected around March 1.", A, "around March 1", "DATE", "2026-03-01", "APPROX"},
  })));
}

TEST_CASE("sets: every, each, weekly, twice a year", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The regulator meets every Monday.", A, "every Monday", "SET", "XXXX-WXX-1", ""},
      Row{"Lists are published every Friday.", A, "every Friday", "SET", "XXXX-WXX-5", ""},
      Row{"Officials brief reporters each Thursday.", A, "each Thursday", "SET", "XXXX-WXX-4", ""},
      Row{"The list is updated weekly.", A, "weekly", "SET", "P1W", ""},
      Row{"Reports are filed daily.", A, "daily", "SET", "P1D", ""},
      Row{"The list changes every day.", A, "every day", "SET", "P1D", ""},
      Row{"The regulator reports every week.", A, "every week", "SET", "P1W", ""},
      Row{"Fines are issued every month.", A, "every month", "SET", "P1M", ""},
      Row{"Audits happen monthly.", A, "monthly", "SET", "P1M", ""},
      Row{"Each year the report grows.", A, "Each year", "SET", "P1Y", ""},
      Row{"The census is taken annually.", A, "annually", "SET", "P1Y", ""},
      Row{"Every year the rules change.", A, "Every year", "SET", "P1Y", ""},
      Row{"Inspectors visit twice a year.", A, "twice a year", "SET", "P1Y", ""},
      Row{"Monitors check three times a week.", A, "three times a week", "SET", "P1W", ""},
      Row{"Updates arrive every two weeks.", A, "every two weeks", "SET", "P2W", ""},
      Row{"The festival is censored every summer.", A, "every summer", "SET", "XXXX-SU", ""},
      Row{"Blacklists refresh every hour.", A, "every hour", "SET", "PT1H", ""},
      Row{"Data is collected hourly.", A, "hourly", "SET", "PT1H", ""},
      Row{"Reports appear every January.", A, "every January", "SET", "XXXX-01", ""},
      Row{"The office is closed on Mondays.", A, "Mondays", "SET", "XXXX-WXX-1", ""},
      Row{"A bulletin is sent once a month.", A, "once a month", "SET", "P1M", ""},
      Row{"Licences are renewed every six months.", A, "every six months", "SET", "P6M", ""},
      Row{"The index is revised each month.", A, "each month", "SET", "P1M", ""},
      Row{"The ranking is published yearly.", A, "yearly", "SET", "P1Y", ""},
      Row{"Checks run every Sunday.", A, "every Sunday", "SET", "XXXX-WXX-7", ""},
  })));
}

TEST_CASE("ranges: both ends", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The site was blocked from July 18 to July 23.", A, "July 18", "DATE", "2025-07-18", ""},
      Row{"The site was blocked from July 18 to July 23.", A, "July 23", "DATE", "2025-07-23", ""},
      Row{"Calls failed between Monday and Tuesday.", A, "Monday", "DATE", "2026-02-09", ""},
      Row{"Calls failed between Monday and Tuesday.", A, "Tuesday", "DATE", "2026-02-10", ""},
      Row{"The law applied from 2019 to 2022.", A, "2019", "DATE", "2019", ""},
      Row{"The law applied from 2019 to 2022.", A, "2022", "DATE", "2022", ""},
      Row{"Between 2020 and 2023 the list tripled.", A, "2020", "DATE", "2020", ""},
      Row{"Between 2020 and 2023 the list tripled.", A, "2023", "DATE", "2023", ""},
      Row{"The block lasted from March to May 2025.", A, "March", "DATE", "2025-03", ""},
      Row{"The block lasted from March to May 2025.", A, "May 2025", "DATE", "2025-05", ""},
      Row{"The office is open from 9 a.m. to 5 p.m.", A, "9 a.m.", "TIME", "2026-02-12T09:00", ""},
      Row{"The office is open from 9 a.m. to 5 p.m.", A, "5 p.m.", "TIME", "2026-02-12T17:00", ""},
      Row{"The app will stay blocked until Friday.", A, "Friday", "DATE", "2026-02-13", ""},
      Row{"The order will remain valid until March 1.", A, "March 1", "DATE", "2026-03-01", ""},
      Row{"The plan will run to 2030.", A, "2030", "DATE", "2030", ""},
      Row{"The ban was in force from 1 June to 15 June 2025.", A, "1 June", "DATE", "2025-06-01", ""},
      Row{"The ban was in force from 1 June to 15 June 2025.", A, "15 June 2025", "DATE", "2025-06-15", ""},
      Row{"Sites were filtered from January through March 2024.", A, "January", "DATE", "2024-01", ""},
      Row{"Sites were filtered from January through March 2024.", A, "March 2024", "DATE", "2024-03", ""},
  })));
}

TEST_CASE("present, past and future references", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The app is now blocked in the region.", A, "now", "DATE", "PRESENT_REF", ""},
      Row{"Now the app is blocked in the region.", A, "Now", "DATE", "PRESENT_REF", ""},
      Row{"The service is currently unavailable.", A, "currently", "DATE", "PRESENT_REF", ""},
      Row{"Nowadays most users rely on VPNs.", A, "Nowadays", "DATE", "PRESENT_REF", ""},
      Row{"The regulator recently added the app to the list.", A, "recently", "DATE", "PAST_REF", ""},
      Row{"Recently, officials tightened the rules.", A, "Recently", "DATE", "PAST_REF", ""},
      Row{"Such blocks were rare in the past.", A, "the past", "DATE", "PAST_REF", ""},
      Row{"More blocks are likely in the future.", A, "the future", "DATE", "FUTURE_REF", ""},
      Row{"The ban may be lifted in the near future.", A, "the near future", "DATE", "FUTURE_REF", ""},
  })));
}

TEST_CASE("narrative anchoring after an explicit date", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The site was blocked on March 3, 2025, and restored the next day.", A, "the next day", "DATE", "2025-03-04", ""},
      Row{"Calls stopped on 1 August 2025; two days later, video failed.", A, "two days later", "DATE", "2025-08-03", ""},
      Row{"The ban began on May 10, 2024. The following week, VPNs were throttled.", A, "The following week", "DATE", "2024-W20", ""},
      Row{"On December 31, 2025 the app was slowed; the next day it was blocked.", A, "the next day", "DATE", "2026-01-01", ""},
      Row{"The law passed on February 28, 2024 and took effect the next day.", A, "the next day", "DATE", "2024-02-29", ""},
      Row{"The decree was published on 10 June 2025; the day before, officials denied it.", A, "the day before", "DATE", "2025-06-09", ""},
      Row{"On 5 January 2026 the site was blocked. Three days later it was restored.", A, "Three days later", "DATE", "2026-01-08", ""},
      Row{"The blocking began in August 2025 and ended the following month.", A, "the following month", "DATE", "2025-09", ""},
      Row{"The order was signed on Friday, and the next day the app went dark.", A, "the next day", "DATE", "2026-02-07", ""},
      Row{"A year after February 29, 2024, the rule was repealed.", A, "February 29, 2024", "DATE", "2024-02-29", ""},
      Row{"A year after February 29, 2024, the rule was repealed.", A, "A year", "DURATION", "P1Y", ""},
      Row{"The court ruled on 2 May 2025, and the app was removed the following day.", A, "the following day", "DATE", "2025-05-03", ""},
  })));
}

TEST_CASE("weekends, named days with parts, more feasts and boundaries", "[temporal]") {
  check_row(GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
      Row{"The app was blocked last weekend.", A, "last weekend", "DATE", "2026-W06-WE", ""},
      Row{"Rallies are planned for this weekend.", A, "this weekend", "DATE", "2026-W07-WE", ""},
      Row{"The site went down last Friday.", A, "last Friday", "DATE", "2026-02-06", ""},
      Row{"The court will sit next Tuesday.", A, "next Tuesday", "DATE", "2026-02-17", ""},
      Row{"The feed was cut this Monday.", A, "this Monday", "DATE", "2026-02-09", ""},
      Row{"The outage began Monday night.", A, "Monday night", "TIME", "2026-02-09TNI", ""},
      Row{"The order was sent Friday morning.", A, "Friday morning", "TIME", "2026-02-06TMO", ""},
      Row{"Protesters gathered Sunday evening.", A, "Sunday evening", "TIME", "2026-02-08TEV", ""},
      Row{"The regulator spoke at midday.", A, "midday", "TIME", "2026-02-12T12:00", ""},
      Row{"The list was posted at 3:45 a.m.", A, "3:45 a.m.", "TIME", "2026-02-12T03:45", ""},
      Row{"The block took effect at 23:59.", A, "23:59", "TIME", "2026-02-12T23:59", ""},
      Row{"The ruling was delivered the day before yesterday.", A, "the day before yesterday", "DATE", "2026-02-10", ""},
      Row{"The vote will be held the day after tomorrow.", A, "the day after tomorrow", "DATE", "2026-02-14", ""},
      Row{"The site was blocked on 3 May 2025 and its mirror the same day.", A, "the same day", "DATE", "2025-05-03", ""},
      Row{"Outages were reported on Feb 9 across the country.", A, "Feb 9", "DATE", "2026-02-09", ""},
      Row{"The notice was sent on 9 Feb to all operators.", A, "9 Feb", "DATE", "2026-02-09", ""},
      Row{"The study covers February 2026 only.", A, "February 2026", "DATE", "2026-02", ""},
      Row{"The fines were set in Feb. 2026.", A, "Feb. 2026", "DATE", "2026-02", ""},
      Row{"The app was removed last November.", A, "last November", "DATE", "2025-11", ""},
      Row{"The rules will change next March.", A, "next March", "DATE", "2026-03", ""},
      Row{"The app will be banned this March.", A, "this March", "DATE", "2026-03", ""},
      Row{"The list was extended in mid-2025.", A, "mid-2025", "DATE", "2025", "MID"},
      Row{"Throttling spread in mid-March.", A, "mid-March", "DATE", "2025-03", "MID"},
      Row{"The law was drafted early last year.", A, "early last year", "DATE", "2025", "START"},
      Row{"A new law will pass late this year.", A, "late this year", "DATE", "2026", "END"},
      Row{"Traffic recovered by the end of March 2025.", A, "the end of March 2025", "DATE", "2025-03", "END"},
      Row{"Whole regions went offline in the 2020s.", A, "the 2020s", "DATE", "202", ""},
      Row{"Newspapers were licensed in the 1800s.", A, "the 1800s", "DATE", "18", ""},
      Row{"Churches were full on Easter Monday 2026.", A, "Easter Monday 2026", "DATE", "2026-04-06", ""},
      Row{"The order came on Good Friday 2025.", A, "Good Friday 2025", "DATE", "2025-04-18", ""},
      Row{"Shops reopened on Boxing Day.", A, "Boxing Day", "DATE", "2025-12-26", ""},
      Row{"The app will be back by Christmas Day.", "2026-10-20", "Christmas Day", "DATE", "2026-12-25", ""},
      // TimeBank annotates "the past year" (no number) as the previous year, a DATE.
      Row{"Traffic fell over the past year.", A, "the past year", "DATE", "2025", ""},
      Row{"Traffic fell over the past three years.", A, "the past three years", "DURATION", "P3Y", ""},
      Row{"Traffic fell over the past five days.", A, "the past five days", "DURATION", "P5D", ""},
      Row{"Blocks doubled in the last 48 hours.", A, "the last 48 hours", "DURATION", "PT48H", ""},
      Row{"The probe took several weeks.", A, "several weeks", "DURATION", "PXW", ""},
      Row{"The dispute has run for many years.", A, "many years", "DURATION", "PXY", ""},
      Row{"Backups are made every 24 hours.", A, "every 24 hours", "SET", "PT24H", ""},
      Row{"Prices are reviewed each day.", A, "each day", "SET", "P1D", ""},
      Row{"The list is audited every three months.", A, "every three months", "SET", "P3M", ""},
      Row{"It broke three days ago.", "2026-03-01", "three days ago", "DATE", "2026-02-26", ""},
      Row{"This month the regulator fined it twice.", "2025-12-31", "This month", "DATE", "2025-12", ""},
      Row{"The rules will change next month.", "2024-01-31", "next month", "DATE", "2024-02", ""},
      Row{"Prices rose last month.", "2024-03-01", "last month", "DATE", "2024-02", ""},
      Row{"Traffic doubled last year.", "2025-01-01", "last year", "DATE", "2024", ""},
      Row{"The law will take effect next week.", "2025-12-29", "next week", "DATE", "2026-W02", ""},
      Row{"The app was throttled last week.", "2024-12-31", "last week", "DATE", "2024-W52", ""},
      Row{"Talks continue this week.", "2024-12-31", "this week", "DATE", "2025-W01", ""},
      Row{"Blocks were lifted in 2025 and reimposed in 2026.", A, "2026", "DATE", "2026", ""},
  })));
}

TEST_CASE("words and numbers that are not times", "[temporal]") {
  // (sentence, word): no timex may cover `word`; an empty word means no timex at all.
  auto [sentence, word] = GENERATE(table<std::string, std::string>({
      {"May Thompson, a spokeswoman, said the block was illegal.", "May"},
      {"August Reyes, who runs the site, denied the claim.", "August"},
      {"Protesters plan to march to the ministry.", "march"},
      {"The march drew thousands of people.", "march"},
      {"She said she would march on regardless.", "march"},
      {"Officials urged users to switch to Max.", "Max"},
      {"The state messenger Max was installed on new phones.", "Max"},
      {"Users may switch to other apps.", "may"},
      {"A man named Jan Kowalski filed the complaint.", "Jan"},
      {"The Sunday Times reported the ban.", "Sunday"},
      {"Call the hotline at 555-0143 for help.", ""},
      {"Call +7 495 123 45 67 for details.", ""},
      {"The fine was 3,000 rubles.", ""},
      {"The subscription costs $12.99 per user.", ""},
      {"It costs 1,999 rubles to register.", ""},
      {"The app has 100 million users.", ""},
      {"About 2,500 sites were blocked.", ""},
      {"The ban affected 2.3 million subscribers.", ""},
      {"The order cited the 45th of May as its date.", ""},
      {"Version 2.0 of the app fixed the bug.", ""},
      {"The law has 24 articles.", ""},
      {"He scored 10 out of 12 on the test.", ""},
      {"Page 12 of the report lists the sites.", ""},
      {"The office is at 1600 Pennsylvania Avenue.", ""},
      {"The 3D map shows the affected regions.", ""},
      {"Roskomnadzor blocked 150 VPN services.", ""},
      {"Section 4.2 describes the appeal.", ""},
      {"The vote was 52 to 48.", ""},
      {"The Max app asks for 37 permissions.", ""},
      {"Article 13.41 of the code sets the fine.", ""},
      {"The report was written by Summer Jones.", "Summer"},
      {"Marchers filled the square.", "Marchers"},
      {"Second Life was blocked as well.", "Second"},
      {"He dialed 911 for help.", ""},
      {"The stock fell 2.5% after the ban.", ""},
      {"The screen ratio is 16:9 on most phones.", ""},
      {"The Max Planck Institute studied the traffic.", "Max"},
      {"Officials may block more apps, she said.", "may"},
      {"The august body met in private.", "august"},
      {"Prime Minister Theresa May defended the law.", "May"},
      {"Download Max from the store, the ministry urged.", "Max"},
      {"Max, the state app, stores chat logs.", "Max"},
      {"Users of Max reported bugs.", "Max"},
      {"Call 8-800-555-35-35 for support.", ""},
      {"He was 25 when he was arrested.", ""},
  }));
  auto found = tag(sentence, A);
  INFO("sentence: " << sentence << "\ntagger found:\n" << listing(found));
  if (word.empty()) {
    CHECK(found.empty());
  } else {
    auto at = sentence.find(word);
    REQUIRE(at != std::string::npos);
    for (const auto& t : found) CHECK_FALSE((t.begin < at + word.size() && at < t.end));
  }
}

TEST_CASE("the governing signal and the two ends of a range", "[temporal]") {
  // (sentence, words of the timex, expected signal, words of the range partner or "")
  auto [sentence, words, signal, partner] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {"Calls have been blocked since January.", "January", "since", ""},
      {"The site was blocked from July 18 to July 23.", "July 18", "from", "July 23"},
      {"The site was blocked from July 18 to July 23.", "July 23", "to", "July 18"},
      {"Calls failed between Monday and Tuesday.", "Monday", "between", "Tuesday"},
      {"Calls failed between Monday and Tuesday.", "Tuesday", "and", "Monday"},
      {"The app will stay blocked until Friday.", "Friday", "until", ""},
      {"The regulator confirmed the block on Thursday.", "Thursday", "on", ""},
      {"The blocking began in August 2025.", "August 2025", "in", ""},
      {"The list must be updated by 2030.", "2030", "by", ""},
      {"The outage began at 3 p.m.", "3 p.m.", "at", ""},
      {"Calls were blocked for three days.", "three days", "for", ""},
      {"The rules were tightened after 2022.", "2022", "after", ""},
      {"Access was restored today.", "today", "", ""},
  }));
  auto found = tag(sentence, A);
  INFO("sentence: " << sentence << "\ntagger found:\n" << listing(found));
  int hit = -1;
  for (std::size_t i = 0; i < found.size(); ++i)
    if (found[i].text == words) hit = static_cast<int>(i);
  REQUIRE(hit >= 0);
  const timeline::Timex& t = found[hit];
  CHECK(t.signal == signal);
  if (!signal.empty()) {
    CHECK(sentence.substr(t.signal_begin, t.signal_end - t.signal_begin) == signal);
    CHECK(t.signal_end <= t.begin);
  }
  if (partner.empty()) {
    CHECK(t.range_partner == -1);
  } else {
    REQUIRE(t.range_partner >= 0);
    REQUIRE(t.range_partner < static_cast<int>(found.size()));
    CHECK(found[t.range_partner].text == partner);
  }
}
