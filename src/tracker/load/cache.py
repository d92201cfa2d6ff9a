"""Loading many data files fast: a parse cache, and a parallel parse when the cache is cold.

Reading a data file — TOML parsing, validation, quantity parsing, building the model — is
the expensive part of every command. Its result, the file's :class:`~tracker.model.FileData`
(regions, sources, goals and the file's own problems), depends only on the file's bytes, its
path as problems show it, and this code. So it is cached per file, as msgpack, and reused
while all of these are unchanged:

* **Key.** The resolved path and the name problems carry (which depends on the working
  directory), the file's size, mtime, ctime, inode and device, the tracker version, the cache
  format and a fingerprint of the package's code (size and mtime of its modules: a changed
  loader in a development checkout invalidates every entry).
* **Authenticated.** An entry is used only when its magic and key match, its tag (a keyed
  BLAKE2b of the rest) was made with this user's secret key, and it decodes into the model
  types; anything else (truncated, corrupt, stale, written by another version, forged, or
  copied from another machine or CI job) is ignored and rebuilt. The secret lives outside
  the cache folder (:func:`key_path`), so a cache folder restored or shared from elsewhere
  cannot change what tracker reports (docs/security.md: the cache folder).
* **Racy files.** A file modified in the last :data:`RACY_SECONDS` is read but not cached:
  a second write within the filesystem's timestamp granularity could leave size and mtime
  unchanged (git's "racy clean" problem).
* **Concurrency.** Entries are written to a temporary file and renamed over the old one, so a
  reader sees a whole entry or none; several processes rebuilding at once each write a valid
  entry and the last rename wins.

Cross-file checks (duplicate ids, unknown regions and sources) are never cached: the loader
runs them on every load.

With a cold cache and many files, the files are parsed by forked worker processes (Linux only,
when more than one CPU is available) that hand back the same msgpack encoding the cache uses;
the parent parses its own share meanwhile and decodes theirs. See docs/performance.md.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import stat
import struct
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import msgspec

try:  # hashlib's own BLAKE2, without hashlib's import (4 ms: it loads OpenSSL)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover  # an interpreter without the module
    from hashlib import blake2b

from tracker import __version__
from tracker.load.discover import shown_name
from tracker.model import FileData, Goal, Region, Source
from tracker.problems import Problem

FORMAT = 2  # 2: entries authenticated by a keyed BLAKE2b tag instead of a CRC-32
RACY_SECONDS = 2
# Below this many bytes of files to parse, forking workers costs more than it saves
# (docs/performance.md has the measurements).
PARALLEL_MIN_BYTES = 1_000_000
# How much of the parsing the parent takes on, relative to one worker: it also decodes what
# the workers send back.
PARENT_WEIGHT = 0.8

_MAGIC = b"trkcache"
_TAG_BYTES = 32  # the keyed BLAKE2b of everything after it
_LENGTH = struct.Struct(">I")  # the length of the key
_SECRET_BYTES = 32
_INT64 = (-(2**63), 2**63)

Parse = Callable[[Path], FileData]
"""Reads one data file (the loader's :func:`tracker.load.file.load_file`): given by the
caller, so that the cache does not import the loader that uses it."""


def default_dir() -> Path:
    """``$TRACKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/tracker``, else ``~/.cache/tracker``."""
    explicit = os.environ.get("TRACKER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():
        return Path(base) / "tracker"
    return Path.home() / ".cache" / "tracker"


# --- encoding -------------------------------------------------------------------------------


class _Part(msgspec.Struct, array_like=True):
    """One file's contribution, as stored."""

    regions: list[Region]
    sources: list[Source]
    goals: list[Goal]
    problems: list[Problem]


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, Fraction):
        n, d = obj.numerator, obj.denominator
        if _INT64[0] <= n < _INT64[1] and d < _INT64[1]:
            return n if d == 1 else (n, d)
        return (str(n), str(d))  # beyond msgpack's integers
    raise NotImplementedError(f"cannot cache {type(obj).__name__}")


# The Fractions decoded so far, by their encoding: a dataset repeats figures (a quantity's
# bounds are its nominal value when exact; round numbers recur), and a Fraction is immutable,
# so equal ones are shared — a dict lookup instead of Fraction()'s checks and gcd for most.
_fractions: dict[int | tuple[int, int], Fraction] = {}


def _dec_hook(kind: type, obj: Any) -> Any:
    if kind is Fraction:
        if type(obj) is int:
            made = _fractions.get(obj)
            if made is None:
                made = _fractions[obj] = Fraction(obj)
            return made
        if type(obj) is list and len(obj) == 2:
            n, d = obj
            if type(n) is int and type(d) is int and d > 1:
                key = (n, d)
                made = _fractions.get(key)
                if made is None:
                    made = _fractions[key] = Fraction(n, d)
                return made
            if type(n) is str and type(d) is str:
                return Fraction(int(n), int(d))  # beyond 64 bits
    raise NotImplementedError  # msgspec turns this into a ValidationError: the entry is ignored


@dataclass(slots=True)
class _Codec:
    encoder: msgspec.msgpack.Encoder
    decoder: msgspec.msgpack.Decoder[_Part]

    def encode(self, part: FileData) -> bytes:
        return self.encoder.encode(_Part(part.regions, part.sources, part.goals, part.problems))

    def decode(self, payload: bytes | memoryview) -> FileData:
        part = self.decoder.decode(payload)
        return FileData(part.regions, part.sources, part.goals, part.problems)


_codec: _Codec | None = None


def _get_codec() -> _Codec | None:
    """The msgpack codec for :class:`FileData`; ``None`` if the model holds a type it cannot
    encode (then nothing is cached, and files are parsed in this process)."""
    global _codec  # noqa: PLW0603  # built once, on first use
    if _codec is None:
        try:
            _codec = _Codec(
                msgspec.msgpack.Encoder(enc_hook=_enc_hook),
                msgspec.msgpack.Decoder(_Part, dec_hook=_dec_hook),
            )
        except (TypeError, ValueError):  # pragma: no cover  # a model type msgspec lacks
            return None
    return _codec


# --- keys -----------------------------------------------------------------------------------


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """What identifies the code that builds an entry: tracker's version, the cache format,
    Python's version and the size and mtime of every module of the package."""
    global _fingerprint  # noqa: PLW0603  # computed once per process
    if _fingerprint is None:
        parts = [__version__, str(FORMAT), sys.version.split()[0], msgspec.__version__]
        package = Path(__file__).parents[1]
        for folder in (package, *sorted(p for p in package.iterdir() if p.is_dir())):
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.name.endswith(".py"):
                        info = entry.stat()
                        name = f"{folder.name}/{entry.name}"
                        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        _fingerprint = _digest("\n".join(parts))
    return _fingerprint


def _digest(text: str) -> str:
    """64 bits that identify ``text`` (not a security measure: every entry also stores its
    full key). zlib's checksums, because hashlib costs 4 ms to import."""
    data = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


@dataclass(slots=True)
class _File:
    """One data file to load: where it is, what its cache entry is called and keyed by."""

    index: int
    path: Path
    size: int
    key: bytes | None  # None: cannot be cached (stat failed)
    entry: str | None  # the cache file's name
    racy: bool


def _describe(paths: Sequence[Path], root: Path) -> list[_File]:
    """Stat every file and derive its cache key.

    The name problems show is :func:`tracker.load.discover.display_path`'s, computed here with one
    ``lstat`` per file instead of a full path resolution: below ``root`` only the file itself
    can be a symbolic link (``os.walk`` does not follow linked directories).
    """
    # Strings and os.path, not Path objects, in this loop over every file: a third of the cost.
    cwd = os.path.realpath(os.getcwd())  # noqa: PTH109
    cwd_prefix = cwd if cwd.endswith(os.sep) else cwd + os.sep
    root_text = str(root)
    # Paths below root start with it, then a separator (not so for "."; Path drops "./").
    root_prefix = root_text + os.sep if root_text not in (".", os.sep) else None
    root_real = os.path.realpath(root)
    fingerprint = code_fingerprint()
    racy_after = time.time_ns() - RACY_SECONDS * 1_000_000_000
    encode = msgspec.msgpack.encode
    fsencode = os.fsencode
    files = []
    for index, path in enumerate(paths):
        text = str(path)
        try:
            info = os.lstat(text)
            if text == root_text and not stat.S_ISLNK(info.st_mode):
                real = root_real
            elif (
                root_prefix is not None
                and text.startswith(root_prefix)
                and not stat.S_ISLNK(info.st_mode)
            ):
                real = os.path.join(root_real, text[len(root_prefix) :])  # noqa: PTH118
            else:
                real = os.path.realpath(text)
                info = os.stat(real)  # noqa: PTH116
        except OSError:
            files.append(_File(index, path, 0, None, None, racy=True))
            continue
        # as display_path: relative to the working directory when inside it
        shown = real[len(cwd_prefix) :] if real.startswith(cwd_prefix) else text
        key = encode(
            [
                fingerprint,
                fsencode(real),  # bytes: a name need not be UTF-8
                shown_name(shown),
                info.st_size,
                info.st_mtime_ns,
                info.st_ctime_ns,
                info.st_ino,
                info.st_dev,
            ]
        )
        entry = _digest(f"{real}\0{shown}") + ".bin"
        racy = info.st_mtime_ns > racy_after or info.st_ctime_ns > racy_after
        files.append(_File(index, path, info.st_size, key, entry, racy))
    return files


# --- reading and writing entries ------------------------------------------------------------


def _read(folder: Path, file: _File, codec: _Codec) -> FileData | None:
    """The cached contribution of ``file``, or ``None`` when there is no valid entry."""
    if file.key is None or file.entry is None or _secret is None:
        return None
    try:
        blob = (folder / file.entry).read_bytes()
    except OSError:
        return None
    key = file.key
    start = len(_MAGIC) + _TAG_BYTES + _LENGTH.size
    if blob[: len(_MAGIC)] != _MAGIC or len(blob) < start:
        return None
    (key_length,) = _LENGTH.unpack_from(blob, start - _LENGTH.size)
    if key_length != len(key) or blob[start : start + key_length] != key:
        return None
    view = memoryview(blob)
    tag = blake2b(view[len(_MAGIC) + _TAG_BYTES :], key=_secret, digest_size=_TAG_BYTES)
    # (a plain comparison: nobody can time many guesses against a local file's check)
    if tag.digest() != view[len(_MAGIC) : len(_MAGIC) + _TAG_BYTES]:
        return None
    try:
        return codec.decode(view[start + key_length :])
    except Exception:  # noqa: BLE001  # whatever is wrong with an entry, it is not used
        return None


def _entry_bytes(key: bytes, payload: bytes) -> bytes:
    return seal(_MAGIC, _LENGTH.pack(len(key)) + key + payload)


def seal(magic: bytes, body: bytes) -> bytes:
    """``magic``, then the keyed BLAKE2b tag of ``body``, then ``body``: a cache file only
    this user's key could have made (after :func:`usable_dir`)."""
    digest: bytes = tagger(body).digest()
    return magic + digest + body


def tagger(data: bytes = b"") -> Any:
    """The keyed BLAKE2b :func:`seal` tags a body with, to be fed a large body in parts
    (``update``) and give the tag (``digest``), without joining the parts."""
    assert _secret is not None  # noqa: S101  # usable_dir loaded it
    return blake2b(data, key=_secret, digest_size=_TAG_BYTES)


def unseal(magic: bytes, blob: bytes) -> memoryview | None:
    """The body of what :func:`seal` made, or ``None`` when its magic or tag is wrong."""
    start = len(magic) + _TAG_BYTES
    if _secret is None or len(blob) < start or blob[: len(magic)] != magic:
        return None
    view = memoryview(blob)
    tag = blake2b(view[start:], key=_secret, digest_size=_TAG_BYTES).digest()
    return view[start:] if tag == view[len(magic) : start] else None


def _write(folder: Path, file: _File, payload: bytes) -> None:
    """Store an entry atomically (temporary file, then rename); failures are ignored."""
    if file.key is None or file.entry is None or file.racy or _secret is None:
        return
    blob = _entry_bytes(file.key, payload)
    # Named by process: no two live processes share a pid, and a file left by a dead one
    # with a reused pid is simply overwritten.
    temp = folder / f".{file.entry}.{os.getpid()}.tmp"
    try:
        with temp.open("wb") as stream:
            stream.write(blob)
        temp.replace(folder / file.entry)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def usable_dir(folder: Path) -> Path | None:
    """The entries' directory (created if needed), or ``None`` if it cannot be used (nor
    the secret key that authenticates its entries be read or made)."""
    global _secret  # noqa: PLW0603  # read once per process; forked workers inherit it
    if _secret is None:
        _secret = _load_secret(key_path())
        if _secret is None:
            return None
    entries = folder / f"v{FORMAT}"
    try:
        entries.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return entries if os.access(entries, os.W_OK | os.X_OK) else None


# --- the secret key -------------------------------------------------------------------------

_secret: bytes | None = None


def key_path() -> Path:
    """Where the key that authenticates cache entries is kept: outside the cache folder
    (``$XDG_STATE_HOME/tracker/cache.key``, else ``~/.local/state/tracker/cache.key``), so
    that whoever can write the cache folder (a CI cache restored from an untrusted job, a
    shared ``$TRACKER_CACHE_DIR``) cannot forge entries without it."""
    base = os.environ.get("XDG_STATE_HOME")
    state = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "state"
    return state / "tracker" / "cache.key"


def _load_secret(path: Path) -> bytes | None:
    """The key at ``path``, made (random, readable by its owner only) when there is none;
    ``None`` when it cannot be made, or when others could read or replace it (no cache)."""
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            _make_secret(path)
            continue
        except OSError:
            return None
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            secret = stream.read(_SECRET_BYTES + 1)
        return secret if len(secret) == _SECRET_BYTES else None
    return None


def _private(info: os.stat_result) -> bool:
    """Owned by this user, and neither group nor others may read or write it."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover  # Windows: the profile directory is private
        return True
    return info.st_uid == getuid() and not info.st_mode & 0o077


def _make_secret(path: Path) -> None:
    """Create the key file (never replacing one another process made meanwhile)."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(os.urandom(_SECRET_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


# --- loading --------------------------------------------------------------------------------


def load_files(
    paths: Sequence[Path],
    root: Path,
    cache_dir: Path | None,
    *,
    parse: Parse,
    jobs: int | None = None,
    keys: list[bytes | None] | None = None,
) -> list[FileData]:
    """Every file's contribution, in the order of ``paths``: from the cache where valid,
    else read by ``parse`` (in parallel when it pays) and stored.

    ``cache_dir`` ``None`` bypasses the cache (``--no-cache``). ``jobs`` caps the processes
    used for parsing (default: ``$TRACKER_JOBS``, else the CPUs available). ``keys``, when
    given, receives each file's cache key (``None`` for a file that is not cached: racy, or
    not stat-able), what derived caches (:mod:`tracker.load.rows`) are keyed by.
    """
    codec = _get_codec()
    files = _describe(paths, root)
    if keys is not None:
        keys.extend(None if f.racy else f.key for f in files)
    folder = usable_dir(cache_dir) if cache_dir is not None and codec is not None else None
    parts: list[FileData | None] = [None] * len(files)
    todo: list[_File] = []
    with _no_gc():
        for file in files:
            if folder is not None and codec is not None:
                parts[file.index] = _read(folder, file, codec)
            if parts[file.index] is None:
                todo.append(file)
        if todo:
            for index, part in _parse(todo, folder, codec, parse, jobs):
                parts[index] = part
    _fractions.clear()  # the dataset keeps the ones it uses
    return [part if part is not None else parse(paths[i]) for i, part in enumerate(parts)]


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: building a dataset creates objects by the
    million and no cycles, and each collection would walk all that is built so far (over
    half the time of decoding the cache, docs/performance.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(
    todo: list[_File], folder: Path | None, codec: _Codec | None, parse: Parse, jobs: int | None
) -> list[tuple[int, FileData]]:
    workers = _workers(todo, jobs) if codec is not None else 0
    if workers and codec is not None:
        return _parse_parallel(todo, folder, codec, parse, workers)
    return [(file.index, _load_and_store(file, folder, codec, parse)) for file in todo]


def _load_and_store(
    file: _File, folder: Path | None, codec: _Codec | None, parse: Parse
) -> FileData:
    part = parse(file.path)
    if folder is not None and codec is not None and file.key is not None and not file.racy:
        with contextlib.suppress(TypeError, ValueError, OverflowError):
            _write(folder, file, codec.encode(part))
    return part


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover  # not Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    """Processes a command may use: ``$TRACKER_JOBS``, else the CPUs available."""
    try:
        return int(os.environ.get("TRACKER_JOBS", "0")) or cpu_count()
    except ValueError:
        return cpu_count()


def _workers(todo: list[_File], jobs: int | None) -> int:
    """How many worker processes to fork besides this one (0: parse here)."""
    if not sys.platform.startswith("linux"):
        return 0  # fork is the only cheap start, and only safe to rely on here
    if jobs is None:
        jobs = default_jobs()
    if jobs < 2 or len(todo) < 2 or sum(f.size for f in todo) < PARALLEL_MIN_BYTES:
        return 0
    return min(jobs, 8, len(todo)) - 1


def _parse_parallel(
    todo: list[_File], folder: Path | None, codec: _Codec, parse: Parse, workers: int
) -> list[tuple[int, FileData]]:
    """Fork ``workers`` processes that parse their share of ``todo`` and send back encoded
    parts (writing cache entries as they go); parse the parent's share meanwhile. A worker
    that fails leaves its files to the parent."""
    import multiprocessing  # noqa: PLC0415  # only for cold loads of large datasets

    shares = _split(todo, workers)
    context = multiprocessing.get_context("fork")
    sys.stdout.flush()
    sys.stderr.flush()
    running = []
    for share in shares[1:]:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(share, folder, parse, send), daemon=True)
        process.start()
        send.close()
        running.append((process, receive, share))
    results = [(file.index, _load_and_store(file, folder, codec, parse)) for file in shares[0]]
    for process, receive, share in running:
        done: set[int] = set()
        try:
            while message := receive.recv_bytes():
                (index,) = struct.unpack_from(">I", message)
                results.append((index, codec.decode(memoryview(message)[4:])))
                done.add(index)
        except Exception:  # noqa: BLE001, S110  # a broken worker: its files are parsed here
            pass
        finally:
            receive.close()
            process.join()
        results.extend(
            (file.index, _load_and_store(file, folder, codec, parse))
            for file in share
            if file.index not in done
        )
    return results


def _split(todo: list[_File], workers: int) -> list[list[_File]]:
    """The parent's share first, then one per worker, balanced by bytes."""
    weights = [PARENT_WEIGHT] + [1.0] * workers
    shares: list[list[_File]] = [[] for _ in weights]
    loads = [0.0] * len(weights)
    for file in sorted(todo, key=lambda f: -f.size):
        slot = min(range(len(weights)), key=lambda i: (loads[i] + file.size) / weights[i])
        shares[slot].append(file)
        loads[slot] += file.size
    return shares


def _worker(share: list[_File], folder: Path | None, parse: Parse, send: Any) -> None:
    """In a forked child: parse, store, and send each part back; the parent reads them
    after its own share, so results are collected first and sent at the end."""
    # Ctrl-C is the parent's to report; it ends this daemon process when it exits.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    codec = _get_codec()
    messages = []
    for file in share:
        try:
            assert codec is not None  # noqa: S101  # the parent checked
            payload = codec.encode(parse(file.path))
        except Exception:  # noqa: BLE001, S112  # the parent loads this file itself and reports
            continue
        if folder is not None:
            _write(folder, file, payload)
        messages.append(struct.pack(">I", file.index) + payload)
    for message in messages:
        send.send_bytes(message)
    send.send_bytes(b"")
    send.close()
