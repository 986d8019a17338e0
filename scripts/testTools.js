// The programs `npm test` needs besides Node, and where Debian/Ubuntu packages them: one list for the
// pretest set-up (scripts/test-setup.js) and for the tests that use them (they fail, never skip, without).
const { accessSync, constants, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Each tool: the commands that provide it (any one), its Debian package, and what needs it. */
const TOOLS = [
  { name: 'chromium', commands: ['chromium'], debian: 'chromium', purpose: '任务窗格与检查页的浏览器测试 / browser tests' },
  { name: 'soffice', commands: ['soffice', 'libreoffice'], debian: 'libreoffice-calc-nogui', purpose: '用 LibreOffice 打开 jixiao 写出的文件 / LibreOffice round trips' },
  { name: 'xmllint', commands: ['xmllint'], debian: 'libxml2-utils', purpose: '清单 XSD 校验 / manifest schema validation' },
  { name: 'nginx', commands: ['nginx'], debian: 'nginx-light', purpose: '部署示例 / the deployment example' },
  { name: 'cjk-fonts', commands: ['fc-list'], debian: 'fonts-noto-cjk', purpose: '截图与 LibreOffice 中的中文字体 / CJK fonts', fonts: /noto.*cjk|wqy/i },
];

/** The first executable file named `command` on PATH, or null. */
function findCommand(command, env = process.env) {
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return null;
}

/** Where the tool is (the command's path), or null when it is missing. */
function locateTool(tool, env = process.env) {
  for (const command of tool.commands) {
    const found = findCommand(command, env);
    if (!found) continue;
    if (!tool.fonts) return found;
    const listed = spawnSync(found, [], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    if (listed.status === 0 && tool.fonts.test(listed.stdout)) return found;
  }
  return null;
}

function toolNamed(name) {
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) throw new Error(`unknown test tool ${name}`);
  return tool;
}

/** The line to run to install the given tools on Debian/Ubuntu. */
function installCommand(tools) {
  return `sudo apt-get install -y --no-install-recommends ${tools.map((t) => t.debian).join(' ')}`;
}

/**
 * The tool's path; throws when it is missing, with the command that installs it. Tests call this, so a
 * missing tool fails them (in CI and out of it) instead of skipping them.
 */
function requireTool(name, env = process.env) {
  const tool = toolNamed(name);
  const found = locateTool(tool, env);
  if (found) return found;
  throw new Error(`缺少 ${tool.name}（${tool.purpose}）。npm test 会自动安装；也可以手动运行：${installCommand([tool])}`);
}

module.exports = { TOOLS, findCommand, locateTool, requireTool, installCommand };
