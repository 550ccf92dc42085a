// Headlines, labels, attribution lines and the marked-up evidence sentence.
#include "render/describe.hpp"

#include <algorithm>
#include <utility>

namespace timeline::render {
namespace {

struct ActionWords {
  const char* title;    // legend
  const char* noun;     // headline
  const char* linker;   // between noun and targets
};

// Indexed by Action.
const ActionWords kActionWords[] = {
    {"Block", "Block", "of"},
    {"Throttling", "Throttling", "of"},
    {"Restriction", "Restriction", "of"},
    {"Shutdown", "Shutdown", "of"},
    {"Restoration", "Restoration", "of"},
    {"Order", "Order", "on"},
    {"Penalty", "Penalty", "against"},
    {"Promotion", "Promotion", "of"},
    {"Response", "Response", "on"},
};

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::size_t to_boundary(std::string_view s, std::size_t i) {
  while (i > 0 && i < s.size() && continuation(static_cast<unsigned char>(s[i]))) --i;
  return std::min(i, s.size());
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> target_names(const Claim& c) {
  std::vector<std::string> out;
  for (const Entity& t : c.targets) {
    std::string name = t.name.empty() ? t.mention : t.name;
    if (!t.region.empty()) name += " (" + t.region + ")";
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
      out.push_back(std::move(name));
  }
  return out;
}

std::string target_list(const Claim& c) {
  std::string out;
  for (const std::string& n : target_names(c)) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string headline(const Claim& c) {
  const ActionWords& w = kActionWords[static_cast<int>(c.action)];
  std::string h = w.noun;
  const std::string targets = target_list(c);
  const std::string& actor = c.actor.name.empty() ? c.actor.mention : c.actor.name;
  if (!targets.empty()) h += std::string(" ") + w.linker + " " + targets;
  if (!actor.empty()) h += " by " + actor;
  return h;
}

std::string action_title(Action a) { return kActionWords[static_cast<int>(a)].title; }

std::string status_title(Status s) {
  switch (s) {
    case Status::kDone: return "happened";
    case Status::kOngoing: return "ongoing";
    case Status::kPlanned: return "planned";
    case Status::kThreatened: return "threatened";
    case Status::kDenied: return "denied";
  }
  return "";
}

std::string certainty_title(Certainty c) {
  return c == Certainty::kConfirmed ? "confirmed by the actor" : "reported";
}

std::string attribution(const Claim& c) {
  std::string out;
  if (!c.claimed_by.empty()) out = "according to " + c.claimed_by;
  if (!c.reported_by.empty() && c.reported_by != c.claimed_by)
    out += (out.empty() ? "reported by " : ", reported by ") + c.reported_by;
  return out;
}

std::string evidence_html(const Evidence& e) {
  const std::string_view s = e.sentence;
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (const Span& h : e.highlights) {
    if (h.end <= h.begin || h.end <= e.span.begin || h.begin >= e.span.begin + s.size()) continue;
    std::size_t b = h.begin > e.span.begin ? h.begin - e.span.begin : 0;
    std::size_t x = std::min<std::size_t>(h.end - e.span.begin, s.size());
    b = to_boundary(s, b);
    x = to_boundary(s, x);
    if (x > b) marks.emplace_back(b, x);
  }
  std::sort(marks.begin(), marks.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& m : marks) {
    if (!merged.empty() && m.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, m.second);
    else
      merged.push_back(m);
  }
  std::string out;
  std::size_t pos = 0;
  for (const auto& [b, x] : merged) {
    out += html_escape(s.substr(pos, b - pos));
    out += "<mark>" + html_escape(s.substr(b, x - b)) + "</mark>";
    pos = x;
  }
  out += html_escape(s.substr(pos));
  return out;
}

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

}  // namespace timeline::render
