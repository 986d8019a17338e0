// A copy of a macro-enabled workbook (.xlsm) is written as a macro-free .xlsx: Excel refuses to open an
// .xlsx whose workbook has the macroEnabled content type ("the file format or extension is not valid"),
// and jixiao's copies always end in .xlsx. So the VBA project parts go, with their relationships and
// content types, and the workbook takes the ordinary content type. The caller tells the user so.
import { relsPartOf, relType } from './package';
import type { PackageEdit } from './packageEdit';

const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml';

/** Relationship types (their last path segment) of the parts that hold macros. */
const MACRO_RELS = new Set(['vbaProject', 'vbaProjectSignature', 'vbaProjectSignatureAgile', 'vbaProjectSignatureV3', 'wordVbaData']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Makes `edit` (a package whose workbook part is `workbookPart`) macro-free; true when it had macros.
 * Every edit is on text the editor already cleaned of comments (PackageEdit.text).
 */
export function removeMacros(edit: PackageEdit, workbookPart: string): boolean {
  const type = edit.pkg.contentType(workbookPart) ?? '';
  const macroEnabled = /macroEnabled/i.test(type);
  const rels = edit.pkg.relationships(workbookPart).filter((r) => !r.external && MACRO_RELS.has(relType(r.type)));
  if (!macroEnabled && rels.length === 0) return false;

  let types = edit.text('[Content_Types].xml');
  const gone = new Set<string>();
  for (const rel of rels) {
    if (!edit.has(rel.target)) continue;
    gone.add(rel.target);
    // A signature is related from the project part.
    for (const inner of edit.pkg.relationships(rel.target)) if (!inner.external && edit.has(inner.target)) gone.add(inner.target);
  }
  for (const part of gone) {
    edit.remove(part);
    if (edit.has(relsPartOf(part))) edit.remove(relsPartOf(part));
    types = types.replace(new RegExp(`<Override\\b[^>]*\\bPartName="/${escapeRegExp(part)}"[^>]*/>`, 'i'), '');
  }
  if (rels.length > 0) {
    const relsPart = relsPartOf(workbookPart);
    let relsXml = edit.text(relsPart);
    for (const rel of rels) relsXml = relsXml.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${escapeRegExp(rel.id)}"[^>]*/>`), '');
    edit.set(relsPart, relsXml);
  }
  const main = /template/i.test(type) ? TEMPLATE_MAIN : SHEET_MAIN;
  types = types.replace(new RegExp(`(<Override\\b[^>]*\\bPartName="/${escapeRegExp(workbookPart)}"[^>]*\\bContentType=")[^"]*(")`, 'i'), `$1${main}$2`);
  types = types.replace(new RegExp(`(<Override\\b[^>]*\\bContentType=")[^"]*(")([^>]*\\bPartName="/${escapeRegExp(workbookPart)}")`, 'i'), `$1${main}$2$3`);
  edit.set('[Content_Types].xml', types);
  return true;
}

/** What the user is told: `原文件含宏（.xlsm），标记副本为不含宏的 .xlsx（VBA 工程已删除）`. */
export function macrosRemovedNote(copy: string): string {
  return `原文件含宏（.xlsm），${copy}为不含宏的 .xlsx（VBA 工程已删除，Excel 不打开含宏内容类型的 .xlsx）`;
}
