/** Shapes of the demo newsroom's content, seeded on first start. */

export interface DemoSection {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

export interface DemoAuthor {
  readonly slug: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly bio: string;
}

/** The kinds of scene the demo photo generator can draw. */
export type DemoScene = 'harbour' | 'mountains' | 'city' | 'field' | 'stadium' | 'market' | 'lab' | 'river';

export interface DemoPhoto {
  /** File-name stem, unique across the demo, e.g. "busan-harbour". */
  readonly key: string;
  readonly scene: DemoScene;
  /** Seed for the generator's variations (positions, counts), so every photo differs. */
  readonly seed: number;
  /** Colours as #rrggbb: sky top and bottom, the sun/moon, and 3 ground/building tones. */
  readonly palette: { readonly skyTop: string; readonly skyBottom: string; readonly sun: string; readonly ground: readonly [string, string, string] };
  /** What the picture shows, for people who cannot see it. Never a copy of the caption. */
  readonly alt: string;
  /** The newsroom's caption: who/what/where/when, a full sentence. */
  readonly caption: string;
  /** Agency or photographer, without a "Photo:" prefix, e.g. "AFP" or "Mina Park / Gazette". */
  readonly credit: string;
}

export interface DemoArticle {
  readonly slug: string;
  /** slug of a DemoSection */
  readonly section: string;
  readonly headline: string;
  readonly standfirst: string;
  /** Place only, upper case, without the dash, e.g. "SEOUL". */
  readonly dateline: string;
  /** slugs of DemoAuthors, in byline order */
  readonly authors: readonly string[];
  /** tag names, e.g. "Climate", "Transport"; the first is the primary tag */
  readonly tags: readonly string[];
  readonly photo: DemoPhoto;
  /** Body as HTML using only <p>, <h2>, <h3>, <blockquote>, <ul>/<ol>/<li>, <strong>, <em>, <a href="https://…">. */
  readonly bodyHtml: string;
  /** Publication time relative to seeding, in hours before now. */
  readonly publishedHoursAgo: number;
  /** When set, the article was updated this many hours before now (after publication). */
  readonly updatedHoursAgo?: number;
}
