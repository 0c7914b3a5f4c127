"""Files on disk: read only when they are files, written atomically.

``read_file`` reads a regular file of bounded size and refuses anything else before
reading a byte: a folder, a named pipe (its read would wait for a writer forever), a
device (``/dev/zero`` never ends), a socket. ``write_atomic`` writes through a
temporary file and a rename, so a crash never leaves half a file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile

from tutor.messages import Message


class NotAFileError(OSError):
    """The path names something that is not a regular file; ``kind`` says what, in
    words ("a folder", "a named pipe (FIFO)", ...)."""

    def __init__(self, path: str, kind: Message) -> None:
        super().__init__(errno.EINVAL, str(kind), path)
        self.kind = kind


class FileTooLargeError(OSError):
    """The file holds more than the limit; ``size`` is how many bytes it has (at least)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"{size} bytes, more than {limit}", path)
        self.size = size
        self.limit = limit


def _kind(mode: int) -> Message:
    if stat.S_ISDIR(mode):
        return Message("a folder")
    if stat.S_ISFIFO(mode):
        return Message("a named pipe (FIFO)")
    if stat.S_ISCHR(mode):
        return Message("a character device")
    if stat.S_ISBLK(mode):
        return Message("a block device")
    if stat.S_ISSOCK(mode):
        return Message("a socket")
    return Message("not a regular file")


def read_file(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, if it holds at most ``limit`` of them.

    The check is made on what was opened (``fstat`` of the descriptor), so a file that
    is replaced by a folder or a pipe between a dialog and the read is refused too.
    Opening does not wait: a named pipe without a writer opens at once (``O_NONBLOCK``)
    and is then refused. Raises NotAFileError, FileTooLargeError, or the OSError of the
    system (no such file, no permission, a loop of symbolic links: ``ELOOP``).
    """
    path = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)  # Windows: no newline translation
    try:
        fd = os.open(path, flags)
    except OSError:
        # A socket cannot be opened at all (ENXIO): say what it is, not why open failed.
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise NotAFileError(path, _kind(mode)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(path, _kind(info.st_mode))
        if info.st_size > limit:
            raise FileTooLargeError(path, info.st_size, limit)
        chunks, total = [], 0
        while True:  # a file that grows while it is read is cut off at the limit too
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLargeError(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Either the whole new file is there afterwards, or the old one is untouched and no
    partial file is left behind. Raises OSError.
    """
    path = os.path.realpath(os.fspath(path))  # through a symlink, not over it
    folder = os.path.dirname(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)  # an existing file keeps its mode
    except OSError:
        mode = 0o666 & ~_current_umask()  # a new file gets the usual one, not mkstemp's 0600
    fd, tmp = tempfile.mkstemp(prefix=".autodiff-", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["FileTooLargeError", "NotAFileError", "read_file", "write_atomic"]
