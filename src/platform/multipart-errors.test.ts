import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMultipartError, isIncompleteMultipart } from './multipart-errors.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

test('a body cut short or not multipart at all is the sender’s 400, with a message a person understands', () => {
  for (const error of [
    new Error('Unexpected end of multipart data'),
    new Error('Part terminated early due to unexpected end of multipart data'),
    new Error('Multipart: Boundary not found'),
    new Error('The needle cannot have a length bigger than 256.'),
    withCode('the request was closed before the multipart data was fully parsed', 'FST_MP_PREMATURE_CLOSE'),
  ]) {
    assert.equal(isIncompleteMultipart(error), true, error.message);
    const described = describeMultipartError(error);
    assert.equal(described?.status, 400, error.message);
    assert.match(described?.message ?? '', /did not arrive whole/);
  }
});

test('limits and forbidden field names get their own messages; anything else is not a multipart error', () => {
  assert.deepEqual(describeMultipartError(withCode('reach parts limit', 'FST_PARTS_LIMIT'))?.status, 413);
  assert.match(describeMultipartError(withCode('reach fields limit', 'FST_FIELDS_LIMIT'))?.message ?? '', /more fields or files/);
  assert.equal(describeMultipartError(withCode('prototype property is not allowed as field name', 'FST_PROTO_VIOLATION'))?.status, 400);
  assert.equal(describeMultipartError(new Error('Unexpected end of JSON input')), undefined);
  assert.equal(describeMultipartError(new Error('Something unexpected, and also: Unexpected end of multipart data')), undefined);
  assert.equal(describeMultipartError('Unexpected end of multipart data'), undefined, 'only Error objects');
});
