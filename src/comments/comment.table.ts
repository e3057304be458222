import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/column-types.ts';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';
export const commentStatuses: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash'];

export type ReplyAlerts = 'off' | 'unconfirmed' | 'on';

/** A reader's comment, or a reply by staff. The email and IP address never leave the newsroom. */
export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  status: CommentStatus;
  author_name: string;
  author_email: string;
  author_website: Generated<string>;
  staff_user_id: number | null;
  body: string;
  spam_score: number | null;
  spam_reasons: Generated<string>;
  trained_as: 'spam' | 'ham' | null;
  ip_address: string | null;
  user_agent: string | null;
  reply_alerts: Generated<ReplyAlerts>;
  created_at: Timestamp;
  updated_at: Timestamp;
  moderated_at: NullableTimestamp;
  moderated_by: number | null;
}

export interface CommenterTable {
  email: string;
  trusted_at: NullableTimestamp;
  banned_at: NullableTimestamp;
}

export type BlockKind = 'word' | 'email' | 'ip';

export interface CommentBlockTable {
  id: Generated<number>;
  kind: BlockKind;
  pattern: string;
  created_at: Timestamp;
  created_by: number | null;
}

export interface SpamTokenTable {
  token: string;
  spam_count: Generated<number>;
  ham_count: Generated<number>;
}

export interface SpamTotalsTable {
  id: number;
  spam_documents: Generated<number>;
  ham_documents: Generated<number>;
}

export interface SiteSecretTable {
  name: string;
  value: string;
}
