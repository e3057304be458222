import { runCommand } from './main.ts';

// `npx gazette …`, as bin/gazette.js runs it: from the bundle scripts/server-bundle.ts makes of this file.
process.exitCode = await runCommand(process.argv.slice(2));
