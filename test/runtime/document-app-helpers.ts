/**
 * Helpers of the DocumentApp tests: the fake driven directly through a FakeContext over an
 * in-memory DriveStore, an independent reading of .docx parts (jszip and plain regular
 * expressions, not the fake's own code), and LibreOffice converting a document to text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { CallCounter } from '../../local/runtime/call-counter';
import { SimulatedClock } from '../../local/runtime/clock';
import { makeDocumentApp } from '../../local/services/document/document-app';
import type { FakeContext } from '../../local/services/fake-object';
import { MemoryDriveStore } from '../support/memory-drive-store';

/** The DocumentApp fake over a fresh in-memory store, with its call counter and clock. */
export function documentAppOver(store = new MemoryDriveStore()) {
  const context: FakeContext = { realm: globalThis, counter: new CallCounter(), clock: new SimulatedClock(Date.UTC(2024, 8, 27)) };
  const app = makeDocumentApp(context, store) as GoogleAppsScript.Document.DocumentApp;
  return { app, store, context };
}

/** A committed fixture of test/fixtures/documents. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'documents', name)));
}

/** Every entry of a zip, uncompressed, read with jszip. */
export async function zipParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name]!.dir) parts.set(name, await zip.files[name]!.async('uint8array'));
  }
  return parts;
}

/** A part's text (UTF-8). */
export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const parts = await zipParts(bytes);
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(part);
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The visible text of each paragraph of a WordprocessingML part (w:t and w:tab, deletions and field codes left out). */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.replace(/<w:del\b[\s\S]*?<\/w:del>/g, '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((match) => (match[0] === '<w:tab/>' ? '\t' : decode(match[1] ?? '')))
      .join(''));
}

/** The runs (<w:r>…</w:r>) of a part holding `text` in a w:t. */
export function runsHolding(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r(?:\s[^>]*)?>[\s\S]*?<\/w:r>/g)].map(([run]) => run).filter((run) => run.includes(`>${text}<`));
}

/** LibreOffice converts the document to plain text; fails with the install command when soffice is missing. */
export function libreOfficeText(bytes: Uint8Array): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('LibreOffice (soffice) is needed by this test: apt-get install libreoffice-writer-nogui');
  const dir = mkdtempSync(join(tmpdir(), 'banzhuren-docx-'));
  try {
    const input = join(dir, 'document.docx');
    writeFileSync(input, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, input], { stdio: 'pipe', timeout: 120_000 });
    return readFileSync(join(dir, 'document.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
