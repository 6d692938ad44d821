import { main } from './main.js';
import { processIo } from './process-io.js';

/** Entry point of the `iamform` binary. */
export async function run(): Promise<void> {
  const code = await main(process.argv.slice(2), processIo());
  process.exitCode = code;
}
