#!/usr/bin/env node
// `npm run serve [-- --port N]`: the local web host. Runs the TypeScript directly through tsx.
import { register } from 'tsx/esm/api';

register();
const { runServe } = await import('../main/server/cli.ts');
// Exit explicitly: after a shutdown nothing (e.g. a lingering trainer pipe) should keep us alive.
process.exit(await runServe(process.argv.slice(2)));
