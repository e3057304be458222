/**
 * The allow-list of embeddable providers and the exact addresses accepted for each. Shared by
 * the sanitizer (what may be stored), the reader page (what the placeholder loads) and the
 * newsroom's editor (what a writer may paste), so the three can never disagree.
 * Pure: no DOM, no Node, so the editor's browser bundle imports it as it is.
 */

export type EmbedProvider = 'youtube' | 'vimeo' | 'x' | 'instagram';

export interface Embed {
  readonly provider: EmbedProvider;
  /** The one canonical https address stored for it, e.g. "https://www.youtube.com/watch?v=…". */
  readonly url: string;
  /** Where the click-to-load player comes from; absent for posts, which stay links. */
  readonly frameSrc?: string;
}

export const embedProviderNames: Readonly<Record<EmbedProvider, string>> = { youtube: 'YouTube', vimeo: 'Vimeo', x: 'X', instagram: 'Instagram' };

/** What a reader is offered: the link everyone gets, and the button that connects to the provider. */
export const embedMessages = {
  link: (provider: EmbedProvider) =>
    provider === 'youtube' || provider === 'vimeo' ? `Watch on ${embedProviderNames[provider]}` : `View the post on ${embedProviderNames[provider]}`,
  load: (provider: EmbedProvider) => `Load the ${embedProviderNames[provider]} video (this connects to ${embedProviderNames[provider]})`,
  label: (provider: EmbedProvider) =>
    provider === 'youtube' || provider === 'vimeo' ? `${embedProviderNames[provider]} video` : `Post on ${embedProviderNames[provider]}`,
  frameTitle: (provider: EmbedProvider) => `${embedProviderNames[provider]} video`,
};

// Strict on purpose: https only, known hosts, no port, user, extra path or query.
const patterns: readonly { provider: EmbedProvider; pattern: RegExp; canonical: (match: RegExpExecArray) => Embed }[] = [
  {
    provider: 'youtube',
    pattern: /^https:\/\/(?:www\.|m\.)?youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})$/,
    canonical: (m) => youtube(m[1]!),
  },
  { provider: 'youtube', pattern: /^https:\/\/youtu\.be\/([A-Za-z0-9_-]{11})$/, canonical: (m) => youtube(m[1]!) },
  {
    provider: 'vimeo',
    pattern: /^https:\/\/(?:www\.)?vimeo\.com\/(\d{1,12})$/,
    canonical: (m) => ({ provider: 'vimeo', url: `https://vimeo.com/${m[1]}`, frameSrc: `https://player.vimeo.com/video/${m[1]}?dnt=1` }),
  },
  {
    provider: 'x',
    pattern: /^https:\/\/(?:www\.)?(?:x|twitter)\.com\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,20})$/,
    canonical: (m) => ({ provider: 'x', url: `https://x.com/${m[1]}/status/${m[2]}` }),
  },
  {
    provider: 'instagram',
    pattern: /^https:\/\/(?:www\.)?instagram\.com\/(p|reel)\/([A-Za-z0-9_-]{1,40})\/?$/,
    canonical: (m) => ({ provider: 'instagram', url: `https://www.instagram.com/${m[1]}/${m[2]}/` }),
  },
];

function youtube(id: string): Embed {
  return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${id}`, frameSrc: `https://www.youtube-nocookie.com/embed/${id}` };
}

export function isEmbedProvider(value: string): value is EmbedProvider {
  return Object.hasOwn(embedProviderNames, value);
}

/** An address exactly as stored: one of the strict patterns, in its canonical form. */
export function parseEmbedUrl(url: string): Embed | undefined {
  for (const { pattern, canonical } of patterns) {
    const match = pattern.exec(url);
    if (match) return canonical(match);
  }
  return undefined;
}

/**
 * What a writer pastes: the same hosts and paths, forgiving the tracking and start-time
 * parameters that sharing buttons add ("?si=…", "&t=42s"), which are dropped.
 */
export function recognizeEmbedUrl(typed: string): Embed | undefined {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  const video = url.pathname === '/watch' ? url.searchParams.get('v') : null;
  // "vimeo.com/123/" is the same video; Instagram's own links end in a slash, which its pattern allows.
  const path = url.hostname.endsWith('instagram.com') ? url.pathname : url.pathname.replace(/\/$/, '');
  return parseEmbedUrl(`https://${url.hostname}${path}${video ? `?v=${video}` : ''}`);
}
