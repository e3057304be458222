/** A problem the person running the command can fix; shown without a stack trace, exit code 1. */
export class CommandError extends Error {}
