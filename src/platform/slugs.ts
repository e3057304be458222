import slugify from '@sindresorhus/slugify';

/** Lower-case words joined by single hyphens: what every slug in a URL looks like. */
export const slugPattern = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
export const slugMaxLength = 120;
const slugRegExp = new RegExp(slugPattern);

export function isValidSlug(value: string): boolean {
  return value.length <= slugMaxLength && slugRegExp.test(value);
}

/** A URL slug from a headline or name; transliterates ("São Paulo" → "sao-paulo") and stays short. */
export function slugFrom(text: string): string {
  const slug = slugify(text, { decamelize: false }).slice(0, 80).replace(/-+$/, '');
  return slug === '' ? 'untitled' : slug;
}
