// Finding the entities of a sentence: known actors, targets and regions of the pack, generic
// patterns ("the interior ministry"), generic authorities ("Russian authorities"), role nouns
// ("users"), person names, and the anaphors and pronouns that point back to earlier ones.
//
// A Discourse carries what earlier sentences established (the last actor of each kind, the last
// target, the people named so far) so that "the regulator", "the service", "it", "he" or a bare
// surname resolve to what the article named before.
//
// Thread safety: a Discourse belongs to one document being read; the functions are reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>

#include "events/pack.hpp"
#include "events/tokens.hpp"

namespace timeline::events {

enum class Role { kActor, kTarget, kRegion, kSpeaker, kPerson };

struct Mention {
  std::size_t first = 0, count = 0;  // tokens
  Role role = Role::kActor;
  Entity entity;               // resolved: canonical name, surface mention, kind, span
  std::string country;         // for actors: their country when known
  std::string affiliation;     // for people: the organization named with them ("Kremlin")
  std::string affiliation_kind;
  bool official = false;       // a person with an official title, or an authority
  bool anaphor = false;        // resolved from an earlier mention
  bool generic = false;        // a common noun ("authorities", "users"), not a name
  std::size_t last() const { return first + count; }
};

// The cue hits of the sentence by cue name, token index of each hit's first token. The names
// view the pack's rules (the pack outlives every sentence read with it).
struct CueHit {
  std::string_view cue, value;
  std::size_t first = 0, count = 0;
  int kind = -1;  // cue_kind(cue)
};

struct Discourse {
  std::vector<Entity> last_targets;             // the last service(s) named or acted on
  std::vector<Entity> recent_targets;           // every service named, most recent last
  std::vector<Entity> lead_targets;             // the services of the article's first
                                                // sentence that names any: its topic
  std::vector<std::pair<std::string, Mention>> last_by_kind;  // kind → last actor of that kind
  Mention last_subject;                         // who the article was last talking about
  bool has_subject = false;
  std::vector<Mention> people;                  // people named so far
  Mention last_person;
  bool has_person = false;
  Mention last_speaker;                         // the last source that said something
  bool has_speaker = false;

  // Back to what a new Discourse holds, keeping the capacity of the lists (a thread reading
  // many documents keeps one). A member added above must be reset here too.
  void clear() {
    last_targets.clear();
    recent_targets.clear();
    lead_targets.clear();
    last_by_kind.clear();
    last_subject = Mention();
    has_subject = false;
    people.clear();
    last_person = Mention();
    has_person = false;
    last_speaker = Mention();
    has_speaker = false;
  }
};

// Actor kinds that act on services (regulator, ministry, government, court, police, official,
// person, country, company) and target kinds (messaging, social, video, vpn, network, platform,
// service, company).
bool actor_kind(const std::string& kind);
bool target_kind(const std::string& kind);
bool authority_kind(const std::string& kind);

// Bits of Pack::word_classes: the word lists of the mention finder a word is on.
constexpr std::uint8_t kWordDeterminer = 1, kWordCommonCapital = 2, kWordOrg = 4, kWordTitle = 8;
// Adds the words of those lists to pack->vocab and fills pack->word_classes (load_pack calls it
// last: the ids it adds come after those of the phrases, so the phrase indexes and starts, built
// before, take none of them).
void add_word_classes(Pack* pack);

// The mentions of the sentence toks (document text `text`, word ids set with pack.vocab), sorted
// by first token, into *out (cleared first, its capacity kept). `starts` are the places where
// phrases can begin (find_starts()) and `cues` the cue hits (find_cues()). Anaphors are resolved
// against `d` and against earlier mentions in the same sentence; `d` is updated with the actors
// and people of the sentence (targets are updated by the caller, who knows the claims).
void find_mentions(const Pack& pack, std::string_view text, const std::vector<Token>& toks,
                   const std::vector<Start>& starts, const std::vector<CueHit>& cues,
                   Discourse* d, std::vector<Mention>* out);

// The cue hits of the sentence toks, in token order (by cue name at one token).
std::vector<CueHit> find_cues(const Pack& pack, const std::vector<Token>& toks);
// The same into *out (cleared first), with the places where phrases can begin (find_starts()).
void find_cues(const Pack& pack, const std::vector<Token>& toks, const std::vector<Start>& starts,
               std::vector<CueHit>* out);

}  // namespace timeline::events
