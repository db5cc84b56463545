import GRDB

/// The tables of the history (documented in docs/history.md for people who query it with sqlite3).
/// A round's figures hang off `rounds` and go with it (ON DELETE CASCADE). Each *group* is the
/// whole sample (`fact` NULL) or one value of a profile fact, and holds a full tally and its scores.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 rounds") { db in
            try db.execute(sql: """
                CREATE TABLE rounds (
                    id INTEGER PRIMARY KEY,
                    label TEXT NOT NULL UNIQUE,
                    date TEXT,
                    set_id TEXT NOT NULL,
                    set_title TEXT NOT NULL,
                    set_version TEXT NOT NULL,
                    set_sha256 TEXT NOT NULL,
                    set_origin TEXT NOT NULL,
                    scoring_method TEXT NOT NULL,
                    min_base INTEGER NOT NULL,
                    cases INTEGER NOT NULL,
                    inputs INTEGER NOT NULL,
                    errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    unreadable INTEGER NOT NULL,
                    pseudonymised INTEGER NOT NULL
                );
                CREATE TABLE rule_files (
                    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    origin TEXT NOT NULL,
                    path TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (round_id, position)
                );
                CREATE TABLE renames (
                    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    old_id TEXT NOT NULL,
                    new_id TEXT NOT NULL,
                    PRIMARY KEY (round_id, kind, old_id)
                );
                CREATE TABLE questions (
                    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                    question_id TEXT NOT NULL,
                    criterion_id TEXT NOT NULL,
                    outcome_id TEXT NOT NULL,
                    also_scores TEXT NOT NULL,
                    scored INTEGER NOT NULL,
                    applies TEXT NOT NULL,
                    scale TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    PRIMARY KEY (round_id, question_id)
                );
                CREATE TABLE groups (
                    id INTEGER PRIMARY KEY,
                    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                    fact TEXT,
                    value TEXT,
                    key_kind TEXT NOT NULL CHECK (key_kind IN ('sample', 'value', 'none', 'not_recorded')),
                    cases INTEGER NOT NULL,
                    UNIQUE (round_id, fact, key_kind, value)
                );
                CREATE INDEX groups_round ON groups(round_id);
                CREATE TABLE question_tallies (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    question_id TEXT NOT NULL,
                    sufficient INTEGER NOT NULL,
                    insufficient INTEGER NOT NULL,
                    not_applicable INTEGER NOT NULL,
                    unanswered INTEGER NOT NULL,
                    undetermined INTEGER NOT NULL,
                    invalid INTEGER NOT NULL,
                    descriptive INTEGER NOT NULL,
                    score REAL,
                    base INTEGER NOT NULL,
                    small_base INTEGER NOT NULL,
                    PRIMARY KEY (group_id, question_id)
                );
                CREATE TABLE option_counts (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    question_id TEXT NOT NULL,
                    option TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (group_id, question_id, option)
                );
                CREATE TABLE element_tallies (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    question_id TEXT NOT NULL,
                    element TEXT NOT NULL,
                    sufficient INTEGER NOT NULL,
                    insufficient INTEGER NOT NULL,
                    not_applicable INTEGER NOT NULL,
                    unanswered INTEGER NOT NULL,
                    undetermined INTEGER NOT NULL,
                    invalid INTEGER NOT NULL,
                    descriptive INTEGER NOT NULL,
                    PRIMARY KEY (group_id, question_id, element)
                );
                CREATE TABLE element_cases (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    fact TEXT NOT NULL,
                    element TEXT NOT NULL,
                    cases INTEGER NOT NULL,
                    PRIMARY KEY (group_id, fact, element)
                );
                CREATE TABLE criterion_scores (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    criterion_id TEXT NOT NULL,
                    outcome_id TEXT NOT NULL,
                    score REAL,
                    items INTEGER NOT NULL,
                    answers INTEGER NOT NULL,
                    sufficient INTEGER NOT NULL,
                    cases INTEGER NOT NULL,
                    small_base INTEGER NOT NULL,
                    PRIMARY KEY (group_id, criterion_id)
                );
                CREATE TABLE tag_cases (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    tag TEXT NOT NULL,
                    criterion_id TEXT NOT NULL,
                    cases INTEGER NOT NULL,
                    PRIMARY KEY (group_id, tag, criterion_id)
                );
                CREATE TABLE outcome_scores (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    outcome_id TEXT NOT NULL,
                    score REAL,
                    items INTEGER NOT NULL,
                    answers INTEGER NOT NULL,
                    sufficient INTEGER NOT NULL,
                    cases INTEGER NOT NULL,
                    small_base INTEGER NOT NULL,
                    band TEXT,
                    PRIMARY KEY (group_id, outcome_id)
                );
                CREATE TABLE profile_counts (
                    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                    fact TEXT NOT NULL,
                    value TEXT NOT NULL,
                    key_kind TEXT NOT NULL CHECK (key_kind IN ('value', 'none', 'not_recorded')),
                    cases INTEGER NOT NULL,
                    PRIMARY KEY (round_id, fact, key_kind, value)
                );
                CREATE TABLE case_results (
                    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                    case_id TEXT NOT NULL,
                    question_id TEXT NOT NULL,
                    element TEXT,
                    result TEXT NOT NULL,
                    answer TEXT,
                    computed INTEGER NOT NULL
                );
                CREATE INDEX case_results_round ON case_results(round_id, case_id);
                """)
        }
        return migrator
    }
}
