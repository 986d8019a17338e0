/** The thin box jixiao draws round a cell or range: table borders on insert, the frame of a mark. */

// String forms of the Excel enums: they need no `Excel` global at load time.
const BOX_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** A range's borders or a conditional format's: both are got by edge and take a style and a colour. */
interface EdgeBorders {
  getItem(edge: (typeof BOX_EDGES)[number]): { style: string; color: string };
}

export function queueBoxBorder(borders: EdgeBorders, color: string): void {
  for (const edge of BOX_EDGES) {
    const border = borders.getItem(edge);
    border.style = 'Continuous';
    border.color = color;
  }
}
