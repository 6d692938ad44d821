import { didYouMean, errorDiag, warningDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import { allResourceTypes, defaultRegions, resourceSchema, structuralSchemaOf } from './registry.js';
import { isUnknown, settable, settableNames, type PlainObject, type PlainValue, type RuleIssue, type SchemaMode, type SchemaPath } from './types.js';
import { zodIssueFindings } from './zod-issues.js';

export interface ValidateOptions {
  /** Where resource-level findings point (the block header); also the fallback range. */
  readonly range?: SourceRange;
  /** The enclosing block as a person reads it, e.g. `resource "iam_user" "alice"`. */
  readonly context?: string;
  /** Region names for `iam_project.name`; default `defaultRegions`. */
  readonly regions?: readonly string[];
}

/** `["phone", 0, "number"]` → `phone[0].number`: the key of the config's range map. */
export function formatPath(path: SchemaPath): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
  return out;
}

/**
 * The range of the path; else the first range inside it (a nested block has ranges only for
 * its attributes); else that of its closest ancestor; else the fallback.
 */
function rangeFor(path: SchemaPath, ranges: ReadonlyMap<string, SourceRange>, fallback: SourceRange | undefined): SourceRange | undefined {
  const key = formatPath(path);
  if (key !== '' && !ranges.has(key)) {
    let first: SourceRange | undefined;
    for (const [k, r] of ranges) if ((k.startsWith(`${key}.`) || k.startsWith(`${key}[`)) && (first === undefined || r.start.offset < first.start.offset)) first = r;
    if (first !== undefined) return first;
  }
  for (let n = path.length; n > 0; n--) {
    const found = ranges.get(formatPath(path.slice(0, n)));
    if (found !== undefined) return found;
  }
  return fallback;
}

function absent(v: PlainValue | undefined): boolean {
  return v === undefined || v === null;
}

/**
 * Checks one instance's config values (plain data, `UNKNOWN` where not yet known) against
 * its schema: unknown and read-only attributes (with a suggestion), missing required ones,
 * types, enums and block counts (zod), then the cross-field rules. Every diagnostic points at
 * the offending attribute's range, or at `options.range` when the attribute is not written.
 */
export function validateInstance(type: string, mode: SchemaMode, values: PlainObject, ranges: ReadonlyMap<string, SourceRange>, options: ValidateOptions = {}): Diagnostic[] {
  const fields = (path: SchemaPath, detail: string): { detail: string; range?: SourceRange; context?: string } => {
    const range = rangeFor(path, ranges, options.range);
    return { detail, ...(range !== undefined ? { range } : {}), ...(options.context !== undefined ? { context: options.context } : {}) };
  };
  const schema = resourceSchema(type, mode);
  if (schema === undefined) {
    const what = mode === 'data' ? 'data source' : 'resource type';
    return [errorDiag('schema.unknown-type', `Invalid ${what}`, fields([], `The provider does not support the ${what} "${type}".${didYouMean(type, allResourceTypes(mode))}`))];
  }
  const diags: Diagnostic[] = [];
  const names = settableNames(schema);
  const structural: Record<string, PlainValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const spec = schema.attributes.get(name);
    if (spec === undefined && !schema.blocks.has(name)) {
      diags.push(errorDiag('schema.unknown-attribute', 'Unsupported argument', fields([name], `An argument named "${name}" is not expected here.${didYouMean(name, names)}`)));
    } else if (spec !== undefined && !settable(spec)) {
      diags.push(errorDiag('schema.computed-attribute', 'Read-only argument', fields([name], `The argument "${name}" is set by the IAM backend and cannot be set in the configuration.`)));
    } else structural[name] = value;
  }
  for (const [name, spec] of schema.attributes) {
    if (spec.required === true && absent(values[name])) {
      diags.push(errorDiag('schema.missing-attribute', 'Missing required argument', fields([], `The argument "${name}" is required, but no definition was found.`)));
    }
  }
  const parsed = structuralSchemaOf(schema).safeParse(structural);
  if (!parsed.success) {
    for (const finding of zodIssueFindings(parsed.error.issues, structural, schema)) {
      if (finding.code === 'missing') continue;
      diags.push(errorDiag(finding.code, finding.summary, fields(finding.path, finding.detail)));
    }
  }
  const context = { regions: options.regions ?? defaultRegions };
  for (const rule of schema.rules) {
    for (const issue of rule(values, context)) diags.push(toDiagnostic(issue, fields));
  }
  return diags;
}

function toDiagnostic(issue: RuleIssue, fields: (path: SchemaPath, detail: string) => { detail: string }): Diagnostic {
  return issue.severity === 'error' ? errorDiag(issue.code, issue.summary, fields(issue.path, issue.detail)) : warningDiag(issue.code, issue.summary, fields(issue.path, issue.detail));
}

/** Whether a value is known throughout (no `UNKNOWN` anywhere inside). */
export function isWhollyKnown(value: PlainValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (isUnknown(value)) return false;
  if (Array.isArray(value)) return (value as readonly PlainValue[]).every(isWhollyKnown);
  if (typeof value === 'object') return Object.values(value as PlainObject).every(isWhollyKnown);
  return true;
}
