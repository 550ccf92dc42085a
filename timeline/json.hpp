// timeline/json.hpp: the JSON form of the library's values (nlohmann::json), at the edges only.
//
// to_json/from_json for Timex, Claim and DocumentClaims follow the schemas in schemas/. from_json
// reads with .at() and throws nlohmann::json::exception on a missing or mistyped field; callers
// at the edge turn that into an Error.
#pragma once

#include <nlohmann/json.hpp>

#include <timeline/claim.hpp>
#include <timeline/document.hpp>
#include <timeline/timex.hpp>

namespace timeline {

void to_json(nlohmann::json& j, const Timex& t);
void to_json(nlohmann::json& j, const Entity& e);
void to_json(nlohmann::json& j, const When& w);
void to_json(nlohmann::json& j, const Evidence& e);
void to_json(nlohmann::json& j, const Claim& c);
void to_json(nlohmann::json& j, const DocumentClaims& d);

void from_json(const nlohmann::json& j, Entity& e);
void from_json(const nlohmann::json& j, When& w);
void from_json(const nlohmann::json& j, Evidence& e);
void from_json(const nlohmann::json& j, Claim& c);
void from_json(const nlohmann::json& j, DocumentClaims& d);

// The compact JSON text of `d`: the same bytes as nlohmann::json(d).dump(), written directly
// without building the nlohmann value (the output of `timeline extract`, one per document).
// Throws nlohmann::json::type_error as dump() does when a string is not valid UTF-8.
std::string dump_json(const DocumentClaims& d);

}  // namespace timeline
