/**
 * What the operating system says when a workbook cannot be read or written, as one Chinese line
 * naming the file: the single mapping from Node's error codes (ENOSPC, EFBIG, EACCES, EISDIR …)
 * to messages, used by reading, writing, locking and the checks before a run. Only a file that
 * is busy (locked by another program) suggests that Excel or WPS may have it open.
 */

/** A file problem with its Chinese message; `wrongPath` when the path the user gave is at fault (exit 2). */
export class FileAccessError extends Error {
  override name = 'FileAccessError';
  constructor(
    message: string,
    readonly wrongPath: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What was being done with the file when it failed. */
export type FileAction = 'read' | 'write' | 'lock';

const ACTION_TEXT: Record<FileAction, string> = { read: '读取', write: '写入', lock: '锁定' };

/** Error codes of a file that another program holds open (Windows reports sharing violations as EBUSY, sometimes EPERM). */
const BUSY_CODES = new Set(['EBUSY', 'ETXTBSY']);

/** The errno code of a Node system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The Chinese error for a failed read, write or lock of `path`, or undefined when the error is
 * not one the operating system gave about the file.
 */
export function fileAccessError(error: unknown, path: string, action: FileAction, platform: NodeJS.Platform = process.platform): FileAccessError | undefined {
  const code = errorCode(error);
  if (!code) return undefined;
  const prefix = `无法${ACTION_TEXT[action]} ${path}：`;
  const make = (text: string, wrongPath = false) => new FileAccessError(prefix + text, wrongPath, { cause: error });
  if (BUSY_CODES.has(code) || (code === 'EPERM' && platform === 'win32')) {
    return make('文件正被其他程序占用（文件是否正被 Excel/WPS 打开？请关闭后重试）');
  }
  switch (code) {
    case 'ENOSPC':
      return make('磁盘空间已满，请清理磁盘后重试；原文件没有改动');
    case 'EDQUOT':
      return make('已超出磁盘配额，请清理后重试；原文件没有改动');
    case 'EFBIG':
      return make('文件太大，超出了文件系统允许的大小；原文件没有改动');
    case 'EACCES':
    case 'EPERM':
      return make('没有权限（请检查文件和所在文件夹的权限）');
    case 'EROFS':
      return make('文件所在的磁盘是只读的');
    case 'EISDIR':
      return directoryError(path);
    case 'ENOTDIR':
      return make('路径中有一部分不是文件夹', true);
    case 'ENOENT':
      return action === 'read' ? make('找不到文件', true) : make('所在的文件夹不存在', true);
    case 'ENAMETOOLONG':
      return make('文件名或路径太长', true);
    case 'ELOOP':
      return make('符号链接形成了循环', true);
    case 'EMFILE':
    case 'ENFILE':
      return make('打开的文件太多，请稍后重试');
    case 'EIO':
      return make('磁盘读写出错（磁盘或网络驱动器可能有故障）');
    default:
      return undefined;
  }
}

/** A workbook without write permission: refused before anything is done. */
export function readOnlyFileError(path: string): FileAccessError {
  return new FileAccessError(`${path} 是只读文件，banzhuren 不会修改它：请先取消文件的只读属性，或用 --out 另存为新文件`, false);
}

/** A workbook in a folder without write permission (a save writes a temporary copy and a lock file beside it). */
export function readOnlyFolderError(path: string, folder: string): FileAccessError {
  return new FileAccessError(`无法写入 ${path}：所在文件夹 ${folder} 是只读的（保存时要在其中写入临时文件和锁文件），请换到可写的文件夹，或用 --out 另存`, false);
}

/** A folder given where a workbook was expected (a wrong path argument: exit 2). */
export function directoryError(path: string): FileAccessError {
  return new FileAccessError(`${path} 是一个文件夹，不是 .xlsx 文件：请给出工作簿文件的路径`, true);
}
