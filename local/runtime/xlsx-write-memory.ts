/**
 * Keeps the memory exceljs 4.4 needs to save a workbook close to the size of what it writes. Its
 * XmlStream pushes every tag, attribute and text piece onto one array and joins them only at the
 * end (a 10,000-row nomination sheet is about two million live strings); the model of every cell
 * stays referenced until the zip is finished; and each part is kept as a UTF-16 string until the
 * zip encodes it. Here each closed element past a threshold folds the pieces gathered so far into
 * one string (never while a rollback point is open, since rollbacks count pieces), a sheet's rows
 * are let go once its XML is rendered, and each part enters the zip as UTF-8 bytes. The bytes
 * written are the same.
 */
import { createRequire } from 'node:module';

interface XmlStream {
  _xml: string[];
  _rollbacks: unknown[];
  folded?: string[];
  closeAll(): void;
  closeNode(): void;
}

interface WorksheetXform {
  render(this: unknown, stream: unknown, model: { rows?: unknown[] }): void;
}

interface ZipWriter {
  append(this: unknown, data: unknown, options: { name: string; base64?: boolean }): void;
}

/** Pieces gathered before they are folded into one string. */
const FOLD_AT = 8192;

let patched = false;

/** Patches exceljs's XML and zip writing as described above. */
export function patchWriteMemory(): void {
  if (patched) return;
  patched = true;
  const load = createRequire(__filename);

  const xmlStream = load('exceljs/lib/utils/xml-stream') as { prototype: XmlStream };
  const { closeNode } = xmlStream.prototype;
  xmlStream.prototype.closeNode = function closeAndFold(this: XmlStream) {
    closeNode.call(this);
    if (this._xml.length >= FOLD_AT && this._rollbacks.length === 0) {
      (this.folded ??= []).push(this._xml.join(''));
      this._xml = [];
    }
  };
  Object.defineProperty(xmlStream.prototype, 'xml', {
    configurable: true,
    get(this: XmlStream) {
      this.closeAll();
      return (this.folded ?? []).join('') + this._xml.join('');
    },
  });

  const worksheetXform = load('exceljs/lib/xlsx/xform/sheet/worksheet-xform') as { prototype: WorksheetXform };
  const { render } = worksheetXform.prototype;
  worksheetXform.prototype.render = function renderAndRelease(stream, model) {
    render.call(this, stream, model);
    // The model is made afresh for each save; its rows are not needed once the sheet is XML.
    model.rows = [];
  };

  const zipStream = load('exceljs/lib/utils/zip-stream') as { ZipWriter: { prototype: ZipWriter } };
  const { append } = zipStream.ZipWriter.prototype;
  zipStream.ZipWriter.prototype.append = function appendBytes(data, options) {
    append.call(this, typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data, options);
  };
}
