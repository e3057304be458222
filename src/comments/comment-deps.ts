import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContentChanges } from '../platform/content-changes.ts';
import type { Mailer } from '../platform/mailer.ts';
import type { SettingsStore } from '../settings/index.ts';
import type { CommentSigner } from './comment-signing.ts';

/** What posting and moderating comments need; built once at boot. */
export interface CommentDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly changes: ContentChanges;
  readonly settings: Pick<SettingsStore, 'current'>;
  readonly signer: CommentSigner;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  /** Mail goes out after the reply; a failure is logged, never shown to the commenter. */
  readonly onMailError: (error: unknown) => void;
  /** Told of each new or newly approved comment, in its transaction (the webhooks' outbox); absent: nobody listens. */
  readonly events?: CommentEvents;
}

/** Records an event inside the change's own transaction, so an event is kept exactly when its change is. */
export interface CommentEvents {
  record(trx: Db, type: 'comment.created' | 'comment.approved', commentId: number): Promise<void>;
}
