// Words for claims, shared by every output: headlines, labels, attribution lines, HTML escaping
// and the evidence sentence with its key words marked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>

namespace timeline::render {

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

// "Restriction of Telegram, WhatsApp by Roskomnadzor"; "Response by WhatsApp".
std::string headline(const Claim& c);

// "Telegram, WhatsApp" (with the region: "mobile internet (Manipur)").
std::string target_list(const Claim& c);
std::vector<std::string> target_names(const Claim& c);

// "Block", "Throttling", ... (the legend's words for an action label).
std::string action_title(Action a);

// "happened", "ongoing", "planned", "threatened", "denied".
std::string status_title(Status s);

// "confirmed by the actor" or "reported".
std::string certainty_title(Certainty c);

// "according to Dmitry Peskov, reported by TASS"; "" when the claim names no source.
std::string attribution(const Claim& c);

// The first evidence sentence as HTML, with the parts named by Evidence::highlights wrapped in
// <mark>. Highlights outside the sentence are clipped; overlapping ones are merged; offsets that
// fall inside a UTF-8 sequence are moved to its start.
std::string evidence_html(const Evidence& e);

// Neutralizes "</" inside JSON destined for a <script> element: every '<' becomes \u003c.
std::string script_safe_json(std::string_view json);

}  // namespace timeline::render
