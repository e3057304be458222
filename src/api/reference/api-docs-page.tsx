import { renderDocument } from '../../render/safe-html.ts';
import { problemAnchor, problemCodes } from './api-docs-problems.ts';
import { Examples, examplesOf, isSchema, type JsonSchema, SchemaView, schemaAnchor } from './api-docs-schema.tsx';
import { DocsProse, Operation, type OperationEntry } from './api-docs-operation.tsx';

/** What /api/docs is drawn from: the OpenAPI document as served, and the site's name and assets. */
export interface ApiDocsPageData {
  /** Parsed JSON of /api/v1/openapi.json; read defensively, since any route may add to it. */
  readonly document: JsonSchema;
  readonly siteName: string;
  readonly stylesheetUrls: readonly string[];
  readonly iconUrl: string;
}

const httpMethods = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];

const record = (value: unknown): JsonSchema => (isSchema(value) ? value : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function tagAnchor(name: string): string {
  return `tag-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

interface TagGroup {
  readonly name: string;
  readonly description: string | undefined;
  readonly operations: OperationEntry[];
}

/** Operations by tag, in the document's tag order; one with no tag goes under "Other". */
function groupOperations(document: JsonSchema): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  const listed = Array.isArray(document.tags) ? document.tags.filter(isSchema) : [];
  for (const tag of listed) {
    const name = text(tag.name);
    if (name) groups.set(name, { name, description: text(tag.description), operations: [] });
  }
  for (const [path, item] of Object.entries(record(document.paths))) {
    for (const method of httpMethods) {
      const operation = record(item)[method];
      if (!isSchema(operation)) continue;
      const name = (Array.isArray(operation.tags) ? text(operation.tags[0]) : undefined) ?? 'Other';
      if (!groups.has(name)) groups.set(name, { name, description: undefined, operations: [] });
      const security = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
      groups.get(name)!.operations.push({ method, path, operation, needsToken: security.some((requirement) => Object.keys(record(requirement)).length > 0) });
    }
  }
  return [...groups.values()].filter((group) => group.operations.length > 0);
}

export function operationAnchor(method: string, path: string): string {
  return `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

function Contents({ groups, hasSchemas }: { groups: readonly TagGroup[]; hasSchemas: boolean }) {
  return (
    <nav class="api-docs__contents" aria-labelledby="contents-heading">
      <h2 id="contents-heading">Contents</h2>
      <ol>
        <li>
          <a href="#authentication">Authentication</a>
        </li>
        {groups.map((group) => (
          <li>
            <a href={`#${tagAnchor(group.name)}`}>{group.name}</a>
            <ul>
              {group.operations.map(({ method, path, operation }) => (
                <li>
                  <a href={`#${operationAnchor(method, path)}`}>
                    <span class="api-method">{method.toUpperCase()}</span> <code>{path}</code>
                  </a>
                  {text(operation.summary) ? <> · {operation.summary}</> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
        <li>
          <a href="#errors">Errors</a>
        </li>
        {hasSchemas ? (
          <li>
            <a href="#schemas">Schemas</a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

function Authentication() {
  return (
    <section class="api-docs__section" aria-labelledby="authentication">
      <h2 id="authentication">Authentication</h2>
      <p>
        The Content API is public: it needs no token. Every operation under <code>/api/v1/admin</code> needs a personal access token, sent in the{' '}
        <code>Authorization</code> header:
      </p>
      <pre class="api-code">
        <code>Authorization: Bearer &lt;token&gt;</code>
      </pre>
      <p>
        A newsroom member makes tokens on their account page, <a href="/admin/account">/admin/account</a>, and someone with access to the server can make one
        with <code>npx gazette tokens create</code>. A token acts as the member it belongs to: it may do what their role allows, no more. The API never reads a
        session cookie, so a browser signed in to the newsroom cannot be made to call it.
      </p>
      <p>
        Without a valid token the answer is <code>401</code> with the code <a href={`#${problemAnchor('UNAUTHORIZED')}`}>UNAUTHORIZED</a>; with a token whose
        owner may not do what was asked, <code>403</code> with <a href={`#${problemAnchor('FORBIDDEN')}`}>FORBIDDEN</a>.
      </p>
    </section>
  );
}

function Errors({ problem }: { problem: JsonSchema | undefined }) {
  return (
    <section class="api-docs__section" aria-labelledby="errors">
      <h2 id="errors">Errors</h2>
      <p>
        Every error is an RFC 9457 problem details object, sent as <code>application/problem+json</code>. Programs should act on its <code>code</code>, which is
        stable; <code>detail</code> is written for the person reading a log and may change. Its <code>type</code> links to the code's entry below.
      </p>
      {problem ? (
        <>
          <SchemaView schema={problem} />
          <Examples examples={examplesOf(problem)} />
        </>
      ) : null}
      <h3>Codes</h3>
      <dl class="api-problems">
        {problemCodes.map(({ code, status, explanation }) => (
          <>
            <dt id={problemAnchor(code)}>
              <code>{code}</code> <span class="api-problems__status">{status}</span>
            </dt>
            <dd>
              <DocsProse text={explanation} />
            </dd>
          </>
        ))}
      </dl>
      <p>
        Any other status comes with the code <code>HTTP_</code> and the status, e.g. <code>HTTP_418</code>.
      </p>
    </section>
  );
}

function Schemas({ schemas }: { schemas: readonly [string, JsonSchema][] }) {
  return (
    <section class="api-docs__section" aria-labelledby="schemas">
      <h2 id="schemas">Schemas</h2>
      <p>The shapes operations share; a linked type name leads here.</p>
      {schemas.map(([name, schema]) => (
        <section class="api-schema-entry" aria-labelledby={schemaAnchor(name)}>
          <h3 id={schemaAnchor(name)}>{name}</h3>
          {text(schema.description) ? <DocsProse text={schema.description as string} /> : null}
          <SchemaView schema={schema} />
          <Examples examples={examplesOf(schema)} />
        </section>
      ))}
    </section>
  );
}

export function ApiDocsPage({ data }: { data: ApiDocsPageData }) {
  const { document } = data;
  const info = record(document.info);
  const title = text(info.title) ?? 'API';
  const groups = groupOperations(document);
  const schemas = Object.entries(record(record(document.components).schemas)).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]));
  const problem = schemas.find(([name]) => name === 'Problem')?.[1];
  const server = Array.isArray(document.servers) && isSchema(document.servers[0]) ? text(document.servers[0].url) : undefined;
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`API reference | ${data.siteName}`}</title>
        <meta name="description" content={`${title}: every operation of ${data.siteName}'s API, its parameters, answers and errors.`} />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href={data.iconUrl} type="image/svg+xml" />
        {data.stylesheetUrls.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="masthead">
          <div class="masthead__inner">
            <a class="masthead__name" href="/">
              {data.siteName}
            </a>
            <p class="masthead__tagline">API reference</p>
          </div>
        </header>
        <main id="main" class="api-docs" tabindex={-1}>
          <h1 class="collection__heading">{title}</h1>
          <div class="api-docs__intro">
            {text(info.description) ? <DocsProse text={info.description as string} /> : null}
            <p>
              Version {text(info.version) ?? '1'}
              {server ? (
                <>
                  {' '}
                  at <code>{server}</code>
                </>
              ) : null}
              . The machine-readable description is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {text(document.openapi) ?? '3.1'}).
            </p>
          </div>
          <Contents groups={groups} hasSchemas={schemas.length > 0} />
          <Authentication />
          {groups.map((group) => (
            <section class="api-docs__section" aria-labelledby={tagAnchor(group.name)}>
              <h2 id={tagAnchor(group.name)}>{group.name}</h2>
              {group.description ? <DocsProse text={group.description} /> : null}
              {group.operations.map((entry) => (
                <Operation entry={entry} anchor={operationAnchor(entry.method, entry.path)} />
              ))}
            </section>
          ))}
          <Errors problem={problem} />
          {schemas.length > 0 ? <Schemas schemas={schemas} /> : null}
        </main>
        <footer class="site-footer">
          <p>
            {data.siteName} · {title} {text(info.version) ?? ''} · <a href="/api/v1/openapi.json">OpenAPI document</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The whole page, as sent. */
export function renderApiDocsPage(data: ApiDocsPageData): string {
  return renderDocument(<ApiDocsPage data={data} />);
}
