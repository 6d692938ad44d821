#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=100
// The flags, which must be given at start-up, hence here: planning tens of thousands of objects
// allocates many short-lived values. A smaller young generation keeps peak memory about 100 MB
// lower at 10,000 instances, at no measurable cost in time. The growing percent lets the old
// generation reach twice its live size before a full collection (V8 would otherwise let it grow
// up to four times, all of it garbage by the end of a run): peak memory another 30-50 MB lower
// at 10,000 instances for 2-5% more time (`npm run bench cli`).
// Checked before anything else loads: the CLI needs built-in modules (node:sqlite) that older
// Node releases lack, and a user should read why rather than an import failure.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    `iamform needs Node.js 22.13 or newer; this is Node.js ${process.versions.node}.\n` +
      'From a checkout, run it as `npx iamform` after `npm ci`: that uses the Node.js the project pins.\n',
  );
  process.exit(1);
}
const { run } = await import('../dist/iamform.mjs');
await run();
