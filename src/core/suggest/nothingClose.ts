// Apart from the ranking, so the pane can say it without loading the suggestion engine.
/**
 * What the pane and `jixiao suggest` say when the library has nothing close to a new project: that, and how
 * to add the unit's own tables (the 模板库 tab in the pane, --library on the command line).
 */
export function nothingCloseText(projectName: string, where: 'pane' | 'cli'): string {
  const add =
    where === 'pane'
      ? '可在「设置 › 模板库」加入本单位往年的绩效目标表（.xlsx），此后同类项目会从中推荐'
      : '可用 --library 加入本单位往年的绩效目标表（.xlsx），如 jixiao suggest 表.xlsx --library 2024年申报.xlsx';
  return `模板库中没有与「${projectName}」相近的项目，不作推荐（勉强凑出的指标多半不对）。${add}。`;
}
