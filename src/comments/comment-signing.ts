import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { readOrCreateSecret } from './comments.queries.ts';

/**
 * Signs what the comment form and the commenter's browser carry, with a key every instance shares
 * (kept in the database), so a page cached by one instance can be posted to another.
 */
export class CommentSigner {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  static async load(db: Db): Promise<CommentSigner> {
    const value = await readOrCreateSecret(db, 'comment-signing', randomBytes(32).toString('base64url'));
    return new CommentSigner(Buffer.from(value, 'base64url'));
  }

  sign(purpose: string, payload: string): string {
    return createHmac('sha256', this.#key).update(`${purpose}\n${payload}`).digest('base64url');
  }

  verify(purpose: string, payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, payload));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** How long after the form was rendered a post is accepted; a robot posts within a second. */
export const formTiming = { minimumMs: 3_000, maximumMs: 2 * 24 * 60 * 60 * 1000 } as const;

/** The form's hidden stamp: when it was rendered, for which article, signed. */
export function stampForm(signer: CommentSigner, articleId: number, renderedAt: Date): string {
  const payload = `${articleId}.${renderedAt.getTime()}`;
  return `${payload}.${signer.sign('form', payload)}`;
}

export type StampCheck = 'ok' | 'too-fast' | 'expired' | 'invalid';

export function checkFormStamp(signer: CommentSigner, stamp: string, articleId: number, now: Date): StampCheck {
  const [article, renderedAt, signature, ...rest] = stamp.split('.');
  if (rest.length > 0 || !article || !renderedAt || !signature) return 'invalid';
  if (!signer.verify('form', `${article}.${renderedAt}`, signature) || Number(article) !== articleId) return 'invalid';
  const age = now.getTime() - Number(renderedAt);
  if (age < formTiming.minimumMs) return 'too-fast';
  if (age > formTiming.maximumMs) return 'expired';
  return 'ok';
}

const maxRememberedComments = 20;

/**
 * The commenter's browser remembers which comments it posted (signed ids in a cookie), so it alone
 * is shown those still awaiting moderation.
 */
export function rememberComment(signer: CommentSigner, cookie: string | undefined, commentId: number): string {
  const ids = [...readRememberedComments(signer, cookie), commentId].slice(-maxRememberedComments);
  const payload = ids.join('-');
  return `${payload}.${signer.sign('posted', payload)}`;
}

export function readRememberedComments(signer: CommentSigner, cookie: string | undefined): number[] {
  if (!cookie) return [];
  const [payload, signature] = cookie.split('.');
  if (!payload || !signature || !signer.verify('posted', payload, signature)) return [];
  return payload
    .split('-')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

export const rememberedCommentsCookie = 'gazette_comments';
