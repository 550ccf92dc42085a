// The peer side of the benchmark: chrono-node over the same JSON Lines the timeline program reads.
//
// Usage: node bench/chrono_tag.js CORPUS.jsonl > results.jsonl
//
// Each input line is one article {"id", "published", "text", ...}. For each, chrono.parse(text,
// refDate) runs with the article's publication date as the reference date (as `timeline tag` uses
// it as the anchor), and one JSON line comes out: the id and every expression found (its offset,
// text and resolved start date). A summary line goes to stderr. Reading is streamed line by line,
// as the timeline program does, so both sides do comparable work: parse JSON, tag, write JSON.
'use strict';
const fs = require('fs');
const readline = require('readline');
const chrono = require('chrono-node');

async function main() {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: node chrono_tag.js CORPUS.jsonl\n');
    process.exit(2);
  }
  const lines = readline.createInterface({
    input: fs.createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  const out = [];
  let docs = 0, found = 0, bytes = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const ref = doc.published ? new Date(doc.published + 'T00:00:00Z') : new Date(0);
    const results = chrono.parse(doc.text, ref);
    docs += 1;
    found += results.length;
    bytes += Buffer.byteLength(doc.text, 'utf8');
    out.push(JSON.stringify({
      id: doc.id,
      timexes: results.map((r) => ({ begin: r.index, text: r.text, start: r.start.date().toISOString() })),
    }));
    if (out.length >= 256) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(`chrono-node: ${docs} documents, ${bytes} bytes of text, ${found} expressions\n`);
}

main().catch((e) => {
  process.stderr.write(`chrono_tag: ${e.stack || e}\n`);
  process.exit(1);
});
