/**
 * Whole CLI runs of the built binary on generated configs (bench/generate-config.ts) with the
 * embedded backend, each in a fresh temporary directory: the first `plan`, `apply
 * --auto-approve`, and a no-op `plan` with refresh, at 1,000, 10,000 and 100,000 resource
 * instances. Times are wall-clock medians of separate processes (Node start-up included);
 * peak RSS comes from a preload hook (bench/rss-hook.ts) in the measured process itself.
 *
 * Every size is measured three times (medians), so the growth ratios compare medians; the
 * 100,000 series takes about three minutes. Sizes can be narrowed with
 * IAMFORM_BENCH_CLI_SIZES=1000,10000.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { describeMix, mixFor, writeGeneratedConfig, type Layout } from '../generate-config.js';
import { mb, median, ms, type BenchSuite, type Figure } from '../harness.js';

/** `.bench-build/bench/suites/cli.js` → the repository root. */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repo, 'bin', 'iamform.js');
const hook = pathToFileURL(fileURLToPath(new URL('../rss-hook.js', import.meta.url))).href;

const targets = { noopPlan10k: 1500, apply10k: 5000, rssBytes: 400 * 1024 * 1024, ratio: 12 } as const;

type Command = 'first plan' | 'apply' | 'no-op plan';
const commands: readonly Command[] = ['first plan', 'apply', 'no-op plan'];

/** The arguments and the exit code that shows the command did what it should. */
const invocations: Record<Command, { readonly args: readonly string[]; readonly expect: number }> = {
  'first plan': { args: ['plan', '--detailed-exitcode'], expect: 2 },
  apply: { args: ['apply', '--auto-approve'], expect: 0 },
  'no-op plan': { args: ['plan', '--detailed-exitcode'], expect: 0 },
};

interface Sample {
  readonly ms: number;
  readonly rssBytes: number;
}

interface Series {
  readonly size: number;
  readonly layout: Layout;
  readonly samples: ReadonlyMap<Command, readonly Sample[]>;
  /** Why measuring stopped early, if it did. */
  readonly failure?: string;
}

/** One CLI process; rejects with a one-line reason when it does not answer `expect` in time. */
function runOnce(dir: string, command: Command, timeoutMs: number): Promise<Sample> {
  const { args, expect } = invocations[command];
  const rssFile = join(dir, '.rss');
  rmSync(rssFile, { force: true });
  // The binary runs as a user's shell runs it: through its shebang (which sets the Node flags
  // iamform starts with), with the Node that runs the bench first on PATH; the RSS hook
  // rides in NODE_OPTIONS so that it measures that very process.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    CI: '1',
    IAMFORM_BENCH_RSS_FILE: rssFile,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${hook}`.trim(),
  };
  delete env['IAMFORM_LOG'];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // stdout goes nowhere: a plan of 100,000 creations is large, and a user would page or pipe it.
    const child = spawn(bin, ['--chdir', dir, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', (e) => reject(new Error(`${command}: could not start (${e.message})`)));
    child.on('close', (code, signal) => {
      const elapsed = performance.now() - start;
      const lines = stderr.split('\n').map((line) => line.trim());
      const why = lines.find((line) => /^(Error|FATAL ERROR)\b/.test(line)) ?? lines.find((line) => line !== '') ?? '(no output on stderr)';
      if (signal !== null) return reject(new Error(`${command}: stopped by ${signal} after ${ms(elapsed)}${signal === 'SIGTERM' ? ' (time limit)' : ''}: ${why}`));
      if (code !== expect) return reject(new Error(`${command}: exit code ${String(code)} after ${ms(elapsed)}, expected ${expect}: ${why}`));
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      resolve({ ms: elapsed, rssBytes: rss });
    });
  });
}

/** Commands of cli.md this suite needs that the built CLI does not list in `--help`. */
function missingCommands(): string[] {
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const listed = new Set((help.stdout ?? '').split('\n').map((line) => /^ {2}([a-z-]+)\b/.exec(line)?.[1]).filter((name) => name !== undefined));
  return ['plan', 'apply'].filter((name) => !listed.has(name));
}

/** `runs` fresh directories, each taken through first plan → apply → no-op plan. */
async function measureSeries(size: number, layout: Layout, runs: number): Promise<Series> {
  const root = mkdtempSync(join(tmpdir(), `iamform-bench-cli-${size}-`));
  const samples = new Map<Command, Sample[]>(commands.map((c) => [c, []]));
  const timeoutMs = size >= 100_000 ? 30 * 60_000 : 10 * 60_000;
  try {
    const config = join(root, 'config');
    writeGeneratedConfig(config, size, layout);
    for (let r = 0; r < runs; r++) {
      const dir = join(root, `run-${r}`);
      cpSync(config, dir, { recursive: true });
      for (const command of commands) samples.get(command)?.push(await runOnce(dir, command, timeoutMs));
      rmSync(dir, { recursive: true, force: true });
    }
    return { size, layout, samples };
  } catch (e) {
    return { size, layout, samples, failure: e instanceof Error ? e.message : String(e) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const label = (n: number): string => n.toLocaleString('en-US');
const medianMs = (s: readonly Sample[]): number => median(s.map((x) => x.ms));
const maxRss = (s: readonly Sample[]): number => Math.max(...s.map((x) => x.rssBytes));

function seriesFigures(series: Series): Figure[] {
  const figures: Figure[] = [];
  const name = `${label(series.size)}${series.layout === 'blocks' ? ' (separate blocks)' : ''}`;
  for (const command of commands) {
    const samples = series.samples.get(command) ?? [];
    if (samples.length === 0) continue;
    const runs = samples.length === 1 ? '1 run' : `median of ${samples.length} runs`;
    const time = medianMs(samples);
    const figure: Figure = { name: `${name}: ${command} time`, value: `${ms(time)} (${runs})` };
    if (series.layout === 'for_each' && series.size === 10_000 && command === 'no-op plan') Object.assign(figure, { target: `< ${ms(targets.noopPlan10k)}`, ok: time < targets.noopPlan10k });
    if (series.layout === 'for_each' && series.size === 10_000 && command === 'apply') Object.assign(figure, { target: `< ${ms(targets.apply10k)}`, ok: time < targets.apply10k });
    figures.push(figure);
    const rss = maxRss(samples);
    const rssFigure: Figure = { name: `${name}: ${command} peak RSS`, value: Number.isFinite(rss) ? mb(rss) : 'not recorded' };
    if (series.size <= 10_000) Object.assign(rssFigure, { target: `< ${mb(targets.rssBytes)}`, ok: Number.isFinite(rss) && rss < targets.rssBytes });
    figures.push(rssFigure);
  }
  if (series.failure !== undefined) figures.push({ name: `${name}: FAILED`, value: series.failure, target: 'every run answers as expected', ok: false });
  return figures;
}

function ratioFigures(small: Series | undefined, large: Series | undefined): Figure[] {
  if (small === undefined || large === undefined) return [];
  const figures: Figure[] = [];
  for (const command of commands) {
    const a = small.samples.get(command) ?? [];
    const b = large.samples.get(command) ?? [];
    if (a.length === 0 || b.length === 0) continue;
    const ratio = medianMs(b) / medianMs(a);
    figures.push({ name: `ratio ${command} time(${label(large.size)}) / time(${label(small.size)})`, value: ratio.toFixed(2), target: `<= ${targets.ratio}`, ok: ratio <= targets.ratio });
  }
  return figures;
}

const terraformNote: Figure = {
  name: 'note: Terraform 1.11.4, from the issue text',
  value:
    'measured elsewhere, provider-less terraform_data, no backend work: 1,000 separate resources plan 1.0 s, apply 15.8 s, no-op plan 1.1 s; ' +
    '2,000: 2.0 s, 65 s, 2.2 s; for_each plan of 1,000 instances 18.7 s, of 2,000 102 s, of 10,000 unfinished after 20 min',
};

function sizes(): number[] {
  const wanted = process.env['IAMFORM_BENCH_CLI_SIZES'];
  if (wanted === undefined || wanted.trim() === '') return [1_000, 10_000, 100_000];
  return wanted.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
}

export const cliSuite: BenchSuite = {
  name: 'cli',
  async run(): Promise<Figure[]> {
    if (!existsSync(join(repo, 'dist', 'iamform.mjs'))) {
      return [{ name: 'whole CLI runs', value: 'not measured: dist/ is missing (run npm run build)', ok: false }];
    }
    const missing = missingCommands();
    if (missing.length > 0) {
      const list = missing.map((c) => `\`${c}\``).join(' and ');
      return [{ name: 'whole CLI runs', value: `not measured: the built CLI has no ${list} command yet`, target: 'plan and apply exist', ok: false }, terraformNote];
    }
    const figures: Figure[] = [];
    const bySize = new Map<number, Series>();
    for (const size of sizes()) {
      figures.push({ name: `${label(size)}: config`, value: describeMix(mixFor(size)) });
      const series = await measureSeries(size, 'for_each', 3);
      bySize.set(size, series);
      figures.push(...seriesFigures(series));
    }
    if (bySize.has(10_000)) figures.push(...seriesFigures(await measureSeries(10_000, 'blocks', 3)));
    figures.push(...ratioFigures(bySize.get(10_000), bySize.get(100_000)));
    figures.push(terraformNote);
    return figures;
  },
};
