import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A minimal browser over `app.inject`: keeps cookies, remembers the CSRF token of the last page it
 * saw, and posts forms the way a browser does (urlencoded). Enough to walk newsroom flows in tests.
 */
export class FormClient {
  readonly #cookies = new Map<string, string>();
  #csrf = '';

  /** Each client comes from its own address, as separate browsers would, so rate limits apply per client. */
  constructor(
    private readonly app: FastifyInstance,
    readonly remoteAddress = `127.0.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`,
  ) {}

  /** Sent with every request, e.g. the X-Forwarded-For a proxy adds. */
  headers: Record<string, string> = {};

  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Starts with a cookie already set, e.g. a session made by a test helper. */
  setCookie(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.#remember(
      await this.app.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { ...this.headers, cookie: this.cookieHeader } }),
    );
  }

  /** Posts `fields` with the CSRF token of the last page, unless the fields bring their own `_csrf`. */
  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ _csrf: this.#csrf, ...fields }).toString();
    return this.#remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        remoteAddress: this.remoteAddress,
        headers: { ...this.headers, cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  #remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires && cookie.expires.getTime() < Date.now())) {
        this.#cookies.delete(cookie.name);
      } else {
        this.#cookies.set(cookie.name, cookie.value);
      }
    }
    const token = /<input type="hidden" name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.#csrf = token;
    return response;
  }
}
