import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { FormClient } from './form-client.ts';

export interface UploadFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly type?: string;
  /** The form field it is sent as; the media library's is `files`. */
  readonly field?: string;
}

/** A multipart/form-data body built the way a browser builds it, by the platform's own FormData. */
export async function multipartBody(fields: Readonly<Record<string, string>>, files: readonly UploadFile[]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(file.field ?? 'files', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

export interface UploadOptions {
  /** How the CSRF token travels: as the no-JS form's first field, as the script's header, or not at all. */
  readonly csrf?: 'field' | 'header' | 'none' | { readonly token: string };
  /** Ask for JSON, as the drop zone script does. */
  readonly json?: boolean;
}

/** Uploads `files` to the media library as `client`'s browser would, with a fresh CSRF token from the library page. */
export async function uploadFiles(
  app: FastifyInstance,
  client: FormClient,
  files: readonly UploadFile[],
  options: UploadOptions = {},
): Promise<LightMyRequestResponse> {
  const page = await client.get('/admin/media');
  const pageToken = /<input type="hidden" name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const csrf = options.csrf ?? 'field';
  const token = typeof csrf === 'object' ? csrf.token : pageToken;
  const { payload, contentType } = await multipartBody(csrf === 'field' || typeof csrf === 'object' ? { _csrf: token } : {}, files);
  return app.inject({
    method: 'POST',
    url: '/admin/media',
    payload,
    remoteAddress: client.remoteAddress,
    headers: {
      cookie: client.cookieHeader,
      'content-type': contentType,
      ...(options.json ? { accept: 'application/json' } : {}),
      ...(csrf === 'header' ? { 'x-csrf-token': token } : {}),
    },
  });
}
