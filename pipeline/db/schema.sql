-- The munifacts archive database (DuckDB). This file is the one documented schema:
-- `munifacts load` runs it on a new database, and `munifacts export --sqlite` copies
-- the same tables (with foreign keys) into SQLite for Datasette.
--
-- Conventions
--   * Every record table has `article_id` (-> articles.article_id) and `n`, the record's
--     position in that article's JSON line, so (article_id, n) identifies a record.
--   * Offsets (`start`, `end`, `evidence_start`, ...) are character offsets into
--     articles.text (the normalized text); `raw_*` offsets point into the input text.
--   * `evidence` is the sentence that supports a record, as extracted.
--   * Dates: `article_date` is ISO (Gregorian), `article_jalali` is YYYY/MM/DD, both
--     parsed from the article's own date field (Jalali or ISO). A meeting's own date
--     phrase is `meeting_date`, never written over the article's date.
--   * The resolution tables (people, person_mentions, roles, organizations,
--     org_mentions) are rebuilt from the record tables after every load.

CREATE TABLE IF NOT EXISTS munifacts_meta (
    key   VARCHAR,               -- 'format' = 'munifacts-archive', 'schema_version', 'resolver'
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR,     -- the article's id in the extract output
    title           VARCHAR,
    source          VARCHAR,     -- outlet or file the article came from
    date_raw        VARCHAR,     -- the date field as given (Jalali or ISO)
    article_date    DATE,        -- Gregorian date
    article_jalali  VARCHAR,     -- Jalali date, YYYY/MM/DD
    jalali_month    VARCHAR,     -- Jalali month, YYYY/MM
    month           VARCHAR,     -- Gregorian month, YYYY-MM
    text            VARCHAR,     -- normalized article text (all offsets refer to it)
    schema_version  VARCHAR,     -- output schema version of the extract line
    tagger          VARCHAR,     -- model that tagged the article
    tagger_version  VARCHAR,
    content_hash    VARCHAR,     -- sha256 of the extract line: loading it again adds nothing
    loaded_from     VARCHAR,     -- file name the line was loaded from
    loaded_at       TIMESTAMP
);

CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR, n INTEGER,
    label      VARCHAR,          -- PER ROLE ORG LOC FIG DATE
    text       VARCHAR,
    start INTEGER, "end" INTEGER, raw_start INTEGER, raw_end INTEGER,
    score      DOUBLE            -- tagger confidence, when the model gives one
);

CREATE TABLE IF NOT EXISTS officials (
    article_id VARCHAR, n INTEGER,
    person     VARCHAR,          -- name as written in the article
    role       VARCHAR,          -- office title, e.g. شهردار
    org        VARCHAR,
    location   VARCHAR,
    evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    evidence_raw_start INTEGER, evidence_raw_end INTEGER
);

CREATE TABLE IF NOT EXISTS meetings (
    article_id    VARCHAR, n INTEGER,
    kind          VARCHAR,       -- نشست، جلسه، دیدار، بازدید ...
    organizations VARCHAR,       -- organizations taking part, joined by «؛ »
    location      VARCHAR,
    meeting_date  VARCHAR,       -- the meeting's own date phrase, e.g. «صبح امروز»
    topic         VARCHAR,
    evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    evidence_raw_start INTEGER, evidence_raw_end INTEGER
);

CREATE TABLE IF NOT EXISTS participants (
    article_id VARCHAR,
    meeting_n  INTEGER,          -- -> meetings.n of the same article
    n          INTEGER,
    person VARCHAR, role VARCHAR, org VARCHAR,
    grp        VARCHAR           -- a group instead of a person («اعضای شورای شهر»)
);

CREATE TABLE IF NOT EXISTS commitments (
    article_id   VARCHAR, n INTEGER,
    kind         VARCHAR,        -- agreement decision obligation promise plan
    actor        VARCHAR,        -- who commits (person or organization, as written)
    counterparty VARCHAR,
    content      VARCHAR,
    deadline     VARCHAR,        -- deadline phrase as written, e.g. «تا پایان سال»
    figures      VARCHAR,        -- figures in the commitment, joined by «؛ »
    evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    evidence_raw_start INTEGER, evidence_raw_end INTEGER
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, n INTEGER,
    speaker    VARCHAR,
    text       VARCHAR,
    evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    evidence_raw_start INTEGER, evidence_raw_end INTEGER
);

CREATE TABLE IF NOT EXISTS figures (
    article_id VARCHAR, n INTEGER,
    text   VARCHAR,
    value  DOUBLE,               -- numeric value in `unit`
    unit   VARCHAR,              -- تومان، ریال، درصد، هکتار، نفر ... (money is never converted)
    kind   VARCHAR,              -- money percent area length population count duration other
    approx BOOLEAN,              -- «حدود»، «بیش از» ...
    start INTEGER, "end" INTEGER, raw_start INTEGER, raw_end INTEGER,
    evidence VARCHAR             -- the sentence around the figure
);

CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR, n INTEGER,
    text     VARCHAR,
    iso      VARCHAR,            -- resolved start (ISO)
    iso_end  VARCHAR,            -- resolved end of a period (ISO)
    jalali   VARCHAR,
    resolved BOOLEAN,
    relative BOOLEAN,            -- resolved against the article date («تا پایان سال»)
    start INTEGER, "end" INTEGER, raw_start INTEGER, raw_end INTEGER
);

-- People resolved across articles (rebuilt after each load) -------------------------

CREATE TABLE IF NOT EXISTS people (
    person_id   INTEGER,         -- stable within one build of the database
    name        VARCHAR,         -- the most frequent full spelling
    variants    VARCHAR,         -- every spelling seen, joined by «؛ »
    n_articles  INTEGER,
    first_date  DATE,            -- first and last article date mentioning the person
    last_date   DATE,
    first_jalali VARCHAR,        -- the same dates in Jalali (YYYY/MM/DD)
    last_jalali  VARCHAR,
    full_name   BOOLEAN          -- false: a bare surname (or given name) that matched no one, kept apart
);

CREATE TABLE IF NOT EXISTS person_mentions (
    article_id VARCHAR,
    name       VARCHAR,          -- the name exactly as written in that article
    person_id  INTEGER,          -- -> people.person_id
    how        VARCHAR           -- full-name | surname-in-article | surname-by-role
);

CREATE TABLE IF NOT EXISTS roles (
    person_id  INTEGER,          -- -> people.person_id
    role       VARCHAR, org VARCHAR, location VARCHAR,
    first_date DATE, last_date DATE,
    first_jalali VARCHAR, last_jalali VARCHAR,
    n_articles INTEGER,
    articles   VARCHAR           -- article ids, joined by «؛ »
);

CREATE TABLE IF NOT EXISTS organizations (
    org_id     INTEGER,
    name       VARCHAR,          -- the most frequent spelling
    variants   VARCHAR,
    n_articles INTEGER,
    first_date DATE, last_date DATE
);

CREATE TABLE IF NOT EXISTS org_mentions (
    article_id VARCHAR,
    name       VARCHAR,          -- the organization exactly as written
    org_id     INTEGER           -- -> organizations.org_id
);

-- Indexes for the usual filters
CREATE INDEX IF NOT EXISTS articles_id   ON articles (article_id);
CREATE INDEX IF NOT EXISTS articles_date ON articles (article_date);
CREATE INDEX IF NOT EXISTS entities_art  ON entities (article_id);
CREATE INDEX IF NOT EXISTS officials_art ON officials (article_id);
CREATE INDEX IF NOT EXISTS officials_role ON officials (role);
CREATE INDEX IF NOT EXISTS meetings_art  ON meetings (article_id);
CREATE INDEX IF NOT EXISTS participants_art ON participants (article_id);
CREATE INDEX IF NOT EXISTS commitments_art ON commitments (article_id);
CREATE INDEX IF NOT EXISTS commitments_kind ON commitments (kind);
CREATE INDEX IF NOT EXISTS quotes_art    ON quotes (article_id);
CREATE INDEX IF NOT EXISTS figures_art   ON figures (article_id);
CREATE INDEX IF NOT EXISTS figures_kind  ON figures (kind);
CREATE INDEX IF NOT EXISTS dates_art     ON dates (article_id);
CREATE INDEX IF NOT EXISTS pm_art        ON person_mentions (article_id, name);
CREATE INDEX IF NOT EXISTS pm_person     ON person_mentions (person_id);
CREATE INDEX IF NOT EXISTS om_art        ON org_mentions (article_id, name);
