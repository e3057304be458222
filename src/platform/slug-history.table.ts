export type SluggedKind = 'section' | 'tag' | 'author';

export interface SlugHistoryTable {
  kind: SluggedKind;
  old_slug: string;
  entity_id: number;
  created_at: string | Date;
}
