-- The running stories' words, for the feasibility review's duplicate search (UNIQUE): one row per
-- running story and one per story and content word, written in the story's own transaction when it
-- starts, replaced when it is revised, deleted when its process instance ends. A search reads only
-- the stories that hold one of a story's rarest words (or have the same title), however many run.
--   TITLE: the content words of the title, joined by spaces (at most 200 characters)
--   TEXT:  the means and ends (or the title), shown as evidence
--   WORDS: the content words of TEXT, joined by spaces
-- Running stories started before this table existed are indexed when a node starts.
CREATE TABLE SF_STORY_STATEMENT (
  PROC_INST_ID VARCHAR(64) NOT NULL,
  STORY_ID VARCHAR(64),
  TITLE VARCHAR(200) NOT NULL,
  TEXT VARCHAR NOT NULL,
  WORDS VARCHAR NOT NULL,
  CONSTRAINT PK_SF_STORY_STATEMENT PRIMARY KEY (PROC_INST_ID)
);
CREATE INDEX IX_SF_STORY_STATEMENT_TITLE ON SF_STORY_STATEMENT (TITLE);

-- WORD: a content word, at most 100 characters
CREATE TABLE SF_STORY_WORD (
  PROC_INST_ID VARCHAR(64) NOT NULL,
  WORD VARCHAR(100) NOT NULL,
  CONSTRAINT PK_SF_STORY_WORD PRIMARY KEY (PROC_INST_ID, WORD),
  CONSTRAINT FK_SF_STORY_WORD_STATEMENT FOREIGN KEY (PROC_INST_ID)
    REFERENCES SF_STORY_STATEMENT (PROC_INST_ID) ON DELETE CASCADE
);
CREATE INDEX IX_SF_STORY_WORD_WORD ON SF_STORY_WORD (WORD, PROC_INST_ID);
