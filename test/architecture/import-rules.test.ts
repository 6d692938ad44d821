import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkImports, importsOf, type SourceFile } from './import-rules.js';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) files.push({ path: relative(srcDir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
  }
  return files;
}

describe('import rules of the module map', () => {
  it('hold for every file under src/', () => {
    const files = sourceFiles(srcDir);
    expect(files.length).toBeGreaterThan(5);
    expect(checkImports(files)).toEqual([]);
  });

  const forbidden: [string, SourceFile, string][] = [
    ['plan importing node:fs', { path: 'plan/diff.ts', text: "import { readFileSync } from 'node:fs';" }, 'plan is pure and may not import node:fs'],
    ['plan importing ink', { path: 'plan/view.ts', text: "import { render } from 'ink';" }, 'plan is pure and may not import ink'],
    ['hcl reading process', { path: 'hcl/lexer.ts', text: 'const debug = process.env.DEBUG;' }, 'hcl is pure and may not read process'],
    ['backend importing the planner', { path: 'backend/store.ts', text: "import type { Plan } from '../plan/types.js';" }, 'backend may not import plan'],
    ['planner importing the backend store', { path: 'plan/diff.ts', text: "import { open } from '../backend/store/sqlite.js';" }, 'plan may not import backend'],
    ['diag importing addr', { path: 'diag/x.ts', text: "export { parseAddress } from '../addr/index.js';" }, 'diag may not import addr'],
    ['render importing the executor dynamically', { path: 'render/text/x.ts', text: "const m = await import('../../apply/run.js');" }, 'render may not import apply'],
    ['policy engine importing node:crypto', { path: 'backend/policy/eval.ts', text: "import { createHash } from 'node:crypto';" }, 'backend/policy is pure'],
  ];
  it.each(forbidden)('fail on %s', (_, file, reason) => {
    const violations = checkImports([file]);
    expect(violations.map((v) => v.reason).join('\n')).toContain(reason);
  });

  const allowed: [string, SourceFile][] = [
    ['plan importing the pure policy engine', { path: 'plan/access.ts', text: "import { evaluate } from '../backend/policy/evaluate.js';" }],
    ['render/ink importing ink', { path: 'render/ink/PlanView.tsx', text: "import { Box } from 'ink';\nimport React from 'react';" }],
    ['backend store importing node:sqlite', { path: 'backend/store/sqlite.ts', text: "import { DatabaseSync } from 'node:sqlite';" }],
    ['cli importing anything', { path: 'cli/main.ts', text: "import { plan } from '../plan/index.js';\nimport { readFileSync } from 'node:fs';" }],
    ['a comment mentioning process.env', { path: 'hcl/x.ts', text: '// never read process.env here\nexport const x = 1;' }],
  ];
  it.each(allowed)('allow %s', (_, file) => {
    expect(checkImports([file])).toEqual([]);
  });

  it('finds static, type-only, re-export and dynamic imports', () => {
    const text = ["import a from 'a';", "import type { B } from 'b';", "export * from './c.js';", "const d = await import('d');", "import 'e';"].join('\n');
    expect(importsOf(text)).toEqual(['a', 'b', './c.js', 'd', 'e']);
  });
});
