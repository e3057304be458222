import type { Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

export type ImportSource = 'wordpress' | 'ghost' | 'disqus' | 'gazette';
export type ImportedKind = 'author' | 'section' | 'tag' | 'media' | 'article' | 'comment' | 'page';

export interface ImportRecordTable {
  id: Generated<number>;
  source: ImportSource;
  /** The old site's address, e.g. "https://news.example.org". */
  origin: string;
  kind: ImportedKind;
  source_id: string;
  local_id: number;
  fingerprint: string;
  imported_at: Timestamp;
}

/** Where an old address sends readers now: resolved at request time, so later renames are followed. */
export type RedirectTarget = 'article' | 'section' | 'tag' | 'author' | 'media' | 'page' | 'home' | 'site-feed' | 'section-feed' | 'tag-feed' | 'author-feed';

export interface RedirectTable {
  id: Generated<number>;
  /** Decoded, without a trailing slash; a WordPress query address is kept as `/?p=12`. */
  path: string;
  target_kind: RedirectTarget;
  target_id: number | null;
  created_at: Timestamp;
}

/** Where an export uploaded from the newsroom stands; `running` only while this process imports it. */
export type ImportJobStatus = 'checked' | 'running' | 'finished' | 'failed';

export interface ImportJobTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  stored_name: string;
  /** The folder the photos sent with the export were unpacked into, beside the stored file. */
  photos_name: string | null;
  status: ImportJobStatus;
  phase: Generated<string>;
  done: Generated<number>;
  total: number | null;
  /** ImportReport#toJSON() of the dry run, then of the import. */
  dry_run_report: string;
  report: string | null;
  error: string | null;
  created_at: Timestamp;
}
