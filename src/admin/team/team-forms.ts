import { type Static, Type } from '@sinclair/typebox';

const text = Type.Optional(Type.String({ maxLength: 10_000 }));

/** A one-time link's token, `?token=…`: the setup link, an invitation, a password reset. */
export const TokenQuery = Type.Object({ token: Type.String({ maxLength: 100 }) });
export type TokenQuery = Static<typeof TokenQuery>;

/** The form that creates an account or sets a new password (setup, invitation, reset). */
export const AccountForm = Type.Object({ name: text, email: text, password: text, passwordAgain: text, _csrf: text });
export type AccountForm = Static<typeof AccountForm>;

export const SignInForm = Type.Object({ email: text, password: text, next: text, _csrf: text });
export type SignInForm = Static<typeof SignInForm>;

/** The second step of signing in: the code from the authenticator app. */
export const CodeForm = Type.Object({ code: text, next: text, _csrf: text });
export type CodeForm = Static<typeof CodeForm>;
