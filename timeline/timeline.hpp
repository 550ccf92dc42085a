// timeline/timeline.hpp: the claims of many documents, de-duplicated and put in time order.
//
// assemble() takes the extractor's output for any number of documents (timeline/claim.hpp) and
// returns one Timeline: every distinct claim once, as an Event, with the statements of every
// document that makes it. Two claims are the same event when they agree on action, status, actor,
// targets (as sets, case-insensitively) and the time interval with its precision; the event then
// carries both documents as sources. A document given twice (same id, same claim id) counts once.
// Deciding whether *different* times or statuses describe one event is the comparison stage's work
// (timeline/compare.hpp), not this one's.
//
// Order: events whose time is on the calendar ("placed": a start or an end is known) come first,
// by start (an open start sorts by its end), then by end (an open end last), then coarser
// precision first, then action label and the order the documents were given. Events without a
// known time follow, in input order. The order is total, so the same input always gives the same
// timeline.
//
// read_document_claims() parses the JSON written by `timeline extract` (one DocumentClaims object,
// an array of them, or JSON Lines of them), for callers that take claims files as input.
//
// Example:
//   std::vector<timeline::DocumentClaims> docs = ...;   // from Extractor::extract or from JSON
//   timeline::Timeline t = timeline::assemble(docs);
//   for (const timeline::Event& e : t.events) use(e.claim, e.sources);
//
// Thread safety: pure functions; no shared state.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/error.hpp>

namespace timeline {

// A document of the timeline, without its claims.
struct TimelineDocument {
  std::string id, title, url, published, source;
  std::size_t claims = 0;  // how many claims the document contributed (before de-duplication)
};

// One document's statement of an event.
struct Statement {
  std::size_t document = 0;  // index into Timeline::documents
  Claim claim;               // the claim as that document makes it (its own id, evidence, sources)
};

struct Event {
  std::string id;                   // "e1", "e2", ... in timeline order
  Claim claim;                      // the first statement's claim: the event's fields
  std::vector<Statement> sources;   // every document that makes the claim, in input order
  bool placed = false;              // the time has a calendar start or end
  // For an open end ("since January"): the latest publication date among the sources, the day
  // up to which the claim is known to hold; "" otherwise.
  std::string open_until;
};

struct Timeline {
  std::vector<TimelineDocument> documents;  // in input order, each id once
  std::vector<Event> events;                // placed events in time order, then the others
  std::size_t placed = 0;                   // events[0, placed) are placed
};

Timeline assemble(const std::vector<DocumentClaims>& documents);

// Parses claims JSON (an object, an array of objects, or JSON Lines) and calls `sink` with each
// document in order. Returns false and fills *error ("name:line:col: message"; the line is the
// JSON Lines line) at the first record that is not valid DocumentClaims JSON; the records before
// it have been delivered.
bool read_document_claims(std::string_view bytes, const std::string& name,
                          const std::function<void(DocumentClaims&&)>& sink, Error* error);

// The same, but a bad JSON Lines record is handed to `on_error` and the records after it are
// still read (a single JSON value or array is one record: an error there ends it). Returns the
// number of bad records.
int read_document_claims(std::string_view bytes, const std::string& name,
                         const std::function<void(DocumentClaims&&)>& sink,
                         const std::function<void(Error&&)>& on_error);

// True when `bytes` looks like claims JSON rather than an article: the first JSON value (or
// JSON Lines record) is an object with a "claims" member, or an array whose first element is.
bool looks_like_claims_json(std::string_view bytes);

}  // namespace timeline
