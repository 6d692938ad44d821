// Writes a large state to the file store in a loop until killed. Run by crash-safety.test.ts
// with the built store: node crash-writer.mjs DIST_STATE_DIR STATE_PATH
const [distDir, statePath] = process.argv.slice(2);
const { fileStateStore } = await import(`${distDir}/file.js`);
const { setOutput } = await import(`${distDir}/index.js`);
const INSTANCES = 3000;

const store = fileStateStore({ path: statePath, iamformVersion: 'crash-test' });
for (let round = 0; ; round++) {
  const read = await store.read();
  if (read.kind !== 'ok') {
    process.stderr.write(JSON.stringify(read.diagnostics));
    process.exit(2);
  }
  const generation = read.state.serial + 1;
  // Built directly (not instance by instance) so that the time goes into writing, where a
  // kill must not do harm; a few megabytes need several write calls.
  const instances = [];
  for (let i = 0; i < INSTANCES; i++) {
    instances.push({
      key: `user-${String(i).padStart(4, '0')}`,
      id: `u-${i}`,
      attributes: { name: `user-${i}`, generation, description: 'x'.repeat(1000), tags: { team: `t${i % 7}`, round: String(round) } },
      sensitivePaths: [],
      dependencies: [],
    });
  }
  const state = {
    ...setOutput(read.state, 'generation', generation, false),
    resources: [{ mode: 'managed', type: 'iam_user', name: 'team', instances }],
  };
  const written = await store.write(state, { expectSerial: read.state.serial });
  if (written.kind !== 'ok') {
    process.stderr.write(JSON.stringify(written.diagnostics));
    process.exit(3);
  }
  process.stdout.write(`wrote ${written.serial}\n`);
}
