module.exports = () => require('./browserServer').teardown();
