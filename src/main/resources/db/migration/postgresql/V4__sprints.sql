-- Sprints: created by the product owner, started (stories of the sprint may then go on to
-- In-progress) and closed (stories not done carry over). Stories name their sprint in the
-- process variable `sprint`.
CREATE TABLE SF_SPRINT (
  SPRINT_ID VARCHAR(64) NOT NULL,
  NAME VARCHAR(200) NOT NULL,
  GOAL VARCHAR(2000),
  START_DATE DATE,
  END_DATE DATE,
  STATE VARCHAR(16) NOT NULL,
  CREATED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  CREATED_BY VARCHAR(255),
  STARTED_AT TIMESTAMP WITH TIME ZONE,
  CLOSED_AT TIMESTAMP WITH TIME ZONE,
  CONSTRAINT PK_SF_SPRINT PRIMARY KEY (SPRINT_ID),
  CONSTRAINT CK_SF_SPRINT_STATE CHECK (STATE IN ('PLANNED', 'STARTED', 'CLOSED'))
);

-- When a story reached Done. A story waiting for its dependencies locks their rows while it
-- checks them, and a story that ends locks its own row while it releases the waiting ones, so
-- no story misses the release of a dependency that ends at the same moment.
ALTER TABLE SF_STORY ADD COLUMN DONE_AT TIMESTAMP WITH TIME ZONE;
