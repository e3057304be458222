import { redirectKey, pathOnOrigin } from '../redirects.ts';
import { attachmentOf, uploadPathOf, type WordPressAttachment } from './wordpress-media.ts';
import { WordPressTaxonomy } from './wordpress-taxonomy.ts';
import { readWxr } from './wxr-reader.ts';
import type { WxrAuthor, WxrItem, WxrSite } from './wxr-records.ts';

/** What the first pass over an export learns, so the second can resolve links, photos and blocks. */
export interface IndexedPost {
  readonly postId: number;
  readonly type: string;
  readonly status: string;
  readonly title: string;
}

export class WordPressIndex {
  site: WxrSite | undefined;
  readonly authors: WxrAuthor[] = [];
  readonly taxonomy = new WordPressTaxonomy();
  readonly attachments = new Map<number, WordPressAttachment>();
  readonly attachmentsByUpload = new Map<string, number>();
  readonly reusableBlocks = new Map<number, string>();
  readonly posts = new Map<number, IndexedPost>();
  /** Every old address of a post or page (its link, its old slugs, `?p=`), as redirect keys. */
  readonly postIdsByPath = new Map<string, number>();
  readonly countsByType = new Map<string, number>();

  get origin(): string {
    const url = this.site?.baseSiteUrl || this.site?.baseBlogUrl || this.site?.link || 'http://wordpress.invalid';
    return url.replace(/\/+$/, '').toLowerCase();
  }

  /** The redirect key of a link on the old site, or undefined for another site's. */
  keyOf(link: string): string | undefined {
    const path = pathOnOrigin(link, this.origin);
    return path === undefined ? undefined : redirectKey(path);
  }

  /** Every address the old site answered for this post: its permalink, `?p=` and its old slugs' permalinks. */
  oldAddressesOf(item: WxrItem): string[] {
    const keys = new Set<string>();
    const link = this.keyOf(item.link);
    if (link) keys.add(link);
    keys.add(`/?${item.postType === 'page' ? 'page_id' : item.postType === 'attachment' ? 'attachment_id' : 'p'}=${item.postId}`);
    if (link && item.postName) {
      for (const oldSlug of item.meta._wp_old_slug ?? []) {
        const renamed: string = link.replace(new RegExp(`/${escapeRegExp(item.postName)}$`), `/${oldSlug}`);
        if (renamed !== link) keys.add(renamed);
      }
    }
    return [...keys];
  }

  /** The attachment a URL or attachment id refers to, if the export has it; size variants (-300x200) included. */
  attachmentFor(ref: { url?: string; attachmentId?: number }): WordPressAttachment | undefined {
    if (ref.attachmentId !== undefined && this.attachments.has(ref.attachmentId)) return this.attachments.get(ref.attachmentId);
    const path = ref.url === undefined ? undefined : uploadPathOf(ref.url);
    const id = path === undefined ? undefined : (this.attachmentsByUpload.get(path) ?? this.attachmentsByUpload.get(withoutSizeSuffix(path)));
    return id === undefined ? undefined : this.attachments.get(id);
  }

  add(item: WxrItem): void {
    this.countsByType.set(item.postType, (this.countsByType.get(item.postType) ?? 0) + 1);
    if (item.postType === 'attachment') {
      const attachment = attachmentOf(item);
      this.attachments.set(item.postId, attachment);
      if (attachment.uploadPath) this.attachmentsByUpload.set(attachment.uploadPath, item.postId);
      return;
    }
    if (item.postType === 'wp_block') {
      this.reusableBlocks.set(item.postId, item.content);
      return;
    }
    this.posts.set(item.postId, { postId: item.postId, type: item.postType, status: item.status, title: item.title });
    if (item.postType === 'post' || item.postType === 'page') {
      for (const key of this.oldAddressesOf(item)) this.postIdsByPath.set(key, item.postId);
    }
  }

  static async read(input: NodeJS.ReadableStream, onItem: () => void): Promise<WordPressIndex> {
    const index = new WordPressIndex();
    for await (const record of readWxr(input)) {
      if (record.kind === 'site') index.site = record;
      else if (record.kind === 'author') index.authors.push(record);
      else if (record.kind === 'category') index.taxonomy.addCategory(record);
      else if (record.kind === 'tag') index.taxonomy.addTag(record);
      else if (record.kind === 'item') {
        index.add(record);
        onItem();
      }
    }
    return index;
  }
}

function withoutSizeSuffix(path: string): string {
  return path.replace(/-\d{1,5}x\d{1,5}(?=\.[a-z0-9]+$)/i, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
