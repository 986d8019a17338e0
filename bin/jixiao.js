#!/usr/bin/env node
'use strict';
// The CLI is bundled into build/cli/jixiao.js by `npm install` (prepare script) and by `npm run build`.
const { main } = require('../build/cli/jixiao.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Expected failures are CliErrors handled in main(); anything else is a bug: one line, no stack
    // unless asked for, and the documented "could not complete" exit code.
    const message = error && typeof error.message === 'string' ? error.message : String(error);
    process.stderr.write(`jixiao: 内部错误 / internal error: ${message}\n`);
    if (process.env.JIXIAO_DEBUG) process.stderr.write(`${error && error.stack}\n`);
    process.exitCode = 2;
  },
);
