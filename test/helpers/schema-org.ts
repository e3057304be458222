/**
 * A small schema.org checker for the JSON-LD Gazette emits. Every node's @type must be one we know,
 * carry the properties search engines require of it, and use only properties schema.org defines
 * for that type, so a property put on the wrong type fails as surely as a missing one.
 */

const thing = ['name', 'description', 'url', 'image', 'sameAs', 'identifier', 'mainEntityOfPage', 'alternateName'];
const creativeWork = [
  ...thing,
  'headline',
  'author',
  'publisher',
  'datePublished',
  'dateModified',
  'keywords',
  'isPartOf',
  'hasPart',
  'mainEntity',
  'about',
  'creditText',
  'inLanguage',
  'thumbnailUrl',
  'comment',
  'commentCount',
  'dateCreated',
  'text',
];
const webPage = [...creativeWork, 'breadcrumb', 'primaryImageOfPage'];

const newsArticle = {
  required: ['headline', 'datePublished', 'author'],
  allowed: [...creativeWork, 'articleSection', 'articleBody', 'wordCount', 'dateline', 'correction'],
};

/** Required: what Google's structured-data documentation asks for. Allowed: schema.org's properties of the type. */
const schemaTypes: Record<string, { readonly required: readonly string[]; readonly allowed: readonly string[] }> = {
  NewsArticle: newsArticle,
  ReportageNewsArticle: newsArticle,
  AnalysisNewsArticle: newsArticle,
  OpinionNewsArticle: newsArticle,
  ReviewNewsArticle: newsArticle,
  AdvertiserContentArticle: { required: ['headline', 'datePublished', 'author'], allowed: newsArticle.allowed },
  Comment: { required: ['text', 'author', 'dateCreated'], allowed: [...creativeWork, 'parentItem'] },
  CorrectionComment: { required: ['text', 'datePublished'], allowed: [...creativeWork, 'text'] },
  WebPage: { required: [], allowed: webPage },
  CollectionPage: { required: ['name', 'url'], allowed: webPage },
  ProfilePage: { required: ['mainEntity'], allowed: webPage },
  WebSite: { required: ['name', 'url'], allowed: [...creativeWork, 'potentialAction'] },
  SearchAction: { required: ['target', 'query-input'], allowed: [...thing, 'target', 'query-input'] },
  EntryPoint: { required: ['urlTemplate'], allowed: [...thing, 'urlTemplate'] },
  Person: { required: ['name'], allowed: [...thing, 'jobTitle', 'worksFor'] },
  NewsMediaOrganization: {
    required: ['name'],
    allowed: [...thing, 'logo', 'correctionsPolicy', 'ethicsPolicy', 'ownershipFundingInfo', 'masthead', 'actionableFeedbackPolicy'],
  },
  ImageObject: { required: ['url'], allowed: [...creativeWork, 'caption', 'width', 'height', 'contentUrl'] },
  ItemList: { required: ['itemListElement'], allowed: [...thing, 'itemListElement', 'numberOfItems', 'itemListOrder'] },
  ListItem: { required: ['position'], allowed: [...thing, 'position', 'item'] },
  BreadcrumbList: { required: ['itemListElement'], allowed: [...thing, 'itemListElement', 'numberOfItems', 'itemListOrder'] },
};

const keywords = new Set(['@context', '@type', '@id']);

function isNode(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A node may have several types (e.g. NewsArticle and OpinionNewsArticle): it must satisfy all of them. */
function typeRules(type: unknown): { readonly required: readonly string[]; readonly allowed: readonly string[] } | undefined {
  const names = Array.isArray(type) ? type : [type];
  const rules = names.map((name) => (typeof name === 'string' ? schemaTypes[name] : undefined));
  if (names.length === 0 || rules.some((rule) => rule === undefined)) return undefined;
  return {
    required: [...new Set(rules.flatMap((rule) => rule!.required))],
    allowed: [...new Set(rules.flatMap((rule) => rule!.allowed))],
  };
}

function checkNode(node: Record<string, unknown>, path: string, problems: string[]): void {
  const type = node['@type'];
  const known = typeRules(type);
  if (!known) problems.push(`${path}: unknown @type ${JSON.stringify(type)}`);
  for (const property of known?.required ?? []) {
    const value = node[property];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      problems.push(`${path} (${type}): missing ${property}`);
    }
  }
  for (const [property, value] of Object.entries(node)) {
    if (known && !keywords.has(property) && !known.allowed.includes(property)) {
      problems.push(`${path} (${type}): ${property} is not a property of ${type}`);
    }
    for (const [index, child] of (Array.isArray(value) ? value : [value]).entries()) {
      if (isNode(child)) checkNode(child, Array.isArray(value) ? `${path}.${property}[${index}]` : `${path}.${property}`, problems);
    }
  }
}

/** Everything wrong with one JSON-LD block; empty when it is valid. */
export function schemaOrgProblems(block: unknown): string[] {
  if (!isNode(block)) return ['the block is not an object'];
  const problems: string[] = [];
  if (block['@context'] !== 'https://schema.org') problems.push('@context is not https://schema.org');
  checkNode(block, String(block['@type']), problems);
  return problems;
}
