import { GazetteError } from '../errors.ts';

/** If-Match named a version that is no longer the current one: someone saved meanwhile. */
export class PreconditionFailedError extends GazetteError {
  readonly status = 412;
  readonly code = 'PRECONDITION_FAILED';
}

/** An update must say which version it was made from, so it can never overwrite unseen work. */
export class PreconditionRequiredError extends GazetteError {
  readonly status = 428;
  readonly code = 'PRECONDITION_REQUIRED';
}

/**
 * Checks `If-Match` against the current ETag: `*` or a list containing it passes; none is a 428,
 * any other a 412. Weak validators (W/"…") are compared by their value, as RFC 9110 allows for this use.
 */
export function checkIfMatch(header: string | undefined, currentEtag: string): void {
  if (header === undefined || header.trim() === '') {
    throw new PreconditionRequiredError(`Send If-Match with the ETag you last read (now ${currentEtag}), so nobody's work is overwritten unseen.`);
  }
  const given = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (given.includes('*') || given.includes(currentEtag)) return;
  throw new PreconditionFailedError(`The article was saved meanwhile: its ETag is now ${currentEtag}. Fetch it again and re-apply your change.`);
}
