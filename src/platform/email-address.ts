// Control (Cc) and format (Cf) characters: unseen on screen, and part of no deliverable address.
const invisibleCharacters = /[\p{Cc}\p{Cf}]/gu;

/**
 * An address has at most 254 characters. More is read only to know it is too long: NFKC can make one
 * character eighteen, and the form is also a rate-limit key kept in memory.
 */
const longestTyped = 1024;
const longestKept = 255;

/**
 * The one form of an email address, a staff member's or a commenter's: what is looked up and stored,
 * what limits, bans, the block list and the duplicate check compare, and where mail goes. Control and format
 * characters are dropped, compatibility forms folded (NFKC: "ｖ" is "v", "＠" is "@"), surrounding
 * spaces trimmed, and the whole address lower-cased: mail providers treat the local part without
 * case in practice, and one person typing "Ana@" and "ana@" must meet the same limit and ban.
 *
 * @example normaliseEmailAddress(' Victim\u0001@Ｔarget.example ') === 'victim@target.example'
 */
export function normaliseEmailAddress(typed: string): string {
  return typed.trim().slice(0, longestTyped).replace(invisibleCharacters, '').normalize('NFKC').trim().toLowerCase().slice(0, longestKept);
}

/** Whether an address, as typed, hides a control or format character (spaces around it do not count). */
export function hasInvisibleCharacters(typed: string): boolean {
  return new RegExp(invisibleCharacters.source, 'u').test(typed.trim());
}
