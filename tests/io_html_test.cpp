// HTML pages: metadata from every place a page may keep it, the readable article text without
// page furniture, the source map back to the page's bytes, and pathological nesting.
#include <chrono>
#include <cctype>

#include <catch2/catch.hpp>

#include <timeline/document.hpp>

#include "io_test_util.hpp"

using timeline::Document;
using timeline::test::io_data;
using timeline::test::load_one;

namespace {

// Source offset of text byte `t` according to Document::source_map.
std::size_t source_of(const Document& d, std::size_t t) {
  std::size_t s = 0;
  for (const auto& [t0, s0] : d.source_map)
    if (t0 <= t) s = s0 + (t - t0);
  return s;
}

}  // namespace

TEST_CASE("a saved news page gives its metadata and only the article's text", "[io]") {
  const Document d = load_one(io_data("article.html"));
  CHECK(d.format == timeline::Format::kHtml);
  CHECK(d.id == "article");
  // og:title wins over <title>, entities decoded.
  CHECK(d.title == "Russia slows down YouTube & blames the platform");
  // The canonical link wins over og:url.
  CHECK(d.url == "https://ledger.example.org/2024/08/youtube-slowdown");
  // article:published_time, the publisher's own day (07:15 at +03:00 is still 9 August).
  CHECK(d.published == "2024-08-09");
  CHECK(d.lang == "en");  // from lang="en-GB"
  // Paragraphs are separated by blank lines, <br> ends a line, two <br> end a paragraph; the
  // cookie banner, navigation, headers, share bar, figure, aside, script, noscript and footer
  // are gone; entities are decoded and white space (the no-break space too) is collapsed.
  CHECK(d.text ==
        "Loading a video on YouTube from Moscow took minutes on Thursday, as the slowdown that "
        "users first noticed in July deepened.\n"
        "\n"
        "The communications regulator said the \u201Cdegradation\u201D was caused by the "
        "company\u2019s failure to upgrade its servers, a claim that engineers dispute.\n"
        "\n"
        "Speeds fell by up to 70% on desktop computers,\n"
        "according to a monitoring group.\n"
        "\n"
        "Mobile networks were affected later.\n");
}

TEST_CASE("the source map leads every text byte back to the page", "[io]") {
  const std::string page = timeline::test::read_file(io_data("article.html"));
  const Document d = load_one(io_data("article.html"));
  REQUIRE_FALSE(d.source_map.empty());
  for (std::size_t i = 1; i < d.source_map.size(); ++i)
    CHECK(d.source_map[i - 1].first < d.source_map[i].first);
  // A letter or digit is copied from the page as it is: it must sit at its mapped offset.
  for (std::size_t t = 0; t < d.text.size(); ++t) {
    const unsigned char c = static_cast<unsigned char>(d.text[t]);
    if (c < 0x80 && std::isalnum(c)) {
      const std::size_t s = source_of(d, t);
      REQUIRE(s < page.size());
      CHECK(page[s] == d.text[t]);
    }
  }
  // Characters written as references map to the reference: the curly quote to "&ldquo;",
  // the apostrophe to "&#8217;", the percent sign to "&#x25;".
  auto check_reference = [&](const std::string& text, const std::string& reference) {
    const std::size_t t = d.text.find(text);
    REQUIRE(t != std::string::npos);
    CHECK(page.compare(source_of(d, t), reference.size(), reference) == 0);
  };
  check_reference("\u201Cdegradation", "&ldquo;");
  check_reference("\u2019s failure", "&#8217;");
  check_reference("% on desktop", "&#x25;");
  check_reference("degradation\u201D", "degradation&rdquo;");
}

TEST_CASE("source offsets stay right after references, line ends and ignored tags", "[io]") {
  auto [html, text, needle, offset] = GENERATE(table<std::string, std::string, std::string, std::size_t>({
      // "&amp" without ';' before letters is "&" and the letters: 'o' is byte 9 of the page.
      {"<p>fr&ampom</p>", "fr&om\n", "om", 9},
      // "&nLt;" is two code points (six bytes of text) from five bytes of source.
      {"<p>an&nLt;y</p>", "an\u226A\u20D2y\n", "y", 10},
      // A stray end tag inside a word is dropped but still occupies the source.
      {"<p>com</b>pany</p>", "company\n", "pany", 10},
      // An unknown reference stays as written, byte for byte.
      {"<p>x&unknownz; y</p>", "x&unknownz; y\n", "y", 15},
      // CR LF collapses to one space; 'b' is after both bytes.
      {"<p>a\r\nb</p>", "a b\n", "b", 6},
  }));
  Document d;
  timeline::Error e;
  REQUIRE(timeline::parse_html(html, "m.html", &d, &e));
  REQUIRE(d.text == text);
  CHECK(source_of(d, d.text.find(needle)) == offset);
}

TEST_CASE("the publication date is found wherever the page keeps it", "[io]") {
  auto [file, published] = GENERATE(table<std::string, std::string>({
      // <meta property="article:published_time"> wins over <meta name="date"> and <time>.
      {"article_published_time.html", "2025-03-14"},
      {"itemprop_meta.html", "2025-06-01"},
      {"itemprop_time.html", "2025-06-02"},
      {"jsonld_object.html", "2025-06-03"},
      // In a @graph the article's date wins over the web site's.
      {"jsonld_graph.html", "2025-06-04"},
      // A broken JSON-LD block is skipped; a top-level array is searched.
      {"jsonld_array.html", "2025-06-05"},
      // Only a <time> inside the article counts, not one in a sidebar.
      {"time_in_article.html", "2025-06-06"},
      // <meta name="date"> is trusted before "dc.date".
      {"meta_name_date.html", "2025-06-07"},
      // "soon" is not a date: the page has none.
      {"no_date.html", ""},
  }));
  const Document d = load_one(io_data("dates/" + file));
  CHECK(d.published == published);
}

TEST_CASE("the article element is preferred, and [itemprop=articleBody] before it", "[io]") {
  const Document body = load_one(io_data("dates/itemprop_meta.html"));
  CHECK(body.text == "Officials restricted access to a forum.\n");
  const Document side = load_one(io_data("dates/time_in_article.html"));
  CHECK(side.text == "6 June 2025\n\nAn app store removed several applications.\n");
  const Document plain = load_one(io_data("dates/meta_name_date.html"));
  CHECK(plain.text == "A regulator fined a platform.\n");
  CHECK(plain.title == "Meta name");
}

TEST_CASE("parse_html: small pages", "[io]") {
  auto [html, title, text] = GENERATE(table<std::string, std::string, std::string>({
      // <title> is the title when there is no og:title; <h1> when there is neither.
      {"<title> A  page </title><p>x</p>", "A page", "x\n"},
      {"<body><h1>Head <i>line</i></h1><p>x</p>", "Head line", "Head line\n\nx\n"},
      // Inline elements do not break words; cells are separated by a space.
      {"<p>multi<b>part</b> word</p>", "", "multipart word\n"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "", "a b\nc\n"},
      {"<ul><li>one</li><li>two</li></ul><p>after</p>", "", "one\ntwo\n\nafter\n"},
      // A class that names furniture is kept when it wraps most of the text.
      {"<div class='content has-sidebar'><p>The whole story is here.</p></div>"
       "<div class='sidebar'><p>x</p></div>",
       "", "The whole story is here.\n"},
      // Hidden elements are not text.
      {"<p>seen</p><p hidden>unseen</p><p style='display: none'>unseen</p>"
       "<div aria-hidden='true'>unseen</div>",
       "", "seen\n"},
      // Windows line endings and a byte order mark.
      {"\xEF\xBB\xBF<p>one\r\ntwo</p>", "", "one two\n"},
  }));
  Document d;
  timeline::Error e;
  REQUIRE(timeline::parse_html(html, "p.html", &d, &e));
  CHECK(d.title == title);
  CHECK(d.text == text);
}

TEST_CASE("parse_html: the page's language", "[io]") {
  auto [html, lang] = GENERATE(table<std::string, std::string>({
      {"<html lang='ru-RU'><p>x</p>", "ru"},
      {"<html><head><meta property='og:locale' content='uk_UA'></head><p>x</p>", "uk"},
      {"<html><head><meta http-equiv='Content-Language' content='kk'></head><p>x</p>", "kk"},
      {"<html lang='fa'><head><meta property='og:locale' content='en_US'></head><p>x</p>", "fa"},
      {"<p>x</p>", "en"},
  }));
  Document d;
  timeline::Error e;
  REQUIRE(timeline::parse_html(html, "p.html", &d, &e));
  CHECK(d.lang == lang);
}

TEST_CASE("parse_html: errors", "[io]") {
  auto [html, message] = GENERATE(table<std::string, std::string>({
      {"<html><body><script>only code</script></body></html>",
       "p.html: empty document: the page has no readable text"},
      {"<p>caf\xE9</p>", "p.html:1:7: invalid UTF-8 (byte 0xE9); convert the file to UTF-8"},
  }));
  Document d;
  timeline::Error e;
  REQUIRE_FALSE(timeline::parse_html(html, "p.html", &d, &e));
  CHECK(e.str() == message);
}

TEST_CASE("HTML nested 100,000 levels deep loads quickly without exhausting the stack", "[io]") {
  auto [open, close] = GENERATE(table<std::string, std::string>({
      {"<div>", "</div>"},
      {"<span>", "</span>"},
      {"<b><i>", ""},  // never closed
  }));
  std::string html = "<html><body><article>";
  for (int i = 0; i < 100000; ++i) html += open;
  html += "<p>Deep &amp; safe.</p>";
  for (int i = 0; i < 100000; ++i) html += close;
  html += "</article></body></html>";
  Document d;
  timeline::Error e;
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(timeline::parse_html(html, "deep.html", &d, &e));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(d.text == "Deep & safe.\n");
  // The text still maps to the page: "Deep" sits right after the 100,000 opening tags.
  REQUIRE_FALSE(d.source_map.empty());
  CHECK(html.compare(source_of(d, 0), 4, "Deep") == 0);
  CHECK(seconds < 10);  // gumbo alone would need minutes on this input
}
