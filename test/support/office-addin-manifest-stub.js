// office-addin-mock imports office-addin-manifest (ESM) only for its OfficeApp names (and telemetry
// helpers it does not call in tests); jest needs a CJS stand-in. Values as in office-addin-manifest.
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
