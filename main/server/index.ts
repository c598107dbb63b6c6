/** The local web host (`npm run serve`). */
export { startWebServer, API_SOCKET_PATH, HOST } from './httpServer.ts';
export type { RunningWebServer, WebServerOptions } from './httpServer.ts';
export { runServe } from './cli.ts';
export { parseServeArgs, DEFAULT_PORT } from './args.ts';
export { ensureRendererBuilt, rendererBuildState } from './rendererBuild.ts';
