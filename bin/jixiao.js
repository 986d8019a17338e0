#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/cli by `npm install` (prepare script).
const { main } = require('../dist/cli/cli/main.js');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
