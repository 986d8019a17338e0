// The pure core runs in Excel, in the browser page and in Node alike, so it may import only itself and
// the packages below. Checked on the resolved path, so `../excel` from src/core fails as surely as
// `../../excel` from a subfolder.
import path from 'node:path';

const ALLOWED_PACKAGES = new Set(['zod']);
const MESSAGE = 'The core is pure: it imports only src/core and {{allowed}}, not {{source}}.';

function sourcesOf(node) {
  if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') {
    return node.source ? [node.source] : [];
  }
  if (node.type === 'ImportExpression' && node.source.type === 'Literal') return [node.source];
  if (node.type === 'CallExpression' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') return [node.arguments[0]];
  return [];
}

export const corePurity = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { coreDir: { type: 'string' } } }], messages: { impure: MESSAGE } },
  create(context) {
    const coreDir = path.resolve(context.cwd, context.options[0]?.coreDir ?? 'src/core');
    const fileDir = path.dirname(path.resolve(context.cwd, context.filename));
    const check = (node) => {
      for (const source of sourcesOf(node)) {
        const spec = String(source.value);
        const allowed = spec.startsWith('.')
          ? !path.relative(coreDir, path.resolve(fileDir, spec)).startsWith('..')
          : ALLOWED_PACKAGES.has(spec.split('/')[0]);
        if (!allowed) context.report({ node: source, messageId: 'impure', data: { source: spec, allowed: [...ALLOWED_PACKAGES].join(', ') } });
      }
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check, CallExpression: check };
  },
};
