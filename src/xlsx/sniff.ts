/** What a file is, from its first bytes: shared by the reader and the exceljs loader. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML file is a CFB container with an `EncryptionInfo` stream (its name in UTF-16LE). */
export function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = bytes.indexOf(name[0]); i >= 0 && i + name.length <= bytes.length; i = bytes.indexOf(name[0], i + 1)) {
    for (let j = 1; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

export const ENCRYPTED_MESSAGE = '文件已加密（设有打开密码），无法读取；请在 Excel 中取消密码后另存为 .xlsx。';
