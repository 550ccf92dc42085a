// The claim extractor's quick paths through a sentence's bytes and words, against plain ones:
//  - tokenize() (src/events/tokens.cpp) finds runs of ASCII letters and digits sixteen bytes a
//    step, learns a token's capitals and 0xE2 bytes on the way, and hashes a word from its bytes
//    as written (Vocabulary::hash). Checked against a byte-by-byte tokenizer written here from
//    the rules of tokens.hpp, and each token's text, lower case, capital and word id against
//    what its bytes and a std::map of the vocabulary's words say.
//  - find_mentions() reads its word lists (determiners, words that begin sentences, words of
//    organizations, titles) by word id (Pack::word_classes). Checked against the same sentences
//    with every word id taken away, which makes every step compare text.
//  - find_sources() with first_named_only (a sentence without triggers, whose sources tell the
//    discourse only the first one that names an entity) stops making sources there. Checked
//    against the whole list: the same sources up to that one, none after it.
// On sentences of my own (spans cut anywhere, bytes that are not UTF-8) and on every sentence
// of the TimeML corpora of ../shared/data (skipped when absent).
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/text.hpp>

#include "events/mentions.hpp"
#include "events/pack.hpp"
#include "events/sentence.hpp"
#include "events/sources.hpp"
#include "events/tokens.hpp"
#include "events_util.hpp"
#include "test_util.hpp"

namespace {

namespace ev = timeline::events;

// ---- A plain tokenizer, byte by byte, from the rules in tokens.hpp.

unsigned char byte(std::string_view t, std::size_t i) { return static_cast<unsigned char>(t[i]); }
bool alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// ’ ‘ “ ” – — … (three bytes), no-break space « » (two), else 0.
std::size_t mark(std::string_view t, std::size_t i) {
  if (i + 2 < t.size() && byte(t, i) == 0xE2 && byte(t, i + 1) == 0x80) {
    const unsigned char c = byte(t, i + 2);
    if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x93 || c == 0x94 || c == 0xA6)
      return 3;
  }
  if (i + 1 < t.size() && byte(t, i) == 0xC2 &&
      (byte(t, i + 1) == 0xA0 || byte(t, i + 1) == 0xAB || byte(t, i + 1) == 0xBB))
    return 2;
  return 0;
}
bool apostrophe(std::string_view t, std::size_t i) {
  return t[i] == '\'' || (mark(t, i) == 3 && byte(t, i + 2) == 0x99);
}
bool letter(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  return byte(t, i) < 0x80 ? alnum(byte(t, i)) : mark(t, i) == 0;
}
char low(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct Plain {
  std::uint32_t begin, end;
  bool word;
};

std::vector<Plain> plain_tokens(std::string_view t, std::size_t begin, std::size_t end) {
  std::vector<Plain> out;
  const std::size_t stop = std::min(end, t.size());
  auto put = [&](std::size_t b, std::size_t e, bool word) {
    out.push_back(Plain{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), word});
  };
  auto possessive_at = [&](std::size_t i, std::size_t n) {  // "'s" or "’s" right after a word
    return apostrophe(t, i) && !out.empty() && out.back().end == i && i + n < stop &&
           (t[i + n] == 's' || t[i + n] == 'S') && !letter(t, i + n + 1);
  };
  std::size_t i = begin;
  while (i < stop) {
    const unsigned char c = byte(t, i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
    } else if (const std::size_t n = mark(t, i); n > 0) {
      if (n == 2 && byte(t, i + 1) == 0xA0) {
        i += 2;
      } else if (possessive_at(i, n)) {
        put(i, i + n + 1, true);
        i += n + 1;
      } else {
        put(i, i + n, false);
        i += n;
      }
    } else if (!letter(t, i)) {
      if (possessive_at(i, 1)) {
        put(i, i + 2, true);
        i += 2;
      } else {
        put(i, i + 1, false);
        ++i;
      }
    } else {
      std::size_t j = i;
      while (j < stop) {
        const unsigned char u = byte(t, j);
        if (u < 0x80 && alnum(u)) {
          ++j;
        } else if (u >= 0x80 && mark(t, j) == 0) {
          j = std::min(stop, j + (u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2));
        } else if (t[j] == '-' || t[j] == '.' || apostrophe(t, j)) {
          const std::size_t w = mark(t, j) == 3 ? 3 : 1;
          if (!letter(t, j + w)) break;
          if (apostrophe(t, j) && (t[j + w] == 's' || t[j + w] == 'S') && !letter(t, j + w + 1))
            break;
          j = std::min(stop, j + w);
        } else {
          break;
        }
      }
      // "didn't" -> "did" "n't" (an ASCII or a typographic apostrophe).
      std::size_t nt = 0;
      if (j - i > 3 && low(t[j - 3]) == 'n' && t[j - 2] == '\'' && low(t[j - 1]) == 't') nt = 3;
      else if (j - i > 5 && low(t[j - 5]) == 'n' && mark(t, j - 4) == 3 && t[j - 1] == 't') nt = 5;
      if (nt > 0) {
        put(i, j - nt, true);
        put(j - nt, j, true);
      } else {
        put(i, j, true);
      }
      i = j;
    }
  }
  return out;
}

// The text a token carries: each typographic apostrophe folded to "'".
std::string folded(std::string_view t, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e;) {
    if (mark(t, i) == 3 && byte(t, i + 2) == 0x99) {
      out += '\'';
      i += 3;
    } else {
      out += t[i++];
    }
  }
  return out;
}

// tokenize(text, b, e, &vocab) against the plain tokenizer and `words` (the vocabulary's words
// by id). Returns the number of tokens with a word id.
std::size_t check_tokens(const std::string& text, std::uint32_t b, std::uint32_t e,
                         const ev::Vocabulary& vocab,
                         const std::map<std::string, std::uint32_t>& words) {
  INFO("span [" << b << ", " << e << ") of: " << text);
  const ev::TokenList toks = ev::tokenize(text, b, e, &vocab);
  const std::vector<Plain> plain = plain_tokens(text, b, e);
  REQUIRE(toks.size() == plain.size());
  std::size_t known = 0;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const ev::Token& t = toks[k];
    INFO("token " << k << ": " << t.text);
    REQUIRE(t.begin == plain[k].begin);
    REQUIRE(t.end == plain[k].end);
    REQUIRE(t.word == plain[k].word);
    const std::string f = folded(text, t.begin, t.end);
    REQUIRE(std::string(t.text) == f);
    std::string l = f;
    for (char& c : l) c = low(c);
    REQUIRE(std::string(t.lower) == l);
    const unsigned char c0 = static_cast<unsigned char>(f[0]);
    REQUIRE(t.capital == (t.word && ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80)));
    const auto it = words.find(l);
    REQUIRE(t.word_id == (it == words.end() ? ev::kNoWord : it->second));
    REQUIRE(vocab.find_folding_case(f) == t.word_id);
    known += it == words.end() ? 0 : 1;
  }
  return known;
}

// A vocabulary of the lower-case tokens of `texts` (every other one, so that some words of a
// sentence are in it and some are not), with the map of its words.
void build_vocab(const std::vector<std::string>& texts, ev::Vocabulary* vocab,
                 std::map<std::string, std::uint32_t>* words) {
  std::size_t n = 0;
  for (const std::string& text : texts) {
    for (const Plain& p : plain_tokens(text, 0, text.size())) {
      std::string l = folded(text, p.begin, p.end);
      for (char& c : l) c = low(c);
      if (n++ % 2 == 0 && !words->count(l)) (*words)[l] = vocab->add(l);
    }
  }
}

// Sentences of my own: capitals at every place of a run of sixteen bytes, long words, words
// at the very end of the text (fewer than eight bytes after them), marks inside words,
// possessives and negations in both apostrophes, non-ASCII letters, and bytes that are not
// UTF-8 (0xE2 where a continuation byte belongs, a lead byte at the end).
const std::vector<std::string> kOwnTexts = {
    "The regulator ABCDEFGHIJKLMNOPQRSTUVWXYZ blocked abcdefghijklmnopqrstuvwxyzABCDEF sites.",
    "aaaaaaaaaaaaaaaA bbbbbbbbbbbbbbbbB ccccccccccccccccccccccccccccccccC Z",
    "Interior Ministry officials didn't say; the telecommunications-regulator's order wasn't "
    "public.",
    "State-backed Max, Sboi.rf and VK\xE2\x80\x99s app weren\xE2\x80\x99t blocked in "
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 or Z\xC3\xBCrich.",
    "Mixed bytes: ab\xC3\xE2\x80\x99s, \xE2\x80\x9Cquoted\xE2\x80\x9D, end\xE2\x80",
    "A 2026-02-12 order, 3.5 percent, U.S. officials, e-mail, the \xC2\xA0no-break\xC2\xA0space.",
    "Go",
    "x\xE2",
    "   ",
    // Words read from the masks of 64 bytes: runs across a window's end, a run longer than a
    // window, words ending in a mark before a space, a letter, a byte beyond ASCII or the end.
    "Officials of the Ministry said on Tuesday that access to the messaging app was cut in "
    "three regions, the U.S. embassy said. It wasn't clear; state-run media re-posted it. A "
    "0123456789012345678901234567890123456789012345678901234567890123456789AbCdEf word, "
    "end-\xC3\xA9 a.\xC3\xA9 b'\xE2\x80\x99 c- d. e' f.",
    // Words compared with the vocabulary's eight bytes at a time: lengths around 8 and 16, a
    // long word whose first eight and last eight bytes match another's, case, and '@' / '`'
    // (the same byte once 0x20 is set).
    "abcdefgh ABCDEFGH abcdefghi ABCDEFGHI abcdefghijklmnop ABCDEFGHIJKLMNOp abcdefghijklmnopq "
    "abcdefghXXXXijklmnop abcdefghYYYYijklmnop ABCDEFGHyyyyIJKLMNOP @bcdefgh `bcdefgh "
    "@BCDEFGH `BCDEFGH a A @ ` Roskomnadzor ROSKOMNADZOR roskomnadzor telecommunications "
    "TELECOMMUNICATIONS Telecommunication",
};

TEST_CASE("fast tokenizer: the plain tokenizer's tokens, texts and word ids, sentences of my own",
          "[events]") {
  ev::Vocabulary vocab;
  std::map<std::string, std::uint32_t> words;
  build_vocab(kOwnTexts, &vocab, &words);
  std::size_t known = 0;
  for (const std::string& text : kOwnTexts) {
    const auto n = static_cast<std::uint32_t>(text.size());
    known += check_tokens(text, 0, n, vocab, words);
    // Spans cut at every place: a word cut at the span's end, a mark cut in its middle.
    for (std::uint32_t b = 0; b < n; b += 7)
      for (std::uint32_t e = b; e <= n; ++e) check_tokens(text, b, e, vocab, words);
    check_tokens(text, 0, n + 5, vocab, words);  // an end past the text
  }
  CHECK(known > 20);
}

TEST_CASE("vocabulary hash: the same for any case of a word, and words told apart", "[events]") {
  CHECK(ev::Vocabulary::hash("Roskomnadzor") == ev::Vocabulary::hash("roskomnadzor"));
  CHECK(ev::Vocabulary::hash("TELECOMMUNICATIONS") == ev::Vocabulary::hash("telecommunications"));
  ev::Vocabulary vocab;
  const std::vector<std::string> list = {"block", "blocks", "blocked", "a", "b", "ab", "ba",
                                         "telecommunication", "telecommunications",
                                         "state-backed", "n't", "'s"};
  for (const std::string& w : list) vocab.add(w);
  for (std::size_t k = 0; k < list.size(); ++k) {
    CHECK(vocab.find(list[k]) == k);
    std::string upper = list[k];
    for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    CHECK(vocab.find_folding_case(upper) == k);
  }
  CHECK(vocab.find("blocking") == ev::kNoWord);
  CHECK(vocab.find("") == ev::kNoWord);
}

// find_mentions on the sentence's tokens with word ids, and on a copy without any: the same.
// Returns the number of mentions.
std::size_t check_by_text(const ev::Pack& pack, const std::string& text) {
  ev::Discourse with_ids, without;
  std::size_t mentions = 0;
  for (const timeline::Sentence& s : timeline::segment(text)) {
    INFO("sentence: " << text.substr(s.begin, s.end - s.begin));
    const ev::TokenList toks = ev::tokenize(text, s.begin, s.end, &pack.vocab);
    std::vector<ev::Token> plain(toks.begin(), toks.end());  // views into toks and text
    for (ev::Token& t : plain) t.word_id = ev::kUnindexed;
    std::vector<ev::Start> starts_a, starts_b;
    ev::find_starts(pack, toks, &starts_a);
    ev::find_starts(pack, plain, &starts_b);
    std::vector<ev::CueHit> cues_a, cues_b;
    ev::find_cues(pack, toks, starts_a, &cues_a);
    ev::find_cues(pack, plain, starts_b, &cues_b);
    REQUIRE(cues_a.size() == cues_b.size());
    std::vector<ev::Mention> a, b;
    ev::find_mentions(pack, text, toks, starts_a, cues_a, &with_ids, &a);
    ev::find_mentions(pack, text, plain, starts_b, cues_b, &without, &b);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      INFO("mention " << k << ": " << a[k].entity.mention);
      REQUIRE(a[k].first == b[k].first);
      REQUIRE(a[k].count == b[k].count);
      REQUIRE(a[k].role == b[k].role);
      REQUIRE(a[k].entity.name == b[k].entity.name);
      REQUIRE(a[k].entity.kind == b[k].entity.kind);
      REQUIRE(a[k].affiliation == b[k].affiliation);
      REQUIRE(a[k].official == b[k].official);
      REQUIRE(a[k].anaphor == b[k].anaphor);
    }
    mentions += a.size();
  }
  return mentions;
}

// Sentences of my own that reach each word list: names after determiners and sentence-initial
// words, organizations, titles before and after names.
const std::vector<std::string> kListTexts = {
    "Kremlin spokesman Dmitry Peskov said the Eastern Signal Foundation was not blocked.",
    "Officials at the Interior Ministry met Junaid Ahmed Palak, the junior minister for posts. "
    "Palak said the Digital Rights Watch report was wrong.",
    "Mobile Internet Users said Telegram's founder Pavel Durov, chief executive, would appeal. "
    "Durov did.",
    "Some Critics Of The Plan spoke; Prime Minister Imran Khan and Governor Ali Shah did not.",
};

// The sources of each sentence of `text` (analyzed in order, one discourse), with and without
// first_named_only: the short list must be the whole list up to and including its first source
// that names an entity and is not an outlet (all of it when it has none). Returns how many
// sentences had sources after that one (the ones the short list leaves out).
std::size_t check_first_named(const ev::Pack& pack, const std::string& text) {
  ev::Discourse d;
  ev::SentenceInfo si;
  std::vector<ev::Source> whole, first;
  std::size_t cut = 0;
  for (const timeline::Sentence& s : timeline::segment(text)) {
    ev::analyze(pack, text, s, &d, &si);
    ev::find_sources(text, si, &whole);
    ev::find_sources(text, si, &first, true);
    std::size_t expect = whole.size();
    for (std::size_t k = 0; k < whole.size(); ++k)
      if (whole[k].has_mention && !whole[k].outlet) {
        expect = k + 1;
        break;
      }
    INFO(text.substr(s.begin, s.end - s.begin));
    REQUIRE(first.size() == expect);
    for (std::size_t k = 0; k < expect; ++k) {
      REQUIRE(first[k].verb == whole[k].verb);
      REQUIRE(first[k].name == whole[k].name);
      REQUIRE(first[k].kind == whole[k].kind);
      REQUIRE(first[k].official == whole[k].official);
      REQUIRE(first[k].outlet == whole[k].outlet);
      REQUIRE(first[k].has_mention == whole[k].has_mention);
      REQUIRE(first[k].mention.entity.name == whole[k].mention.entity.name);
      REQUIRE(first[k].mention.first == whole[k].mention.first);
    }
    cut += whole.size() > expect ? 1 : 0;
  }
  return cut;
}

// Sentences of my own with several sources each: an outlet or a free-text source before the
// first named one, and named ones after it.
const std::vector<std::string> kSourceTexts = {
    "Users said the app was slow, the Interior Ministry said, and Roskomnadzor said it was "
    "checking.",
    "According to Reuters, Dmitry Peskov told reporters that the watchdog said nothing.",
    "Officials said on Monday that Pavel Durov said Telegram would appeal, TASS reported.",
    "Kremlin spokesman Dmitry Peskov said the service worked; Roskomnadzor said it did not.",
};

}  // namespace

TEST_CASE("sources up to the first named one: the whole list's, sentences of my own",
          "[events]") {
  const ev::Pack& pack = timeline::test::builtin_pack();
  std::size_t cut = 0;
  for (const std::string& text : kSourceTexts) cut += check_first_named(pack, text);
  CHECK(cut >= 3);
}

TEST_CASE("sources up to the first named one: the whole list's, every sentence of TempEval-3 "
          "silver", "[events]") {
  const std::string data = timeline::test::shared_dir() + "/data/te3-silver";
  TIMELINE_REQUIRE_DATA(data);
  const ev::Pack& pack = timeline::test::builtin_pack();
  std::size_t docs = 0, cut = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data)) {
    if (entry.path().extension() != ".tml") continue;
    timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                        [&](timeline::LoadItem&& item) {
                          if (!item.document) return;
                          ++docs;
                          cut += check_first_named(pack, item.document->text);
                        });
  }
  CHECK(docs > 2000);
  CHECK(cut > 100);
}

TEST_CASE("word lists by word id: the mentions found by text, sentences of my own", "[events]") {
  const ev::Pack& pack = timeline::test::builtin_pack();
  REQUIRE(!pack.word_classes.empty());
  std::size_t mentions = 0;
  for (const std::string& text : kListTexts) mentions += check_by_text(pack, text);
  CHECK(mentions > 12);
}

TEST_CASE("fast tokenizer and word lists by id: every sentence of TempEval-3 silver and TBAQ",
          "[events]") {
  const std::string data = timeline::test::shared_dir() + "/data";
  TIMELINE_REQUIRE_DATA(data + "/te3-silver");
  TIMELINE_REQUIRE_DATA(data + "/tbaq");
  const ev::Pack& pack = timeline::test::builtin_pack();
  std::vector<std::string> texts;
  for (const char* corpus : {"/te3-silver", "/tbaq"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data + corpus)) {
      if (entry.path().extension() != ".tml") continue;
      timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                          [&](timeline::LoadItem&& item) {
                            if (item.document) texts.push_back(item.document->text);
                          });
    }
  }
  REQUIRE(texts.size() > 2200);
  ev::Vocabulary vocab;
  std::map<std::string, std::uint32_t> words;
  build_vocab(texts, &vocab, &words);
  std::size_t known = 0, mentions = 0;
  for (const std::string& text : texts) {
    for (const timeline::Sentence& s : timeline::segment(text))
      known += check_tokens(text, s.begin, s.end, vocab, words);
    mentions += check_by_text(pack, text);
  }
  CHECK(known > 100000);
  CHECK(mentions > 10000);
}
