"""`tui-reader export PATH...`: references and quotes of several articles in one document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tui_reader.commands.cite import CommandError, add_common, chosen_style, fail, open_state, with_overrides

FORMATS = ("markdown", "csl-json", "bibtex", "ris")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("export", help="export references and quotes (Markdown, CSL-JSON, BibTeX, RIS)",
                                   description="Export every article's reference and all its quotes with "
                                               "their speakers.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, or folders (scanned recursively)")
    parser.add_argument("--format", choices=FORMATS, default="markdown", help="output format (default: markdown)")
    add_common(parser)
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write to FILE atomically instead of stdout (an existing FILE only if an "
                             "earlier export wrote it)")
    parser.set_defaults(run=run)


def _ours(target: Path) -> bool:
    """Whether the existing `target` is a regular file an earlier export wrote (it starts with
    export's signature). Read without blocking: a FIFO or a device is never ours."""
    from tui_reader.core import ArticleError
    from tui_reader.core.cite.export import written_by_export
    from tui_reader.core.extract.decode import open_regular

    try:
        with open_regular(target) as handle:
            return written_by_export(handle.read(1024))
    except (ArticleError, OSError):
        return False


def check_target(output: str, inputs: list[str]) -> Path:
    """The file to write: never an input, never an existing file that export did not write."""
    target = Path(output)
    resolved = target.resolve()
    if target.is_dir():
        raise CommandError(f"{output}: is a directory")
    if any(resolved == Path(p).resolve() for p in inputs):
        raise CommandError(f"{output}: refusing to overwrite an input article")
    if not resolved.parent.is_dir():
        raise CommandError(f"{output}: folder {resolved.parent} does not exist")
    if os.path.lexists(target) and not _ours(target):
        raise CommandError(f"{output}: refusing to overwrite a file that tui-reader export did not write "
                           "(remove it first, or choose another name)")
    return target


def write_atomically(target: Path, text: str) -> None:
    """Write a temp file in the target's folder, then os.replace it over the target."""
    folder = target.resolve().parent
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run(args) -> int:
    from tui_reader.commands.batch import Batch
    from tui_reader.core.cite.export import export_text

    try:
        target = check_target(args.output, args.paths) if args.output else None
    except CommandError as exc:
        return fail(str(exc))
    batch = Batch(args.paths, parsed_speakers=True)  # the speakers the reader's sidebar shows
    state = open_state()
    style = chosen_style(args, state)
    entries = [(article, with_overrides(article, state)) for _path, article in batch.articles()]
    if not entries:
        return fail("nothing to export") if not batch.failed else batch.status
    text = export_text(entries, args.format, style=style, accessed=args.accessed)
    if target is None:
        print(text, end="")
        return batch.status
    try:
        write_atomically(target, text)
    except OSError as exc:
        return fail(f"{args.output}: {exc.strerror or exc}")
    return batch.status
