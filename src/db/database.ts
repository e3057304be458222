import type { Kysely, Transaction } from 'kysely';
import type {
  ArticleAuthorTable,
  ArticleSlugHistoryTable,
  ArticleTable,
  ArticleTagTable,
} from '../articles/article.table.ts';
import type { AuthorTable } from '../authors/author.table.ts';
import type { MediaTable } from '../media/media.table.ts';
import type { SectionTable } from '../sections/section.table.ts';
import type { SettingTable } from '../settings/setting.table.ts';
import type { TagTable } from '../tags/tag.table.ts';

export interface Database {
  articles: ArticleTable;
  article_authors: ArticleAuthorTable;
  article_tags: ArticleTagTable;
  article_slug_history: ArticleSlugHistoryTable;
  authors: AuthorTable;
  media: MediaTable;
  sections: SectionTable;
  settings: SettingTable;
  tags: TagTable;
}

/** What every *.queries.ts function takes first: the database or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
