import type { Generated } from 'kysely';

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
}
