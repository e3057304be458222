import type { Generated } from 'kysely';

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  job_title: string;
  bio: string;
  photo_media_id: number | null;
  /** The staff account that writes under this byline; at most one each way. */
  user_id: number | null;
}
