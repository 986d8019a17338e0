/**
 * The WPS add-in's hidden page (index.html → this bundle): the callbacks ribbon.xml names. They must be
 * plain global functions that return at once — `async` callbacks broke the ribbon in WPS 12.1.0.23539
 * (research notes §5) — so work that takes time runs synchronously through the object model (清除标记) or
 * in the task pane. The pane's id is kept in PluginStorage under a key of its own for 表格, since 文字,
 * 表格 and 演示 share the store and number their panes from 1 each.
 */
import { MarksKeptOnProtectedSheetsError } from '../core/marking/protection';
import { clearSheet, quietly } from './checkSheets';
import { asSheet, nameOf } from './et';
import type { EtApplication } from './et';

export const PANE_KEY = 'jixiao.pane.et';

interface TaskPane {
  readonly ID: number;
  Visible: boolean;
}

/** What the hidden page needs of WPS's add-in root (window.Application) beyond the spreadsheet. */
export interface RibbonApplication extends EtApplication {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane | null;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

const app = (): RibbonApplication => (window as unknown as { Application: RibbonApplication }).Application;

/** The pane, opened on `view`, or the one already open made visible. */
export function showPane(view: 'templates' | 'check'): TaskPane {
  const wps = app();
  const id = Number(wps.PluginStorage.getItem(PANE_KEY));
  let pane: TaskPane | null = null;
  if (id > 0) {
    try {
      pane = wps.GetTaskPane(id);
    } catch {
      pane = null;
    }
  }
  if (!pane) {
    pane = wps.CreateTaskPane(new URL(`taskpane.html?view=${view}`, window.location.href).href);
    wps.PluginStorage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

function togglePane(): void {
  const wps = app();
  const id = Number(wps.PluginStorage.getItem(PANE_KEY));
  const pane = id > 0 ? wps.GetTaskPane(id) : null;
  if (pane) pane.Visible = !pane.Visible;
  else showPane('templates');
}

/** 清除标记 from the ribbon: every sheet, synchronously; what could not be cleared is said in a message box. */
export function clearMarksNow(): string | null {
  const wps = app();
  const workbook = wps.ActiveWorkbook;
  if (!workbook) return null;
  let removed = 0;
  const kept: string[] = [];
  quietly(wps, () => {
    const sheets = workbook.Worksheets;
    const count = sheets.Count;
    for (let i = 1; i <= count; i++) {
      const ws = asSheet(sheets.Item(i));
      const result = clearSheet(ws);
      removed += result.removed;
      if (result.kept) kept.push(nameOf(ws));
    }
  });
  return kept.length > 0 ? new MarksKeptOnProtectedSheetsError(kept, removed).message : null;
}

function say(message: string): void {
  window.alert(message);
}

/** ribbon.xml onLoad. */
function OnAddinLoad(): boolean {
  return true;
}

/** ribbon.xml onAction of every button, by control id. Never throws: a failure is said in a message box. */
function OnAction(control: { Id: string }): boolean {
  try {
    switch (control.Id) {
      case 'jixiaoInsert':
        showPane('templates');
        break;
      case 'jixiaoCheck':
        showPane('check');
        break;
      case 'jixiaoClear': {
        const problem = clearMarksNow();
        if (problem) say(problem);
        break;
      }
      case 'jixiaoPane':
        togglePane();
        break;
    }
  } catch (error) {
    say(`操作未完成：${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}

/** ribbon.xml getImage: the icons beside this page. */
function GetImage(control: { Id: string }): string {
  void control;
  return 'assets/icon-32.png';
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
