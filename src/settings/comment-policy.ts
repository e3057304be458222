/** How the newsroom runs its comment section; edited in the admin settings, stored with the site settings. */
export interface CommentPolicy {
  /** "hold-all": every comment waits for a moderator; "hold-first": a commenter's first one does, later ones from an approved email go straight up; "publish": all go up unless the spam checks hold them. */
  readonly moderation: CommentModeration;
  /** Comments close this many days after publication; 0 keeps them open. */
  readonly closeAfterDays: number;
  /** How deep replies nest; a reply to the deepest level joins its parent's level. */
  readonly maxDepth: number;
  readonly order: CommentOrder;
  /** Top-level comments per page; their replies come with them. */
  readonly perPage: number;
  /** Commenters' IP addresses and browser names are erased after this many days. */
  readonly ipRetentionDays: number;
  /** A comment may contain at most this many links; more are held for a moderator. */
  readonly maxLinks: number;
}

export type CommentModeration = 'hold-all' | 'hold-first' | 'publish';
export type CommentOrder = 'oldest' | 'newest';

export const commentModerations: readonly { value: CommentModeration; label: string }[] = [
  { value: 'hold-first', label: "Hold a commenter's first comment, then publish theirs straight away" },
  { value: 'hold-all', label: 'Hold every comment for a moderator' },
  { value: 'publish', label: 'Publish comments straight away unless the spam checks hold them' },
];

export const defaultCommentPolicy: CommentPolicy = Object.freeze({
  moderation: 'hold-first',
  closeAfterDays: 14,
  maxDepth: 3,
  order: 'oldest',
  perPage: 50,
  ipRetentionDays: 30,
  maxLinks: 2,
});

/** Bounds the admin form enforces, kept here so stored values are checked against the same limits. */
export const commentPolicyLimits = {
  closeAfterDays: { min: 0, max: 3650 },
  maxDepth: { min: 1, max: 6 },
  perPage: { min: 5, max: 200 },
  ipRetentionDays: { min: 1, max: 365 },
  maxLinks: { min: 0, max: 20 },
} as const satisfies Partial<Record<keyof CommentPolicy, { min: number; max: number }>>;

function whole(value: unknown, key: keyof typeof commentPolicyLimits): number {
  const { min, max } = commentPolicyLimits[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : defaultCommentPolicy[key];
}

/** A stored policy read defensively: a bad value falls back to its default rather than breaking every article. */
export function commentPolicyFromStored(value: unknown): CommentPolicy {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const moderation = commentModerations.some((option) => option.value === stored.moderation)
    ? (stored.moderation as CommentModeration)
    : defaultCommentPolicy.moderation;
  return Object.freeze({
    moderation,
    closeAfterDays: whole(stored.closeAfterDays, 'closeAfterDays'),
    maxDepth: whole(stored.maxDepth, 'maxDepth'),
    order: stored.order === 'newest' ? 'newest' : 'oldest',
    perPage: whole(stored.perPage, 'perPage'),
    ipRetentionDays: whole(stored.ipRetentionDays, 'ipRetentionDays'),
    maxLinks: whole(stored.maxLinks, 'maxLinks'),
  });
}
