import type { LightMyRequestResponse } from 'fastify';
import type { CommentPolicy } from '../../src/settings/index.ts';
import type { TestGazette } from './test-app.ts';

/** What a reader types into "Leave a comment"; the hidden fields come from the page. */
export interface CommentFields {
  readonly name?: string;
  readonly email?: string;
  readonly website?: string;
  readonly comment?: string;
  readonly homepage?: string;
  readonly reply_alerts?: string;
  readonly parent_id?: string;
}

/** The hidden fields of the comment form on a rendered article page. */
export interface CommentFormState {
  readonly articleId: string;
  readonly stamp: string;
  readonly parentId: string;
}

function decodeAttribute(value: string): string {
  return value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Reads the hidden fields of the page's comment form; throws when the page has no form. */
export function readCommentForm(html: string): CommentFormState {
  const form = /<form class="comment-form"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error('the page has no comment form');
  const hidden = (name: string) => decodeAttribute(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '');
  return { articleId: hidden('article_id'), stamp: hidden('stamp'), parentId: hidden('parent_id') };
}

/** Moves the fixed test clock forward, as time passes between rendering a form and sending it. */
export function advanceClock(gazette: TestGazette, milliseconds: number): Date {
  const later = new Date(gazette.site.clock.now().getTime() + milliseconds);
  gazette.setNow(later);
  return later;
}

/** Changes only the given parts of the comment policy, as the settings page would. */
export async function setCommentPolicy(gazette: TestGazette, change: Partial<CommentPolicy>): Promise<void> {
  await gazette.settings.update({ comments: { ...gazette.settings.current().comments, ...change } });
}

export interface PostOptions {
  readonly json?: boolean;
  readonly headers?: Record<string, string>;
  readonly cookie?: string;
  readonly remoteAddress?: string;
}

/** POST /comments the way the page's form does: urlencoded, with the hidden fields given. */
export function postCommentForm(
  gazette: TestGazette,
  form: CommentFormState,
  fields: CommentFields,
  options: PostOptions = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams({
    article_id: form.articleId,
    parent_id: form.parentId,
    stamp: form.stamp,
    comment: '',
    name: '',
    email: '',
    website: '',
    homepage: '',
    ...fields,
  });
  return gazette.app.inject({
    method: 'POST',
    url: '/comments',
    payload: body.toString(),
    remoteAddress: options.remoteAddress ?? '203.0.113.10',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.json ? { accept: 'application/json' } : { accept: 'text/html,application/xhtml+xml' }),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

/**
 * Opens the article page, waits as a person would (the clock moves 5 s) and posts the form:
 * the whole reader path, including the signed render-time stamp.
 */
export async function commentOn(gazette: TestGazette, articlePath: string, fields: CommentFields, options: PostOptions = {}): Promise<LightMyRequestResponse> {
  const page = await gazette.app.inject({ url: articlePath, headers: options.cookie ? { cookie: options.cookie } : {} });
  if (page.statusCode !== 200) throw new Error(`${articlePath} answered ${page.statusCode}`);
  const form = readCommentForm(page.body);
  advanceClock(gazette, 5_000);
  return postCommentForm(gazette, { ...form, parentId: fields.parent_id ?? form.parentId }, fields, options);
}

/** The id of the comment a successful post created, from its JSON or its redirect. */
export function postedCommentId(response: LightMyRequestResponse): number {
  if (response.statusCode === 201) return (response.json() as { id: number }).id;
  const location = String(response.headers.location ?? '');
  const id = /#comment-(\d+)$/.exec(location)?.[1];
  if (response.statusCode !== 303 || !id) throw new Error(`the comment was not posted: ${response.statusCode} ${location} ${response.body.slice(0, 300)}`);
  return Number(id);
}

/** The `<section id="comments">` of an article page. */
export function commentSection(html: string): string {
  const start = html.indexOf('<section id="comments"');
  if (start < 0) throw new Error('the page has no comment section');
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

/** Cookie header value from a response's Set-Cookie, for the next request of the same browser. */
export function cookieFrom(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** One hostile post and how the site answered it. */
export interface HostilePost {
  readonly field: 'name and comment' | 'website' | 'email';
  readonly name: string;
  readonly status: number;
  /** The stored comment, when accepted. */
  readonly id?: number;
  /** The comment as the JSON answer gave it, for the script to insert. */
  readonly html?: string;
}

/**
 * Posts every XSS payload through every field, published straight away: name and comment on one
 * article (some as replies, to make threads), websites and emails on another.
 */
export async function postHostileComments(
  gazette: TestGazette,
  paths: { readonly text: string; readonly urls: string },
  corpus: {
    readonly payloads: readonly { name: string; text: string }[];
    readonly websites: readonly { name: string; url: string }[];
    readonly emails: readonly string[];
  },
): Promise<HostilePost[]> {
  await setCommentPolicy(gazette, { moderation: 'publish', maxLinks: 20, perPage: 200 });
  const posts: HostilePost[] = [];
  let address = 0;
  const send = async (field: HostilePost['field'], name: string, path: string, fields: CommentFields) => {
    address += 1;
    const response = await commentOn(gazette, path, fields, { json: true, remoteAddress: `10.66.${Math.floor(address / 250)}.${1 + (address % 250)}` });
    const body = response.statusCode === 201 ? (response.json() as { id: number; html: string }) : undefined;
    posts.push({ field, name, status: response.statusCode, ...(body ? { id: body.id, html: body.html } : {}) });
    return body?.id;
  };
  let lastId: number | undefined;
  for (const [index, item] of corpus.payloads.entries()) {
    const name = [...item.text].slice(0, 100).join('').trim() || 'x';
    const parent = index % 7 === 6 && lastId !== undefined ? String(lastId) : '';
    lastId =
      (await send('name and comment', item.name, paths.text, { name, email: `xss-${index}@example.com`, comment: item.text, parent_id: parent })) ?? lastId;
  }
  for (const [index, website] of corpus.websites.entries()) {
    await send('website', website.name, paths.urls, {
      name: `Website ${index}`,
      email: `xss-site-${index}@example.com`,
      website: website.url,
      comment: `My site, ${website.name}.`,
    });
  }
  for (const [index, email] of corpus.emails.entries()) {
    await send('email', email, paths.urls, { name: `Email ${index}`, email, comment: `Email case ${index}: <img src=x onerror=alert(1)>` });
  }
  return posts;
}

/** A published thread three deep, a second thread, and one comment still pending (with its author's cookie). */
export async function seedCommentThread(
  gazette: TestGazette,
  path: string,
): Promise<{ top: number; reply: number; deepest: number; other: number; pending: number; pendingCookie: string }> {
  await setCommentPolicy(gazette, { moderation: 'publish' });
  const post = async (fields: CommentFields) => postedCommentId(await commentOn(gazette, path, fields, { remoteAddress: '198.18.0.1' }));
  const top = await post({
    name: 'Aiko Tanaka',
    email: 'aiko@example.com',
    website: 'https://aiko.example.org/',
    comment: 'The report is at https://example.org/report and worth reading.\n\nSecond paragraph,\nwith a line break.',
  });
  const reply = await post({ name: 'Bruno Silva', email: 'bruno@example.com', comment: 'Thanks for the link.', parent_id: String(top) });
  const deepest = await post({ name: 'Chloé Martin', email: 'chloe@example.com', comment: 'Agreed with both of you.', parent_id: String(reply) });
  const other = await post({ name: 'Dmitri Volkov', email: 'dmitri@example.com', comment: 'A separate thought on the night shift.' });
  await setCommentPolicy(gazette, { moderation: 'hold-first' });
  const held = await commentOn(
    gazette,
    path,
    { name: 'Esi Owusu', email: 'esi@example.com', comment: 'My first comment here.' },
    { remoteAddress: '198.18.0.2' },
  );
  return { top, reply, deepest, other, pending: postedCommentId(held), pendingCookie: cookieFrom(held) };
}
