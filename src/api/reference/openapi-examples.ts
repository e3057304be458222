// Examples for the shared schemas, by `$id`, added to the OpenAPI document's components when the
// schema carries none of its own. test/e2e/openapi-document.test.ts checks each against its schema,
// so an example cannot drift from what the API answers.

const section = { id: 3, slug: 'climate', name: 'Climate', url: 'https://news.example/section/climate' };
const tag = { id: 17, slug: 'flooding', name: 'Flooding', url: 'https://news.example/tag/flooding' };
const byline = { id: 5, slug: 'ana-lima', name: 'Ana Lima', jobTitle: 'Climate reporter', url: 'https://news.example/author/ana-lima' };
const image = {
  id: 42,
  width: 2400,
  height: 1600,
  alt: 'Sandbags stacked along the river wall at dawn',
  caption: 'Volunteers worked through the night.',
  credit: 'Photo: Jun Park',
  variants: [
    { url: 'https://news.example/media/2026/11/river-wall-640.avif', width: 640, type: 'image/avif' },
    { url: 'https://news.example/media/2026/11/river-wall-640.jpg', width: 640, type: 'image/jpeg' },
  ],
};
const correction = { id: 9, kind: 'correction', text: 'An earlier version gave the wrong height for the river wall.', createdAt: '2026-11-27T09:30:00.000Z' };

const summary = {
  id: 12,
  url: 'https://news.example/2026/11/27/the-river-rose-overnight',
  headline: 'The river rose overnight',
  standfirst: 'Sandbags held along the old town wall; two roads stay closed.',
  language: 'en',
  section,
  bylines: [byline],
  publishedAt: '2026-11-27T06:00:00.000Z',
  updatedAt: '2026-11-27T09:30:00.000Z',
  featuredImage: image,
  commentCount: 4,
};

const article = {
  ...summary,
  dateline: 'RIVERTON',
  kind: 'news',
  tags: [tag],
  bodyHtml: '<p>The river rose 1.8 metres overnight, the highest since records began.</p>',
  corrections: [correction],
};

export const schemaExamples: Readonly<Record<string, readonly unknown[]>> = {
  SectionRef: [section],
  TagRef: [tag],
  Byline: [byline],
  Image: [image],
  Correction: [correction],
  ArticleSummary: [summary],
  Article: [article],
};
