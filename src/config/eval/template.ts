import { errorDiag, type Diagnostic } from '../../diag/index.js';
import type { TemplateExpr, TemplatePart } from '../../hcl/index.js';
import {
  boolType,
  convert,
  stringType,
  stringVal,
  unionMarks,
  unknownVal,
  type Marks,
  type Value,
} from '../value.js';
import { withMarks } from '../value.js';
import { bind, iterationPairs } from './context.js';
import { evalExpr, type Evaluation } from './evaluate.js';

interface Accumulator {
  text: string;
  unknown: boolean;
  failed: boolean;
  marks: Marks | undefined;
}

/**
 * Evaluates a template: the literal parts and the string form of each interpolation,
 * concatenated. A template that is a single interpolation yields its value unconverted. An
 * unknown part (or an unknown directive condition or collection) makes the result an unknown
 * string; marks of every part end on the result.
 */
export function evalTemplate(e: Evaluation, template: TemplateExpr): Value {
  const only = template.parts[0];
  if (template.parts.length === 1 && only !== undefined && only.kind === 'interpolation') return evalExpr(e, only.expr);
  const acc: Accumulator = { text: '', unknown: false, failed: false, marks: undefined };
  appendParts(e, template.parts, acc);
  if (acc.failed) return unknownVal(stringType);
  const result = acc.unknown ? unknownVal(stringType) : stringVal(acc.text);
  return acc.marks === undefined ? result : withMarks(result, acc.marks);
}

function appendParts(e: Evaluation, parts: readonly TemplatePart[], acc: Accumulator): void {
  for (const part of parts) appendPart(e, part, acc);
}

function appendPart(e: Evaluation, part: TemplatePart, acc: Accumulator): void {
  switch (part.kind) {
    case 'template-literal':
      acc.text += part.value;
      return;
    case 'interpolation': {
      const v = evalExpr(e, part.expr);
      appendValue(e.diags, v, part.expr.range, acc);
      return;
    }
    case 'template-if': {
      const cond = evalExpr(e, part.condition);
      acc.marks = unionMarks(acc.marks, cond.marks);
      if (cond.kind === 'null') {
        e.diags.push(errorDiag('eval.template-condition', 'Invalid template directive', { detail: 'The condition value is null. Conditions must either be true or false.', range: part.condition.range }));
        acc.failed = true;
        return;
      }
      const c = convert(cond, boolType);
      if (!c.ok) {
        e.diags.push(errorDiag('eval.template-condition', 'Invalid template directive', { detail: `The condition must be of type bool: ${c.error}.`, range: part.condition.range }));
        acc.failed = true;
        return;
      }
      if (c.value.kind !== 'bool') {
        // Still evaluate both branches for their errors.
        const scratch: Accumulator = { text: '', unknown: false, failed: false, marks: undefined };
        appendParts(e, part.thenParts, scratch);
        appendParts(e, part.elseParts ?? [], scratch);
        acc.unknown = true;
        acc.marks = unionMarks(acc.marks, scratch.marks);
        return;
      }
      appendParts(e, c.value.value ? part.thenParts : (part.elseParts ?? []), acc);
      return;
    }
    case 'template-for': {
      const coll = evalExpr(e, part.collection);
      acc.marks = unionMarks(acc.marks, coll.marks);
      if (coll.kind === 'unknown') {
        acc.unknown = true;
        return;
      }
      const pairs = iterationPairs(coll);
      if (pairs === undefined) {
        const detail = coll.kind === 'null' ? 'A null value cannot be used as the collection in a \'for\' directive.' : `A value of type ${coll.type.kind} cannot be used as the collection in a 'for' directive.`;
        e.diags.push(errorDiag('eval.template-for', coll.kind === 'null' ? 'Iteration over null value' : 'Iteration over non-iterable value', { detail, range: part.collection.range }));
        acc.failed = true;
        return;
      }
      for (const [k, v] of pairs) {
        let bindings = bind(e.bindings, part.valueVar.name, v);
        if (part.keyVar !== undefined) bindings = bind(bindings, part.keyVar.name, k);
        appendParts({ ctx: e.ctx, diags: e.diags, bindings }, part.bodyParts, acc);
      }
      return;
    }
    default:
      return assertPart(part);
  }
}

function assertPart(part: never): never {
  throw new Error(`unexpected template part ${JSON.stringify(part)}`);
}

function appendValue(diags: Diagnostic[], v: Value, range: TemplateExpr['range'], acc: Accumulator): void {
  acc.marks = unionMarks(acc.marks, v.marks);
  if (v.kind === 'null') {
    diags.push(
      errorDiag('eval.template-null', 'Invalid template interpolation value', {
        detail: 'The expression result is null. Cannot include a null value in a string template.',
        range,
      }),
    );
    acc.failed = true;
    return;
  }
  if (v.kind === 'unknown') {
    if (v.type.kind !== 'dynamic' && v.type.kind !== 'string' && v.type.kind !== 'number' && v.type.kind !== 'bool') {
      diags.push(errorDiag('eval.template-value', 'Invalid template interpolation value', { detail: 'Cannot include the given value in a string template: string required.', range }));
      acc.failed = true;
      return;
    }
    acc.unknown = true;
    return;
  }
  const s = convert(v, stringType);
  if (!s.ok || s.value.kind !== 'string') {
    diags.push(errorDiag('eval.template-value', 'Invalid template interpolation value', { detail: `Cannot include the given value in a string template: ${s.ok ? 'string required' : s.error}.`, range }));
    acc.failed = true;
    return;
  }
  acc.text += s.value.value;
}
