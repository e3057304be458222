import type { Generated } from 'kysely';
import type { Timestamp } from '../articles/article.table.ts';

export interface MediaTable {
  id: Generated<number>;
  /** Unique, URL-safe stem of every file made from this image, e.g. "busan-harbour-3f2a9c1d". */
  storage_key: string;
  original_name: string;
  mime_type: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  photographer: string;
  copyright: string;
  created_at: Timestamp;
}
