#!/usr/bin/env node
// `npx gazette …`: runs the command line from the TypeScript sources, as `npm start` runs the server.
import { register } from 'tsx/esm/api';

register();
const { runCommand } = await import('../src/cli/main.ts');
process.exitCode = await runCommand(process.argv.slice(2));
