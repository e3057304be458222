import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, type User } from '../../src/accounts/index.ts';
import { expectInjectedResponseMatchesOpenApi, type OpenApiDocument } from './openapi.ts';
import type { TestGazette } from './test-app.ts';

// The Admin API as a script calls it. In an e2e test:
//
//   before(async () => {
//     api = adminApiClient(gazette, await fetchOpenApiDocument(gazette.app));
//     token = await apiTokenFor(gazette, owner, 'Deploy script');
//   });
//   const created = await api('POST', '/articles', { token, body: { headline: 'Ferry fares rise' } });
//
// Every answer is held to the OpenAPI document (status, content type and body as declared), so a test that
// reads an answer also proves the route says what its schema promises.

const meta = { ip: '127.0.0.1', userAgent: 'test' };

/** A new API token of `user`'s, named `name` (the audit log says "via API token <name>"); its secret, for a Bearer header. */
export async function apiTokenFor(gazette: TestGazette, user: User, name: string): Promise<string> {
  return (await createApiToken({ db: gazette.database.db, clock: gazette.site.clock }, user, { name }, meta)).secret;
}

export interface AdminApiRequest {
  /** Sent as `Authorization: Bearer <token>`; none when left out. */
  readonly token?: string | undefined;
  /** Sent as JSON; a string or bytes go as they are (broken JSON, or a multipart body with its own Content-Type in `headers`). */
  readonly body?: unknown;
  /** Added last, so they win over the two above. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export type AdminApi = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, request?: AdminApiRequest) => Promise<LightMyRequestResponse>;

/** Calls `/api/v1/admin${url}` on `gazette`, and fails the test when the answer is not one that `document` declares. */
export function adminApiClient(gazette: TestGazette, document: OpenApiDocument): AdminApi {
  return async (method, url, { token, body, headers } = {}) => {
    const response = await gazette.app.inject({
      method,
      url: `/api/v1/admin${url}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
    expectInjectedResponseMatchesOpenApi(document, response);
    return response;
  };
}
