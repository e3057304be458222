import { absoluteUrl, homeUrl } from '../platform/urls.ts';

/** The site a page belongs to: its name, and the origin of its absolute URLs. */
export interface SiteIdentity {
  readonly name: string;
  readonly publicUrl: string;
}

/** A list page as structured data describes it; URLs are absolute. */
export interface CollectionDescription {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly stories: readonly { readonly url: string; readonly headline: string }[];
  /** Position of the first story in the whole list: 13 on page 2 of twelve a page. */
  readonly firstPosition: number;
}

function webSite(site: SiteIdentity): object {
  return { '@type': 'WebSite', name: site.name, url: absoluteUrl(site.publicUrl, homeUrl()) };
}

function storyList(collection: CollectionDescription): object {
  return {
    '@type': 'ItemList',
    itemListElement: collection.stories.map((story, index) => ({
      '@type': 'ListItem',
      position: collection.firstPosition + index,
      url: story.url,
      name: story.headline,
    })),
  };
}

/** schema.org CollectionPage for a section or topic page, its stories as an ItemList. */
export function collectionPageJsonLd(collection: CollectionDescription, site: SiteIdentity): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: collection.name,
    ...(collection.description ? { description: collection.description } : {}),
    url: collection.url,
    isPartOf: webSite(site),
    // An empty ItemList is invalid; an empty section's page is still a CollectionPage.
    ...(collection.stories.length > 0 ? { mainEntity: storyList(collection) } : {}),
  };
}

/** schema.org ProfilePage for an author's page: the Person is its main entity. */
export function profilePageJsonLd(author: Omit<CollectionDescription, 'stories' | 'firstPosition'>, site: SiteIdentity): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    name: author.name,
    url: author.url,
    isPartOf: webSite(site),
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      url: author.url,
      ...(author.description ? { description: author.description } : {}),
    },
  };
}

/** schema.org BreadcrumbList, from the home page down: Home › World › Harbour reopens. URLs are absolute. */
export function breadcrumbListJsonLd(crumbs: readonly { readonly name: string; readonly url: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}
