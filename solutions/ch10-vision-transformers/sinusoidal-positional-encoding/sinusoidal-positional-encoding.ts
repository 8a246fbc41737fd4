/** PE[pos][2i] = sin(pos / base^(2i/d)), PE[pos][2i+1] = cos(same angle). */
export function sinusoidalPositionalEncoding(length: number, dModel: number, base = 10000): number[][] {
  const table: number[][] = [];
  for (let pos = 0; pos < length; pos++) {
    const row: number[] = [];
    for (let j = 0; j < dModel; j++) {
      const i = Math.floor(j / 2); // the pair this column belongs to
      const angle = pos / Math.pow(base, (2 * i) / dModel);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    table.push(row);
  }
  return table;
}
