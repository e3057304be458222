// s3rver ships no types; these are the parts the tests use (lib/s3rver.js).
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface S3rverOptions {
    directory: string;
    silent?: boolean;
    configureBuckets?: { name: string }[];
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Creates the buckets named in `configureBuckets`. */
    configureBuckets(): Promise<void>;
    /** The request handler, for a server of one's own. */
    getMiddleware(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
