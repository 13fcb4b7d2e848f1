-- Imported epics: the epic file as the team wrote it (MARKDOWN), so that the export gives it back
-- with only the stories' statuses and checkboxes brought up to date. One row per epic id
-- (v{version}-{title}); importing the epic again replaces the row.
CREATE TABLE SF_EPIC (
  EPIC_ID VARCHAR(64) NOT NULL,
  TITLE VARCHAR(200) NOT NULL,
  EPIC_VERSION VARCHAR(32),
  MARKDOWN TEXT NOT NULL,
  STORY_COUNT INTEGER NOT NULL,
  IMPORTED_BY VARCHAR(255),
  IMPORTED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT PK_SF_EPIC PRIMARY KEY (EPIC_ID)
);
