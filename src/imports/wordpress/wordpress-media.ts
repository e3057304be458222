import { descriptionLimits, importImage, type MediaFiles, type MediaItem } from '../../media/index.ts';
import type { Db } from '../../db/database.ts';
import { htmlToText } from '../../render/sanitize.ts';
import { importPhrase } from '../import-phrases.ts';
import { MissingUploadError, readUpload } from '../upload-files.ts';
import { readAttachmentMetadata } from './attachment-metadata.ts';
import type { WxrItem } from './wxr-records.ts';

/** What an attachment item says about its file, kept from the first pass over the export. */
export interface WordPressAttachment {
  readonly postId: number;
  readonly title: string;
  readonly url: string;
  /** The path under wp-content/uploads, e.g. "2025/03/seoul-night-market.jpg". */
  readonly uploadPath: string | undefined;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly copyright: string;
  readonly parentId: number;
}

const uploadsMarker = '/wp-content/uploads/';

/** The part of an uploads URL after /wp-content/uploads/, decoded; undefined for any other URL. */
export function uploadPathOf(url: string): string | undefined {
  const at = url.indexOf(uploadsMarker);
  if (at < 0) return undefined;
  try {
    return decodeURIComponent(url.slice(at + uploadsMarker.length).split(/[?#]/)[0] ?? '');
  } catch {
    return undefined;
  }
}

function plain(text: string, limit: number): string {
  return htmlToText(text).slice(0, limit);
}

export function attachmentOf(item: WxrItem): WordPressAttachment {
  const metadata = readAttachmentMetadata(item.meta._wp_attachment_metadata?.[0] ?? '');
  const attachedFile = item.meta._wp_attached_file?.[0];
  return {
    postId: item.postId,
    title: item.title,
    url: item.attachmentUrl || item.guid,
    uploadPath: attachedFile || metadata?.file || uploadPathOf(item.attachmentUrl || item.guid),
    alt: plain(item.meta._wp_attachment_image_alt?.[0] ?? '', descriptionLimits.alt),
    // WordPress's caption is the attachment's excerpt; the IPTC caption only seeds it at upload.
    caption: plain(item.excerpt || metadata?.caption || '', descriptionLimits.caption),
    credit: plain(metadata?.credit ?? '', descriptionLimits.credit),
    copyright: plain(metadata?.copyright ?? '', descriptionLimits.copyright),
    parentId: item.postParent,
  };
}

/** Brings one attachment's file into the library with its description; the library keeps one copy per file. */
export async function importAttachment(
  deps: { db: Db; files: MediaFiles; now: Date },
  uploadsDir: string,
  attachment: WordPressAttachment,
): Promise<MediaItem> {
  if (!attachment.uploadPath) throw new MissingUploadError(importPhrase('imports.upload.noFileGiven'));
  const bytes = await readUpload(uploadsDir, attachment.uploadPath);
  return importImage(
    deps,
    { bytes, originalName: attachment.uploadPath.split('/').at(-1) ?? attachment.uploadPath },
    { alt: attachment.alt, caption: attachment.caption, credit: attachment.credit, copyright: attachment.copyright },
  );
}
