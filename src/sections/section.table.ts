import type { Generated } from 'kysely';

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  /** Order in the navigation and on the home page. */
  position: number;
}
