#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx so `npm install` alone leaves `npx netd` working.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
