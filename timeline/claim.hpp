// timeline/claim.hpp: censorship claims, the entries of a timeline.
//
// A Claim says that an actor did something (action) to targets, at a time (when), in a state
// (status), how sure the source is (certainty), who says so (claimed_by, reported_by), and where in
// the article it is said (evidence). The labels are the contract in TAXONOMY.md; the JSON form is
// published as schemas/claims.schema.json.
//
// The extractor (timeline/extractor.hpp) produces them from a document and its timexes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/timex.hpp>

namespace timeline {

enum class Action { kBlock, kThrottle, kRestrict, kShutdown, kRestore, kOrder, kPenalty,
                    kPromote, kResponse };
enum class Status { kDone, kOngoing, kPlanned, kThreatened, kDenied };
enum class Certainty { kConfirmed, kReported };

// Label <-> enum, as in TAXONOMY.md ("block", "ongoing", "confirmed"). The parse_* functions
// return false for unknown labels.
const char* action_name(Action a);
const char* status_name(Status s);
const char* certainty_name(Certainty c);
bool parse_action(std::string_view label, Action* out);
bool parse_status(std::string_view label, Status* out);
bool parse_certainty(std::string_view label, Certainty* out);

struct Span {
  std::uint32_t begin = 0, end = 0;  // UTF-8 byte offsets into Document::text
};

struct Entity {
  std::string name;     // canonical name ("Roskomnadzor"); the surface form when not in the pack
  std::string mention;  // the words the article used ("the communications watchdog")
  std::string kind;     // pack category: "regulator", "government", "court", "platform",
                        // "network", "outlet", "person", ... ("" when unknown)
  std::string region;   // for networks: the region named with it ("Manipur"), else ""
  Span span;            // the mention in the text (0,0 when inferred)
};

struct When {
  std::string timex3;   // TIMEX3 value ("2025-08"); the publication date when basis == "statement"
  std::string edtf;     // EDTF form ("2025-08", "2026-01/..")
  std::string start;    // interval start, ISO date, inclusive ("" = open or unknown)
  std::string end;      // interval end, ISO date, exclusive ("" = open or unknown)
  Precision precision = Precision::kUnknown;
  std::string basis;    // "text": from a timex governing the action; "statement": the time of
                        // the statement (publication date); "none": no time known
  std::string text;     // the timex's words ("in August last year"), "" unless basis == "text"
  Span span;            // the timex in the text
  std::string duration; // TIMEX3 duration stated for the action ("P11D"), or ""
};

struct Evidence {
  std::string sentence;          // the sentence's text
  Span span;                     // the sentence in the document
  std::vector<Span> highlights;  // trigger, actor, targets, time within the document
};

struct Claim {
  std::string id;               // stable within a document: "<doc id>#<n>"
  Action action = Action::kBlock;
  Status status = Status::kDone;
  Certainty certainty = Certainty::kReported;
  Entity actor;                 // empty name when the text names no actor
  std::vector<Entity> targets;
  std::string claimed_by;       // who says it ("Dmitry Peskov", "WhatsApp", "users"), or ""
  std::string reported_by;      // the outlet that carried the statement ("TASS"), or ""
  When when;
  std::vector<Evidence> evidence;  // first = the sentence the claim was taken from
  std::string trigger;          // the words that signal the action ("restricted calls")
  double confidence = 0.0;      // 0..1, the extractor's own estimate
};

// The claims of one document, with the metadata a page or a comparison needs.
struct DocumentClaims {
  std::string id, title, url, published, source;
  std::vector<Claim> claims;
};

}  // namespace timeline
