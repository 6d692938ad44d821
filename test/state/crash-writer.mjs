// Writes a large state to the file store in a loop until killed, as apply does: read once,
// then write after write. Run by crash-safety.test.ts with the built store:
//   node crash-writer.mjs DIST_STATE_DIR STATE_PATH
const [distDir, statePath] = process.argv.slice(2);
const { fileStateStore } = await import(`${distDir}/file.js`);
const { setOutput } = await import(`${distDir}/index.js`);

/** Few instances with long values: the time goes into writing bytes, where a kill must do no harm. */
const INSTANCES = 60;
const filler = 'x'.repeat(100_000);

const store = fileStateStore({ path: statePath, iamformVersion: 'crash-test' });
const read = await store.read();
if (read.kind !== 'ok') {
  process.stderr.write(JSON.stringify(read.diagnostics));
  process.exit(2);
}
let base = read.state;
for (;;) {
  const generation = base.serial + 1;
  const instances = [];
  for (let i = 0; i < INSTANCES; i++) {
    instances.push({ key: i, id: `u-${i}`, attributes: { generation, description: filler }, sensitivePaths: [], dependencies: [] });
  }
  const state = { ...setOutput(base, 'generation', generation, false), resources: [{ mode: 'managed', type: 'iam_user', name: 'team', instances }] };
  const written = await store.write(state, { expectSerial: base.serial });
  if (written.kind !== 'ok') {
    process.stderr.write(JSON.stringify(written.diagnostics));
    process.exit(3);
  }
  base = { ...state, serial: written.serial };
  process.stdout.write(`wrote ${written.serial}\n`);
}
