import { IntlMessageFormat } from 'intl-messageformat';

// What the catalog tests compare between languages: the values, tags and plural forms a message takes.

/** The parser's element types (@formatjs/icu-messageformat-parser's TYPE). */
const elementType = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

export interface Element {
  readonly type: number;
  readonly value?: string;
  readonly options?: Readonly<Record<string, { readonly value: readonly Element[] }>>;
  readonly children?: readonly Element[];
}

/** What a message needs from its caller: its values ("count"), its tags ("<hidden>"), and the forms of each of its plurals. */
export function shapeOf(elements: readonly Element[], shape = { values: new Set<string>(), tags: new Set<string>(), plurals: [] as string[][] }) {
  for (const element of elements) {
    if (element.type === elementType.tag) shape.tags.add(element.value!);
    else if (Object.values(elementType).includes(element.type as 1)) shape.values.add(element.value!);
    if (element.type === elementType.plural && element.options) shape.plurals.push(Object.keys(element.options));
    if (element.options) {
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    }
    if (element.children) shapeOf(element.children, shape);
  }
  return shape;
}

export function parse(message: string, locale: string): readonly Element[] {
  return new IntlMessageFormat(message, locale).getAst() as readonly Element[];
}
