-- What a sprint held when it closed: each story with its status, title and points at that moment.
-- A closed sprint's view, change log and sprint file read their stories from here, so carrying a
-- story over (or re-planning it) later does not change the closed sprint's report.
CREATE TABLE SF_SPRINT_STORY (
  SPRINT_ID VARCHAR(64) NOT NULL,
  STORY_ID VARCHAR(64) NOT NULL,
  TITLE VARCHAR(200),
  STATUS VARCHAR(32),
  STORY_POINTS INTEGER,
  CONSTRAINT PK_SF_SPRINT_STORY PRIMARY KEY (SPRINT_ID, STORY_ID),
  CONSTRAINT FK_SF_SPRINT_STORY_SPRINT FOREIGN KEY (SPRINT_ID) REFERENCES SF_SPRINT (SPRINT_ID)
);
