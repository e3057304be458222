import { spamFeatures } from '../../src/comments/spam-classifier.ts';
import { spamTextOf } from '../../src/comments/spam-checks.ts';
import { normaliseEmailAddress } from '../../src/platform/email-address.ts';
import type { Dice } from './dice.ts';
import type { Writer } from './writer.ts';

/**
 * The people who comment, and what moderating them taught the newsroom: whom it trusts (the
 * `commenters` table) and what the learning filter counted (`spam_tokens`, `spam_totals`), exactly
 * as the app records a moderator's approval. Nobody ever marks a comment as spam here, so the filter
 * stays below its training minimum and, as in the app, no comment has a spam score.
 */

export interface Person {
  readonly name: string;
  readonly email: string;
  /** An absolute URL as the comment form stores it, or empty. */
  readonly website: string;
}

/** Only reserved domains (RFC 2606), so no address here can reach anyone. */
const mailDomains = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example'];
const spamProducts = ['Cheap Watches', 'Best Loans', 'Crypto Signals', 'Replica Bags', 'Diet Pills', 'Casino Bonus', 'SEO Services', 'Essay Writers'];

export class Commenters {
  readonly #dice: Dice;
  readonly #writer: Writer;
  readonly #people: Person[] = [];
  readonly #spammers: Person[] = [];
  readonly #emails = new Set<string>();
  /** When a moderator last approved each commenter: the app trusts them from then on. */
  readonly #trustedAt = new Map<string, number>();
  readonly #hamCounts = new Map<string, number>();
  #hamDocuments = 0;

  /** About one commenter for every 20 comments, and one spammer for every 40 commenters. */
  constructor(dice: Dice, writer: Writer, comments: number) {
    this.#dice = dice;
    this.#writer = writer;
    const people = Math.min(500_000, Math.max(20, Math.round(comments / 20)));
    for (let index = 0; index < people; index++) this.#people.push(this.#person());
    for (let index = 0; index < Math.max(5, Math.round(people / 40)); index++) this.#spammers.push(this.#spammer());
  }

  #uniqueEmail(local: string, domain: string): string {
    let email = normaliseEmailAddress(`${local}@${domain}`);
    for (let n = 2; this.#emails.has(email); n++) email = normaliseEmailAddress(`${local}${n}@${domain}`);
    this.#emails.add(email);
    return email;
  }

  #person(): Person {
    const dice = this.#dice;
    const given = this.#writer.givenName();
    const family = this.#writer.familyName();
    // Some sign with a handle, most with their name.
    const name = dice.chance(0.12)
      ? `${given.toLowerCase()}${dice.between(1, 99)}`
      : dice.chance(0.15)
        ? `${given} ${family.charAt(0)}.`
        : `${given} ${family}`;
    const local = dice.chance(0.5) ? `${given}.${family}` : `${given.charAt(0)}${family}${dice.chance(0.3) ? dice.between(1, 99) : ''}`;
    const email = this.#uniqueEmail(local, dice.pick(mailDomains));
    const website = dice.chance(0.08) ? `https://${family.toLowerCase()}.example/` : '';
    return { name, email, website };
  }

  #spammer(): Person {
    const dice = this.#dice;
    const product = dice.pick(spamProducts);
    const site = `${product.toLowerCase().replace(/ /g, '-')}-${this.#writer.contentWordAt(dice.between(0, 5_000))}.example`;
    return { name: product, email: this.#uniqueEmail(`sales${dice.between(1, 999)}`, site), website: `https://www.${site}/` };
  }

  /** Most comments come from a few regulars: the n-th commenter writes about 1/√n as many as the first. */
  regular(): Person {
    return this.#people[Math.floor(this.#people.length * this.#dice.random() ** 2)]!;
  }

  spammer(): Person {
    return this.#dice.pick(this.#spammers);
  }

  /** A moderator approved a held comment: the learning filter counts it as not spam, and its commenter is trusted. */
  approvedByModerator(person: Person, body: string, at: number): void {
    for (const feature of spamFeatures(spamTextOf({ name: person.name, website: person.website, body }))) {
      this.#hamCounts.set(feature, (this.#hamCounts.get(feature) ?? 0) + 1);
    }
    this.#hamDocuments += 1;
    this.#trustedAt.set(person.email, Math.max(at, this.#trustedAt.get(person.email) ?? 0));
  }

  /** Rows of `commenters`: each trusted commenter, as of their latest approval. */
  trusted(): { email: string; trusted_at: string; banned_at: null }[] {
    return [...this.#trustedAt].map(([email, at]) => ({ email, trusted_at: new Date(at).toISOString(), banned_at: null }));
  }

  /** What the learning filter was taught: rows of `spam_tokens`, and how many comments they came from. */
  lessons(): { tokens: { token: string; spam_count: number; ham_count: number }[]; hamDocuments: number } {
    return { tokens: [...this.#hamCounts].map(([token, ham]) => ({ token, spam_count: 0, ham_count: ham })), hamDocuments: this.#hamDocuments };
  }
}
