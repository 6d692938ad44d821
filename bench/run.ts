/**
 * `npm run bench`: runs every suite (or those named on the command line) and prints their
 * figures. Each figure that has a target says whether it was met; the run exits 1 if any was not.
 *
 * Several suites run one after another, each in a fresh Node process, so that no suite pays
 * for the heap another one left behind.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchSuite, Figure } from './harness.js';
import { suites } from './suites/index.js';

async function runSuite(suite: BenchSuite): Promise<number> {
  console.log(`\n## ${suite.name}`);
  const figures: Figure[] = await suite.run();
  let missed = 0;
  for (const figure of figures) {
    const verdict = figure.ok === undefined ? '' : figure.ok ? '  ok' : '  MISSED';
    const target = figure.target ? `  (target ${figure.target})` : '';
    console.log(`  ${figure.name.padEnd(56)} ${figure.value}${target}${verdict}`);
    if (figure.ok === false) missed++;
  }
  return missed;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !suites.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected: BenchSuite[] = wanted.length === 0 ? [...suites] : suites.filter((s) => wanted.includes(s.name));
  if (selected.length === 1 && selected[0]) {
    const missed = await runSuite(selected[0]);
    if (missed > 0) {
      console.log(`\n${missed} target(s) missed`);
      process.exitCode = 1;
    }
    return;
  }
  const failed: string[] = [];
  for (const suite of selected) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), suite.name], { stdio: 'inherit' });
    if (child.status !== 0) failed.push(suite.name);
  }
  if (failed.length > 0) {
    console.log(`\nsuites with missed targets or errors: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
