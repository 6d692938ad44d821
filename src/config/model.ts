import type { SourceRange } from '../diag/index.js';
import type { ResourceAddress, ResourceMode } from '../addr/index.js';
import type { Attribute, Block, Expression, HclFile } from '../hcl/index.js';
import type { Type } from './value.js';
import type { TypeDefaults } from './type-expr.js';

/**
 * A decoded but not yet evaluated config: every top-level block of every file, checked for
 * shape (known block kinds and attributes, labels, duplicates). Expressions stay syntax.
 */
export interface Config {
  readonly files: readonly HclFile[];
  readonly settings: Settings;
  readonly providers: readonly ProviderDecl[];
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, LocalDecl>;
  /** Managed resources and data sources in declaration order (files in name order). */
  readonly resources: readonly ResourceDecl[];
  readonly outputs: ReadonlyMap<string, OutputDecl>;
  readonly imports: readonly ImportDecl[];
  readonly moved: readonly MovedDecl[];
}

export type StateSettings =
  | { readonly kind: 'local'; readonly path?: string; readonly range: SourceRange }
  | { readonly kind: 'postgres'; readonly url?: string; readonly schema?: string; readonly range: SourceRange };

export interface Settings {
  readonly requiredVersion?: string;
  readonly state?: StateSettings;
}

/** `provider "iam" {...}`: attributes are kept as syntax; they are evaluated with the config. */
export interface ProviderDecl {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, Attribute>;
  readonly range: SourceRange;
}

export interface VariableValidation {
  readonly condition: Expression;
  readonly errorMessage: Expression;
  readonly range: SourceRange;
}

export interface VariableDecl {
  readonly name: string;
  /** The type constraint; `dynamic` when no `type` was given. */
  readonly type: Type;
  readonly defaults?: TypeDefaults;
  readonly default?: Expression;
  readonly description?: string;
  readonly sensitive: boolean;
  readonly nullable: boolean;
  readonly validations: readonly VariableValidation[];
  /** The block's header, `variable "name"`, where Terraform points for the variable. */
  readonly declRange: SourceRange;
  readonly range: SourceRange;
}

export interface LocalDecl {
  readonly name: string;
  readonly expr: Expression;
  readonly range: SourceRange;
}

export interface Lifecycle {
  readonly preventDestroy?: Expression;
  readonly createBeforeDestroy?: Expression;
  readonly ignoreChanges?: Expression;
  readonly range: SourceRange;
}

export interface ResourceDecl {
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  /** The resource's address without an instance key. */
  readonly address: ResourceAddress;
  readonly block: Block;
  readonly forEach?: Attribute;
  readonly count?: Attribute;
  readonly dependsOn?: Attribute;
  readonly provider?: Attribute;
  readonly lifecycle?: Lifecycle;
  /** `resource "T" "N"` — the header, for diagnostics about the resource as a whole. */
  readonly declRange: SourceRange;
}

export interface OutputDecl {
  readonly name: string;
  readonly value?: Expression;
  readonly description?: string;
  readonly sensitive: boolean;
  readonly declRange: SourceRange;
  readonly range: SourceRange;
}

export interface ImportDecl {
  readonly to: Expression;
  readonly id: Expression;
  readonly range: SourceRange;
}

export interface MovedDecl {
  readonly from: Expression;
  readonly to: Expression;
  readonly range: SourceRange;
}
