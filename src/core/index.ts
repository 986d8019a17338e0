// The pure core: runs unchanged in the Excel add-in, the browser checker page and the CLI.
export * from './model';
