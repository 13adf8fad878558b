"""The archive subcommands of ``munifacts``: load, query, export, show, view.

Each ``cmd_*`` returns an exit status (0 ok, 2 usage error) and prints one line on stderr
saying what to do when the input is wrong. ``register(sub)`` adds them to the CLI parser.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2


def _fail(cmd: str, message) -> int:
    print(f"munifacts {cmd}: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_files(paths: list[str]) -> None:
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        raise ValueError(f"no such file: {', '.join(missing)} (give munifacts extract output files)")


def _archive(db: str | None, facts: list[str], create: bool = False):
    """A connection: the --db archive, or an in-memory one loaded from the JSONL files."""
    from pipeline.db import load_files, open_db

    if db and facts:
        raise ValueError("give either --db ARCHIVE or FACTS.jsonl files, not both (load files with munifacts load)")
    if db:
        return open_db(db, create=create, read_only=not create)  # readers can run side by side
    if not facts:
        raise ValueError("no input: give --db archive.duckdb (made by munifacts load) or FACTS.jsonl files")
    _check_files(facts)
    con = open_db(None)
    load_files(con, facts)
    return con


def _errors():
    from pipeline.db.connect import DatabaseError
    from pipeline.db.query import QueryError
    from pipeline.db.show import NotFound

    return (ValueError, DatabaseError, QueryError, NotFound, OSError)


# ---------------------------------------------------------------------------- load

def cmd_load(args: argparse.Namespace) -> int:
    from pipeline.db import load_files, open_db

    try:
        _check_files(args.facts)
        con = open_db(args.db)
        report = load_files(con, args.facts)
        people = con.execute("SELECT count(*) FROM people").fetchall()[0][0]
        total = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        con.close()
    except _errors() as e:
        return _fail("load", e)
    if not args.quiet:
        print(f"munifacts load: {report}; {args.db} has {total} articles, {people} people", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------------------- query

def cmd_query(args: argparse.Namespace) -> int:
    from pipeline.db.query import QUERY_TYPES, Filters, query, run_sql
    from pipeline.db.render import render

    items = list(args.items)
    kind = args.type
    if items and items[0] in QUERY_TYPES:
        if kind and kind != items[0]:
            return _fail("query", f"two record types given ({items[0]} and --type {kind}); give one")
        kind = items.pop(0)
    kind = kind or "officials"
    if items and items[0] not in QUERY_TYPES and not Path(items[0]).exists() and not items[0].endswith(".jsonl"):
        return _fail("query", f"unknown record type {items[0]!r}; use one of: {', '.join(QUERY_TYPES)}")
    try:
        where = []
        for cond in args.where or []:
            col, sep, value = cond.partition("=")
            if not sep or not col.strip():
                raise ValueError(f"--where {cond!r}: write COLUMN=TEXT, e.g. --where role=شهردار")
            where.append((col.strip(), value))
        con = _archive(args.db, items)
        if args.sql:
            df = run_sql(con, args.sql)
            if args.columns:
                unknown = [c for c in args.columns.split(",") if c not in df.columns]
                if unknown:
                    raise ValueError(f"no column {unknown[0]!r} in the result; columns are: {', '.join(df.columns)}")
                df = df[args.columns.split(",")]
        else:
            filters = Filters(person=args.person, org=args.org, role=args.role, kind=args.kind, since=args.since,
                              until=args.until, text=args.text, where=where)
            cols = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
            df = query(con, kind, filters, cols)
        if args.limit:
            df = df.head(args.limit)
    except _errors() as e:
        return _fail("query", e)
    sys.stdout.write(render(df, args.format, bidi=args.bidi))
    return EXIT_OK


# ---------------------------------------------------------------------------- export

def cmd_export(args: argparse.Namespace) -> int:
    try:
        if not args.sqlite and not args.output:
            raise ValueError("say where to write: --sqlite archive.db (for Datasette) or -o DIR (CSV files)")
        con = _archive(args.db, args.facts)
        written = []
        if args.sqlite:
            from pipeline.db.sqlite_export import export_sqlite

            if Path(args.sqlite).suffix in (".duckdb",):
                raise ValueError(f"--sqlite {args.sqlite}: give a new .db path; the archive itself is the --db file")
            written.extend(export_sqlite(con, args.sqlite, args.metadata))
        if args.output:
            from pipeline.db.query import query
            from pipeline.db.render import to_csv

            out = Path(args.output)
            out.mkdir(parents=True, exist_ok=True)
            for kind in ("articles", "officials", "meetings", "commitments", "quotes", "figures", "dates", "entities",
                         "people", "roles", "organizations"):
                df = query(con, kind)
                if kind == "articles":
                    df = con.execute("SELECT article_id, article_jalali, article_date, title, source, text "
                                     "FROM articles ORDER BY article_date, article_id").df()
                path = out / f"{kind}.{args.format}"
                sep = "\t" if args.format == "tsv" else ","
                path.write_text(to_csv(df, sep), encoding="utf-8-sig" if sep == "," else "utf-8")  # BOM: Excel
                written.append(path)
    except _errors() as e:
        return _fail("export", e)
    for path in written:
        print(path)
    return EXIT_OK


# ---------------------------------------------------------------------------- show / view

def cmd_show(args: argparse.Namespace) -> int:
    from pipeline.db.html import article_page
    from pipeline.db.show import article_from_db, article_from_jsonl

    try:
        if bool(args.db) == bool(args.facts):
            raise ValueError("give either --db archive.duckdb or one FACTS.jsonl file")
        if args.db:
            from pipeline.db import open_db

            article = article_from_db(open_db(args.db, create=False, read_only=True), args.id)
        else:
            _check_files(args.facts)
            article = article_from_jsonl(args.facts, args.id)
        Path(args.html).write_text(article_page(article), encoding="utf-8")
    except _errors() as e:
        return _fail("show", e)
    print(args.html)
    return EXIT_OK


def cmd_view(args: argparse.Namespace) -> int:
    from pipeline.view import load_articles, write_view

    try:
        _check_files(args.facts)
        written = write_view(load_articles(args.facts, set(args.id) if args.id else None), args.output, args.per_page)
    except _errors() as e:
        return _fail("view", e)
    for path in written[:1]:
        print(path)
    if len(written) > 1:
        print(f"munifacts view: {len(written)} pages ({written[0].name} ... {written[-1].name})", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------------------- parser

def _sub(sub, name: str, help: str, description: str, examples: str):
    return sub.add_parser(name, help=help, description=description, epilog="examples:\n" + examples,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def register(sub) -> None:
    """Add load, query, export, show and view to the ``munifacts`` subcommand parser."""
    from pipeline.db.kinds import QUERY_TYPES  # not pipeline.db.query: DuckDB and pandas load only when used

    ld = _sub(sub, "load", "load extract output into an archive database (DuckDB)",
              "Append extract JSONL files to a DuckDB archive, then resolve people and organizations across all "
              "articles. Loading the same lines again adds nothing; a changed line replaces its article.",
              "  munifacts load facts.jsonl --db archive.duckdb\n"
              "  munifacts load 1402/*.jsonl 1403/*.jsonl --db archive.duckdb\n")
    ld.add_argument("facts", nargs="+", metavar="FACTS.jsonl")
    ld.add_argument("--db", required=True, metavar="ARCHIVE.duckdb", help="created when missing")
    ld.add_argument("-q", "--quiet", action="store_true")
    ld.set_defaults(func=cmd_load)

    q = _sub(sub, "query", "records from the archive (or extract output), filtered",
             "Print one record type: " + ", ".join(QUERY_TYPES) + ". Text filters ignore ZWNJ, spaces and "
             "Arabic/Persian letter forms; --person matches every spelling of a resolved person. Each row has its "
             "article id, the article date (Jalali and ISO) and the evidence sentence.",
             "  munifacts query officials --db archive.duckdb --role شهردار --since 1403/01\n"
             "  munifacts query commitments --db archive.duckdb --person نیک‌پور --kind promise --format csv\n"
             "  munifacts query quotes --db archive.duckdb --text پسماند --format json\n"
             "  munifacts query people --db archive.duckdb\n"
             "  munifacts query --db archive.duckdb --sql \"SELECT role, count(*) FROM officials GROUP BY 1\"\n"
             "  munifacts query facts.jsonl --type officials --where role=شهردار   (one extract file, no database)\n")
    q.add_argument("items", nargs="*", metavar="[TYPE] [FACTS.jsonl ...]",
                   help="record type, then extract files when there is no --db")
    q.add_argument("--db", metavar="ARCHIVE.duckdb")
    q.add_argument("--type", choices=QUERY_TYPES, help="record type (same as the first argument)")
    q.add_argument("--person", help="a person, any spelling (officials, commitments, quotes, meetings, people, roles)")
    q.add_argument("--org", help="organization text")
    q.add_argument("--role", help="office text, e.g. شهردار")
    q.add_argument("--kind", help="commitments: promise plan decision agreement obligation; figures: money percent "
                                  "area length population count duration other; meetings: نشست، دیدار ...")
    q.add_argument("--since", metavar="DATE", help="article date from (Jalali 1403/01/15, 1403/01, 1403 or ISO)")
    q.add_argument("--until", metavar="DATE", help="article date up to, inclusive (same forms)")
    q.add_argument("--text", help="text search in content, quotes, evidence and article text")
    q.add_argument("--where", action="append", metavar="COLUMN=TEXT",
                   help="a shown column contains TEXT (repeatable; all must hold)")
    q.add_argument("--columns", help="comma-separated columns to show")
    q.add_argument("--sql", help="run this SQL over the archive instead (tables: pipeline/db/schema.sql)")
    q.add_argument("--limit", type=int, help="at most this many rows")
    q.add_argument("--format", choices=["table", "csv", "json", "jsonl"], default="table")
    q.add_argument("--bidi", choices=["visual", "terminal"], default="visual",
                   help="table only: visual reorders Persian for terminals without bidi support (xterm, tmux, "
                        "VS Code); terminal leaves it to a bidi-aware terminal (GNOME Terminal, Konsole)")
    q.set_defaults(func=cmd_query)

    ex = _sub(sub, "export", "a SQLite file for Datasette (--sqlite) or one CSV per table (-o DIR)",
              "Export the archive (or extract files) as a SQLite database that Datasette opens as is, with full-text "
              "search on quotes, commitments and article text, foreign keys and a metadata.json, or as CSV files.",
              "  munifacts export --db archive.duckdb --sqlite archive.db\n"
              "  datasette archive.db --metadata archive.metadata.json\n"
              "  munifacts export facts.jsonl -o tables/            (CSV, opens in Excel)\n")
    ex.add_argument("facts", nargs="*", metavar="FACTS.jsonl")
    ex.add_argument("--db", metavar="ARCHIVE.duckdb")
    ex.add_argument("--sqlite", metavar="OUT.db", help="write a SQLite database (replaced if it exists)")
    ex.add_argument("--metadata", metavar="META.json", help="Datasette metadata (default: OUT.metadata.json)")
    ex.add_argument("-o", "--output", metavar="DIR", help="write one CSV/TSV file per table here")
    ex.add_argument("--format", choices=["csv", "tsv"], default="csv", help="for -o")
    ex.set_defaults(func=cmd_export)

    sh = _sub(sub, "show", "one article as an HTML page: entities highlighted, its records beside it",
              "Write one article right to left with entities highlighted by label and its officials, meetings, "
              "commitments, quotes and figures beside it, each linked to its evidence in the text.",
              "  munifacts show 01_tabriz_metro --db archive.duckdb --html article.html\n"
              "  munifacts show 01_tabriz_metro facts.jsonl --html article.html\n")
    sh.add_argument("id", metavar="ID", help="article id")
    sh.add_argument("facts", nargs="*", metavar="FACTS.jsonl")
    sh.add_argument("--db", metavar="ARCHIVE.duckdb")
    sh.add_argument("--html", required=True, metavar="OUT.html")
    sh.set_defaults(func=cmd_show)

    v = _sub(sub, "view", "HTML pages of many articles with the entities highlighted",
             "Write the articles of extract files as HTML pages, right to left, entities highlighted, "
             "--per-page articles a page with page links and a table of contents.",
             "  munifacts view facts.jsonl -o view.html\n"
             "  munifacts view facts.jsonl -o view.html --id 01_tabriz_metro --id 02_council_yazd\n")
    v.add_argument("facts", nargs="+", metavar="FACTS.jsonl")
    v.add_argument("-o", "--output", required=True, metavar="VIEW.html")
    v.add_argument("--id", action="append", help="only these article ids (repeatable)")
    v.add_argument("--per-page", type=int, default=50, help="articles per page (default 50)")
    v.set_defaults(func=cmd_view)
