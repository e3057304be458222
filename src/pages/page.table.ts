import type { Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

export type PageStatus = 'published' | 'draft';

export interface PageTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  /** The slugs from the top page down, joined by "/": "about/masthead". Unique. */
  path: string;
  title: string;
  /** Stored already through the one allow-list sanitizer. */
  body_html: string;
  /** Order among its siblings, smallest first. */
  position: number;
  status: PageStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An address a page answered at before it moved; the page's current address answers it with a 301. */
export interface PagePathHistoryTable {
  old_path: string;
  page_id: number;
  created_at: Timestamp;
}
