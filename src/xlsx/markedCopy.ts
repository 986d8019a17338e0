/**
 * A marked copy made in the package itself: the flagged sheets get jixiao's conditional formats (the same
 * sentinel formula the add-in writes in Excel, with dxf styles added to styles.xml) and tagged notes (the
 * comments part and its legacy VML drawing); every other part keeps its bytes. So values, styles of every
 * cell, the user's comments, charts, pictures, pivot tables, defined names and validation stay as they
 * were, and 清除标记 in Excel with jixiao removes exactly what was added.
 */
import { maxOf } from '../core/bounded';
import { MARK_STYLES, marksForReport, type CellMark } from '../core/marks';
import { MARK_AUTHOR, markFormula, markNoteText } from '../core/marking';
import type { Severity, SheetReport } from '../core/model';
import { fromA1 } from '../core/sheet/address';
import { corrupt } from './errors';
import { OoxmlPackage, relType, relsPartOf } from './package';
import { removeMacros } from './macros';
import { escapeXml, insertBefore, PackageEdit } from './packageEdit';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_COMMENTS = `${REL_NS}/comments`;
const REL_VML = `${REL_NS}/vmlDrawing`;
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

const decoder = new TextDecoder();

/** `#FDE7E9` → `FFFDE7E9`. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Adds one dxf per severity to styles.xml; returns the new xml and each severity's dxfId. */
function addDxfs(styles: string): { xml: string; ids: Record<Severity, number> } {
  const dxf = (s: Severity) => {
    const { fill, border } = MARK_STYLES[s];
    const edge = (name: string) => `<${name} style="thin"><color rgb="${argb(border)}"/></${name}>`;
    return `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill><border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}</border></dxf>`;
  };
  const added = SEVERITIES.map(dxf).join('');
  const open = /<dxfs\b([^>]*?)(\/?)>/.exec(styles);
  let first: number;
  let xml: string;
  if (open) {
    const body = open[2] === '/' ? '' : styles.slice(open.index + open[0].length, styles.indexOf('</dxfs>', open.index));
    first = (body.match(/<dxf[\s>]/g) ?? []).length;
    const rebuilt = `<dxfs count="${first + SEVERITIES.length}">${body}${added}</dxfs>`;
    const end = open[2] === '/' ? open.index + open[0].length : styles.indexOf('</dxfs>', open.index) + '</dxfs>'.length;
    xml = styles.slice(0, open.index) + rebuilt + styles.slice(end);
  } else {
    first = 0;
    xml = insertBefore(styles, ['tableStyles', 'colors', 'extLst'], '</styleSheet>', `<dxfs count="${SEVERITIES.length}">${added}</dxfs>`);
  }
  return { xml, ids: { error: first, warning: first + 1, info: first + 2 } };
}

/** The elements that follow conditionalFormatting in CT_Worksheet (ECMA-376 §18.3.1.99). */
const AFTER_CF = ['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
/** …and those that follow legacyDrawing. */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function addFormats(sheet: string, marks: CellMark[], dxf: Record<Severity, number>): string {
  let priority = maxOf([...sheet.matchAll(/<cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => Number(m[1])), 0);
  const blocks = marks
    .map((mark) => {
      priority++;
      const formula = markFormula(mark.address, mark.severity).slice(1);
      return `<conditionalFormatting sqref="${mark.address}"><cfRule type="expression" dxfId="${dxf[mark.severity]}" priority="${priority}"><formula>${escapeXml(formula)}</formula></cfRule></conditionalFormatting>`;
    })
    .join('');
  return insertBefore(sheet, AFTER_CF, '</worksheet>', blocks);
}

type Parts = PackageEdit;

/** Adds a relationship to `source`'s rels part (created when missing); returns its id. */
function addRelationship(parts: Parts, source: string, type: string, target: string): string {
  const relsPart = relsPartOf(source);
  const existing = parts.has(relsPart) ? parts.text(relsPart) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const ids = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const open = existing.replace(/<Relationships([^>]*)\/>/, '<Relationships$1></Relationships>');
  parts.changed.set(relsPart, open.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>`));
  return id;
}

/** `xl/worksheets/sheet1.xml` → `../comments1.xml`: a target relative to the source part's folder. */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function addContentType(parts: Parts, partName: string | null, extension: string | null, type: string): void {
  const ct = parts.text('[Content_Types].xml');
  let xml = ct;
  if (partName && !ct.includes(`PartName="/${partName}"`)) xml = xml.replace('</Types>', `<Override PartName="/${partName}" ContentType="${type}"/></Types>`);
  if (extension && !new RegExp(`Extension="${extension}"`, 'i').test(ct)) xml = xml.replace('</Types>', `<Default Extension="${extension}" ContentType="${type}"/></Types>`);
  parts.changed.set('[Content_Types].xml', xml);
}

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>';
const VML_NOTE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlShape(id: number, address: string): string {
  const { row, col } = fromA1(address);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 5}, 15, ${row + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** A comment's text run: jixiao's message, tagged as the add-in tags its notes. */
function runOf(text: string): string {
  return `<r><t xml:space="preserve">${escapeXml(text)}</t></r>`;
}

/** Adds jixiao's notes to a sheet: into its comments part (a reviewer's comment keeps its text) and VML. */
function addNotes(parts: Parts, sheetPart: string, sheetXml: string, marks: CellMark[]): string {
  let sheet = sheetXml;
  const rels = parts.pkg.relationships(sheetPart);
  let commentsPart = rels.find((r) => !r.external && relType(r.type) === 'comments' && parts.pkg.has(r.target))?.target ?? null;
  const legacyId = /<legacyDrawing\b[^>]*\br:id="([^"]+)"/.exec(sheet)?.[1];
  let vmlPart = legacyId ? (rels.find((r) => r.id === legacyId && !r.external && parts.pkg.has(r.target))?.target ?? null) : null;

  let comments: string;
  if (commentsPart) {
    comments = parts.text(commentsPart);
  } else {
    commentsPart = parts.freePart((n) => `xl/comments${n}.xml`);
    comments = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';
    addRelationship(parts, sheetPart, REL_COMMENTS, relativeTarget(sheetPart, commentsPart));
    addContentType(parts, commentsPart, null, COMMENTS_TYPE);
  }
  // Our author, added once.
  const authors = [...(/<authors>([\s\S]*?)<\/authors>|<authors\/>/.exec(comments)?.[1] ?? '').matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => m[1]);
  let authorId = authors.indexOf(MARK_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    comments = comments.includes('<authors/>') ? comments.replace('<authors/>', `<authors><author>${MARK_AUTHOR}</author></authors>`) : comments.replace('</authors>', `<author>${MARK_AUTHOR}</author></authors>`);
  }
  if (comments.includes('<commentList/>')) comments = comments.replace('<commentList/>', '<commentList></commentList>');

  const newCells: string[] = [];
  for (const mark of marks) {
    const text = markNoteText(mark.message);
    const existing = new RegExp(`<comment\\b[^>]*\\bref="${mark.address}"[^>]*>([\\s\\S]*?)</comment>`).exec(comments);
    if (existing) {
      // A reviewer's comment keeps its text; jixiao's message follows it as a run of its own.
      const body = existing[1].replace(/<\/text>/, `${runOf(`\n${text}`)}</text>`);
      comments = comments.slice(0, existing.index) + existing[0].replace(existing[1], body) + comments.slice(existing.index + existing[0].length);
    } else {
      comments = comments.replace('</commentList>', `<comment ref="${mark.address}" authorId="${authorId}"><text>${runOf(text)}</text></comment></commentList>`);
      newCells.push(mark.address);
    }
  }
  parts.changed.set(commentsPart, comments);

  if (newCells.length === 0) return sheet;
  let vml: string;
  if (vmlPart) {
    vml = parts.text(vmlPart);
    if (!vml.includes('_x0000_t202')) vml = vml.replace(/<\/xml>\s*$/, `${VML_NOTE_TYPE}</xml>`);
  } else {
    vmlPart = parts.freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
    vml = `${VML_HEAD}${VML_NOTE_TYPE}</xml>`;
    const id = addRelationship(parts, sheetPart, REL_VML, relativeTarget(sheetPart, vmlPart));
    addContentType(parts, null, 'vml', VML_TYPE);
    if (!/xmlns:r="/.test(sheet.slice(0, sheet.indexOf('>', sheet.indexOf('<worksheet'))))) sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_NS}"`);
    sheet = insertBefore(sheet, AFTER_LEGACY, '</worksheet>', `<legacyDrawing r:id="${id}"/>`);
  }
  let shapeId = Math.max(1024, maxOf([...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])), 1024));
  const shapes = newCells.map((address) => vmlShape(++shapeId, address)).join('');
  parts.changed.set(vmlPart, vml.replace(/<\/xml>\s*$/, `${shapes}</xml>`));
  return sheet;
}

export interface MarkedCopy {
  bytes: Uint8Array;
  /** Cells marked. */
  marked: number;
  /** The input was macro-enabled (.xlsm): the copy is a macro-free .xlsx (macrosRemovedNote says so). */
  macrosRemoved: boolean;
}

/**
 * Marks a copy of the .xlsx `data` with the reports' marks. Reports for sheets the workbook does not have
 * are skipped. The input bytes are never changed.
 */
export function markedCopy(data: Uint8Array | ArrayBuffer, reports: SheetReport[]): MarkedCopy {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const pkg = OoxmlPackage.open(bytes);
  const info = pkg.workbook();
  const parts = new PackageEdit(pkg);
  let dxf: Record<Severity, number> | null = null;
  let marked = 0;
  for (const report of reports) {
    const sheetRef = info.sheets.find((s) => s.name === report.sheet && s.kind === 'worksheet' && s.part);
    const marks = marksForReport(report);
    if (!sheetRef?.part || marks.length === 0) continue;
    if (!dxf) {
      const stylesPart = pkg.related(info.part, 'styles');
      if (!stylesPart) throw corrupt('工作簿缺少样式部件');
      const added = addDxfs(parts.text(stylesPart));
      parts.changed.set(stylesPart, added.xml);
      dxf = added.ids;
    }
    let sheet = parts.text(sheetRef.part);
    if (!/<worksheet[\s>]/.test(sheet)) throw corrupt(`工作表 ${report.sheet} 的 XML 使用了无法标记的命名空间前缀`);
    sheet = addFormats(sheet, marks, dxf);
    sheet = addNotes(parts, sheetRef.part, sheet, marks);
    parts.changed.set(sheetRef.part, sheet);
    marked += marks.length;
  }
  const macrosRemoved = removeMacros(parts, info.part);
  return { bytes: parts.toBytes(), marked, macrosRemoved };
}

/** For tests: a part of a package as text. */
export function partText(bytes: Uint8Array, part: string): string {
  return decoder.decode(OoxmlPackage.open(bytes).bytesOf(part));
}
