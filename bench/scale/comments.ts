import { countLinks } from '../../src/comments/spam-checks.ts';
import { phrase, type Phrase } from '../../src/errors.ts';
import type { Commenters, Person } from './commenters.ts';
import type { Dice } from './dice.ts';
import type { RowOf } from './tables.ts';
import type { Writer } from './writer.ts';

/**
 * One article's comments as the app would have stored them under its "publish straight away"
 * policy with an untrained filter: approved on posting unless a robot's tell marks them spam or too
 * many links hold them; moderators approve or bin most held ones, and now and then bin an approved
 * one. Replies go to comments readers could see at the time, at most three deep (a reply to the
 * deepest level joins its parent's level, as the app places it).
 */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** The default policy closes comments this long after publication. */
const commentsCloseAfter = 14 * day;
/** The default policy erases commenters' addresses after this. */
const addressesKeptFor = 30 * day;
const maxDepth = 3;
/** The default policy holds a comment with more links than this. */
const linkLimit = 2;

const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];

/** A comment readers could reply to, and from when. */
interface Visible {
  readonly id: number;
  readonly parentId: number | null;
  readonly depth: number;
  readonly since: number;
}

export type CommentRow = RowOf<'comments'>;

export class CommentFactory {
  readonly #dice: Dice;
  readonly #writer: Writer;
  readonly #commenters: Commenters;
  readonly #until: number;
  #nextId: number;

  constructor(dice: Dice, writer: Writer, commenters: Commenters, options: { readonly firstId: number; readonly until: Date }) {
    this.#dice = dice;
    this.#writer = writer;
    this.#commenters = commenters;
    this.#nextId = options.firstId;
    this.#until = options.until.getTime();
  }

  /** Mostly documentation addresses (RFC 5737, RFC 3849), as a proxy-free server would see them. */
  #address(): string {
    const dice = this.#dice;
    if (dice.chance(0.3))
      return `2001:db8:${dice.between(0, 0xffff).toString(16)}:${dice.between(0, 0xffff).toString(16)}::${dice.between(1, 0xffff).toString(16)}`;
    return `${dice.pick(['192.0.2', '198.51.100', '203.0.113'])}.${dice.between(1, 254)}`;
  }

  #links(count: number): string {
    return Array.from({ length: count }, () => `https://www.${this.#writer.contentWord()}.example/${this.#writer.contentWord()}`).join(' ');
  }

  /** Times from publication until comments close (or now), most in the first hours. */
  #times(publishedAt: number, count: number): Float64Array {
    const closes = Math.min(publishedAt + commentsCloseAfter, this.#until - minute);
    const times = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      const at = publishedAt + minute + this.#dice.exponential(10 * hour);
      times[index] = at <= closes ? at : publishedAt + this.#dice.random() * Math.max(closes - publishedAt, 0);
    }
    return times.sort();
  }

  /** A recent comment of the conversation to answer, if one was visible when this one was written. */
  #parentFor(visible: readonly Visible[], at: number): { parentId: number | null; depth: number } {
    if (visible.length === 0 || !this.#dice.chance(0.35)) return { parentId: null, depth: 1 };
    const answered = visible[Math.max(0, visible.length - 1 - Math.floor(this.#dice.exponential(8)))]!;
    if (answered.since > at) return { parentId: null, depth: 1 };
    return answered.depth < maxDepth ? { parentId: answered.id, depth: answered.depth + 1 } : { parentId: answered.parentId, depth: maxDepth };
  }

  forArticle(articleId: number, publishedAt: number, count: number): CommentRow[] {
    const rows: CommentRow[] = [];
    const visible: Visible[] = [];
    for (const at of this.#times(publishedAt, count)) {
      const id = this.#nextId++;
      const spam = this.#dice.chance(0.03);
      const person = spam ? this.#commenters.spammer() : this.#commenters.regular();
      const { parentId, depth } = spam ? { parentId: null, depth: 1 } : this.#parentFor(visible, at);
      const { row, shownFrom } = spam ? { row: this.#spam(person, at), shownFrom: null } : this.#reader(person, at);
      rows.push({ ...row, id, article_id: articleId, parent_id: parentId });
      if (shownFrom !== null) visible.push({ id, parentId, depth, since: shownFrom });
    }
    return rows;
  }

  #common(person: Person, at: number, body: string, reasons: readonly Phrase[]) {
    const recent = at >= this.#until - addressesKeptFor;
    const created = new Date(at).toISOString();
    return {
      author_name: person.name,
      author_email: person.email,
      author_website: person.website,
      staff_user_id: null,
      body,
      spam_score: null,
      spam_reasons: JSON.stringify(reasons),
      ip_address: recent ? this.#address() : null,
      user_agent: recent ? this.#dice.pick(userAgents) : null,
      created_at: created,
      updated_at: created,
      moderated_by: null,
    };
  }

  /** A robot's post: caught by the hidden field or by being sent too fast, and kept quietly as spam. */
  #spam(person: Person, at: number) {
    const tells = [
      [phrase('moderation.reason.honeypot')],
      [phrase('moderation.reason.tooFast')],
      [phrase('moderation.reason.honeypot'), phrase('moderation.reason.tooFast')],
    ];
    const body = `${this.#writer.sentence(this.#dice.between(6, 16))} ${this.#links(this.#dice.between(1, 4))}`;
    return {
      ...this.#common(person, at, body, tells[this.#dice.weighted([6, 3, 1])]!),
      status: 'spam',
      trained_as: null,
      reply_alerts: 'off',
      moderated_at: null,
    };
  }

  /** A reader's comment, and from when readers saw it (null: never, or no longer). */
  #reader(person: Person, at: number) {
    const dice = this.#dice;
    const linky = dice.chance(0.006);
    const body = linky ? `${this.#writer.commentBody()}\n\n${this.#links(dice.between(linkLimit + 1, linkLimit + 3))}` : this.#writer.commentBody();
    // The writer's prose holds no web address, so only the added links can count.
    const links = linky ? countLinks(body) : 0;
    const held = links > linkLimit;
    const alerts = dice.chance(0.06) ? (dice.chance(0.7) ? 'on' : 'unconfirmed') : 'off';
    const reasons = held ? [phrase('moderation.reason.tooManyLinks', { count: links, limit: linkLimit })] : [];
    const common = this.#common(person, at, body, reasons);
    // Moderators see most held comments within hours; one in five waits in the queue still.
    const decidedAt = at + dice.exponential(held ? 4 * hour : day);
    const decided = decidedAt < this.#until && (held ? dice.chance(0.8) : dice.chance(0.005));
    if (!decided) {
      const row = { ...common, status: held ? 'pending' : 'approved', trained_as: null, reply_alerts: alerts, moderated_at: null };
      return { row, shownFrom: held ? null : at };
    }
    const moderated = { moderated_at: new Date(decidedAt).toISOString(), updated_at: new Date(decidedAt).toISOString() };
    if (held && dice.chance(0.6)) {
      this.#commenters.approvedByModerator(person, body, decidedAt);
      return { row: { ...common, ...moderated, status: 'approved', trained_as: 'ham', reply_alerts: alerts }, shownFrom: decidedAt };
    }
    // Binning teaches the filter nothing.
    return { row: { ...common, ...moderated, status: 'trash', trained_as: null, reply_alerts: alerts }, shownFrom: null };
  }
}
