// 指定表格布局… beside an unreadable-layout issue (task pane and checker page). The dialog and the layout
// code load only when the person opens it: the pages' first paint stays within budget.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { CellGrid } from '../core/sheet/types';
import type { LayoutShelf } from './layoutShelf';

const LayoutDialog = React.lazy(() => import(/* webpackChunkName: "layout-dialog" */ './LayoutDialog'));

export interface TeachLayoutButtonProps {
  sheetName: string;
  loadGrid: () => Promise<CellGrid>;
  readSelection?: () => Promise<string | null>;
  /** The unit's layouts, opened on first use. */
  openShelf: () => Promise<LayoutShelf>;
  /** After a layout is saved: check again. */
  onSaved: () => void;
}

export function TeachLayoutButton({ sheetName, loadGrid, readSelection, openShelf, onSaved }: TeachLayoutButtonProps): React.JSX.Element {
  const [shelf, setShelf] = React.useState<LayoutShelf | null>(null);
  const [opening, setOpening] = React.useState(false);
  // Focus comes back here when the dialog closes (no DialogTrigger opens it, so Fluent does not restore it).
  const button = React.useRef<HTMLButtonElement>(null);
  const open = (): void => {
    setOpening(true);
    openShelf().then(setShelf, () => setOpening(false));
  };
  return (
    <>
      <Button size="small" onClick={open} disabled={opening && !shelf} data-role="teach-layout" ref={button}>
        指定表格布局…
      </Button>
      {shelf && (
        <React.Suspense fallback={null}>
          <LayoutDialog
            sheetName={sheetName}
            loadGrid={loadGrid}
            readSelection={readSelection}
            shelf={shelf}
            onClose={(saved) => {
              setShelf(null);
              setOpening(false);
              requestAnimationFrame(() => button.current?.focus());
              if (saved) onSaved();
            }}
          />
        </React.Suspense>
      )}
    </>
  );
}
