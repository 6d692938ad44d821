import { createInterface } from 'node:readline';
import type { CliIo } from './io.js';

/**
 * A reader that stops early (`iamform plan | head`) closes the pipe: the rest of the output has
 * nowhere to go, which is not an error worth a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

/** The real process as a CliIo. */
export function processIo(): CliIo {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(listener) {
      // The first Ctrl-C asks for a clean stop; a second one ends the process at once.
      let count = 0;
      const handler = (): void => {
        if (++count > 1) process.exit(130);
        listener();
      };
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
    readLine: (prompt) =>
      new Promise((resolveLine) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
        let answered = false;
        process.stderr.write(prompt);
        rl.once('line', (line) => {
          answered = true;
          rl.close();
          resolveLine(line);
        });
        rl.once('close', () => {
          if (!answered) resolveLine(undefined);
        });
      }),
  };
}
