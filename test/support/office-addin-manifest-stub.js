// office-addin-mock imports office-addin-manifest (ESM) only for telemetry helpers; jest needs a CJS stand-in.
module.exports = {};
