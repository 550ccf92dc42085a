// compare(): alignment and verdicts on claims built by hand. Each case lists documents and the
// events expected, one line per event, worked out from the claims and a calendar:
//   "<action> <targets> <verdict> <documents>[ <field>: <value>(<docs>) / ...][ precise=<doc>]"
#include <catch2/catch.hpp>

#include <sstream>

#include <timeline/compare.hpp>

#include "compare_fixtures.hpp"

namespace {

using timeline::Action;
using timeline::DocumentClaims;
using timeline::Status;
using timeline::test::document;

std::string describe(const std::vector<DocumentClaims>& docs, const timeline::AlignedEvent& e) {
  std::ostringstream out;
  out << timeline::action_name(e.action) << " ";
  for (std::size_t i = 0; i < e.targets.size(); ++i) out << (i ? "," : "") << e.targets[i].name;
  out << " " << timeline::verdict_name(e.verdict) << " ";
  for (std::size_t i = 0; i < e.documents.size(); ++i)
    out << (i ? "," : "") << docs[e.documents[i]].id;
  for (const timeline::Conflict& c : e.conflicts) {
    out << " " << c.field << ":";
    for (std::size_t s = 0; s < c.sides.size(); ++s) {
      out << (s ? " /" : "") << " " << c.sides[s].value << "(";
      for (std::size_t m = 0; m < c.sides[s].members.size(); ++m)
        out << (m ? "," : "") << docs[e.members[c.sides[s].members[m]].doc].id;
      out << ")";
    }
  }
  if (e.most_precise >= 0) out << " precise=" << docs[e.members[e.most_precise].doc].id;
  return out.str();
}

std::vector<std::string> run(const std::vector<DocumentClaims>& docs) {
  std::vector<std::string> out;
  for (const auto& e : timeline::compare(docs).events) out.push_back(describe(docs, e));
  return out;
}

constexpr Action kBlock = Action::kBlock, kThrottle = Action::kThrottle,
                 kRestrict = Action::kRestrict, kShutdown = Action::kShutdown,
                 kRestore = Action::kRestore;
constexpr Status kDone = Status::kDone, kDenied = Status::kDenied, kPlanned = Status::kPlanned,
                 kOngoing = Status::kOngoing, kThreatened = Status::kThreatened;

}  // namespace

TEST_CASE("compare: verdicts of aligned claims", "[compare]") {
  using Docs = std::vector<DocumentClaims>;
  using Events = std::vector<std::string>;
  auto [name, docs, expected] = GENERATE(table<std::string, Docs, Events>({
      {"two articles give the same day",
       {document("a", "2026-02-12", {{kBlock, kDone, "WhatsApp", "Roskomnadzor", "2026-02-11", "", "s1"}}),
        document("b", "2026-02-13", {{kBlock, kDone, "whatsapp", "Roskomnadzor", "2026-02-11", "", "s2"}})},
       {"block WhatsApp corroborated a,b"}},
      {"month and a day inside it: less specific, not a conflict",
       {document("a", "2026-02-12", {{kRestrict, kDone, "Telegram", "Roskomnadzor", "2025-08", "", "s1"}}),
        document("b", "2025-08-20", {{kRestrict, kDone, "Telegram", "", "2025-08-13", "", "s2"}})},
       {"restrict Telegram corroborated a,b precise=b"}},
      {"July 17 against July 18",
       {document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "s1"}}),
        document("b", "2014-07-21", {{kBlock, kDone, "Twitter", "", "2014-07-18", "", "s2"}})},
       {"block Twitter conflict a,b time: 2014-07-17(a) / 2014-07-18(b)"}},
      {"two against one on the date, and a month that fits both",
       {document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "s1"}}),
        document("b", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "s2"}}),
        document("c", "2014-07-22", {{kBlock, kDone, "Twitter", "", "2014-07-18", "", "s3"}}),
        document("d", "2014-08-02", {{kBlock, kDone, "Twitter", "", "2014-07", "", "s4"}})},
       {"block Twitter conflict a,b,c,d time: 2014-07-17(a,b) / 2014-07-18(c)"}},
      {"11 days against 10 days",
       {document("a", "2024-08-01", {{kShutdown, kDone, "mobile internet@Manipur", "", "2024-07-18", "P11D", "s1"}}),
        document("b", "2024-08-03", {{kShutdown, kDone, "mobile internet@Manipur", "", "2024-07-18", "P10D", "s2"}})},
       {"shutdown mobile internet conflict a,b duration: P10D(b) / P11D(a)"}},
      {"a month and 30 days can be the same length",
       {document("a", "2024-08-01", {{kShutdown, kDone, "internet", "", "2024-06-10", "P1M", "s1"}}),
        document("b", "2024-08-03", {{kShutdown, kDone, "internet", "", "2024-06-10", "P30D", "s2"}})},
       {"shutdown internet corroborated a,b"}},
      {"done against denied",
       {document("a", "2024-08-10", {{kThrottle, kDone, "YouTube", "", "2024-08", "", "s1"}}),
        document("b", "2024-08-12", {{kThrottle, kDenied, "YouTube", "", "2024-08", "", "s2"}})},
       {"throttle YouTube conflict a,b status: done(a) / denied(b)"}},
      {"two different bodies named as the actor",
       {document("a", "2024-03-02", {{kBlock, kDone, "X", "Roskomnadzor", "2024-03-01", "", "s1"}}),
        document("b", "2024-03-02", {{kBlock, kDone, "X", "Moscow court:court", "2024-03-01", "", "s2"}})},
       {"block X conflict a,b actor: Roskomnadzor(a) / Moscow court(b)"}},
      {"a government and its regulator agree",
       {document("a", "2024-03-02", {{kBlock, kDone, "X", "Russia:government", "2024-03-01", "", "s1"}}),
        document("b", "2024-03-02", {{kBlock, kDone, "X", "Roskomnadzor", "2024-03-01", "", "s2"}})},
       {"block X corroborated a,b"}},
      {"the same target months apart is two events",
       {document("a", "2026-02-12", {{kBlock, kDone, "WhatsApp", "", "2025-08-10", "", "s1"}}),
        document("b", "2026-02-12", {{kBlock, kDone, "WhatsApp", "", "2026-02-11", "", "s2"}})},
       {"block WhatsApp single-source a", "block WhatsApp single-source b"}},
      {"four days apart is beyond the three-day gap",
       {document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-10", "", "s1"}}),
        document("b", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-15", "", "s2"}})},
       {"block Twitter single-source a", "block Twitter single-source b"}},
      {"a different action or target is another event",
       {document("a", "2024-08-10", {{kThrottle, kDone, "YouTube", "", "2024-08-01", "", "s1"}}),
        document("b", "2024-08-10", {{kBlock, kDone, "YouTube", "", "2024-08-01", "", "s2"}}),
        document("c", "2024-08-10", {{kThrottle, kDone, "Telegram", "", "2024-08-01", "", "s3"}})},
       {"throttle YouTube single-source a", "block YouTube single-source b",
        "throttle Telegram single-source c"}},
      {"a claim on two targets joins the claims on each",
       {document("a", "2025-08-14", {{kRestrict, kDone, "Telegram|WhatsApp", "", "2025-08-13", "", "s1"}}),
        document("b", "2025-08-14", {{kRestrict, kDone, "WhatsApp", "", "2025-08-13", "", "s2"}}),
        document("c", "2025-08-15", {{kRestrict, kDone, "Telegram", "", "2025-08-13", "", "s3"}})},
       {"restrict Telegram,WhatsApp corroborated a,b,c"}},
      {"a statement date near a stated day joins it as less specific",
       {document("a", "2026-02-12", {{kBlock, kDone, "WhatsApp", "Roskomnadzor", "statement", "", "s1"}}),
        document("b", "2026-02-12", {{kBlock, kDone, "WhatsApp", "Roskomnadzor", "2026-02-10", "", "s2"}})},
       {"block WhatsApp corroborated a,b precise=b"}},
      {"since January and a day in February",
       {document("a", "2026-02-12", {{kThrottle, kOngoing, "Telegram", "", "2026-01/..", "", "s1"}}),
        document("b", "2026-02-12", {{kThrottle, kDone, "Telegram", "", "2026-02-03", "", "s2"}})},
       {"throttle Telegram corroborated a,b precise=b"}},
      {"planned and then done is not a conflict",
       {document("a", "2024-02-20", {{kBlock, kPlanned, "Signal", "", "2024-03-01", "", "s1"}}),
        document("b", "2024-03-02", {{kBlock, kDone, "Signal", "", "2024-03-01", "", "s2"}})},
       {"block Signal corroborated a,b"}},
      {"one article alone, whatever it says twice",
       {document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "s1"},
                                     {kBlock, kDone, "Twitter", "", "2014-07-18", "", "s2"}})},
       {"block Twitter single-source a"}},
      {"undated claims meet only undated claims",
       {document("a", "", {{kBlock, kDone, "Signal", "", "", "", "s1"}}),
        document("b", "", {{kBlock, kDone, "Signal", "", "", "", "s2"}}),
        document("c", "2024-03-02", {{kBlock, kDone, "Signal", "", "2024-03-01", "", "s3"}})},
       {"block Signal single-source c", "block Signal corroborated a,b"}},
      {"Tuesday night and Wednesday are different days, though the night runs past midnight",
       {document("a", "2024-07-29", {{kRestore, kDone, "broadband", "", "2024-07-23TNI", "", "s1"}}),
        document("b", "2024-07-30", {{kRestore, kDone, "broadband", "", "2024-07-24", "", "s2"}})},
       {"restore broadband conflict a,b time: 2024-07-23TNI(a) / 2024-07-24(b)"}},
      {"Sunday afternoon is more precise than Sunday",
       {document("a", "2024-07-29", {{kRestore, kDone, "mobile internet", "", "2024-07-28", "", "s1"}}),
        document("b", "2024-07-30", {{kRestore, kDone, "mobile internet", "", "2024-07-28TAF", "", "s2"}})},
       {"restore mobile internet corroborated a,b precise=b"}},
      {"both articles report the deed and its denial: they agree with each other",
       {document("a", "2024-07-29", {{kShutdown, kDone, "broadband", "", "2024-07-18", "", "s1"},
                                     {kShutdown, kDenied, "broadband", "Junaid Ahmed Palak:person", "statement", "", "s2"}}),
        document("b", "2024-07-30", {{kShutdown, kDone, "broadband", "", "2024-07-18", "", "s3"},
                                     {kShutdown, kDenied, "broadband", "", "statement", "", "s4"}})},
       {"shutdown broadband corroborated a,b precise=a"}},
      {"a statement date joins the one event within its reach",
       {document("a", "2024-07-18", {{kShutdown, kDone, "broadband", "", "2024-07-18", "", "s1"}}),
        document("b", "2024-08-10", {{kShutdown, kDenied, "broadband", "", "statement", "", "s2"}})},
       {"shutdown broadband conflict a,b status: done(a) / denied(b) precise=a"}},
      {"statement dates a month apart do not meet",
       {document("a", "2024-07-10", {{kBlock, kDone, "YouTube", "", "statement", "", "s1"}}),
        document("b", "2024-08-09", {{kBlock, kDone, "YouTube", "", "statement", "", "s2"}})},
       {"block YouTube single-source a", "block YouTube single-source b"}},
      {"a year does not chain two events inside it; it stands alone",
       {document("a", "2024-12-01", {{kBlock, kDone, "YouTube", "", "2024-02-10", "", "s1"}}),
        document("b", "2024-12-01", {{kBlock, kDone, "YouTube", "", "2024-08-10", "", "s2"}}),
        document("c", "2024-12-01", {{kBlock, kDone, "YouTube", "", "2024", "", "s3"}})},
       {"block YouTube single-source c", "block YouTube single-source a",
        "block YouTube single-source b"}},
      {"a year with one event inside it joins that event",
       {document("a", "2024-12-01", {{kBlock, kDone, "YouTube", "", "2024-08-10", "", "s1"}}),
        document("c", "2024-12-01", {{kBlock, kDone, "YouTube", "", "2024", "", "s3"}})},
       {"block YouTube corroborated a,c precise=a"}},
      {"a threat with a deadline does not join an event",
       {document("a", "2024-07-30", {{kBlock, kOngoing, "YouTube", "BTRC", "statement", "", "s1"}}),
        document("b", "2024-08-09", {{kBlock, kThreatened, "YouTube", "authorities:government", "2024", "", "s2"}})},
       {"block YouTube single-source b", "block YouTube single-source a"}},
      {"a government or a crowd does not contradict a named body",
       {document("a", "2024-03-02", {{kBlock, kDone, "X", "Ministry of Interior:ministry", "2024-03-01", "", "s1"}}),
        document("b", "2024-03-02", {{kBlock, kDone, "X", "the state:government", "2024-03-01", "", "s2"}}),
        document("c", "2024-03-02", {{kBlock, kDone, "X", "users:people", "2024-03-01", "", "s3"}})},
       {"block X corroborated a,b,c"}},
      {"the same article given twice does not corroborate itself",
       {document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "s1"}}),
        document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "s1"}})},
       {"block Twitter single-source a"}},
      {"events come out in time order",
       {document("a", "2026-02-12", {{kBlock, kDone, "WhatsApp", "", "2026-02-11", "", "s1"},
                                     {kRestrict, kDone, "WhatsApp", "", "2025-08", "", "s2"},
                                     {kThrottle, kOngoing, "Telegram", "", "2026-01/..", "", "s3"}})},
       {"restrict WhatsApp single-source a", "throttle Telegram single-source a",
        "block WhatsApp single-source a"}},
  }));
  INFO(name);
  CHECK(run(docs) == expected);
}

TEST_CASE("compare: each side of a conflict keeps its evidence", "[compare]") {
  const std::vector<DocumentClaims> docs = {
      document("a", "2014-07-20", {{kBlock, kDone, "Twitter", "", "2014-07-17", "", "first side"}}),
      document("b", "2014-07-21", {{kBlock, kDone, "Twitter", "", "2014-07-18", "", "second side"}}),
  };
  const timeline::Comparison cmp = timeline::compare(docs);
  REQUIRE(cmp.events.size() == 1);
  const timeline::AlignedEvent& e = cmp.events[0];
  REQUIRE(e.conflicts.size() == 1);
  std::vector<std::string> evidence;
  for (const auto& side : e.conflicts[0].sides) {
    REQUIRE(side.members.size() == 1);
    const auto& m = e.members[side.members[0]];
    evidence.push_back(docs[m.doc].claims[m.claim].evidence.at(0).sentence);
  }
  CHECK(evidence == std::vector<std::string>{"first side", "second side"});
  CHECK(e.id == "e1");
}

TEST_CASE("compare: the less specific member is marked", "[compare]") {
  const std::vector<DocumentClaims> docs = {
      document("a", "2026-02-12", {{kRestrict, kDone, "Telegram", "", "2025-08", "", "s1"}}),
      document("b", "2025-08-20", {{kRestrict, kDone, "Telegram", "", "2025-08-13", "", "s2"}}),
  };
  const auto cmp = timeline::compare(docs);
  REQUIRE(cmp.events.size() == 1);
  const auto& e = cmp.events[0];
  REQUIRE(e.members.size() == 2);
  CHECK(e.members[0].less_specific);
  CHECK_FALSE(e.members[1].less_specific);
  CHECK(e.when.timex3 == "2025-08-13");
}
