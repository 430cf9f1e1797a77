"""Reading WET files: Common Crawl's extracted page text, one WARC ``conversion`` record per page.

A WET record is the visible text of a whole page (menus, footers and all), which is what the
``page`` and ``auto`` presets are for. Each record becomes a :class:`~textclean.io.Record`
whose id is its ``WARC-Record-ID`` and whose fields are ``url``, ``date``, ``warc_record_id``
and the text (under ``text_key``, ``text`` by default), so outputs are JSONL and
``--group-key host`` finds the site from the url.
Records are numbered from 1 in file order (the ``warcinfo`` record included) for messages.
Parsing is warcio's; plain and gzip-compressed files are both read as they stream.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .errors import ConfigError, InputError
from .io import READ_ERRORS, ReadStats, Record, Rejection, check_reading, open_binary, replaced_count, source_name

WET_SUFFIXES = (".wet", ".wet.gz")
#: The fields of a WET record besides its text.
WET_FIELDS = ("url", "date", "warc_record_id")


def check_field(name: str | None, what: str) -> None:
    """Raise :class:`ConfigError` unless ``name`` (an id or keep-policy field) is None or a WET field."""
    if name is not None and name not in WET_FIELDS:
        raise ConfigError(f"{what} {name!r} is not a field of WET records; they have {', '.join(WET_FIELDS)}")


def is_wet_path(path: str) -> bool:
    return path.lower().endswith(WET_SUFFIXES)


def iter_wet(
    path: str,
    *,
    text_key: str = "text",
    id_key: str | None = None,
    errors: str = "strict",
    on_error: str = "fail",
    stats: ReadStats | None = None,
    seen_ids: dict[str, str] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Record | Rejection]:
    """The ``conversion`` records of the WET file ``path``, as UTF-8 text (Common Crawl's encoding).
    Each record's id is its ``WARC-Record-ID``, or the field ``id_key`` names (``url``, ``date``).

    An undecodable or cut-off record, or an id seen before (``seen_ids``), raises :class:`InputError`
    naming the file and record, or is yielded as a :class:`Rejection` with ``on_error="skip"``. A
    file that stops being WARC (or a damaged gzip stream) ends there: an error, or one rejection.
    """
    check_field(id_key, "--id-key")
    check_reading(errors, on_error)
    stats = stats if stats is not None else ReadStats()
    source = source_name(path)
    number = 0
    reading = False  # inside a counted record, whose text the stream may fail to give
    with open_binary(path, stdin) as stream:
        try:
            for number, warc in enumerate(ArchiveIterator(stream), start=1):
                if not warc.format.startswith("warc"):  # warcio also reads ARC, which any text line resembles
                    number -= 1  # the file holds no WARC record from here
                    raise ArchiveLoadFailed(f"it is {warc.format.upper()}, not WARC")
                if warc.rec_type != "conversion":
                    continue
                stats.records += 1
                reading = True
                try:
                    item = _record(warc, source, number, text_key, id_key, errors, stats, seen_ids)
                except InputError as exc:
                    if on_error == "fail":
                        raise
                    stats.rejected += 1
                    item = Rejection(source, number, str(exc).removeprefix(f"{source}:{number}: "))
                reading = False
                yield item
        except (ArchiveLoadFailed, *READ_ERRORS) as exc:
            message = f"{source}: not a readable WARC/WET file after record {number - reading}: {exc}"
            if on_error == "fail":
                raise InputError(message) from exc
            stats.records += not reading
            stats.rejected += 1
            yield Rejection(source, number + (not reading), message)


def _record(warc, source: str, number: int, text_key: str, id_key: str | None, errors: str, stats: ReadStats,
            seen_ids: dict[str, str] | None) -> Record:
    where = f"{source}:{number}"
    headers = warc.rec_headers
    warc_id = headers.get_header("WARC-Record-ID") or where
    values = {"url": headers.get_header("WARC-Target-URI"), "date": headers.get_header("WARC-Date"),
              "warc_record_id": warc_id}
    record_id = values[id_key] if id_key else warc_id
    if record_id is None:
        raise InputError(f"{where}: the record has no {id_key} (--id-key)")
    if seen_ids is not None:
        first = seen_ids.setdefault(record_id, where)
        if first != where:
            raise InputError(f"{where}: id {record_id!r} was already used at {first}")
    data = warc.content_stream().read()
    length = headers.get_header("Content-Length") or ""
    if length.isdigit() and len(data) < int(length):  # warcio returns what there is
        raise InputError(f"{where}: the record is cut off ({len(data)} of {length} bytes); the file is incomplete")
    try:
        text = data.decode("utf-8", errors)
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: byte {data[exc.start]:#04x} at offset {exc.start} of the record's text is "
                         "not valid UTF-8; pass --errors replace to substitute U+FFFD") from exc
    if errors == "replace":
        stats.replaced += replaced_count(text, data)
    fields = {**values, text_key: text}
    return Record(id=record_id, text=text, source=source, line=number, fields=fields)
