// timeline/compare.hpp: aligning the claims of several articles into events, and judging them.
//
// compare() takes the claims of many documents (timeline/claim.hpp) and groups the claims that
// report the same event: the same action, at least one target in common, and times that overlap
// or lie within `max_gap_days` of each other. Each event then gets a verdict:
//
//   corroborated   two or more documents report it, and they agree on the time (within the
//                  precision each gives), the duration, the status and the actor;
//   conflict       two or more documents take opposed positions on one of those: July 17 vs
//                  July 18, 11 days vs 10 days, done vs denied, one regulator vs another. Each
//                  Conflict lists the sides with the members (and so the evidence) behind each.
//                  Positions are opposed when one document holds a side and not the other while
//                  another document holds the other and not the first: two articles that each
//                  report both the shutdown and the minister's denial agree with each other;
//   single-source  one document only.
//
// Precision is not disagreement: "in July" and "on July 17" agree, and the event records which
// member is the most precise (AlignedEvent::most_precise) and which are less specific. A time
// within a day ("Tuesday night", even past midnight) counts as the day it names.
//
// How claims meet (scale): every claim is filed under one key per target (action + target name
// + region); a claim without targets is filed under its action + actor. Within a key, claims are
// sorted by interval start and swept once, most precise first, so that a coarse claim cannot
// chain distinct events together:
//   1. times stated by the text, a month or narrower, are swept: a claim joins the running group
//      when it overlaps it or lies at most max_gap_days after it;
//   2. a claim dated only by its statement (When::basis "statement": the article gives no time)
//      joins the one group of step 1 within statement_lookback_days before its publication;
//      if there is none or more than one, it is placed on the statement_window_days before
//      publication and swept with the other such claims (by overlap only);
//   3. a wider time ("2024", "since January") joins the one group of steps 1-2 it overlaps; if
//      none or several, it is swept with the other wide times. A planned or threatened action
//      with a wide time names a deadline, not an event, and goes straight to that last sweep;
//   4. claims with no time at all join only each other.
// Each sweep checks a claim against the one open group; each attachment looks at two groups at
// most after a binary search. The work is O(n log n) in the number of claims, and
// CompareStats::pair_checks counts the checks.
//
// Actors: two specific bodies or people ("Roskomnadzor", "a Moscow court") disagree; a
// government or country ("Russia", "the authorities", Entity::kind "government"/"country"), a
// crowd (kind "people") or an unnamed actor agrees with any. Statuses disagree when one side
// says "denied" and another "done" or "ongoing"; "planned"/"threatened" beside "done" is a story
// moving on, not a contradiction. Known limit: the claims carry no country, so the same action
// on the same platform in two countries at overlapping times is taken for one event (an actor
// conflict when both name specific bodies).
//
// Example:
//   std::vector<timeline::DocumentClaims> docs = ...;   // from Extractor::extract or JSON
//   timeline::Comparison cmp = timeline::compare(docs);
//   for (const timeline::AlignedEvent& e : cmp.events)
//     if (e.verdict == timeline::Verdict::kConflict) ...
//   nlohmann::json j = timeline::compare_json(docs, cmp);    // schemas/compare.schema.json
//
// Rendering: render_compare_html() fills templates/compare.mustache (with compare.css and
// compare.js inlined) into one self-contained page: a lane per document along a shared time
// axis, the members of one event linked across lanes, conflicts side by side, and a merged
// timeline with the number of sources per event.
//
// Thread safety: compare() and the renderers are pure functions of their arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/claim.hpp>
#include <timeline/data.hpp>
#include <timeline/error.hpp>

namespace timeline {

struct CompareOptions {
  // Two claims whose intervals are disjoint but at most this many days apart are still taken
  // for one event (with a time conflict); farther apart, they are separate events.
  int max_gap_days = 3;
  // A claim dated only by its statement (the article gives no time for the action) joins the
  // one event of its key that lies within this many days before the publication date; when
  // there is none, or more than one, it is placed on the statement_window_days up to the
  // publication date and meets only other claims placed there.
  int statement_lookback_days = 31;
  int statement_window_days = 7;
};

enum class Verdict { kCorroborated, kConflict, kSingleSource };
const char* verdict_name(Verdict v);  // "corroborated", "conflict", "single-source"

// One claim taking part in an event.
struct EventMember {
  std::size_t doc = 0;    // index into the documents given to compare()
  std::size_t claim = 0;  // index into that document's claims
  // True when this member's time is less specific than the event's most precise time and
  // contains it ("in July" beside "on July 17"), or is only the statement's date.
  bool less_specific = false;
};

// One side of a disagreement: the value it holds and the members holding it.
struct ConflictSide {
  std::string value;                 // "2014-07-17", "P11D", "denied", "Roskomnadzor"
  std::vector<std::size_t> members;  // indices into AlignedEvent::members
};

struct Conflict {
  std::string field;                // "time", "duration", "status" or "actor"
  std::vector<ConflictSide> sides;  // two or more, each with members from >= 1 document
};

struct AlignedEvent {
  std::string id;                   // "e1", "e2", ... in the order of `events`
  Action action = Action::kBlock;
  std::vector<Entity> targets;      // every target named by a member, once each
  Entity actor;                     // the most specific actor named by a member ("" if none)
  When when;                        // the most precise member's time (or a statement date)
  Verdict verdict = Verdict::kSingleSource;
  std::vector<EventMember> members; // ordered by document, then claim
  std::vector<std::size_t> documents;  // distinct document indices, ascending
  std::vector<Conflict> conflicts;  // empty unless verdict == kConflict
  // Index into `members` of the most precise time when the members' precisions differ and their
  // times agree; -1 otherwise.
  int most_precise = -1;
};

struct CompareStats {
  std::size_t claims = 0;         // claims seen
  std::size_t keyed_entries = 0;  // (claim, key) entries swept: claims x targets
  std::size_t pair_checks = 0;    // times an entry was tested against an open group
  std::size_t merges = 0;         // groups joined
  std::size_t repeated_documents = 0;  // documents left out because their id came before
};

struct Comparison {
  std::vector<AlignedEvent> events;  // by time (start, then end), undated last
  CompareStats stats;
};

// A document whose id repeats an earlier one (the same article given twice) is left out, so that
// an article never corroborates itself.
Comparison compare(const std::vector<DocumentClaims>& docs, const CompareOptions& options = {});

// The JSON form, as published in schemas/compare.schema.json.
nlohmann::json compare_json(const std::vector<DocumentClaims>& docs, const Comparison& cmp);

// The comparison page. `data` must hold templates/compare.mustache, compare.css, compare.js.
// Returns false and fills *error when a template is missing or does not parse.
bool render_compare_html(const DataFiles& data, const std::vector<DocumentClaims>& docs,
                         const Comparison& cmp, std::string* html, Error* error);

}  // namespace timeline
