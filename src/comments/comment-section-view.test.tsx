import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/index.ts';
import { CommentSection, type CommentSectionView } from './comment-section-view.tsx';

const section = (current: number, count: number): CommentSectionView => ({
  words: translator('en-GB'),
  count: count * 50,
  threads: [],
  order: 'oldest',
  orderLinks: null,
  pages: { current, count, url: (page) => `/world/harbour?comments-page=${page}#comments` },
  form: null,
});

/** The page numbers the section's page navigation links, and what it shows unlinked. */
function pagesShown(html: string): string {
  const nav = /<nav class="pagination"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<li>([\s\S]*?)<\/li>/g)]
    .map(([, item]) => {
      const linked = /comments-page=(\d+)/.exec(item!)?.[1];
      return linked ?? (/aria-current="page">(\d+)</.exec(item!)?.[1] ? `[${/aria-current="page">(\d+)</.exec(item!)![1]}]` : item!);
    })
    .join(' ');
}

test('an article with 755 pages of comments links a few of them, not all: the first, the last and those around the current one', () => {
  assert.equal(pagesShown(String(CommentSection({ section: section(6, 755) }))), '1 … 4 5 [6] 7 8 … 755');
  assert.equal(pagesShown(String(CommentSection({ section: section(1, 755) }))), '[1] 2 3 … 755');
  assert.equal(pagesShown(String(CommentSection({ section: section(3, 4) }))), '1 2 [3] 4');
  const html = String(CommentSection({ section: section(6, 755) }));
  assert.match(html, /<a href="\/world\/harbour\?comments-page=755#comments"><span class="visually-hidden">Comments page <\/span>755<\/a>/);
});
