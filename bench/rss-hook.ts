/**
 * Preloaded into benchmarked CLI runs (`node --import <this file> bin/iamform.js …`): at exit,
 * writes the process's peak resident set size in bytes to the file named by
 * IAMFORM_BENCH_RSS_FILE. Without that variable it does nothing. It changes nothing else in
 * the run, so the measured process is the production CLI.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['IAMFORM_BENCH_RSS_FILE'];
if (file !== undefined && file !== '') {
  // resourceUsage().maxRSS is in kilobytes.
  process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
}
