/**
 * `npm run bench`: runs every suite (or those named on the command line) and prints their
 * figures. Each figure that has a target says whether it was met; the run exits 1 if any was not.
 */
import type { BenchSuite, Figure } from './harness.js';
import { suites } from './suites/index.js';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected: BenchSuite[] = wanted.length === 0 ? [...suites] : suites.filter((s) => wanted.includes(s.name));
  let missed = 0;
  for (const suite of selected) {
    console.log(`\n## ${suite.name}`);
    const figures: Figure[] = await suite.run();
    for (const figure of figures) {
      const verdict = figure.ok === undefined ? '' : figure.ok ? '  ok' : '  MISSED';
      const target = figure.target ? `  (target ${figure.target})` : '';
      console.log(`  ${figure.name.padEnd(56)} ${figure.value}${target}${verdict}`);
      if (figure.ok === false) missed++;
    }
  }
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed`);
    process.exitCode = 1;
  }
}

await main();
