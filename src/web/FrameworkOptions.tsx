// The <option>s of a framework choice, in the order users know them: one list for every select.
import * as React from 'react';
import { FRAMEWORK_LIST } from '../core/frameworks';

export function FrameworkOptions(): React.JSX.Element {
  return (
    <>
      {FRAMEWORK_LIST.map((framework) => (
        <option key={framework.name} value={framework.name}>
          {framework.label}
        </option>
      ))}
    </>
  );
}
