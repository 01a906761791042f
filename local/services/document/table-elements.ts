/** The Table and TableRow fakes: rows, cells, text, removal and search. */
import { realmError } from '../fake-object';
import { paragraphsIn, type OpenDocument } from './document-model';
import { blockText, cellsOf, elementFake, removeBlock, requireString, rowsOf, type Handle } from './element-support';
import { parentFake, wrapElement } from './elements';
import { findIn, makeText, replaceIn } from './text-element';

/** A Table (w:tbl). */
export function makeTable(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
    const row = (index: unknown) => {
    const rows = rowsOf(node);
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= rows.length) {
      throw realmError(document.context, `Child index (${String(index)}) must be less than the number of child elements (${rows.length}).`);
    }
    return rows[index]!;
  };
  const self: unknown = elementFake(document, 'Table', {
    getType: () => 'TABLE',
    asTable: () => self,
    getParent: () => parentFake(document, node),
    getText: () => blockText(document, node, part),
    getNumRows: () => rowsOf(node).length,
    getNumChildren: () => rowsOf(node).length,
    getRow: (index: unknown) => wrapElement(document, row(index), part),
    getChild: (index: unknown) => wrapElement(document, row(index), part),
    getCell: (rowIndex: unknown, cellIndex: unknown) => {
      const cells = cellsOf(row(rowIndex));
      if (typeof cellIndex !== 'number' || cellIndex < 0 || cellIndex >= cells.length) {
        throw realmError(document.context, `Child index (${String(cellIndex)}) must be less than the number of child elements (${cells.length}).`);
      }
      return wrapElement(document, cells[cellIndex]!, part);
    },
    removeFromParent: () => {
      removeBlock(document, node);
      return self;
    },
    editAsText: () => makeText(document, part, paragraphsIn(node), node),
    findText: (pattern: unknown, from?: unknown) => {
      requireString(document, 'Table', 'findText', [pattern], 1);
      return findIn(document, [{ paragraphs: paragraphsIn(node), part }], pattern as string, from);
    },
    replaceText: (pattern: unknown, replacement: unknown) => {
      requireString(document, 'Table', 'replaceText', [pattern, replacement], 2);
      replaceIn(document, paragraphsIn(node), part, pattern as string, replacement as string);
      return self;
    },
  }, handle);
  return self;
}

/** A TableRow (w:tr). */
export function makeTableRow(document: OpenDocument, handle: Handle): unknown {
  const { node, part } = handle;
  const cell = (index: unknown) => {
    const cells = cellsOf(node);
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= cells.length) {
      throw realmError(document.context, `Child index (${String(index)}) must be less than the number of child elements (${cells.length}).`);
    }
    return cells[index]!;
  };
  return elementFake(document, 'TableRow', {
    getType: () => 'TABLE_ROW',
    getParent: () => parentFake(document, node),
    getText: () => blockText(document, node, part),
    getNumCells: () => cellsOf(node).length,
    getNumChildren: () => cellsOf(node).length,
    getCell: (index: unknown) => wrapElement(document, cell(index), part),
    getChild: (index: unknown) => wrapElement(document, cell(index), part),
    editAsText: () => makeText(document, part, paragraphsIn(node), node),
  }, handle);
}
