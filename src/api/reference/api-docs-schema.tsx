import type { Child } from 'hono/jsx';
import { problemAnchor, problemCodes } from './api-docs-problems.ts';

// JSON Schemas of the OpenAPI document, drawn as readable nested lists: each field's name, type,
// whether it is required, its limits and its description; a shared schema as a link to its entry.

export type JsonSchema = Readonly<Record<string, unknown>>;

const componentPrefix = '#/components/schemas/';

/** Beyond this depth a schema is summed up rather than drawn: only a hand-written cycle could reach it. */
const maxDepth = 8;

export const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const schemasIn = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isSchema) : []);

/** The anchor of a shared schema's entry in the Schemas section. */
export function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** "Article" for "#/components/schemas/Article"; undefined for any other reference. */
export function componentName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(componentPrefix) ? decodeURIComponent(ref.slice(componentPrefix.length)) : undefined;
}

/** A constant a schema allows: `const`, or an `enum` of one value (how @fastify/swagger writes a TypeBox literal). */
function constantOf(schema: JsonSchema): { value: unknown } | undefined {
  if ('const' in schema) return { value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return { value: schema.enum[0] };
  return undefined;
}

const isNull = (schema: JsonSchema) => schema.type === 'null';

/** The alternatives of anyOf/oneOf, null apart, and whether null is one of them. */
function alternativesOf(schema: JsonSchema): { options: JsonSchema[]; nullable: boolean } | undefined {
  const all = schemasIn(schema.anyOf ?? schema.oneOf);
  if (all.length === 0) return undefined;
  return { options: all.filter((option) => !isNull(option)), nullable: all.some(isNull) };
}

function literal(value: unknown): Child {
  return <code>{JSON.stringify(value)}</code>;
}

function joined(items: readonly Child[], separator = ', '): Child[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [separator, item]));
}

/** The values a field may take when it is a choice of constants, else undefined. */
function choicesOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum) && schema.enum.length > 1) return schema.enum;
  const alternatives = alternativesOf(schema);
  if (!alternatives || alternatives.options.length < 2) return undefined;
  const constants = alternatives.options.map(constantOf);
  return constants.every((constant) => constant !== undefined) ? constants.map((constant) => constant!.value) : undefined;
}

/** A short name for a schema's type: a link for a shared schema, "string (date-time)", "array of Byline", "one of …". */
export function TypeName({ schema }: { schema: JsonSchema }): Child {
  const name = componentName(schema.$ref);
  if (name) return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  const constant = constantOf(schema);
  if (constant) return <>always {literal(constant.value)}</>;
  const choices = choicesOf(schema);
  if (choices) return <>one of {joined(choices.map(literal))}</>;
  const alternatives = alternativesOf(schema);
  if (alternatives) {
    const types = joined(
      alternatives.options.map((option) => <TypeName schema={option} />),
      ' or ',
    );
    return alternatives.nullable ? <>{types} or null</> : types;
  }
  if (schema.type === 'array')
    return isSchema(schema.items) ? (
      <>
        array of <TypeName schema={schema.items} />
      </>
    ) : (
      'array'
    );
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : typeof schema.type === 'string' ? schema.type : 'any';
  if (type === 'object' && !isSchema(schema.properties) && isSchema(schema.additionalProperties)) {
    return (
      <>
        object of <TypeName schema={schema.additionalProperties} /> by key
      </>
    );
  }
  return typeof schema.format === 'string' ? `${type} (${schema.format})` : type;
}

const limitWords: readonly (readonly [string, string])[] = [
  ['minLength', 'at least {} characters'],
  ['maxLength', 'at most {} characters'],
  ['minimum', 'at least {}'],
  ['maximum', 'at most {}'],
  ['exclusiveMinimum', 'more than {}'],
  ['exclusiveMaximum', 'less than {}'],
  ['minItems', 'at least {} items'],
  ['maxItems', 'at most {} items'],
  ['pattern', 'matches {}'],
];

/** "at most 200 characters; default "news"", for the fields and the schema itself when it is not an object. */
export function Limits({ schema }: { schema: JsonSchema }): Child {
  // The limits of a nullable or array field sit on the alternative or the items.
  const alternatives = alternativesOf(schema);
  const own = alternatives?.options.length === 1 ? alternatives.options[0]! : schema;
  const items: Child[] = limitWords
    .filter(([keyword]) => own[keyword] !== undefined)
    .map(([keyword, words]) => {
      const [before, after] = words.split('{}');
      return (
        <>
          {before}
          {keyword === 'pattern' ? <code>{String(own[keyword])}</code> : String(own[keyword])}
          {after}
        </>
      );
    });
  if (own.additionalProperties === false) items.push('no other fields');
  if (schema.default !== undefined) items.push(<>default {literal(schema.default)}</>);
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && !isSchema(schema.examples[0])) {
    items.push(<>e.g. {joined(schema.examples.slice(0, 3).map(literal))}</>);
  }
  return items.length === 0 ? null : <span class="api-schema__limits">{joined(items, '; ')}</span>;
}

/** The schema whose fields are drawn under a field: an inline object, or an array's inline object items. */
function nestedOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.$ref) return undefined;
  if (isSchema(schema.properties)) return schema;
  if (schema.type === 'array' && isSchema(schema.items)) return nestedOf(schema.items);
  const alternatives = alternativesOf(schema);
  if (alternatives?.options.length === 1) return nestedOf(alternatives.options[0]!);
  return undefined;
}

function Description({ schema }: { schema: JsonSchema }): Child {
  const text = typeof schema.description === 'string' ? schema.description : typeof schema.title === 'string' ? schema.title : undefined;
  return text ? (
    <span class="api-schema__description">
      <InlineText text={text} />
    </span>
  ) : null;
}

const knownCodes = new Set(problemCodes.map(({ code }) => code));

/** `VALIDATION_FAILED` links to its entry under Errors; any other code span is just code. */
export function CodeSpan({ text: code }: { text: string }): Child {
  return knownCodes.has(code) ? (
    <a href={`#${problemAnchor(code)}`}>
      <code>{code}</code>
    </a>
  ) : (
    <code>{code}</code>
  );
}

/** Of a description's Markdown, only `code` spans are drawn; everything else stays text. */
export function InlineText({ text }: { text: string }): Child {
  return <>{text.split('`').map((part, index) => (index % 2 === 1 ? <CodeSpan text={part} /> : part))}</>;
}

/** The fields of an object schema, each with its own nested fields; `required` lists the names that must be there. */
export function Fields({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }): Child {
  const properties = isSchema(schema.properties) ? Object.entries(schema.properties).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1])) : [];
  if (properties.length === 0) return null;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return (
    <ul class="api-schema">
      {properties.map(([name, property]) => {
        const nested = depth < maxDepth ? nestedOf(property) : undefined;
        return (
          <li>
            <code class="api-schema__name">{name}</code> <span class="api-schema__type">{<TypeName schema={property} />}</span>{' '}
            {required.has(name) ? <span class="api-schema__required">required</span> : <span class="api-schema__optional">optional</span>}
            {property.readOnly === true ? ' read-only' : null} <Limits schema={property} /> <Description schema={property} />
            {nested ? <Fields schema={nested} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A schema in full: its type on one line, then its fields. */
export function SchemaView({ schema }: { schema: JsonSchema }): Child {
  const nested = nestedOf(schema);
  return (
    <div class="api-schema-view">
      <p class="api-schema__summary">
        <span class="api-schema__type">
          <TypeName schema={schema} />
        </span>{' '}
        <Limits schema={schema} />
      </p>
      {nested ? <Fields schema={nested} /> : null}
    </div>
  );
}

/** Examples as indented JSON, each in its own block. */
export function Examples({ examples }: { examples: readonly unknown[] }): Child {
  if (examples.length === 0) return null;
  return (
    <div class="api-examples">
      <p class="api-examples__label">{examples.length === 1 ? 'Example' : 'Examples'}</p>
      {examples.map((example) => (
        <pre class="api-code">
          <code>{JSON.stringify(example, null, 2)}</code>
        </pre>
      ))}
    </div>
  );
}

/** The examples given anywhere on a media type or schema: `example`, `examples` (a list, or OpenAPI's map of { value }). */
export function examplesOf(holder: JsonSchema): unknown[] {
  const found: unknown[] = [];
  if (holder.example !== undefined) found.push(holder.example);
  if (Array.isArray(holder.examples)) found.push(...holder.examples);
  else if (isSchema(holder.examples)) {
    for (const named of Object.values(holder.examples)) if (isSchema(named) && named.value !== undefined) found.push(named.value);
  }
  return found;
}
