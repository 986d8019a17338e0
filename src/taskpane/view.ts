// Which tab the pane opens on: the ribbon buttons open taskpane.html?view=templates or ?view=check.

export type PaneView = 'templates' | 'check' | 'suggest' | 'settings';

const VIEWS: readonly PaneView[] = ['templates', 'check', 'suggest', 'settings'];

export function viewFromSearch(search: string): PaneView {
  const view = new URLSearchParams(search).get('view');
  return VIEWS.find((v) => v === view) ?? 'templates';
}
