// `npm run build`'s second step: the WPS 表格 add-in into dist/wps/ (scripts/wps-build.js, docs/wps.md).
module.exports = require('./webpack.config.js').createWpsConfig;
