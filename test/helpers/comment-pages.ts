import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { CommentPolicy } from '../../src/settings/index.ts';
import { advanceClock, type CommentFields, type CommentFormState, commentOn, type PostOptions, postCommentForm, setCommentPolicy } from './comment-forms.ts';
import { jsonLdBlocks } from './html.ts';
import { buildTestApp, type TestGazette } from './test-app.ts';

// Readers of comment forms, sections and stored comments, and the newsroom they share, for the e2e files on comments.

// Demo articles by age at the test clock (2026-11-27T12:00Z); comments close 14 days after publication.
export const demo = {
  busan: '/world/busan-terminal-remote-cranes-night-shift',
  nairobi: '/world/nairobi-traders-shared-solar-cold-rooms',
  toronto: '/world/toronto-rent-register-pilot-tenants',
  mekong: '/world/mekong-delta-farmers-salt-water-shrimp',
  rotterdam: '/politics/rotterdam-council-backs-docklands-tram',
  aarhus: '/politics/aarhus-stadium-rebuild-referendum',
  aragon: '/politics/aragon-wind-farm-vote-divides-farmers',
  glacier: '/science/alpine-glacier-lost-tenth-of-ice-in-one-summer',
  arsenic: '/science/paper-strip-test-arsenic-well-water',
  wheat: '/science/heat-tolerant-wheat-field-trials',
  /** Published 2026-11-13T15:00Z: its comments close at 15:00 on the test day. */
  vancouver: '/science/vancouver-ship-speed-limit-trial-whales',
  football: '/culture/cape-town-womens-football-final-sells-out',
  hawkers: '/culture/george-town-hawkers-write-down-recipes',
  /** Published 2026-11-10: already closed by age. */
  choir: '/culture/mountain-village-choir-records-old-songs',
} as const;

/** A comment every check accepts. */
export const ok = { name: 'Ada Okafor', email: 'ada.okafor@example.com', comment: 'The night shift change matters more than the cranes.' };

export async function storedComments(gazette: TestGazette) {
  return gazette.database.db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'status', 'author_email', 'body', 'spam_reasons'])
    .orderBy('id')
    .execute();
}

export async function storedComment(gazette: TestGazette, id: number) {
  return gazette.database.db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'status', 'author_name', 'author_email', 'author_website', 'body', 'spam_reasons'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function articleIdOf(gazette: TestGazette, path: string): Promise<number> {
  const slug = path.split('/').pop()!;
  return (await gazette.database.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** Page assertions that name the pattern, not the whole page, when they fail. */
export function assertHas(html: string, pattern: RegExp, message = `the page lacks ${pattern}`): void {
  assert.ok(pattern.test(html), message);
}

export function assertLacks(html: string, pattern: RegExp, message = `the page has ${pattern}`): void {
  assert.ok(!pattern.test(html), message);
}

export function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`<p class="field__error" id="comment-${field}-error">([^<]*)</p>`).exec(html)?.[1];
}

export function inputValue(html: string, field: string): string | undefined {
  return new RegExp(`<input id="comment-${field}" name="${field}"[^>]*? value="([^"]*)"`).exec(html)?.[1];
}

export function textareaValue(html: string): string | undefined {
  return /<textarea id="comment-comment"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export function newsArticleJsonLd(html: string): Record<string, any> {
  const block = jsonLdBlocks(html).find((item) => [item['@type']].flat().includes('NewsArticle'));
  assert.ok(block, 'the page has a NewsArticle block');
  return block as Record<string, any>;
}

/** How deep each comment sits in the rendered thread (1 = top level), by id. */
export function depthsOf(section: string): Map<number, number> {
  const depths = new Map<number, number>();
  let depth = 0;
  for (const match of section.matchAll(/<ol class="comment-list[^"]*"|<\/ol>|<li id="comment-(\d+)"/g)) {
    if (match[0].startsWith('<ol')) depth += 1;
    else if (match[0] === '</ol>') depth -= 1;
    else depths.set(Number(match[1]), depth);
  }
  return depths;
}

let addressCounter = 0;
/** A fresh reader address for each post, so the per-address limit is not what a test measures. */
export function freshAddress(): string {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${1 + (addressCounter % 250)}`;
}

/** The demo newsroom the tests of one `describe` share, and what they do to it. */
export interface CommentTestSite {
  /** Built before the first test of the `describe`, closed after its last. */
  readonly gazette: TestGazette;
  /** commentOn from a fresh address unless `options` names one, so no test uses up another's per-address limit. */
  post(articlePath: string, fields: CommentFields, options?: PostOptions): Promise<LightMyRequestResponse>;
  /** postCommentForm, from a fresh address in the same way. */
  postForm(form: CommentFormState, fields: CommentFields, options?: PostOptions): Promise<LightMyRequestResponse>;
  setCommentPolicy(change: Partial<CommentPolicy>): Promise<void>;
  advanceClock(milliseconds: number): Date;
  storedComments(): ReturnType<typeof storedComments>;
  storedComment(id: number): ReturnType<typeof storedComment>;
}

/** Call inside a `describe`: its hooks build and close the newsroom, whose limit on comments a minute the tests reach only on purpose. */
export function useCommentTestSite(): CommentTestSite {
  let built: TestGazette | undefined;
  before(async () => {
    built = await buildTestApp({ commentsPerMinute: 1000 });
  });
  after(() => built?.close());
  const site: CommentTestSite = {
    get gazette(): TestGazette {
      if (!built) throw new Error('the comment test site exists only while the tests of its describe run');
      return built;
    },
    post: (articlePath, fields, options = {}) => commentOn(site.gazette, articlePath, fields, { remoteAddress: freshAddress(), ...options }),
    postForm: (form, fields, options = {}) => postCommentForm(site.gazette, form, fields, { remoteAddress: freshAddress(), ...options }),
    setCommentPolicy: (change) => setCommentPolicy(site.gazette, change),
    advanceClock: (milliseconds) => advanceClock(site.gazette, milliseconds),
    storedComments: () => storedComments(site.gazette),
    storedComment: (id) => storedComment(site.gazette, id),
  };
  return site;
}
