/**
 * `npm run web -- [--port <n>] [--archive <dir>] [--data <dir>] [--renderer <dir>] [--open]`
 *
 * Serves the built renderer and the API on 127.0.0.1 only and prints the URL
 * on a line of its own. Without --port, the data folder's own port is used
 * (remembered from its first start; see port-memory.ts); `--port 0` picks any
 * free port and remembers nothing (tests). Stops on Ctrl+C with exit code 0.
 */
import { launchWebHost, serveUntilInterrupted } from './launch';
import { packageVersion, parseWebArgs, requireBuiltRenderer } from './web-args';

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  requireBuiltRenderer(args.renderer);
  serveUntilInterrupted(
    await launchWebHost({
      port: args.port,
      archiveDir: args.archive,
      rendererDir: args.renderer,
      dataDir: args.data,
      open: args.open,
      version: packageVersion(),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(`web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
