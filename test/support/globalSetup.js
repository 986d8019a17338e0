module.exports = (globalConfig) => require('./browserServer').setup(globalConfig);
