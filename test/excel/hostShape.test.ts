// The host's methods are one list (HOST_METHODS, checked against JixiaoHost by the type system): the Excel
// host implements every one of them and nothing the pane cannot reach, and the pane's lazy host forwards
// each to the loaded host, arguments and all, or rejects in Chinese when an optional one is missing.
import { lazyHost } from '../../src/taskpane/lazyHost';
import { HOST_METHODS } from '../../src/web/host';
import type { JixiaoHost } from '../../src/web/host';
import { setUp } from './helpers';

test('the Excel host has a function for every JixiaoHost method, and no other', () => {
  const { host } = setUp();
  const functions = Object.keys(host).filter((key) => typeof (host as unknown as Record<string, unknown>)[key] === 'function');
  expect(functions.sort()).toEqual([...HOST_METHODS].sort());
});

test('the lazy host forwards every method to the loaded Excel host; an optional one a host lacks rejects in Chinese', async () => {
  const { excel, host } = setUp();
  const lazy = lazyHost(async () => host);
  expect(Object.keys(lazy).sort()).toEqual([...HOST_METHODS].sort());
  await lazy.selectCell('Sheet1', 'C3');
  expect(excel.selection()).toEqual({ sheet: 'Sheet1', address: 'C3' });
  expect(await lazy.activeSheetName()).toBe('Sheet1');
  const { selfTest: _omitted, ...withoutSelfTest } = host;
  const partial = lazyHost(async () => withoutSelfTest as JixiaoHost);
  await expect(partial.selfTest!()).rejects.toThrow('此版本的宿主不支持该功能');
});
