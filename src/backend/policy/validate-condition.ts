/**
 * Validation of a statement's Condition block: 1–10 conditions (one operator applied to one
 * key), known operators and keys that fit them, 1–10 keys per operator, non-empty value lists
 * of strings of at most 1,024 characters.
 */
import { closest } from '../../diag/index.js';
import { conditionOperators, globalConditionKeys, keyProblem, parseOperator, valueProblem } from './conditions.js';
import type { Catalog } from './types.js';

export const conditionLimits = { maxConditions: 10, maxKeysPerOperator: 10, maxValueChars: 1024 } as const;

type Report = (code: string, message: string, path: string) => void;

export function validateCondition(condition: unknown, path: string, catalog: Catalog, report: Report): void {
  if (!isRecord(condition)) {
    report('IAM.1051', 'Condition must be an object of {operator: {key: [values]}}', path);
    return;
  }
  const services = new Set(catalog.services.map((s) => s.name));
  let count = 0;
  for (const [operatorName, block] of Object.entries(condition)) {
    const at = `${path}.${operatorName}`;
    const operator = parseOperator(operatorName);
    if (!operator) {
      const suggestion = closest(operatorName.replace(/IfExists$/, ''), Object.keys(conditionOperators));
      report('IAM.1055', `unknown condition operator "${operatorName}"${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`, at);
    }
    if (!isRecord(block)) {
      report('IAM.1051', `the value of ${operatorName} must be an object of {key: [values]}`, at);
      continue;
    }
    const keys = Object.keys(block);
    count += keys.length;
    if (keys.length === 0 || keys.length > conditionLimits.maxKeysPerOperator) {
      report('IAM.1054', `${operatorName} has ${keys.length} keys; it must have 1 to ${conditionLimits.maxKeysPerOperator}`, at);
    }
    for (const [key, values] of Object.entries(block)) {
      const keyAt = `${at}.${key}`;
      if (operator) {
        const problem = keyProblem(operator, key, services);
        if (problem) {
          const suggestion = key.startsWith('g:') ? closest(key, Object.keys(globalConditionKeys)) : undefined;
          report('IAM.1055', `${problem}${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`, keyAt);
        }
      }
      if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string')) {
        report('IAM.1051', `the values of ${key} must be a non-empty list of strings`, keyAt);
        continue;
      }
      (values as string[]).forEach((value, i) => {
        if (value.length > conditionLimits.maxValueChars) {
          report('IAM.1056', `a condition value has ${value.length} characters; at most ${conditionLimits.maxValueChars} are allowed`, `${keyAt}[${i}]`);
        } else if (operator) {
          const problem = valueProblem(operator, value);
          if (problem) report('IAM.1055', problem, `${keyAt}[${i}]`);
        }
      });
    }
  }
  if (count === 0 || count > conditionLimits.maxConditions) {
    report('IAM.1050', `a statement has ${count} conditions; it must have 1 to ${conditionLimits.maxConditions}`, path);
  }
}

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
