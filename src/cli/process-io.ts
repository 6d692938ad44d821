import { createInterface } from 'node:readline';
import type { CliIo } from './io.js';

/** The real process as a CliIo. */
export function processIo(): CliIo {
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
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
