import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { type Phrase, phrase } from '../errors.ts';

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

const require = createRequire(import.meta.url);
/** Passwords are chosen seldom: the checker is let go once none has been checked for this long. */
const keepCheckerMs = 60_000;
const checkerModules = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en'] as const;
let checker: { readonly strength: ZxcvbnFactory; release: NodeJS.Timeout } | undefined;

/**
 * The strength checker, loaded on first use and let go after a quiet minute: its dictionaries of
 * common passwords and words take 55 MB of a server's memory that serving pages never needs.
 */
function passwordStrength(): ZxcvbnFactory {
  if (checker) {
    checker.release.refresh();
    return checker.strength;
  }
  const { ZxcvbnFactory: Factory } = require(checkerModules[0]) as typeof import('@zxcvbn-ts/core');
  const common = require(checkerModules[1]) as typeof import('@zxcvbn-ts/language-common');
  const english = require(checkerModules[2]) as typeof import('@zxcvbn-ts/language-en');
  const strength = new Factory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const release = setTimeout(() => {
    checker = undefined;
    // The modules hold the word lists themselves: they go too, and come back with the next check.
    for (const name of checkerModules) delete require.cache[require.resolve(name)];
  }, keepCheckerMs).unref();
  checker = { strength, release };
  return strength;
}

/** Why a new password is refused, or undefined when it is acceptable. Names and emails count against it. */
export function passwordProblem(password: string, personalWords: readonly string[] = []): Phrase | undefined {
  if (password.length < minPasswordLength) return phrase('refusal.accounts.passwordTooShort', { min: minPasswordLength });
  if (password.length > maxPasswordLength) return phrase('refusal.accounts.passwordTooLong', { max: maxPasswordLength });
  if (passwordStrength().check(password, [...personalWords]).score < 3) return phrase('refusal.accounts.passwordTooCommon');
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
