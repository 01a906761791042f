/**
 * A small XML tree for the parts of a .docx that keeps what it does not change byte for byte:
 * every parsed element remembers its span of the source, and only elements marked changed (and
 * their ancestors) are written anew. Attribute values and text are kept in their escaped form
 * and decoded on demand.
 */

/** An element of a parsed or new XML part. */
export interface XmlElement {
  type: 'element';
  name: string;
  /** Attributes with their values as written (escaped, without quotes). */
  attributes: [string, string][];
  children: XmlNode[];
  parent: XmlElement | null;
  /** Where the element was in the source: its whole span and the end of its opening tag. */
  source?: { text: string; start: number; end: number; openEnd: number; selfClosing: boolean; attributesChanged: boolean };
  changed: boolean;
  /** Counts the changes below this element, so what is computed from its content can be cached. */
  revision?: number;
}

/** Character data, kept escaped as written. */
export interface XmlText {
  type: 'text';
  raw: string;
  parent: XmlElement | null;
}

/** A comment, processing instruction, CDATA section or declaration, kept as written. */
export interface XmlOther {
  type: 'other';
  raw: string;
  parent: XmlElement | null;
}

/** Any node of a parsed part. */
export type XmlNode = XmlElement | XmlText | XmlOther;

/** Raised when a part is not well-formed enough to be read. */
export class XmlFormatError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the entities of escaped XML text. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** Escapes text for an element's content or an attribute value, dropping characters XML cannot hold. */
export function encodeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A new element (written in full when serialised). */
export function element(name: string, attributes: Record<string, string> = {}, children: (XmlNode | string)[] = []): XmlElement {
  const created: XmlElement = {
    type: 'element',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => [key, encodeXml(value)]),
    children: [],
    parent: null,
    changed: true,
  };
  for (const child of children) appendChild(created, typeof child === 'string' ? textNode(child) : child);
  return created;
}

/** A new text node holding `text` (escaped on creation). */
export function textNode(text: string): XmlText {
  return { type: 'text', raw: encodeXml(text), parent: null };
}

/** Marks an element and its ancestors as changed (written anew), and counts a revision of each. */
export function markChanged(node: XmlElement | null): void {
  for (let current = node; current; current = current.parent) {
    current.changed = true;
    current.revision = (current.revision ?? 0) + 1;
  }
}

/** Parses an XML part. The result is a document node whose children are the top-level nodes. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { type: 'element', name: '#document', attributes: [], children: [], parent: null, changed: false };
  const stack: XmlElement[] = [root];
  let position = 0;
  const length = text.length;
  const top = (): XmlElement => stack[stack.length - 1]!;
  const pushNode = (node: XmlNode) => {
    node.parent = top();
    top().children.push(node);
  };
  while (position < length) {
    const open = text.indexOf('<', position);
    if (open < 0) {
      pushNode({ type: 'text', raw: text.slice(position), parent: null });
      break;
    }
    if (open > position) pushNode({ type: 'text', raw: text.slice(position, open), parent: null });
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      if (close < 0) throw new XmlFormatError('unterminated comment');
      pushNode({ type: 'other', raw: text.slice(open, close + 3), parent: null });
      position = close + 3;
    } else if (text.startsWith('<![CDATA[', open)) {
      const close = text.indexOf(']]>', open + 9);
      if (close < 0) throw new XmlFormatError('unterminated CDATA');
      pushNode({ type: 'other', raw: text.slice(open, close + 3), parent: null });
      position = close + 3;
    } else if (text.startsWith('<?', open)) {
      const close = text.indexOf('?>', open + 2);
      if (close < 0) throw new XmlFormatError('unterminated processing instruction');
      pushNode({ type: 'other', raw: text.slice(open, close + 2), parent: null });
      position = close + 2;
    } else if (text.startsWith('<!', open)) {
      const close = text.indexOf('>', open + 2);
      if (close < 0) throw new XmlFormatError('unterminated declaration');
      pushNode({ type: 'other', raw: text.slice(open, close + 1), parent: null });
      position = close + 1;
    } else if (text.startsWith('</', open)) {
      const close = text.indexOf('>', open + 2);
      if (close < 0) throw new XmlFormatError('unterminated end tag');
      const name = text.slice(open + 2, close).trim();
      const current = top();
      if (stack.length === 1 || current.name !== name) throw new XmlFormatError(`unexpected </${name}>`);
      if (current.source) current.source.end = close + 1;
      stack.pop();
      position = close + 1;
    } else {
      let cursor = open + 1;
      let quote = '';
      while (cursor < length) {
        const character = text[cursor];
        if (quote) {
          if (character === quote) quote = '';
        } else if (character === '"' || character === "'") {
          quote = character;
        } else if (character === '>') {
          break;
        }
        cursor += 1;
      }
      if (cursor >= length) throw new XmlFormatError('unterminated start tag');
      const selfClosing = text[cursor - 1] === '/';
      const inner = text.slice(open + 1, selfClosing ? cursor - 1 : cursor);
      const nameMatch = /^[^\s/>]+/.exec(inner);
      if (!nameMatch) throw new XmlFormatError('element without a name');
      const attributes: [string, string][] = [];
      const attributePattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      let match: RegExpExecArray | null;
      const rest = inner.slice(nameMatch[0].length);
      while ((match = attributePattern.exec(rest))) attributes.push([match[1]!, match[2] ?? (match[3] ?? '').replace(/"/g, '&quot;')]);
      const created: XmlElement = {
        type: 'element',
        name: nameMatch[0],
        attributes,
        children: [],
        parent: null,
        changed: false,
        source: { text, start: open, end: cursor + 1, openEnd: cursor + 1, selfClosing, attributesChanged: false },
      };
      pushNode(created);
      if (!selfClosing) stack.push(created);
      position = cursor + 1;
    }
  }
  if (stack.length !== 1) throw new XmlFormatError(`unclosed <${top().name}>`);
  return root;
}

/** Writes a parsed (and possibly changed) tree back to text. */
export function serializeXml(document: XmlElement): string {
  const out: string[] = [];
  const write = (node: XmlNode) => {
    if (node.type !== 'element') {
      out.push(node.raw);
      return;
    }
    const source = node.source;
    if (!node.changed && source) {
      out.push(source.text.slice(source.start, source.end));
      return;
    }
    const empty = node.children.length === 0;
    if (source && !source.attributesChanged && source.selfClosing === empty) {
      out.push(source.text.slice(source.start, source.openEnd));
    } else {
      const attributes = node.attributes.map(([key, value]) => ` ${key}="${value}"`).join('');
      out.push(`<${node.name}${attributes}${empty ? '/>' : '>'}`);
    }
    if (empty) return;
    for (const child of node.children) write(child);
    out.push(`</${node.name}>`);
  };
  for (const child of document.children) write(child);
  return out.join('');
}

/** The element children of an element. */
export function childElements(parent: XmlElement): XmlElement[] {
  return parent.children.filter((child): child is XmlElement => child.type === 'element');
}

/** The first element child with that name, if any. */
export function firstChild(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child): child is XmlElement => child.type === 'element' && child.name === name);
}

/** An attribute's decoded value, or undefined. */
export function attribute(node: XmlElement, name: string): string | undefined {
  const found = node.attributes.find(([key]) => key === name);
  return found ? decodeXml(found[1]) : undefined;
}

/** Sets (or, with undefined, removes) an attribute. */
export function setAttribute(node: XmlElement, name: string, value: string | undefined): void {
  const index = node.attributes.findIndex(([key]) => key === name);
  if (value === undefined) {
    if (index < 0) return;
    node.attributes.splice(index, 1);
  } else if (index >= 0) {
    if (node.attributes[index]![1] === encodeXml(value)) return;
    node.attributes[index] = [name, encodeXml(value)];
  } else {
    node.attributes.push([name, encodeXml(value)]);
  }
  if (node.source) node.source.attributesChanged = true;
  markChanged(node);
}

/** Appends a child (detaching it from any former parent). */
export function appendChild(parent: XmlElement, child: XmlNode): XmlNode {
  return insertChild(parent, parent.children.length, child);
}

/** Inserts a child at a position among all children. */
export function insertChild(parent: XmlElement, index: number, child: XmlNode): XmlNode {
  if (child.parent) removeNode(child);
  child.parent = parent;
  parent.children.splice(index, 0, child);
  markChanged(parent);
  return child;
}

/** Inserts `child` just before `reference` (a child of the same parent). */
export function insertBefore(reference: XmlNode, child: XmlNode): void {
  const parent = reference.parent;
  if (!parent) throw new Error('node without a parent');
  insertChild(parent, parent.children.indexOf(reference), child);
}

/** Removes a node from its parent. */
export function removeNode(node: XmlNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
  markChanged(parent);
}

/** The decoded text of the text children of an element (a w:t). */
export function textOf(node: XmlElement): string {
  return node.children.map((child) => {
    if (child.type === 'text') return decodeXml(child.raw);
    if (child.type === 'other' && child.raw.startsWith('<![CDATA[')) return child.raw.slice(9, -3);
    return '';
  }).join('');
}

/** Replaces all children of an element with one text node. */
export function setTextOf(node: XmlElement, text: string): void {
  for (const child of [...node.children]) child.parent = null;
  node.children = [];
  if (text) appendChild(node, textNode(text));
  else markChanged(node);
}

/** The first element in document order (depth first) below `root` that satisfies `test`. */
export function findDescendant(root: XmlElement, test: (node: XmlElement) => boolean): XmlElement | undefined {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findDescendant(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every element below `root` satisfying `test`, in document order. */
export function findDescendants(root: XmlElement, test: (node: XmlElement) => boolean, into: XmlElement[] = []): XmlElement[] {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (test(child)) into.push(child);
    findDescendants(child, test, into);
  }
  return into;
}

/** The root element of a parsed part (its single top-level element). */
export function rootElement(document: XmlElement): XmlElement {
  const found = childElements(document)[0];
  if (!found) throw new XmlFormatError('part without a root element');
  return found;
}
