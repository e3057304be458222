import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

const messages = {
  tooShort: `Use at least ${minPasswordLength} characters. A few unrelated words make a strong password that is easy to remember.`,
  tooLong: `Use at most ${maxPasswordLength} characters.`,
  tooCommon: 'This password is too common or too easy to guess. Try a few unrelated words instead.',
};

// Built once: the dictionaries of common passwords and words are large.
const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** Why a new password is refused, or undefined when it is acceptable. Names and emails count against it. */
export function passwordProblem(password: string, personalWords: readonly string[] = []): string | undefined {
  if (password.length < minPasswordLength) return messages.tooShort;
  if (password.length > maxPasswordLength) return messages.tooLong;
  if (strength.check(password, [...personalWords]).score < 3) return messages.tooCommon;
  return undefined;
}

/** argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  // 2 is Algorithm.Argon2id, a const enum that isolated-module builds cannot import.
  return hash(password, { algorithm: 2 });
}

export async function isPasswordCorrect(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are staff. */
export const decoyHash = await hashPassword('decoy password that nobody has');
