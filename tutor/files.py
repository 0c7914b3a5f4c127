"""Files on disk: written atomically, so a crash never leaves half a file."""

from __future__ import annotations

import os
import stat
import tempfile


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


__all__ = ["write_atomic"]
