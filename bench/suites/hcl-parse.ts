/**
 * `npm run bench hcl-parse`: throughput of our HCL parser on a generated config of 10,000
 * realistic iamform resources (~2.4 MB), next to hcl2-parser's on the same text, and the
 * memory the parsed tree keeps alive (measured in a fresh child process with `--expose-gc`).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseHcl } from '../../src/hcl/index.js';
import { cpuMedianMs, mb, measure, median, ms } from '../harness.js';
import type { BenchSuite, Figure } from '../harness.js';
import { generateConfig } from './hcl-generate.js';

const require = createRequire(import.meta.url);

const RESOURCES = 10_000;
const TARGET_MB_S = 20;
const TARGET_RATIO = 100;
const TARGET_MEMORY_FACTOR = 10;
const HCL2_RUNS = 3;

function mbPerSecond(bytes: number, milliseconds: number): number {
  return bytes / 1024 / 1024 / (milliseconds / 1000);
}

interface MemoryReport {
  bytes: number;
  heapGrowth: number;
  rssGrowth: number;
  items: number;
}

/**
 * Heap and RSS growth caused by parsing, with the tree kept alive, in a child that does
 * nothing else: generate the text, collect garbage, read memory, parse, collect, read again.
 */
function measureMemory(): MemoryReport {
  const generator = new URL('./hcl-generate.js', import.meta.url).href;
  const parser = new URL('../../src/hcl/index.js', import.meta.url).href;
  const script = `
    const { generateConfig } = await import(${JSON.stringify(generator)});
    const { parseHcl } = await import(${JSON.stringify(parser)});
    const source = generateConfig(${RESOURCES});
    globalThis.gc(); globalThis.gc();
    const before = process.memoryUsage();
    const result = parseHcl(source, 'bench.hcl');
    globalThis.gc(); globalThis.gc();
    const after = process.memoryUsage();
    process.stdout.write(JSON.stringify({
      bytes: Buffer.byteLength(source), heapGrowth: after.heapUsed - before.heapUsed,
      rssGrowth: after.rss - before.rss, items: result.file.body.items.length,
    }));`;
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as MemoryReport;
}

export const hclParseSuite: BenchSuite = {
  name: 'hcl-parse',
  async run(): Promise<Figure[]> {
    const source = generateConfig(RESOURCES);
    const bytes = Buffer.byteLength(source);
    // Only the diagnostics are kept: a tree held alive here would be traced by every
    // collection during the timed runs below, which is not the cost of parsing.
    const problems = parseHcl(source, 'bench.hcl').diagnostics;
    if (problems.length > 0) throw new Error(`generated config does not parse: ${problems[0]?.summary}`);

    const ours = await measure(() => parseHcl(source, 'bench.hcl'), { runs: 15, warmup: 3 });
    const oursRate = mbPerSecond(bytes, ours.medianMs);
    const cpu = cpuMedianMs(() => parseHcl(source, 'bench.hcl'), 15);

    // Three runs of the baseline (about 6 s each), so that one slow or fast run does not
    // decide the ratio.
    const hcl2 = require('hcl2-parser') as { parseToObject(input: string): unknown };
    const theirWall: number[] = [];
    const theirCpu: number[] = [];
    for (let run = 0; run < HCL2_RUNS; run++) {
      const start = performance.now();
      const cpuBefore = process.cpuUsage();
      hcl2.parseToObject(source);
      const cpuUsed = process.cpuUsage(cpuBefore);
      theirWall.push(performance.now() - start);
      theirCpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    }
    const theirsMs = median(theirWall);
    const theirsCpu = median(theirCpu);
    const theirsRate = mbPerSecond(bytes, theirsMs);
    const ratio = theirsMs / ours.medianMs;

    const memory = measureMemory();
    const factor = memory.heapGrowth / memory.bytes;

    return [
      { name: `generated config (${RESOURCES} resources)`, value: mb(bytes) },
      { name: 'parseHcl median time', value: `${ms(ours.medianMs)} (min ${ms(ours.minMs)}, max ${ms(ours.maxMs)}, ${ours.runs} runs)` },
      { name: 'parseHcl throughput (median)', value: `${oursRate.toFixed(1)} MB/s`, target: `>= ${TARGET_MB_S} MB/s`, ok: oursRate >= TARGET_MB_S },
      { name: 'parseHcl CPU time (median, GC threads included)', value: `${ms(cpu)} = ${mbPerSecond(bytes, cpu).toFixed(1)} MB/s` },
      { name: `hcl2-parser parseToObject (median of ${HCL2_RUNS} runs)`, value: `${ms(theirsMs)} = ${theirsRate.toFixed(2)} MB/s` },
      { name: 'speed-up over hcl2-parser', value: `${ratio.toFixed(0)}x`, target: `>= ${TARGET_RATIO}x`, ok: ratio >= TARGET_RATIO },
      { name: 'speed-up over hcl2-parser in CPU time', value: `${(theirsCpu / cpu).toFixed(0)}x (hcl2-parser ${ms(theirsCpu)})` },
      {
        name: 'heap kept by the parsed tree (fresh process)',
        value: `${mb(memory.heapGrowth)} = ${factor.toFixed(1)}x the file`,
        target: `< ${TARGET_MEMORY_FACTOR}x`,
        ok: factor < TARGET_MEMORY_FACTOR,
      },
      { name: 'RSS growth while parsing (fresh process)', value: `${mb(memory.rssGrowth)} = ${(memory.rssGrowth / memory.bytes).toFixed(1)}x the file` },
    ];
  },
};
