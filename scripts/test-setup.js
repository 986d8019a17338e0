#!/usr/bin/env node
// `npm test`'s pretest step: finds the programs the tests need (scripts/testTools.js) and installs the
// missing ones with apt on Debian/Ubuntu as root or with passwordless sudo; anywhere else it stops,
// before any test runs, naming the exact command. A missing tool never turns into skipped tests.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { TOOLS, findCommand, locateTool, installCommand } = require('./testTools');

function missingTools(env) {
  return TOOLS.filter((tool) => !locateTool(tool, env));
}

/** How to run apt here: as root directly, through passwordless sudo, or not at all. */
function aptRunner(env) {
  if (!findCommand('apt-get', env)) return null;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) return (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (findCommand('sudo', env) && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0) {
    return (args) => spawnSync('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { stdio: 'inherit', env });
  }
  return null;
}

function stop(missing, why) {
  const names = missing.map((t) => `${t.name}（${t.purpose}）`).join('、');
  const command = installCommand(missing);
  process.stderr.write(
    `\nnpm test 需要以下程序，但本机没有：${names}。\n${why}\n请先运行：\n\n  ${command}\n\n然后再运行 npm test。\n` +
      `npm test needs programs this machine lacks (${missing.map((t) => t.name).join(', ')}). Run:\n\n  ${command}\n\nthen npm test again.\n\n`,
  );
  process.exit(1);
}

function main(env = process.env) {
  const missing = missingTools(env);
  if (missing.length === 0) {
    process.stdout.write(`测试所需程序齐全 / test tools present: ${TOOLS.map((t) => t.name).join(', ')}\n`);
    return;
  }
  const debianLike = existsSync('/etc/debian_version');
  const apt = debianLike ? aptRunner(env) : null;
  if (!apt) {
    stop(missing, debianLike ? '自动安装需要 root 或免密码 sudo。/ Installing needs root or passwordless sudo.' : '这不是 Debian/Ubuntu，无法自动安装；请用本系统的包管理器安装同名程序。/ Not Debian/Ubuntu: install the equivalents with your package manager.');
  }
  const packages = missing.map((t) => t.debian);
  process.stdout.write(`正在安装测试所需的软件包 / installing: ${packages.join(' ')}\n`);
  const update = apt(['update', '-q']);
  const install = update.status === 0 ? apt(['install', '-y', '-q', '--no-install-recommends', ...packages]) : update;
  const still = missingTools(env);
  if (install.status !== 0 || still.length > 0) stop(still.length > 0 ? still : missing, `apt-get 未能装好它们（退出码 ${install.status}）。/ apt-get did not install them.`);
  process.stdout.write('测试所需程序已安装 / test tools installed\n');
}

main();
