// Taught layouts: a form the reader cannot read, taught once, read by itself ever after.
export * from './profile';
export { applyLayout, layoutShift, matchLayout, teachLayout, withLayouts } from './apply';
export type { LayoutPointing } from './apply';
export { previewLayout } from './preview';
export type { LayoutPreview } from './preview';
