import { didYouMean, errorDiag, type Diagnostic } from '../diag/index.js';
import type { Attribute, Block, Body } from '../hcl/index.js';

/** The expected shape of a block body: which attributes and nested blocks it may hold. */
export interface BodySpec {
  readonly attributes: Readonly<Record<string, { readonly required?: boolean }>>;
  readonly blocks?: Readonly<Record<string, { readonly labels: readonly string[]; readonly multiple?: boolean }>>;
  /** Accept attributes not listed (resource bodies without a schema). */
  readonly openAttributes?: boolean;
  /** Accept blocks not listed. */
  readonly openBlocks?: boolean;
}

export interface DecodedBody {
  readonly attributes: Map<string, Attribute>;
  readonly blocks: Block[];
}

/**
 * Checks a body against `spec`: unknown attributes and blocks (with a suggestion), duplicate
 * attributes, missing required attributes, label counts of nested blocks. `what` names the
 * enclosing block in messages, e.g. `variable "users"`.
 */
export function decodeBody(body: Body, spec: BodySpec, what: string, owner: Block | undefined, diags: Diagnostic[]): DecodedBody {
  const attributes = new Map<string, Attribute>();
  const blocks: Block[] = [];
  const seenBlocks = new Map<string, Block>();
  const names = [...Object.keys(spec.attributes), ...Object.keys(spec.blocks ?? {})];
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (!Object.hasOwn(spec.attributes, item.name) && spec.openAttributes !== true) {
        const isBlock = spec.blocks !== undefined && Object.hasOwn(spec.blocks, item.name);
        diags.push(
          errorDiag('config.unsupported-argument', 'Unsupported argument', {
            detail: isBlock
              ? `An argument named "${item.name}" is not expected here. Did you mean to define a block of type "${item.name}"?`
              : `An argument named "${item.name}" is not expected here.${didYouMean(item.name, names)}`,
            range: item.nameRange,
            context: what,
          }),
        );
        continue;
      }
      const previous = attributes.get(item.name);
      if (previous !== undefined) {
        diags.push(
          errorDiag('config.duplicate-argument', 'Duplicate argument', {
            detail: `The argument "${item.name}" was already set at ${previous.nameRange.file}:${previous.nameRange.start.line},${previous.nameRange.start.column}. Each argument may be set only once.`,
            range: item.nameRange,
            context: what,
          }),
        );
        continue;
      }
      attributes.set(item.name, item);
      continue;
    }
    const blockSpec = spec.blocks !== undefined && Object.hasOwn(spec.blocks, item.type) ? spec.blocks[item.type] : undefined;
    if (blockSpec === undefined) {
      if (spec.openBlocks === true) {
        blocks.push(item);
        continue;
      }
      const isAttr = Object.hasOwn(spec.attributes, item.type);
      diags.push(
        errorDiag('config.unsupported-block', 'Unsupported block type', {
          detail: isAttr
            ? `Blocks of type "${item.type}" are not expected here. Did you mean to define argument "${item.type}"? If so, use the equals sign to assign it a value.`
            : `Blocks of type "${item.type}" are not expected here.${didYouMean(item.type, names)}`,
          range: item.typeRange,
          context: what,
        }),
      );
      continue;
    }
    if (!checkLabels(item, blockSpec.labels, diags)) continue;
    const earlier = seenBlocks.get(item.type);
    if (earlier !== undefined && blockSpec.multiple !== true) {
      diags.push(
        errorDiag('config.duplicate-block', `Duplicate ${item.type} block`, {
          detail: `Only one "${item.type}" block is allowed here. Another was defined at ${earlier.typeRange.file}:${earlier.typeRange.start.line},${earlier.typeRange.start.column}.`,
          range: item.typeRange,
          context: what,
        }),
      );
      continue;
    }
    seenBlocks.set(item.type, item);
    blocks.push(item);
  }
  for (const [name, a] of Object.entries(spec.attributes)) {
    if (a.required === true && !attributes.has(name)) {
      diags.push(
        errorDiag('config.missing-argument', 'Missing required argument', {
          detail: `The argument "${name}" is required, but no definition was found.`,
          range: owner === undefined ? body.range : spanHeader(owner),
          context: what,
        }),
      );
    }
  }
  return { attributes, blocks };
}

/** `resource "T" "N" {` — the header of a block, from its type to its opening brace. */
export function spanHeader(block: Block): Block['range'] {
  return { file: block.range.file, start: block.typeRange.start, end: block.openBraceRange.end };
}

/** Checks a block's labels against the expected names; reports and returns false if wrong. */
export function checkLabels(block: Block, labels: readonly string[], diags: Diagnostic[]): boolean {
  if (block.labels.length === labels.length) return true;
  if (block.labels.length < labels.length) {
    const missing = labels[block.labels.length] as string;
    diags.push(
      errorDiag('config.missing-label', `Missing ${missing} for ${block.type}`, {
        detail: `All ${block.type} blocks must have ${labels.length} label${labels.length === 1 ? '' : 's'} (${labels.join(', ')}).`,
        range: spanHeader(block),
      }),
    );
  } else {
    const extra = block.labels[labels.length];
    diags.push(
      errorDiag('config.extra-label', `Extraneous label for ${block.type}`, {
        detail:
          labels.length === 0
            ? `No labels are expected for ${block.type} blocks.`
            : `Only ${labels.length} label${labels.length === 1 ? '' : 's'} (${labels.join(', ')}) ${labels.length === 1 ? 'is' : 'are'} expected for ${block.type} blocks.`,
        range: extra?.range ?? spanHeader(block),
      }),
    );
  }
  return false;
}
