import { errorDiag, type Diagnostic } from '../diag/index.js';
import type { ResourceMode } from '../addr/index.js';
import type { Attribute, Block, Expression, HclFile } from '../hcl/index.js';
import { decodeBody, spanHeader, checkLabels, type BodySpec } from './body-schema.js';
import { isolatedContext } from './eval/context.js';
import { evaluate } from './eval/evaluate.js';
import { parseTypeConstraint } from './type-expr.js';
import { staticExpression } from './json-syntax.js';
import { boolType, convert, dynamicType, stringType, type Type, type Value } from './value.js';
import type { Config, ImportDecl, LocalDecl, MovedDecl, OutputDecl, ProviderDecl, ResourceDecl, Settings, StateSettings, VariableDecl } from './model.js';

const noFunctions = new Map();
const noFiles = {
  readFile: () => ({ error: 'not available here' }),
  fileExists: () => ({ error: 'not available here' }),
  renderTemplate: () => ({ error: 'not available here' }),
};
const literalContext = isolatedContext(noFunctions, noFiles, 'this context: only literal values are allowed');

/** Evaluates an expression that may only hold literals, converted to `type`. */
export function staticValue(expr: Expression, type: Type, diags: Diagnostic[], what: string): Value | undefined {
  const { value, diagnostics } = evaluate(expr, literalContext);
  diags.push(...diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  const c = convert(value, type);
  if (!c.ok) {
    diags.push(errorDiag('config.invalid-value', `Invalid ${what}`, { detail: `The value must be a ${type.kind}: ${c.error}.`, range: expr.range }));
    return undefined;
  }
  return c.value;
}

function staticString(attr: Attribute | undefined, diags: Diagnostic[], what: string): string | undefined {
  if (attr === undefined) return undefined;
  const v = staticValue(attr.expr, stringType, diags, what);
  return v?.kind === 'string' ? v.value : undefined;
}

function staticBool(attr: Attribute | undefined, diags: Diagnostic[], what: string, fallback: boolean): boolean {
  if (attr === undefined) return fallback;
  const v = staticValue(attr.expr, boolType, diags, what);
  return v?.kind === 'bool' ? v.value : fallback;
}

const topLevel: BodySpec = {
  attributes: {},
  blocks: {
    iamform: { labels: [], multiple: true },
    provider: { labels: ['name'], multiple: true },
    variable: { labels: ['name'], multiple: true },
    locals: { labels: [], multiple: true },
    resource: { labels: ['type', 'name'], multiple: true },
    data: { labels: ['type', 'name'], multiple: true },
    output: { labels: ['name'], multiple: true },
    import: { labels: [], multiple: true },
    moved: { labels: [], multiple: true },
  },
};

const variableSpec: BodySpec = {
  attributes: { type: {}, default: {}, description: {}, sensitive: {}, nullable: {} },
  blocks: { validation: { labels: [], multiple: true } },
};
const outputSpec: BodySpec = { attributes: { value: { required: true }, description: {}, sensitive: {}, depends_on: {} } };
const providerSpec: BodySpec = { attributes: { backend: {}, path: {}, endpoint: {}, domain: {}, alias: {} } };
const settingsSpec: BodySpec = { attributes: { required_version: {} }, blocks: { state: { labels: ['kind'] } } };
const resourceMeta = ['for_each', 'count', 'depends_on', 'provider'];
const lifecycleSpec: BodySpec = { attributes: { prevent_destroy: {}, create_before_destroy: {}, ignore_changes: {} } };

/** Decodes every top-level block of `files` (already parsed, in name order) into a Config. */
export function decodeConfig(files: readonly HclFile[], diags: Diagnostic[]): Config {
  const variables = new Map<string, VariableDecl>();
  const locals = new Map<string, LocalDecl>();
  const resources: ResourceDecl[] = [];
  const resourceIndex = new Map<string, ResourceDecl>();
  const outputs = new Map<string, OutputDecl>();
  const providers: ProviderDecl[] = [];
  const imports: ImportDecl[] = [];
  const moved: MovedDecl[] = [];
  let settings: Settings = {};

  const duplicate = (kind: string, label: string, first: { declRange: Block['range'] } | { range: Block['range'] }, range: Block['range']): void => {
    const at = 'declRange' in first ? first.declRange : first.range;
    diags.push(
      errorDiag(`config.duplicate-${kind.replace(/ /g, '-')}`, `Duplicate ${kind}`, {
        detail: `A ${kind} named ${label} was already declared at ${at.file}:${at.start.line},${at.start.column}. ${kind === 'local value' ? 'Local value' : kind[0]?.toUpperCase() + kind.slice(1)} names must be unique${kind.includes('resource') ? ' per type' : ''} in a configuration.`,
        range,
      }),
    );
  };

  for (const file of files) {
    const top = decodeBody(file.body, topLevel, 'the configuration', undefined, diags);
    for (const block of top.blocks) {
      const header = spanHeader(block);
      switch (block.type) {
        case 'variable': {
          const name = (block.labels[0] as Block['labels'][number]).value;
          const decl = decodeVariable(block, name, diags);
          const first = variables.get(name);
          if (first !== undefined) duplicate('variable', `"${name}"`, first, header);
          else variables.set(name, decl);
          break;
        }
        case 'locals': {
          const body = decodeBody(block.body, { attributes: {}, openAttributes: true }, 'locals', block, diags);
          for (const attr of body.attributes.values()) {
            const first = locals.get(attr.name);
            if (first !== undefined) duplicate('local value', `"${attr.name}"`, first, attr.nameRange);
            else locals.set(attr.name, { name: attr.name, expr: attr.expr, range: attr.range });
          }
          break;
        }
        case 'resource':
        case 'data': {
          const mode: ResourceMode = block.type === 'data' ? 'data' : 'managed';
          const type = (block.labels[0] as Block['labels'][number]).value;
          const name = (block.labels[1] as Block['labels'][number]).value;
          const decl = decodeResource(block, mode, type, name, diags);
          const key = `${mode}.${type}.${name}`;
          const first = resourceIndex.get(key);
          if (first !== undefined) duplicate(mode === 'data' ? 'data resource' : 'resource', `"${type}" "${name}"`, first, header);
          else {
            resourceIndex.set(key, decl);
            resources.push(decl);
          }
          break;
        }
        case 'output': {
          const name = (block.labels[0] as Block['labels'][number]).value;
          const what = `output "${name}"`;
          const body = decodeBody(block.body, outputSpec, what, block, diags);
          const description = staticString(body.attributes.get('description'), diags, 'description');
          const decl: OutputDecl = {
            name,
            ...(body.attributes.get('value') ? { value: (body.attributes.get('value') as Attribute).expr } : {}),
            ...(description !== undefined ? { description } : {}),
            sensitive: staticBool(body.attributes.get('sensitive'), diags, 'sensitive flag', false),
            declRange: header,
            range: block.range,
          };
          const first = outputs.get(name);
          if (first !== undefined) duplicate('output', `"${name}"`, first, header);
          else outputs.set(name, decl);
          break;
        }
        case 'provider': {
          const name = (block.labels[0] as Block['labels'][number]).value;
          const body = decodeBody(block.body, providerSpec, `provider "${name}"`, block, diags);
          if (name !== 'iam') {
            diags.push(errorDiag('config.unknown-provider', 'Unknown provider', { detail: `iamform has one provider, "iam"; "${name}" is not known.`, range: block.labels[0]?.range ?? header }));
          }
          providers.push({ name, attributes: body.attributes, range: block.range });
          break;
        }
        case 'iamform':
          settings = { ...settings, ...decodeSettings(block, diags) };
          break;
        case 'import': {
          const body = decodeBody(block.body, { attributes: { to: { required: true }, id: { required: true } } }, 'import', block, diags);
          const to = body.attributes.get('to');
          const id = body.attributes.get('id');
          if (to && id) imports.push({ to: to.expr, id: id.expr, range: block.range });
          break;
        }
        case 'moved': {
          const body = decodeBody(block.body, { attributes: { from: { required: true }, to: { required: true } } }, 'moved', block, diags);
          const from = body.attributes.get('from');
          const to = body.attributes.get('to');
          if (from && to) moved.push({ from: from.expr, to: to.expr, range: block.range });
          break;
        }
        default:
          break;
      }
    }
  }
  return { files, settings, providers, variables, locals, resources, outputs, imports, moved };
}

function decodeVariable(block: Block, name: string, diags: Diagnostic[]): VariableDecl {
  const what = `variable "${name}"`;
  const body = decodeBody(block.body, variableSpec, what, block, diags);
  const typeAttr = body.attributes.get('type');
  const constraint = typeAttr
    ? parseTypeConstraint(staticExpression(typeAttr.expr, diags), diags, (e) => staticValue(e, dynamicType, diags, 'default value') ?? { kind: 'null', type: dynamicType })
    : { type: dynamicType };
  const validations = body.blocks
    .filter((b) => b.type === 'validation')
    .flatMap((b) => {
      const v = decodeBody(b.body, { attributes: { condition: { required: true }, error_message: { required: true } } }, what, b, diags);
      const condition = v.attributes.get('condition');
      const message = v.attributes.get('error_message');
      return condition && message ? [{ condition: condition.expr, errorMessage: message.expr, range: b.range }] : [];
    });
  const description = staticString(body.attributes.get('description'), diags, 'description');
  const defaultAttr = body.attributes.get('default');
  return {
    name,
    type: constraint.type,
    ...(constraint.defaults ? { defaults: constraint.defaults } : {}),
    ...(defaultAttr ? { default: defaultAttr.expr } : {}),
    ...(description !== undefined ? { description } : {}),
    sensitive: staticBool(body.attributes.get('sensitive'), diags, 'sensitive flag', false),
    nullable: staticBool(body.attributes.get('nullable'), diags, 'nullable flag', true),
    validations,
    declRange: spanHeader(block),
    range: block.range,
  };
}

function decodeResource(block: Block, mode: ResourceMode, type: string, name: string, diags: Diagnostic[]): ResourceDecl {
  const what = `${mode === 'data' ? 'data' : 'resource'} "${type}" "${name}"`;
  const attrs = new Map<string, Attribute>();
  let lifecycle: ResourceDecl['lifecycle'];
  for (const item of block.body.items) {
    if (item.kind === 'attribute') {
      if (resourceMeta.includes(item.name)) attrs.set(item.name, item);
      continue;
    }
    if (item.type === 'lifecycle') {
      if (mode === 'data') {
        diags.push(errorDiag('config.unsupported-block', 'Unsupported lifecycle block', { detail: 'Data resources do not have lifecycle settings.', range: item.typeRange, context: what }));
        continue;
      }
      if (!checkLabels(item, [], diags)) continue;
      const l = decodeBody(item.body, lifecycleSpec, what, item, diags);
      const pd = l.attributes.get('prevent_destroy');
      const cbd = l.attributes.get('create_before_destroy');
      const ic = l.attributes.get('ignore_changes');
      lifecycle = {
        ...(pd ? { preventDestroy: pd.expr } : {}),
        ...(cbd ? { createBeforeDestroy: cbd.expr } : {}),
        ...(ic ? { ignoreChanges: ic.expr } : {}),
        range: item.range,
      };
    }
  }
  const forEach = attrs.get('for_each');
  const count = attrs.get('count');
  if (forEach && count) {
    diags.push(
      errorDiag('config.count-and-for-each', 'Invalid combination of "count" and "for_each"', {
        detail: 'The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.',
        range: forEach.nameRange,
        context: what,
      }),
    );
  }
  const dependsOn = attrs.get('depends_on');
  const provider = attrs.get('provider');
  return {
    mode,
    type,
    name,
    address: { mode, type, name },
    block,
    ...(forEach ? { forEach } : {}),
    ...(count && !forEach ? { count } : {}),
    ...(dependsOn ? { dependsOn } : {}),
    ...(provider ? { provider } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    declRange: spanHeader(block),
  };
}

function decodeSettings(block: Block, diags: Diagnostic[]): Settings {
  const body = decodeBody(block.body, settingsSpec, 'iamform', block, diags);
  const requiredVersion = staticString(body.attributes.get('required_version'), diags, 'required_version');
  let state: StateSettings | undefined;
  for (const b of body.blocks) {
    const kind = b.labels[0]?.value;
    if (kind === 'local') {
      const s = decodeBody(b.body, { attributes: { path: {} } }, 'state "local"', b, diags);
      const path = staticString(s.attributes.get('path'), diags, 'path');
      state = { kind: 'local', ...(path !== undefined ? { path } : {}), range: b.range };
    } else if (kind === 'postgres') {
      const s = decodeBody(b.body, { attributes: { url: {}, schema: {} } }, 'state "postgres"', b, diags);
      const url = staticString(s.attributes.get('url'), diags, 'url');
      const schema = staticString(s.attributes.get('schema'), diags, 'schema');
      state = { kind: 'postgres', ...(url !== undefined ? { url } : {}), ...(schema !== undefined ? { schema } : {}), range: b.range };
    } else {
      diags.push(
        errorDiag('config.unknown-state-kind', 'Unknown state store', {
          detail: `State can be kept in "local" (a file) or "postgres"; "${kind ?? ''}" is not known.`,
          range: b.labels[0]?.range ?? spanHeader(b),
        }),
      );
    }
  }
  return { ...(requiredVersion !== undefined ? { requiredVersion } : {}), ...(state ? { state } : {}) };
}
