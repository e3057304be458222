import type { Generated } from 'kysely';

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  job_title: string;
  bio: string;
  photo_media_id: number | null;
}
