import type { Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

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
  /** Null for images from before uploaders were recorded, the demo's, and those of a removed account. */
  uploaded_by: number | null;
}

/** An image's description as it was before a change, with who changed it and when. */
export interface MediaDescriptionHistoryTable {
  id: Generated<number>;
  media_id: number;
  changed_at: Timestamp;
  changed_by: number | null;
  alt: string;
  caption: string;
  credit: string;
  photographer: string;
  copyright: string;
}
