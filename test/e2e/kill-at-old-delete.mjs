// Plans and applies the config in CONFIG_DIR with the engine the CLI uses, and kills itself
// with SIGKILL the moment the apply asks the backend to delete an object: for a
// create-before-destroy replacement, the instant after the new object's journal entry.
// Run by deposed-kill.test.ts with the built modules:
//   node kill-at-old-delete.mjs DIST_DIR CONFIG_DIR
// It takes no state lock: a killed holder's lock would need force-unlock, which is not what
// the test is about.
const [distDir, configDir] = process.argv.slice(2);
const { nodeEngineHost } = await import(`${distDir}/cli/engine-host.js`);
const { Session } = await import(`${distDir}/engine/index.js`);

const host = nodeEngineHost(configDir, { ...process.env });
const killingHost = {
  ...host,
  openProvider(settings) {
    const opened = host.openProvider(settings);
    const inner = opened.provider;
    if (inner === undefined) return opened;
    const provider = {
      name: inner.name,
      refresh: (types) => inner.refresh(types),
      create: (type, values, writeOnly) => inner.create(type, values, writeOnly),
      update: (type, id, prior, values, writeOnly) => inner.update(type, id, prior, values, writeOnly),
      delete: (type, id) => {
        process.stdout.write(`deleting ${type} ${id}\n`);
        process.kill(process.pid, 'SIGKILL');
        return new Promise(() => undefined);
      },
      read: (type, args) => inner.read(type, args),
      close: () => inner.close(),
    };
    return { ...opened, provider };
  },
};

const session = Session.open(killingHost);
const planned = await session.plan({});
if (planned.applyPlan === undefined) {
  process.stderr.write(JSON.stringify(planned.diagnostics));
  process.exit(2);
}
const result = await session.apply(planned.applyPlan);
process.stdout.write(`finished ${JSON.stringify('outcome' in result ? result.outcome : result.diagnostics)}\n`);
await session.close();
