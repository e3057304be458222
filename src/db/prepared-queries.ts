import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.ts';
import { nameStatement } from './postgres-statements.ts';

/** What a prepared query takes: values bound as they are, and lists whose length is part of the query's shape. */
type PreparedValue = string | number | null;
type PreparedArgument = PreparedValue | readonly PreparedValue[];

/** Stands in for an argument (or one item of a list argument) while the query is built the once. */
class Placeholder {
  constructor(
    readonly argument: number,
    readonly item: number | undefined,
  ) {}
}

type Slot = { readonly argument: number; readonly item: number | undefined } | { readonly fixed: unknown };

interface Template {
  readonly query: CompiledQuery;
  readonly slots: readonly Slot[];
}

/** A list's length makes its own statement (`in (?, ?, ?)`); more shapes than this are not kept. */
const mostShapesPerQuery = 64;

/**
 * A query Kysely builds and compiles once per database handle and shape, then only runs with new values.
 * Building and compiling cost more than SQLite's run of most reader queries (30 µs against 20 µs for the
 * article row), and an uncached article page ran eleven. `build` is called once, with stand-ins for its
 * arguments: it may only hand them to Kysely as values (a list may be passed whole, or measured), never
 * read, convert or compare them, so anything derived (a timestamp from a date) is computed by the caller.
 * @throws at the first run of a shape whose `build` did not hand Kysely every argument as it was given
 */
export function preparedQuery<Args extends readonly PreparedArgument[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  const templates = new WeakMap<Db, Map<string, Template>>();
  return async (db, ...args) => {
    const shape = args.map((argument) => (Array.isArray(argument) ? argument.length : '-')).join(',');
    let byShape = templates.get(db);
    if (!byShape) {
      byShape = new Map();
      templates.set(db, byShape);
    }
    let template = byShape.get(shape);
    if (!template) {
      template = compileTemplate(build, db, args);
      if (byShape.size < mostShapesPerQuery) byShape.set(shape, template);
    }
    const parameters = template.slots.map((slot) => {
      if ('fixed' in slot) return slot.fixed;
      const argument = args[slot.argument];
      return slot.item === undefined ? argument : (argument as readonly PreparedValue[])[slot.item];
    });
    const result = await db.executeQuery<Row>({ ...template.query, parameters });
    return result.rows;
  };
}

function compileTemplate<Args extends readonly PreparedArgument[], Row>(build: (db: Db, ...args: Args) => Compilable<Row>, db: Db, args: Args): Template {
  const standIns = args.map((argument, index) =>
    Array.isArray(argument) ? argument.map((_, item) => new Placeholder(index, item)) : new Placeholder(index, undefined),
  ) as unknown as Args;
  let query: CompiledQuery<Row>;
  try {
    query = build(db, ...standIns).compile();
  } catch (cause) {
    throw new TypeError("A prepared query's build failed on its arguments' stand-ins: it must hand them to Kysely as given", { cause });
  }
  const slots = query.parameters.map((parameter): Slot => (parameter instanceof Placeholder ? parameter : { fixed: parameter }));
  const handed = new Set(slots.flatMap((slot) => ('argument' in slot ? [`${slot.argument}:${slot.item}`] : [])));
  standIns.forEach((standIn, index) => {
    const expected = Array.isArray(standIn) ? standIn.map((_, item) => `${index}:${item}`) : [`${index}:undefined`];
    if (!expected.every((key) => handed.has(key))) {
      throw new TypeError(`A prepared query's build did not hand its argument ${index} to Kysely as given (it must not read or convert it)`);
    }
  });
  nameStatement(query.sql);
  return { query, slots };
}
