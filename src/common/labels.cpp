// Label tables for the enums of timeline/claim.hpp and timeline/timex.hpp.
#include <timeline/claim.hpp>
#include <timeline/timex.hpp>

namespace timeline {
namespace {

template <typename E, std::size_t N>
bool parse_label(std::string_view label, const char* const (&names)[N], E* out) {
  for (std::size_t i = 0; i < N; ++i) {
    if (label == names[i]) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

const char* const kActions[] = {"block",   "throttle", "restrict", "shutdown", "restore",
                                "order",   "penalty",  "promote",  "response"};
const char* const kStatuses[] = {"done", "ongoing", "planned", "threatened", "denied"};
const char* const kCertainties[] = {"confirmed", "reported"};
const char* const kPrecisions[] = {"unknown", "millennium", "century", "decade",   "year",
                                   "half-year", "season",   "quarter", "month",    "week",
                                   "day",     "part-of-day", "hour",   "minute",   "second"};

}  // namespace

const char* action_name(Action a) { return kActions[static_cast<int>(a)]; }
const char* status_name(Status s) { return kStatuses[static_cast<int>(s)]; }
const char* certainty_name(Certainty c) { return kCertainties[static_cast<int>(c)]; }
const char* precision_name(Precision p) { return kPrecisions[static_cast<int>(p)]; }

bool parse_action(std::string_view label, Action* out) { return parse_label(label, kActions, out); }
bool parse_status(std::string_view label, Status* out) {
  return parse_label(label, kStatuses, out);
}
bool parse_certainty(std::string_view label, Certainty* out) {
  return parse_label(label, kCertainties, out);
}
Precision parse_precision(std::string_view name) {
  Precision p = Precision::kUnknown;
  parse_label(name, kPrecisions, &p);
  return p;
}

}  // namespace timeline
