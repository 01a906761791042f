/**
 * The file id a 证书链接 / 考核表链接 cell names: a Google Docs or Drive URL's id, offline the id
 * (a relative path) as it is, nothing for a blank cell or a URL that names no Drive file.
 */
import { fileIdOfLink } from '../../../src/domain/documents/links';

test.each([
  ['https://docs.google.com/document/d/1AbC-dEf_ghIJKlmnOPqrsTUV/edit', '1AbC-dEf_ghIJKlmnOPqrsTUV'],
  ['https://drive.google.com/file/d/1AbC-dEf_ghIJKlmnOPqrsTUV/view?usp=sharing', '1AbC-dEf_ghIJKlmnOPqrsTUV'],
  ['https://drive.google.com/open?id=1AbC-dEf_ghIJKlmnOPqrsTUV', '1AbC-dEf_ghIJKlmnOPqrsTUV'],
  ['  out/玉教班〔2024〕001号-张三-荣誉证书.docx ', 'out/玉教班〔2024〕001号-张三-荣誉证书.docx'],
  ['https://example.com/证书.pdf', null],
  ['out/d/abcdefghijkl/张三.docx', 'out/d/abcdefghijkl/张三.docx'],
  ['', null],
  ['   ', null],
])('%s → %s', (link, id) => {
  expect(fileIdOfLink(link)).toBe(id);
});
