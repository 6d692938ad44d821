import type { z } from 'zod';
import { errorDiag, LineIndex, type Diagnostic, type SourceRange } from '../diag/index.js';
import { FORMAT_VERSION, fromFileJson, stateFileSchemaV1 } from './file-format.js';
import { jsonSyntaxError, locateJsonPath } from './json-locate.js';
import { upgraders } from './upgrade.js';
import type { State } from './types.js';

export interface DecodeResult {
  readonly state?: State;
  readonly diagnostics: Diagnostic[];
  /** The format version the file had, when it was older than the current one. */
  readonly upgradedFrom?: number;
}

/** Issues shown per invalid file; the rest are counted. */
const MAX_ISSUES = 5;

/**
 * Reads the text of a state file of any supported format version: parses the JSON, upgrades
 * it step by step to the current version and validates it. `file` names the file in
 * diagnostics, which carry line and column for syntax errors and invalid values.
 */
export function decodeStateFile(text: string, file: string): DecodeResult {
  const lines = new LineIndex(text);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const error = jsonSyntaxError(text) ?? { offset: 0, message: 'Not valid JSON' };
    const end = Math.min(text.length, error.offset + 1);
    return {
      diagnostics: [
        errorDiag('state.syntax', 'State file is not valid JSON', {
          detail: `${error.message}. The file may have been edited by hand or damaged.`,
          range: lines.range(file, error.offset, end),
        }),
      ],
    };
  }

  const version = formatVersionOf(document);
  if (version === undefined) {
    return {
      diagnostics: [
        errorDiag('state.invalid', 'Not an iamform state file', {
          detail: 'The file has no integer "format_version" at its top level.',
          range: spanRange(lines, file, text, []),
        }),
      ],
    };
  }
  if (version > FORMAT_VERSION) {
    const writer = (document as { iamform_version?: unknown }).iamform_version;
    return {
      diagnostics: [
        errorDiag('state.newer-version', 'State was written by a newer iamform', {
          detail:
            `${file} has state format version ${version}${typeof writer === 'string' ? ` (written by iamform ${writer})` : ''}; ` +
            `this iamform reads format versions up to ${FORMAT_VERSION}. Upgrade iamform to use this state.`,
          range: spanRange(lines, file, text, ['format_version']),
        }),
      ],
    };
  }

  let current: unknown = document;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = upgraders.find((upgrader) => upgrader.from === v);
    if (!step) {
      return { diagnostics: [errorDiag('state.unsupported-version', `State format version ${v} is no longer supported`, { detail: `${file} is too old to upgrade.` })] };
    }
    const parsed = step.schema.safeParse(current);
    if (!parsed.success) return { diagnostics: issueDiagnostics(parsed.error.issues, file, v === version ? { lines, text } : undefined) };
    current = step.upgrade(parsed.data);
  }

  const parsed = stateFileSchemaV1.safeParse(current);
  if (!parsed.success) return { diagnostics: issueDiagnostics(parsed.error.issues, file, version === FORMAT_VERSION ? { lines, text } : undefined) };
  const locate = (path: readonly (string | number)[]): SourceRange | undefined =>
    version === FORMAT_VERSION ? spanRange(lines, file, text, path) : undefined;
  const result = fromFileJson(parsed.data, file, locate);
  return version < FORMAT_VERSION ? { ...result, upgradedFrom: version } : result;
}

function formatVersionOf(document: unknown): number | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const version = (document as { format_version?: unknown }).format_version;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 ? version : undefined;
}

function issueDiagnostics(issues: readonly z.core.$ZodIssue[], file: string, source: { lines: LineIndex; text: string } | undefined): Diagnostic[] {
  const shown = issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length === 0 ? 'at the top level' : `at ${formatIssuePath(issue.path)}`;
    const more = issues.length > MAX_ISSUES && issue === issues[MAX_ISSUES - 1] ? ` (and ${issues.length - MAX_ISSUES} more problems)` : '';
    return errorDiag('state.invalid', 'Invalid state file', {
      detail: `${where}: ${issue.message}${more}`,
      range: source ? spanRange(source.lines, file, source.text, issue.path) : undefined,
    });
  });
  return shown;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${String(step)}`)).join('');
}

function spanRange(lines: LineIndex, file: string, text: string, path: readonly PropertyKey[]): SourceRange | undefined {
  const span = locateJsonPath(text, path);
  if (!span) return undefined;
  // Point at the first line of the value only: a multi-line object would fill the screen.
  const firstLineEnd = text.indexOf('\n', span.start);
  const end = firstLineEnd === -1 || firstLineEnd > span.end ? span.end : firstLineEnd;
  return lines.range(file, span.start, Math.max(end, span.start + 1));
}
