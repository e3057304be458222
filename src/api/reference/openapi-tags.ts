// The groups the API's operations are listed in, in the document and on /api/docs.

export const contentTag = 'Content';

/** Known groups, in reading order, each with what a caller should know before using it. */
export const apiTags: readonly { readonly name: string; readonly description: string }[] = [
  {
    name: contentTag,
    description:
      "What readers can see: published articles, the sections, tags and authors they belong to, the site's pages and search. Public and read-only: no token is needed.",
  },
  {
    name: 'Admin: Articles',
    description:
      "Drafts, edits, scheduling and publishing, by the same rules as the newsroom's own screens: what a token may do is what its owner's role allows. A change names the version it was made from with If-Match; a POST may carry an Idempotency-Key so a retry happens once.",
  },
  { name: 'Admin: Media', description: 'Photos and files in the media library, with their alt text, caption and credit.' },
  { name: 'Admin: Comments', description: "Readers' comments: the moderation queue, approving, marking as spam, removing, and replying as the newsroom." },
  { name: 'Admin: Sections', description: 'The sections articles are filed in, and their order in the navigation.' },
  { name: 'Admin: Tags', description: 'The tags articles carry.' },
  { name: 'Admin: Authors', description: 'The author profiles that bylines name.' },
  { name: 'Admin: Tokens', description: 'The personal access tokens of the member calling: list them, make one, revoke one.' },
  {
    name: 'Admin: Webhooks',
    description: 'Addresses Gazette calls when content changes, signed so the receiver can check them, and the record of each delivery.',
  },
];

const adminWords = (segment: string) =>
  segment
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');

/** "articles/:id/publish" → "Admin: Articles"; "api-tokens" → "Admin: Api Tokens". */
export function adminTagOf(pathBelowAdmin: string): string {
  const segment = pathBelowAdmin.split('/')[0] ?? '';
  return segment === '' ? 'Admin' : `Admin: ${adminWords(segment)}`;
}

/** A group's description; one nobody described yet still says where it lives. */
export function describeTag(name: string): string {
  const known = apiTags.find((tag) => tag.name === name);
  if (known) return known.description;
  return name.startsWith('Admin') ? `${name}, in the Admin API: a token is needed.` : name;
}

/** Known groups first, in their order; the others after them, alphabetically. */
export function orderTags(names: readonly string[]): string[] {
  const rank = (name: string) => {
    const index = apiTags.findIndex((tag) => tag.name === name);
    return index === -1 ? apiTags.length : index;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en'));
}
