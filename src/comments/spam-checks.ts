import ipaddr from 'ipaddr.js';
import * as linkify from 'linkifyjs';
import { type Phrase, phrase } from '../errors.ts';
import type { CommentPolicy } from '../settings/index.ts';
import { normaliseEmailAddress } from '../platform/email-address.ts';
import type { CommentStatus } from './comment.table.ts';
import type { Block, CommenterStanding } from './moderation.queries.ts';
import { type SpamVerdict, spamThresholds } from './spam-classifier.ts';
import type { StampCheck } from './comment-signing.ts';

/** Everything known about a new comment when deciding where it goes. */
export interface CommentFacts {
  readonly name: string;
  readonly email: string;
  readonly website: string;
  readonly body: string;
  readonly ipAddress: string;
  /** The hidden field people never see; robots fill it in. */
  readonly honeypot: string;
  readonly stamp: Exclude<StampCheck, 'expired'>;
  readonly standing: CommenterStanding;
  readonly blocks: readonly Block[];
  readonly verdict: SpamVerdict;
  readonly policy: CommentPolicy;
}

export interface CommentDecision {
  readonly status: Extract<CommentStatus, 'pending' | 'approved' | 'spam'>;
  /** Why, for the moderator, in the newsroom's words (moderation.reason.*); empty when nothing held it. */
  readonly reasons: readonly Phrase[];
}

/** The text the learning filter judges and learns from: the same for both, so every lesson counts. */
export function spamTextOf(comment: { readonly name: string; readonly website: string; readonly body: string }): string {
  return `${comment.name}\n${comment.website}\n${comment.body}`;
}

/** Counts web addresses the way readers' links are made from the text, so the limit matches what would show. */
export function countLinks(text: string): number {
  return linkify.find(text).filter((link) => link.type === 'url').length;
}

function ipMatches(ip: string, pattern: string): boolean {
  try {
    const address = ipaddr.process(ip);
    if (pattern.includes('/')) {
      const range = ipaddr.parseCIDR(pattern);
      const candidate = address.kind() === range[0].kind() ? address : null;
      return candidate?.match(range) === true;
    }
    return ipaddr.process(pattern).toNormalizedString() === address.toNormalizedString();
  } catch {
    return false;
  }
}

function wordMatches(text: string, word: string): boolean {
  return text.toLocaleLowerCase('en').includes(word.toLocaleLowerCase('en'));
}

/** The reasons that make a comment spam outright: robots' tells, the block list, a banned commenter. */
function spamReasons(facts: CommentFacts): Phrase[] {
  const reasons: Phrase[] = [];
  if (facts.honeypot.trim() !== '') reasons.push(phrase('moderation.reason.honeypot'));
  if (facts.stamp === 'too-fast') reasons.push(phrase('moderation.reason.tooFast'));
  if (facts.stamp === 'invalid') reasons.push(phrase('moderation.reason.forgedForm'));
  if (facts.standing.banned) reasons.push(phrase('moderation.reason.banned'));
  for (const block of facts.blocks) {
    if (block.kind === 'email' && facts.email === normaliseEmailAddress(block.pattern))
      reasons.push(phrase('moderation.reason.blockedEmail', { email: block.pattern }));
    if (block.kind === 'ip' && ipMatches(facts.ipAddress, block.pattern)) reasons.push(phrase('moderation.reason.blockedAddress', { address: block.pattern }));
    if (block.kind === 'word' && [facts.name, facts.email, facts.website, facts.body].some((field) => wordMatches(field, block.pattern))) {
      reasons.push(phrase('moderation.reason.blockedWord', { word: block.pattern }));
    }
  }
  if (facts.verdict.probability >= spamThresholds.spam) reasons.push(learningFilterReason(facts.verdict));
  return reasons;
}

function learningFilterReason(verdict: SpamVerdict): Phrase {
  const percent = Math.round(verdict.probability * 100);
  // The filter's telling words are the commenter's own, kept as they are whatever the newsroom's language.
  const evidence = verdict.evidence.map((item) => item.feature).join(', ');
  return evidence ? phrase('moderation.reason.learningFilterEvidence', { percent, evidence }) : phrase('moderation.reason.learningFilter', { percent });
}

/** Where a new reader comment goes: spam, held for a moderator, or published, and why. */
export function decideCommentStatus(facts: CommentFacts): CommentDecision {
  const spam = spamReasons(facts);
  if (spam.length > 0) return { status: 'spam', reasons: spam };
  const held: Phrase[] = [];
  if (facts.verdict.probability >= spamThresholds.hold) held.push(learningFilterReason(facts.verdict));
  const links = countLinks(`${facts.body}`);
  if (links > facts.policy.maxLinks) held.push(phrase('moderation.reason.tooManyLinks', { count: links, limit: facts.policy.maxLinks }));
  if (facts.policy.moderation === 'hold-all') held.push(phrase('moderation.reason.holdAll'));
  if (facts.policy.moderation === 'hold-first' && !facts.standing.trusted) held.push(phrase('moderation.reason.firstComment'));
  return held.length > 0 ? { status: 'pending', reasons: held } : { status: 'approved', reasons: [] };
}
