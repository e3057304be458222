import { STATUS_CODES } from 'node:http';
import type { Child } from 'hono/jsx';
import { problemCodes } from './api-docs-problems.ts';
import {
  CodeSpan,
  componentName,
  Examples,
  examplesOf,
  InlineText,
  isSchema,
  type JsonSchema,
  Limits,
  SchemaView,
  schemaAnchor,
  TypeName,
} from './api-docs-schema.tsx';

// One operation of the OpenAPI document on /api/docs: what it does, who may call it, what it
// takes and each answer it may give.

export interface OperationEntry {
  readonly method: string;
  readonly path: string;
  readonly operation: JsonSchema;
  readonly needsToken: boolean;
}

const record = (value: unknown): JsonSchema => (isSchema(value) ? value : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The problem codes an error status may carry, linked; `HTTP_<status>` for a status without its own. */
function ProblemCodes({ status }: { status: string }): Child {
  const codes = problemCodes.filter((problem) => String(problem.status) === status).map(({ code }) => code);
  if (!/^[45]\d\d$/.test(status)) return null;
  return (
    <p class="api-body__codes">
      {codes.length === 1 ? 'Code: ' : 'Code, one of: '}
      {codes.length === 0 ? <code>{`HTTP_${status}`}</code> : codes.flatMap((code, index) => [index === 0 ? '' : ', ', <CodeSpan text={code} />])}
    </p>
  );
}

/** OpenAPI's descriptions are Markdown; of it, only paragraphs and `code` are drawn, and everything stays text. */
export function DocsProse({ text: prose }: { text: string }): Child {
  return (
    <>
      {prose
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => (
          <p>
            <InlineText text={paragraph} />
          </p>
        ))}
    </>
  );
}

/** Parameters as a list like an object's fields (a table would not fit a phone): name, type, where, required, limits. */
function Parameters({ parameters }: { parameters: readonly JsonSchema[] }): Child {
  if (parameters.length === 0) return null;
  return (
    <>
      <h4>Parameters</h4>
      <ul class="api-schema">
        {parameters.map((parameter) => {
          const schema = record(parameter.schema);
          const description = text(parameter.description ?? schema.description);
          return (
            <li>
              <code class="api-schema__name">{text(parameter.name) ?? '?'}</code> <span class="api-schema__type">{<TypeName schema={schema} />}</span>{' '}
              <span class="api-schema__in">in {text(parameter.in) ?? '?'}</span>{' '}
              {parameter.required === true ? <span class="api-schema__required">required</span> : <span class="api-schema__optional">optional</span>}{' '}
              <Limits schema={schema} />{' '}
              {description ? (
                <span class="api-schema__description">
                  <InlineText text={description} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A body in each media type it may be sent in: its schema, and its examples (the media type's, else the schema's). */
function Bodies({ content }: { content: JsonSchema }): Child {
  return (
    <>
      {Object.entries(content).map(([mediaType, media]) => {
        const schema = isSchema(record(media).schema) ? (record(media).schema as JsonSchema) : undefined;
        const ownExamples = examplesOf(record(media));
        const shared = componentName(schema?.$ref);
        return (
          <div class="api-body">
            <p class="api-body__type">
              <code>{mediaType}</code>
              {shared ? (
                <>
                  {': '}
                  <a href={`#${schemaAnchor(shared)}`}>{shared}</a>
                </>
              ) : null}
            </p>
            {schema && !shared ? <SchemaView schema={schema} /> : null}
            <Examples examples={ownExamples.length > 0 || !schema || shared ? ownExamples : examplesOf(schema)} />
          </div>
        );
      })}
    </>
  );
}

function statusOrder(status: string): number {
  const number = Number.parseInt(status.replace(/X/gi, '0'), 10);
  return Number.isNaN(number) ? 1000 : number;
}

function Responses({ responses }: { responses: JsonSchema }): Child {
  const entries = Object.entries(responses).sort(([a], [b]) => statusOrder(a) - statusOrder(b));
  return (
    <dl class="api-responses">
      {entries.map(([status, value]) => {
        const response = record(value);
        const reason = STATUS_CODES[status] ?? (status === 'default' ? 'Any other status' : '');
        const description = text(response.description);
        const headers = Object.entries(record(response.headers));
        return (
          <>
            <dt>
              <code class={`api-status api-status--${status[0]}xx`}>{status}</code> {reason}
            </dt>
            <dd>
              {description && description !== reason ? <DocsProse text={description} /> : null}
              {headers.length > 0 ? (
                <ul class="api-headers">
                  {headers.map(([name, header]) => (
                    <li>
                      Header <code>{name}</code>
                      {text(record(header).description) ? `: ${record(header).description}` : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {isSchema(response.content) ? <Bodies content={response.content} /> : <p class="api-body__type">No body.</p>}
              {isSchema(record(response.content)['application/problem+json']) ? <ProblemCodes status={status} /> : null}
            </dd>
          </>
        );
      })}
    </dl>
  );
}

export function Operation({ entry, anchor }: { entry: OperationEntry; anchor: string }): Child {
  const { method, path, operation, needsToken } = entry;
  const parameters = Array.isArray(operation.parameters) ? operation.parameters.filter(isSchema) : [];
  const requestBody = record(operation.requestBody);
  return (
    <section class="api-operation" aria-labelledby={anchor}>
      <h3 id={anchor} class="api-operation__heading">
        <span class="api-method">{method.toUpperCase()}</span> <code class="api-operation__path">{path}</code>
        {text(operation.summary) ? <span class="api-operation__summary">{operation.summary}</span> : null}
      </h3>
      {operation.deprecated === true ? <p class="api-operation__deprecated">Deprecated: it will go in a later version.</p> : null}
      {text(operation.description) ? <DocsProse text={operation.description as string} /> : null}
      <p class="api-operation__auth">
        {needsToken ? (
          <>
            Needs a <a href="#authentication">token</a>: <code>Authorization: Bearer &lt;token&gt;</code>.
          </>
        ) : (
          'Public: no token needed.'
        )}
      </p>
      <Parameters parameters={parameters} />
      {isSchema(requestBody.content) ? (
        <>
          <h4>Request body{requestBody.required === true ? '' : ' (optional)'}</h4>
          {text(requestBody.description) ? <DocsProse text={requestBody.description as string} /> : null}
          <Bodies content={requestBody.content} />
        </>
      ) : null}
      <h4>Responses</h4>
      <Responses responses={record(operation.responses)} />
    </section>
  );
}
