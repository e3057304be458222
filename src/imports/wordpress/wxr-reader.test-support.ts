import { readWxr, type WxrReadOptions } from './wxr-reader.ts';
import type { WxrRecord } from './wxr-records.ts';

// What the WXR reader's tests share: reading a whole file, and a small file made around a few elements.

export async function readAll(input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>, options?: WxrReadOptions): Promise<WxrRecord[]> {
  const records: WxrRecord[] = [];
  for await (const record of readWxr(input, options)) records.push(record);
  return records;
}

/** A small WXR file around `channel` (the text after the header elements), for the cases the fixture lacks. */
export const wxr = (channel: string) =>
  `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Tiny</title>
<wp:wxr_version>1.2</wp:wxr_version>
${channel}
</channel>
</rss>
`;
