import { cleanName } from '../taxonomy.ts';
import type { WxrCategory, WxrItemTerm, WxrTag } from './wxr-records.ts';

/**
 * How WordPress's categories and tags become Gazette's sections and tags (docs/imports.md):
 * a top-level category is a section; a category under another (World › Asia) is a tag of that
 * name, and its articles sit in the top-level section; WordPress tags are tags. An article's section
 * is the top-level category of its first category; its other categories become tags as well.
 */
export class WordPressTaxonomy {
  readonly #categories = new Map<string, WxrCategory>();
  readonly #tags = new Map<string, WxrTag>();

  addCategory(category: WxrCategory): void {
    this.#categories.set(category.slug, category);
  }

  addTag(tag: WxrTag): void {
    this.#tags.set(tag.slug, tag);
  }

  get categories(): readonly WxrCategory[] {
    return [...this.#categories.values()];
  }

  get tags(): readonly WxrTag[] {
    return [...this.#tags.values()];
  }

  /** World › Asia › 한국 as its slugs from the top; a loop in the parents stops where it closes. */
  ancestry(slug: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = slug;
    while (current && !chain.includes(current) && chain.length < 20) {
      chain.unshift(current);
      current = this.#categories.get(current)?.parentSlug || undefined;
    }
    return chain;
  }

  topLevelOf(slug: string): string {
    return this.ancestry(slug)[0] ?? slug;
  }

  nameOf(term: { slug: string; name: string }): string {
    return cleanName(this.#categories.get(term.slug)?.name ?? term.name);
  }

  /** The section an article goes in (a top-level category's slug) and the tags its other terms give it. */
  placementOf(terms: readonly WxrItemTerm[]): { sectionSlug: string | undefined; tagNames: string[] } {
    const categories = terms.filter((term) => term.taxonomy === 'category');
    const first = categories[0];
    const sectionSlug = first ? this.topLevelOf(first.slug) : undefined;
    const tagNames = new Set<string>();
    // Every other category on the way down (World › Asia gives the tag Asia), and a second top-level one, are tags.
    for (const slug of categories.flatMap((category) => this.ancestry(category.slug))) {
      if (slug !== sectionSlug) tagNames.add(this.nameOf({ slug, name: slug }));
    }
    for (const term of terms.filter((item) => item.taxonomy === 'post_tag')) tagNames.add(cleanName(this.#tags.get(term.slug)?.name ?? term.name));
    return { sectionSlug, tagNames: [...tagNames].filter(Boolean) };
  }
}
