import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryCard, type StoryTeaser } from './story-list.tsx';

const teaser: StoryTeaser = {
  url: '/world/harbour-reopens',
  headline: 'Harbour reopens <after> the storm',
  standfirst: 'Cranes are back at work.',
  kicker: 'World',
  publishedIso: '2026-11-20T10:00:00.000Z',
  publishedLabel: '20 November 2026',
  bylineLabel: 'By Ama Owusu',
  image: {
    width: 1200,
    height: 800,
    alt: 'Cranes at dawn',
    sources: [{ type: 'image/webp', srcset: '/media/a-400.webp 400w' }],
    fallbackSrc: '/media/a-800.jpg',
    fallbackSrcset: '/media/a-400.jpg 400w, /media/a-800.jpg 800w',
  },
  comments: { label: '3 comments', context: ' on “Harbour reopens”' },
};

const ways = [
  { headingLevel: 3, imageSizes: '100vw' },
  { headingLevel: 2, imageSizes: '100vw', block: 'lead-story', priority: true },
  { headingLevel: 3, imageSizes: '(min-width: 48rem) 16rem, 100vw' },
  { headingLevel: 2, imageSizes: '100vw' },
] as const;

test('a teaser drawn again the same way is the card kept; drawn another way, it is drawn for that way', () => {
  for (const round of [1, 2]) {
    for (const way of ways) {
      const kept = StoryCard({ story: teaser, ...way });
      const fresh = StoryCard({ story: { ...teaser }, ...way });
      assert.equal(String(kept), String(fresh), `round ${round}, ${JSON.stringify(way)}`);
      assert.equal(StoryCard({ story: teaser, ...way }), kept);
    }
  }
  assert.equal(new Set(ways.map((way) => String(StoryCard({ story: teaser, ...way })))).size, ways.length, 'each way draws its own card');
  assert.match(String(StoryCard({ story: teaser, ...ways[0] })), /Harbour reopens &lt;after&gt; the storm/);
});
