import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as linkify from 'linkifyjs';
import { commentTextHtml } from './comment-text.tsx';

/** The addresses linkify finds in a line that a comment shows as links: http and https only. */
function webAddressesIn(line: string): string[] {
  return linkify
    .find(line)
    .filter((link) => link.type === 'url' && /^https?:\/\//i.test(link.href))
    .map((link) => link.href);
}

function linksShown(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

test('every web address linkify finds is a link, however it is written', () => {
  const lines = [
    'See https://example.org/trams for the minutes.',
    'the council site is EXAMPLE.COM now',
    'our wiki at http://intranet/notes',
    'try LocalHost:3000 or localhost',
    'visit 例子.中国 or пример.рф today',
    'the server 192.168.1.20 answered',
    'http://[::1]:8080/health',
    'www.bbc.co.uk/news?id=1&x=2',
    'mail me at ama@example.org',
    'I agree. The council should act.',
    'e.g. this, i.e. that',
    'Rates rose 3.5% this year...',
  ];
  for (const line of lines) {
    assert.deepEqual(linksShown(String(commentTextHtml(line))), webAddressesIn(line), line);
  }
});

test('lines made of address-like pieces show exactly the links linkify finds in them', () => {
  const pieces = [
    'http',
    'https',
    ':',
    '//',
    '/',
    '.',
    '..',
    'com',
    'org',
    'uk',
    'рф',
    '中国',
    'localhost',
    'LOCALHOST',
    'example',
    'a',
    '1',
    '.5',
    '@',
    ' ',
    ' ',
    '. ',
    '\u3002',
    '・',
    '\u200b',
    '-',
    '?q=1',
    '#x',
    'www',
    ':80',
    '(',
    ')',
  ];
  // A fixed sequence: the same lines at every run.
  let seed = 0x2f6e2b1;
  const next = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    // The high bits: a linear congruential generator's low bits repeat in short cycles.
    return seed >>> 16;
  };
  let withLinks = 0;
  for (let index = 0; index < 20_000; index++) {
    const length = 1 + (next() % 8);
    const line = Array.from({ length }, () => pieces[next() % pieces.length]).join('');
    const expected = webAddressesIn(line);
    if (expected.length > 0) withLinks++;
    assert.deepEqual(linksShown(String(commentTextHtml(line))), expected, JSON.stringify(line));
  }
  assert.ok(withLinks > 1_000, `only ${withLinks} of the lines held a web address`);
});
