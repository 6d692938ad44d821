// Applies `count` user creations against the embedded backend and a file state store until
// done or killed. Run by crash.test.ts with the built modules:
//   node crash-apply.mjs DIST_DIR STATE_PATH BACKEND_PATH PREFIX COUNT
const [distDir, statePath, backendPath, prefix, count] = process.argv.slice(2);
const { applyPlan, fileJournalStorage, journalPathOf, readStateWithJournal } = await import(`${distDir}/apply/index.js`);
const { openEmbeddedProvider } = await import(`${distDir}/provider/index.js`);
const { fileStateStore } = await import(`${distDir}/state/file.js`);

const store = fileStateStore({ path: statePath, iamformVersion: 'crash-test' });
const journal = fileJournalStorage({ path: journalPathOf(statePath) });
const read = await readStateWithJournal(store, journal);
if (read.kind !== 'ok') {
  process.stderr.write(JSON.stringify(read.diagnostics));
  process.exit(2);
}
const provider = openEmbeddedProvider({ path: backendPath });
const changes = [];
for (let i = 0; i < Number(count); i++) {
  const name = `${prefix}${String(i).padStart(5, '0')}`;
  changes.push({
    address: { mode: 'managed', type: 'iam_user', name: 'team', key: name },
    action: 'create',
    before: null,
    after: { name, description: 'crash test' },
    afterUnknown: [],
    beforeSensitive: [],
    afterSensitive: [],
    replacePaths: [],
    dependsOn: [],
    createBeforeDestroy: false,
  });
}
const result = await applyPlan(
  { changes, prior: read.state },
  {
    provider,
    stateStore: store,
    journal,
    parallelism: 10,
    checkpoint: { changes: 100, intervalMs: 50 },
    onEvent: (event) => {
      if (event.kind === 'change_done') process.stdout.write(`done ${event.address.key} ${event.id}\n`);
    },
  },
);
await provider.close();
process.stdout.write(`finished ${JSON.stringify(result.outcome)} ${JSON.stringify(result.diagnostics)}\n`);
