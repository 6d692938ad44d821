/**
 * The JSON syntax (`*.hcl.json`, `*.tf.json`) read into the same tree as native syntax,
 * following HCL's json/spec.md: a body is a JSON object; which properties are blocks (and how
 * many label levels they have) comes from the schema, because JSON cannot tell a block from
 * an attribute; every other property is an attribute. `"//"` properties of a body are
 * comments and are skipped. In expressions, strings are templates (with ranges inside the
 * JSON string), objects are object constructors (keys are templates too), arrays are tuples,
 * numbers keep their exact text.
 */
import type { Diagnostic } from '../diag/index.js';
import type { Attribute, BlockLabel, BodyItem, Expression, HclFile, ObjectItem, TemplatePart } from './ast.js';
import type { JsonObject, JsonString, JsonValue } from './json-parse.js';
import { parseJson } from './json-parse.js';
import { codes, describeRange, syntaxError } from './messages.js';
import { AttributeNode, BlockNode, BodyNode, FileNode, LabelNode } from './nodes.js';
import { BoolNode, LiteralPartNode, NullNode, NumberNode, ObjectItemNode, ObjectNode, TemplateNode, TupleNode } from './nodes-expr.js';
import { parseTemplateAt } from './parse.js';
import type { Positions } from './positions.js';
import { MappedPositions, TextPositions } from './positions.js';

/**
 * Which properties of a JSON body are blocks. Properties not named in `blocks` are attributes.
 * A block's `body` describes its own body; absent or `'any'` means it has attributes only.
 */
export interface JsonBodySchema {
  readonly blocks?: Readonly<Record<string, JsonBlockSchema>>;
}

export interface JsonBlockSchema {
  readonly labels: number;
  readonly body?: JsonBodySchema | 'any';
}

export interface JsonParseResult {
  readonly file: HclFile;
  readonly diagnostics: Diagnostic[];
}

export function parseHclJson(source: string, path: string, schema: JsonBodySchema): JsonParseResult {
  const diagnostics: Diagnostic[] = [];
  const positions = new TextPositions(path, source);
  const root = parseJson(source, positions, diagnostics);
  const reader = new JsonReader(positions, diagnostics);
  let items: BodyItem[] = [];
  if (root?.kind === 'object') items = reader.body(root, schema);
  else if (root) {
    diagnostics.push(
      syntaxError(codes.jsonRootNotObject, 'Root value must be object', 'The root value of an HCL JSON file must be an object, holding the arguments and blocks of the file.', positions.range(root.start, root.end)),
    );
  }
  const body = new BodyNode(positions, 0, source.length, items);
  return { file: new FileNode(positions, source.length, path, source, body, [], 'json'), diagnostics };
}

class JsonReader {
  constructor(
    readonly positions: Positions,
    readonly diagnostics: Diagnostic[],
  ) {}

  body(obj: JsonObject, schema: JsonBodySchema | 'any' | undefined): BodyItem[] {
    const items: BodyItem[] = [];
    const seen = new Map<string, Attribute>();
    const blocks = schema === 'any' ? undefined : schema?.blocks;
    for (const { key, value } of obj.props) {
      if (key.value === '//') continue;
      const blockSchema = blocks && Object.hasOwn(blocks, key.value) ? blocks[key.value] : undefined;
      if (blockSchema) {
        this.blocks(key, value, blockSchema, [], items);
        continue;
      }
      const expr = this.expression(value);
      const attr = new AttributeNode(this.positions, key.start, value.end, key.value, key.end, expr);
      const first = seen.get(key.value);
      if (first) {
        this.diagnostics.push(
          syntaxError(
            codes.attributeRedefined,
            'Attribute redefined',
            `The argument "${key.value}" was already set at ${describeRange(first.nameRange)}. Each argument may be set only once.`,
            attr.nameRange,
          ),
        );
      } else seen.set(key.value, attr);
      items.push(attr);
    }
    return items;
  }

  /** One block type property: label levels as nested objects, then an object or an array of them. */
  private blocks(type: JsonString, value: JsonValue, schema: JsonBlockSchema, labels: BlockLabel[], out: BodyItem[]): void {
    if (labels.length < schema.labels) {
      if (value.kind !== 'object') {
        this.notObject(value, `A JSON object is required here, with one property per "${type.value}" block label value.`);
        return;
      }
      for (const { key, value: inner } of value.props) {
        this.blocks(type, inner, schema, [...labels, new LabelNode(this.positions, key.start, key.end, key.value, true)], out);
      }
      return;
    }
    if (value.kind === 'array') {
      for (const item of value.items) {
        if (item.kind === 'object') out.push(this.block(type, item, schema, labels));
        else this.notObject(item, `A JSON object is required here, to define the arguments and nested blocks of a "${type.value}" block.`);
      }
      return;
    }
    if (value.kind !== 'object') {
      this.notObject(value, `A JSON object is required here, to define the arguments and nested blocks of a "${type.value}" block.`);
      return;
    }
    out.push(this.block(type, value, schema, labels));
  }

  private block(type: JsonString, obj: JsonObject, schema: JsonBlockSchema, labels: BlockLabel[]): BodyItem {
    const items = this.body(obj, schema.body);
    const close = obj.end - 1;
    const body = new BodyNode(this.positions, obj.start + 1, close, items);
    return new BlockNode(this.positions, type.start, obj.end, type.value, type.end, labels, body, obj.start, close);
  }

  private notObject(value: JsonValue, detail: string): void {
    this.diagnostics.push(syntaxError(codes.jsonBlockNotObject, 'Incorrect JSON value type', detail, this.positions.range(value.start, value.end)));
  }

  expression(value: JsonValue): Expression {
    const pos = this.positions;
    switch (value.kind) {
      case 'string':
        return this.template(value);
      case 'number':
        return new NumberNode(pos, value.start, value.end, value.text, Number(value.text));
      case 'true':
      case 'false':
        return new BoolNode(pos, value.start, value.end, value.kind === 'true');
      case 'null':
        return new NullNode(pos, value.start, value.end);
      case 'array':
        return new TupleNode(
          pos,
          value.start,
          value.end,
          value.items.map((item) => this.expression(item)),
        );
      case 'object': {
        const items: ObjectItem[] = [];
        const seen = new Set<string>();
        for (const { key, value: inner } of value.props) {
          if (seen.has(key.value)) {
            this.diagnostics.push(
              syntaxError(codes.jsonDuplicateProperty, 'Duplicate object attribute', `An attribute named "${key.value}" was already defined in this object.`, pos.range(key.start, key.end)),
            );
          }
          seen.add(key.value);
          items.push(new ObjectItemNode(pos, key.start, inner.end, this.template(key), false, ':', this.expression(inner)));
        }
        return new ObjectNode(pos, value.start, value.end, items);
      }
      default: {
        const never: never = value;
        return never;
      }
    }
  }

  /** A JSON string as a template; the node's range covers the quotes, its parts point inside. */
  private template(str: JsonString): Expression {
    const value = str.value;
    const inner = new MappedPositions(this.positions, str.map);
    let parts: TemplatePart[];
    if (value.indexOf('${') < 0 && value.indexOf('%{') < 0) {
      parts = value === '' ? [] : [new LiteralPartNode(inner, 0, value.length, value)];
    } else {
      const parsed = parseTemplateAt(value, inner);
      for (const d of parsed.diagnostics) this.diagnostics.push(d);
      parts = parsed.template.parts;
    }
    return new TemplateNode(this.positions, str.start, str.end, parts, true);
  }
}
