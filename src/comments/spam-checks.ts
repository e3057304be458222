import ipaddr from 'ipaddr.js';
import * as linkify from 'linkifyjs';
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
  /** Why, for the moderator; empty when nothing held it. */
  readonly reasons: readonly string[];
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
function spamReasons(facts: CommentFacts): string[] {
  const reasons: string[] = [];
  if (facts.honeypot.trim() !== '') reasons.push('The hidden field that only robots see was filled in');
  if (facts.stamp === 'too-fast') reasons.push('Sent within seconds of the form being shown');
  if (facts.stamp === 'invalid') reasons.push('The form was not one this site made');
  if (facts.standing.banned) reasons.push('This email is banned');
  for (const block of facts.blocks) {
    if (block.kind === 'email' && facts.email === normaliseEmailAddress(block.pattern)) reasons.push(`Blocked email ${block.pattern}`);
    if (block.kind === 'ip' && ipMatches(facts.ipAddress, block.pattern)) reasons.push(`Blocked address ${block.pattern}`);
    if (block.kind === 'word' && [facts.name, facts.email, facts.website, facts.body].some((field) => wordMatches(field, block.pattern))) {
      reasons.push(`Blocked word "${block.pattern}"`);
    }
  }
  if (facts.verdict.probability >= spamThresholds.spam) reasons.push(learningFilterReason(facts.verdict));
  return reasons;
}

function learningFilterReason(verdict: SpamVerdict): string {
  const words = verdict.evidence.map((item) => item.feature).join(', ');
  return `Learning filter: ${Math.round(verdict.probability * 100)}% likely spam${words ? ` (${words})` : ''}`;
}

/** Where a new reader comment goes: spam, held for a moderator, or published, and why. */
export function decideCommentStatus(facts: CommentFacts): CommentDecision {
  const spam = spamReasons(facts);
  if (spam.length > 0) return { status: 'spam', reasons: spam };
  const held: string[] = [];
  if (facts.verdict.probability >= spamThresholds.hold) held.push(learningFilterReason(facts.verdict));
  const links = countLinks(`${facts.body}`);
  if (links > facts.policy.maxLinks) held.push(`${links} links; the limit is ${facts.policy.maxLinks}`);
  if (facts.policy.moderation === 'hold-all') held.push('Every comment is held for a moderator');
  if (facts.policy.moderation === 'hold-first' && !facts.standing.trusted) held.push('First comment from this email');
  return held.length > 0 ? { status: 'pending', reasons: held } : { status: 'approved', reasons: [] };
}
