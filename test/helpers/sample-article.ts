import type { PublishedArticle } from '../../src/articles/index.ts';

/** A published article as literal data, for the pure feed and sitemap builders. */
export function sampleArticle(overrides: Partial<PublishedArticle> = {}): PublishedArticle {
  return {
    id: 12,
    slug: 'harbour-reopens',
    status: 'published',
    headline: 'Harbour reopens after storm',
    standfirst: 'Ships queue at the breakwater.',
    dateline: 'PORT TALBOT',
    bodyHtml: '<p>First <a href="/world/earlier-story">earlier</a> and <a href="https://example.org/x">elsewhere</a>.</p><script>x()</script>',
    section: { id: 3, slug: 'world', name: 'World' },
    authors: [{ id: 5, slug: 'mina-park', name: 'Mina Park', jobTitle: 'Port reporter' }],
    tags: [{ id: 8, slug: 'shipping', name: 'Shipping' }],
    image: { id: 2, storageKey: 'abc123', width: 2400, height: 1600, alt: 'Cranes', caption: 'Cranes at dawn.', credit: 'Ana Ruiz' },
    seoTitle: null,
    seoDescription: null,
    createdAt: new Date('2026-11-26T08:00:00Z'),
    publishedAt: new Date('2026-11-26T09:00:00Z'),
    updatedAt: new Date('2026-11-26T10:30:00Z'),
    createdBy: null,
    reviewRequestedAt: null,
    trashedAt: null,
    pinnedAt: null,
    socialImage: null,
    version: 1,
    kind: 'news',
    commentsOpen: true,
    commentCount: 0,
    language: null,
    corrections: [],
    ...overrides,
  };
}
