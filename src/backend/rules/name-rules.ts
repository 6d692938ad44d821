import { ErrorCode, invalid, type BackendError } from '../errors.js';
import { regionNames, regionOfSubProject } from '../model/regions.js';

/** Length and character rules of names and descriptions other than users'. */

export function checkDescription(description: string, max = 255): BackendError | undefined {
  if (description.length > max) {
    return invalid(ErrorCode.invalidDescription, `Invalid description: at most ${max} characters, got ${description.length}`, 'description');
  }
  return undefined;
}

/** Group, enterprise project and custom policy names: 1–64 characters, not blank. */
export function checkObjectName(kind: string, name: string, field = 'name'): BackendError | undefined {
  if (name.trim() === '' || name.length > 64) {
    return invalid(ErrorCode.invalidField, `Invalid ${kind} ${field} "${name}": expected 1–64 characters, not blank`, field);
  }
  return undefined;
}

const suffixPattern = /^[A-Za-z0-9_-]+$/;

/** A sub-project name is `<region>_<suffix>` with an existing region; at most 64 characters. */
export function checkSubProjectName(name: string): BackendError | undefined {
  const region = regionOfSubProject(name);
  if (region === undefined) {
    return invalid(
      ErrorCode.invalidField,
      `Invalid project name "${name}": a project name starts with a region (${regionNames.join(', ')}) and "_", e.g. "eu-de_team"`,
      'name',
    );
  }
  const suffix = name.slice(region.length + 1);
  if (name.length > 64 || !suffixPattern.test(suffix)) {
    return invalid(
      ErrorCode.invalidField,
      `Invalid project name "${name}": after "${region}_" use letters, digits, "_" or "-", at most 64 characters in all`,
      'name',
    );
  }
  return undefined;
}
