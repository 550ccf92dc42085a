// timeline/compare.hpp: aligning the claims of several articles into events, and judging them.
//
// compare() takes the claims of many documents (timeline/claim.hpp) and groups the claims that
// report the same event: the same action, at least one target in common, and times that overlap
// or lie within `max_gap_days` of each other. Each event then gets a verdict:
//
//   corroborated   two or more documents report it, and they agree on the time (within the
//                  precision each gives), the duration, the status and the actor;
//   conflict       two or more documents report it and disagree on one of those: July 17 vs
//                  July 18, 11 days vs 10 days, done vs denied, one regulator vs another. Each
//                  Conflict lists the sides with the members (and so the evidence) behind each;
//   single-source  one document only.
//
// Precision is not disagreement: "in July" and "on July 17" agree, and the event records which
// member is the most precise (AlignedEvent::most_precise) and which are less specific.
//
// How claims meet (scale): every claim is filed under one key per target (action + target name
// + region); a claim without targets is filed under its action + actor. Each key's claims are
// sorted by interval start and swept once, merging a claim into the running group it overlaps.
// A claim is checked against the open groups of its key, never against every other claim, so
// the work is O(n log n) in the number of claims; CompareStats::pair_checks counts the checks.
//
// Times: a claim whose time comes from the text (When::basis == "text") is placed on its
// interval [start, end); an open side is unbounded. A claim dated only by its statement
// (basis "statement": the article gives no time) is placed on the `statement_window_days`
// before its publication date; it can join an event there but never makes a time conflict.
// A claim with no time at all (basis "none", or no interval) joins only other undated claims of
// its key.
//
// Actors agree when they are equal (ignoring case), when one side names none, or when one is a
// government (Entity::kind "government") and the other a body acting for it. Two different
// governments, or two different specific bodies, are an actor conflict. Statuses agree unless
// one side says "denied" and the other "done" or "ongoing"; "planned"/"threatened" beside "done"
// is a story moving on, not a contradiction.
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
};

struct Comparison {
  std::vector<AlignedEvent> events;  // by time (start, then end), undated last
  CompareStats stats;
};

Comparison compare(const std::vector<DocumentClaims>& docs, const CompareOptions& options = {});

// The JSON form, as published in schemas/compare.schema.json.
nlohmann::json compare_json(const std::vector<DocumentClaims>& docs, const Comparison& cmp);

// The comparison page. `data` must hold templates/compare.mustache, compare.css, compare.js.
// Returns false and fills *error when a template is missing or does not parse.
bool render_compare_html(const DataFiles& data, const std::vector<DocumentClaims>& docs,
                         const Comparison& cmp, std::string* html, Error* error);

}  // namespace timeline
